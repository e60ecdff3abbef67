"""Verbs whose subject undergoes the event (crosswire.events.undergoers): "X faces
charges" is an accusation of X, "drew criticism from Y" one by Y; "drew a gun" is still
done by its subject. Events are built as the learned decision builds them at a word with
a type (`triggers.code_learned`), so what is tested is who is who, not the decision.
Each sentence is written for the test."""

from __future__ import annotations

import pytest
from tests.events.conftest import built

pytestmark = pytest.mark.slow


def test_who_faces_charges_is_the_target() -> None:
    event = built("Mark Dunn faces two counts of robbery, police said.", "faces", "ACCUSE")
    assert event.source is None
    assert event.target is not None and event.target.name == "Mark Dunn"


def test_an_inherited_subject_that_faces_charges_is_the_target() -> None:
    event = built("Mark Dunn is expected to face charges on Monday.", "face", "ACCUSE")
    assert event.source is None
    assert event.target is not None and event.target.name == "Mark Dunn"


def test_criticism_drawn_from_someone_is_theirs() -> None:
    text = "The Russian government drew criticism from Amnesty International on Monday."
    event = built(text, "drew", "ACCUSE")
    assert event.source is not None and event.source.name == "Amnesty International"
    assert event.target is not None and event.target.country == "RUS"


def test_a_gun_drawn_is_drawn_by_the_subject() -> None:
    event = built("Mark Dunn drew a gun on the officers.", "drew", "THREATEN")
    assert event.source is not None and event.source.name == "Mark Dunn"


def test_who_appears_in_court_is_the_one_tried() -> None:
    event = built("Mark Dunn will appear at the county court on Monday.", "appear", "ACCUSE")
    assert event.source is None
    assert event.target is not None and event.target.name == "Mark Dunn"


def test_who_stands_trial_is_the_one_tried() -> None:
    event = built("Mark Dunn will stand trial in Paris next month.", "stand", "ACCUSE")
    assert event.source is None
    assert event.target is not None and event.target.name == "Mark Dunn"
