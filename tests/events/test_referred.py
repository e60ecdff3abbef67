"""Event nouns that tell no act of their own here (crosswire.events.referred): the kind of
an actor, what a charge is for, an act referred to in a phrase. Sentences written for the
tests."""

from __future__ import annotations

import pytest
from tests.events.conftest import code

pytestmark = pytest.mark.slow


def test_a_noun_that_says_what_kind_of_actor_is_no_event() -> None:
    events = code("Egyptian riot police arrested ten protesters.")
    assert [e.type for e in events] == ["COERCE"]
    assert events[0].source is not None and events[0].source.name == "Egyptian riot police"


@pytest.mark.parametrize(
    "text",
    [
        "Two men were charged in connection with the shooting of a police officer.",
        "Protesters marched against the killing of the activist by soldiers.",
        "Two men were arrested in connection with the attack on the Greek police station.",
        "Doctors flew to Nairobi to help victims of the attacks on the American embassies.",
    ],
)
def test_a_harmful_act_named_in_a_phrase_refers_to_one_told_elsewhere(text: str) -> None:
    # the labelling guideline's background references: only the sentence's own news
    acts = {"shooting", "killing", "attack", "attacks"}
    assert [e for e in code(text) if e.trigger in acts] == []


def test_a_harmful_act_as_a_harms_own_phrase_folds_into_it() -> None:
    [event] = code("Twelve Americans were killed in the Kenya embassy bombing.")
    assert event.trigger == "killed"
    assert event.source is None  # the embassy is what was bombed, not the bomber


def test_an_act_listed_before_a_charge_the_parser_split_is_what_is_charged() -> None:
    # the parser reads "murder" as the object of "face" and "kidnapping" as a verb
    text = "Gary Gomes, 35, will face murder and kidnapping charges after police found the bodies."
    assert [e for e in code(text) if e.type == "ASSAULT" or e.trigger == "murder"] == []
