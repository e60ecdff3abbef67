"""Coordinated verbs that name one act (crosswire.events.coordinated). Each sentence is
written for the test."""

from __future__ import annotations

import pytest
from tests.events.conftest import code

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "Militia fighters shot and killed three villagers near Goma on Sunday.",
        "The journalist was stabbed and wounded by soldiers in Bamako.",
    ],
)
def test_two_verbs_sharing_one_object_are_one_event(text: str) -> None:
    assaults = [e for e in code(text) if e.type == "ASSAULT"]
    assert len(assaults) == 1, [(e.type, e.trigger) for e in code(text)]


def test_the_folded_verb_keeps_its_count() -> None:
    text = "Militia fighters shot and killed 3 villagers near Goma."
    [assault] = [e for e in code(text) if e.type == "ASSAULT"]
    assert assault.numbers.get("killed") == 3, assault.numbers
    assert assault.target is not None and assault.target.country == "COD"


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # each verb has its own object: two acts
        ("Police raided the office and arrested three men in Lagos.", ["COERCE", "COERCE"]),
        # two types: two events
        ("Police arrested and charged the mayor of Lagos.", ["ACCUSE", "COERCE"]),
        # each verb with its own auxiliaries: an arrest, then a detention
        ("Two men were arrested and were being held in a Lagos jail.", ["COERCE", "COERCE"]),
        # two acts of one type on one object: a conviction, then a sentence
        ("A Lagos court convicted and sentenced the former governor.", ["SANCTION", "SANCTION"]),
    ],
)
def test_verbs_with_their_own_object_or_type_stay_two(text: str, types: list[str]) -> None:
    assert sorted(e.type for e in code(text)) == types


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Three soldiers were killed in an attack by rebels in Mali on Monday.", "ASSAULT"),
        ("Five men were arrested in a police raid on a mosque in Nairobi.", "COERCE"),
    ],
    ids=["killed-in-an-attack", "arrested-in-a-raid"],
)
def test_the_act_a_harm_happened_in_is_that_one_event(text: str, event_type: str) -> None:
    """Told by its result and by its name: one event, with the act's doer and date."""
    events = [e for e in code(text) if e.type == event_type]
    assert len(events) == 1, [(e.type, e.trigger) for e in events]
    assert events[0].source is not None and events[0].target is not None
    if "Monday" in text:
        assert events[0].date_from == "text"
