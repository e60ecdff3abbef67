"""Argument phrases the parse splits or joins wrongly (crosswire.events.arguments and the
noun roles of crosswire.events.triggers). Each sentence is written for the test."""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc
from tests.events.conftest import code
from tests.events.conftest import only_one as _one

from crosswire.events.arguments import _run_into_next

pytestmark = pytest.mark.slow
VOCAB = English().vocab  # with the lexical attributes (punctuation) of English words


def test_a_team_name_run_into_a_person_is_no_second_subject() -> None:
    # the parse the small English model gives this sentence in some articles: "Chargers"
    # and "Jackson" both passive subjects of "arrested"
    words = ["San", "Diego", "Chargers", "receiver", "Vincent", "Jackson", "was", "arrested"]
    heads = [1, 2, 7, 5, 5, 7, 7, 7]
    deps = ["compound", "compound", "nsubjpass", "compound", "compound", "nsubjpass"]
    doc = Doc(VOCAB, words=words, heads=heads, deps=[*deps, "auxpass", "ROOT"])
    assert _run_into_next(doc[2])  # Chargers: right against the next subject
    assert not _run_into_next(doc[5])
    listed = Doc(VOCAB, words=["Smith", ",", "Jones", "were", "arrested"],
                 heads=[4, 0, 4, 4, 4],
                 deps=["nsubjpass", "punct", "nsubjpass", "auxpass", "ROOT"])  # fmt: skip
    assert not _run_into_next(listed[0])  # a comma between: two subjects


def test_doers_joined_in_a_by_phrase_of_an_event_noun_are_not_its_target() -> None:
    event = _one(
        "The fire is under investigation by the Palmer Police and the State Fire Marshal.",
        "ACCUSE",
    )
    assert event.source is not None and "palmer" in event.source.key
    assert event.target is None


def test_parties_of_talks_are_source_and_target() -> None:
    event = _one("Talks between Russia and Ukraine resumed in Minsk.", "CONSULT")
    assert event.source is not None and event.target is not None
    assert {event.source.key, event.target.key} == {"country:RUS", "country:UKR"}


def test_a_word_of_the_line_above_is_no_second_subject() -> None:
    # a page's headline and time stamp run into the first sentence below them: the parse
    # makes "GMT" a second subject of "shot" (and of "injured", joined to it)
    text = (
        "Gunman kills 1, injures 2\nPOSTED: 1052 GMT (1852 HKT), April 10, 2007\n"
        "A Michigan man shot to death one person and injured two others Monday at the "
        "firm, police said."
    )
    shot = [e for e in code(text) if e.trigger in {"shot", "injured"}]
    assert len(shot) == 2, [(e.type, e.trigger) for e in code(text)]
    for event in shot:
        assert event.source is not None and event.source.name == "Michigan man"
