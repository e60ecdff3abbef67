"""French actors resolve to the keys the English actors stage gives: a person the knowledge
base knows by another spelling of the whole name is found by the surname, French country
names and adjectives name their states, a capital that acts stands for its state and one
that places an event does not."""

from __future__ import annotations

import pytest

from crosswire.events.fr.actors import Resolver, country_of, singular
from crosswire.events.fr.data import ActorNames
from crosswire.nlp import load_french


def test_french_country_names_and_adjectives() -> None:
    assert country_of("la Russie") == "RUS"
    assert country_of("l'Allemagne") == "DEU"
    assert country_of("nord-coréennes") == "PRK"
    assert country_of("Iran") == "IRN"  # as English writes it: crosswire's own table
    assert country_of("la semaine") is None


def test_plural_nouns_made_singular() -> None:
    assert [singular(w) for w in ("manifestants", "armes", "journaux", "bus")] == [
        "manifestant", "arme", "journal", "bus",
    ]  # fmt: skip


def test_names_in_the_data_file_must_be_written_folded() -> None:
    with pytest.raises(ValueError, match="folded"):
        ActorNames(countries={}, capitals={"Moscou": "RUS"}, agents={}, keyed_by_noun=frozenset(),
                   quantities=frozenset())  # fmt: skip


@pytest.mark.slow
def test_a_russian_name_in_french_spelling_is_the_english_stage_s_person() -> None:
    doc = load_french()("Sergueï Lavrov a rencontré Hakan Fidan. Lavrov a ensuite quitté Ankara.")
    resolver = Resolver.of(doc, None)
    assert resolver.person("Sergueï Lavrov").key == "person:sergei lavrov"  # KB: Sergey Lavrov
    later = resolver.person("Lavrov")  # the document's longest form of the name
    assert (later.key, later.country) == ("person:sergei lavrov", "RUS")


@pytest.mark.slow
def test_a_capital_acts_for_its_state_only_as_subject_or_object() -> None:
    doc = load_french()("Moscou a condamné la décision. Le ministre est arrivé à Moscou.")
    resolver = Resolver.of(doc, None)
    acting, placing = [e for e in doc.ents if e.text == "Moscou"]
    assert resolver.entity_actor(acting) is not None
    assert resolver.entity_actor(acting).key == "country:RUS"  # type: ignore[union-attr]
    placed = resolver.entity_actor(placing)
    assert placed is None or not placed.key.startswith("country:")
