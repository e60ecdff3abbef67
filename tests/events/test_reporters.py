"""The doer of a passive event taken from its reporter where the reporter's office does
such acts (crosswire.events.reporters): a prosecutor reporting a charge brought it; police
reporting an arrest are left out, as the guideline does. Events are built as the learned
decision builds them at a word with a type. Each sentence is written for the test."""

from __future__ import annotations

import pytest
from tests.events.conftest import built

pytestmark = pytest.mark.slow


def test_a_charge_reported_by_a_prosecutor_was_brought_by_the_prosecutor() -> None:
    text = "Mark Dunn has been charged with robbery, District Attorney Jane Cole said."
    event = built(text, "charged", "ACCUSE")
    assert event.source is not None and event.source.name == "Jane Cole"
    assert event.target is not None and event.target.name == "Mark Dunn"


def test_an_arrest_reported_by_police_keeps_its_arrester_unstated() -> None:
    event = built("Mark Dunn was arrested on Friday, police said.", "arrested", "COERCE")
    assert event.source is None


def test_the_da_is_the_district_attorney() -> None:
    event = built("Mark Dunn has been charged with robbery, the DA said.", "charged", "ACCUSE")
    assert event.source is not None and event.source.sector == "JUD"


def test_charges_filed_are_brought_by_the_prosecutor_who_announces_them() -> None:
    text = (
        "District Attorney Steve Cooley announced today that capital murder charges were "
        "filed against a gang member accused of killing a deputy."
    )
    event = built(text, "charges", "ACCUSE")
    assert event.source is not None and event.source.name == "Steve Cooley"
    assert event.target is not None and "gang member" in event.target.name
