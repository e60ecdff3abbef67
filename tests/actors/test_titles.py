"""Abbreviated titles before names ("Sen.", "Gov.", "Col.") and datelines: a title is
never a country, the name after it is a person in the title's role, and the place that
opens a wire story is where it was filed, never a state acting. Sentences written here."""

from __future__ import annotations

import pytest

from crosswire.actors import countries
from crosswire.actors.data import titles
from crosswire.actors.datelines import dateline_end
from crosswire.actors.lexicon import roles
from crosswire.actors.titles import expand_titles, title_before

from .conftest import analyse_text


@pytest.mark.parametrize("word", ["Sen.", "Col.", "Ind.", "Ala.", "Nev.", "Sam'"])
def test_a_short_abbreviation_is_no_country(word: str) -> None:
    assert countries.country_code(word) is None


def test_titles_expand_to_their_role() -> None:
    assert expand_titles("Sen.") == "senator"
    assert expand_titles("Democratic Rep.") == "Democratic representative"
    assert title_before("Gov. Brian Kemp", 15) is None
    assert title_before("said Gov. Brian Kemp", 10) == "Gov."


def test_a_title_is_no_mention_and_its_name_is_a_person(analyse) -> None:
    found = analyse("Sen. Warner and Col. Ahmed Saleh met Gov. Brian Kemp in Atlanta.")
    assert not {m.actor.country for m in found.mentions} & {"SEN", "COL"}
    assert not [m for m in found.mentions if m.text.rstrip(".") in {"Sen", "Col", "Gov"}]
    warner = found.find("Warner")
    assert warner.type == "PERSON" and warner.actor.sector == "LEG"
    assert warner.actor.country != "SEN"
    assert found.find("Brian Kemp").actor.sector == "GOV"


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("MOSCOW (Reuters) - Moscow accused Kyiv.", len("MOSCOW (Reuters) -")),
        ("HANOI — Mark Esper accused China.", len("HANOI —")),
        ("SAN DIEGO, Calif. — The Navy said.", len("SAN DIEGO, Calif. —")),
        ("WASHINGTON, Dec 3 (Reuters) - China said.", len("WASHINGTON, Dec 3 (Reuters) -")),
        ("NATO on Tuesday accused Russia.", None),
        ("The US rejected the plan.", None),
        ("US troops left.", None),
    ],
)
def test_datelines(text: str, end: int | None) -> None:
    assert dateline_end(text, 0) == end


def test_a_dateline_capital_is_no_state(analyse) -> None:
    found = analyse("MOSCOW (Reuters) - Moscow accused Kyiv of shelling the plant.")
    assert found.find("MOSCOW").type == "PLACE"
    assert found.find("Moscow").type == "COUNTRY"


def test_a_country_name_tagged_as_a_person_is_a_country(analyse) -> None:
    found = analyse("The EU on Monday condemned Belarus for the crackdown.")
    assert found.find("Belarus").actor.key == "country:BLR"


def test_every_title_abbreviates_a_known_role() -> None:
    for title, role in titles().abbreviations.items():
        assert role is None or role in roles(), title


def test_a_country_name_is_no_evidence_of_a_person(analyse) -> None:
    found = analyse("Sri Lanka has opened an embassy in Tehran, the foreign ministry said.")
    assert found.find("Sri Lanka").actor.key == "country:LKA"


def test_a_people_named_by_country_words_is_a_group(analyse) -> None:
    found = analyse("Bosnian Serbs demanded a truce with Moslem forces in east Bosnia.")
    serbs = found.find("Bosnian Serbs")
    assert serbs.type == "GROUP" and serbs.actor.country == "BIH"


def test_an_apposition_with_a_participle_gives_the_country(analyse) -> None:
    found = analyse("Mariam Koné, Mali's best-known opposition activist, began a hunger strike.")
    assert found.find("Mariam Koné").actor.country == "MLI"


@pytest.mark.slow
def test_a_country_written_after_the_name_wins_over_a_listed_person_s() -> None:
    # "of Ukraine" is Kuchma's; "of Russia", right after his name, is Yeltsin's
    text = "Presidents Leonid Kuchma of Ukraine and Boris Yeltsin of Russia signed a plan."
    analysed = analyse_text(text)
    assert analysed.find("Leonid Kuchma").actor.country == "UKR"
    assert analysed.find("Boris Yeltsin").actor.country == "RUS"
