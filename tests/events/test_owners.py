"""Whose an act or a thing is (`crosswire.events.owners`). Sentences written for the tests."""

from __future__ import annotations

import pytest
from tests.events.conftest import word_in_context

from crosswire.events.owners import act_doers


def doers(text: str, noun: str) -> list[str]:
    """The names of the doers `act_doers` finds for the first token `noun` in `text`."""
    token, context = word_in_context(text, noun)
    return [a.name for a in act_doers(token, context)]


@pytest.mark.parametrize(
    ("text", "noun", "names"),
    [
        ("Russia's attack on Kyiv began at dawn.", "attack", ["Russia"]),
        ("Israeli strikes on Gaza continued.", "strikes", ["Israel"]),
        ("A Hamas attack killed three people.", "attack", ["Hamas"]),
        ("The arrest by Kenyan police was filmed.", "arrest", ["Kenyan police"]),
        ("The EU decision angered Tehran.", "decision", ["European Union"]),
        # a person or a place written before an act says when or where, not who
        ("The Gaza shelling went on.", "shelling", []),
    ],
)
def test_an_acts_doers_are_its_owner_or_its_by_phrase(
    text: str, noun: str, names: list[str]
) -> None:
    assert doers(text, noun) == names
