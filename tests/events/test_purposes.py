"""The purpose of a visit (crosswire.events.purposes). Each sentence is written for the
test."""

from __future__ import annotations

import pytest
from tests.events.conftest import code

pytestmark = pytest.mark.slow


def test_an_act_the_visitor_came_to_do_is_done_to_the_one_visited() -> None:
    text = "Governor Palin visited the church in Wasilla after the fire to apologize."
    [apology] = [e for e in code(text) if e.type == "CONCEDE"]
    assert apology.target is not None and apology.target.sector == "REL"


def test_a_purpose_that_names_whom_it_is_done_to_keeps_it() -> None:
    text = "The French president flew to Kabul on Monday to meet the Afghan president."
    meetings = [e for e in code(text) if e.trigger == "meet"]
    assert meetings and meetings[0].target is not None
    assert meetings[0].target.key.startswith("person:")


@pytest.mark.parametrize(
    ("text", "talks"),
    [
        (
            "The French foreign minister arrived in Kenya on Tuesday for talks with President Moi.",
            "talks",
        ),
        (
            "The Japanese prime minister flew to Washington for a meeting with President Biden.",
            "meeting",
        ),
    ],
)
def test_talks_a_visitor_travelled_for_are_the_visitors_own(text: str, talks: str) -> None:
    events = code(text)
    [visit] = [e for e in events if e.mode == "visit"]
    [held] = [e for e in events if e.trigger == talks]
    assert visit.source is not None and held.source is not None
    assert held.source.key == visit.source.key
    assert held.target is not None and held.target.name in {"Moi", "Biden"}
