"""The doer of a harm read from the act or operation it happened in
(crosswire.events.operations). Each sentence is written for the test."""

from __future__ import annotations

import pytest
from tests.events.conftest import only_one as _one

pytestmark = pytest.mark.slow


def test_a_harm_told_in_the_passive_is_done_by_the_doer_of_the_act_it_happened_in() -> None:
    text = "One Turkish soldier was killed and another wounded in shelling by Syrian forces."
    event = _one(text, "ASSAULT")
    assert event.source is not None and event.source.country == "SYR"
    text = "At least 51 people were killed in clashes between Serb police and Albanians."
    event = _one(text, "ASSAULT")
    assert event.source is not None and "police" in event.source.name.lower()


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Three militants were killed in an Israeli airstrike on Gaza on Monday.", "Israel"),
        ("Two soldiers were killed in a Taliban attack in Helmand.", "Taliban"),
        ("Five protesters were arrested in a police operation in Cairo on Friday.", "police"),
        ("A Mafia boss was found dead after being arrested in a major police sweep.", "police"),
    ],
    ids=["nationality", "named-group", "police-operation", "police-sweep"],
)
def test_a_harm_in_an_operation_is_done_by_the_one_its_modifier_names(text: str, doer: str) -> None:
    event = _one(text, "ASSAULT" if "killed" in text else "COERCE")
    assert event.source is not None and doer in event.source.name


def test_a_place_before_the_act_says_where_not_who() -> None:
    event = _one("Two soldiers were killed in a Kabul attack on Monday.", "ASSAULT")
    assert event.source is None


def test_a_judgement_given_in_a_court_is_the_courts() -> None:
    event = _one(
        "The former mayor of Lagos was sentenced in federal court to five years.", "SANCTION"
    )
    assert event.source is not None and "court" in event.source.name
