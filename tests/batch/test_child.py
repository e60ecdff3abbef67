"""`ChildWorker`: work in a child process, killed and replaced when it overruns."""

from __future__ import annotations

import pytest
from tests.batch.work import no_warm_up, square_unless_negative

from crosswire.batch.child import ChildWorker
from crosswire.budget import OverBudget


def test_a_child_that_overruns_is_killed_and_the_next_call_gets_a_fresh_one() -> None:
    with ChildWorker(square_unless_negative, no_warm_up) as child:
        assert child.call(3, timeout=60) == 9
        first = child._process.pid
        with pytest.raises(OverBudget):
            child.call(-1, timeout=0.5)
        assert child._process is None  # killed
        assert child.call(4, timeout=60) == 16
        assert child._process.pid != first


def test_an_exception_in_the_child_is_reported_and_the_child_goes_on() -> None:
    with ChildWorker(int, no_warm_up) as child:
        with pytest.raises(Exception, match="ValueError"):
            child.call("not a number", timeout=60)
        assert child.call("12", timeout=60) == 12
