"""Matching events of two labels."""

from __future__ import annotations

from tests.labelling.conftest import event
from tools.labelling.matching import argument_agrees, match_events, overlap
from tools.labelling.schema import EventLabel


def ev(**fields) -> EventLabel:
    return EventLabel.model_validate(event(**fields))


def test_spans_overlap_only_when_they_share_characters():
    assert overlap((0, 5), (4, 9)) and not overlap((0, 5), (5, 9))
    assert argument_agrees(None, None) and not argument_agrees((0, 2), None)


def test_events_pair_one_to_one_by_type_and_trigger():
    a = [ev(), ev(type="COERCE", mode="arrest", trigger=[20, 25])]
    b = [ev(trigger=[10, 12]), ev(type="ASSAULT", trigger=[20, 25])]
    assert match_events(a, b) == [(a[0], b[0])]
    assert len(match_events(a, b, same_type=False)) == 2
