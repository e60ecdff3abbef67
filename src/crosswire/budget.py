"""The per-article time budget: no article's analysis may hold a run up for longer.

Where the analysis runs on a process's main thread (``crosswire run``, its worker
processes, a child process) a real-time timer (``setitimer``) interrupts it with
`OverBudget` when the budget is spent. Signals reach only the main thread, so a run on
another thread (the server's ingest thread) runs the analysis in a child process instead
(`crosswire.batch.child`), which is killed and replaced when it overruns.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TypeVar

from crosswire.errors import InputError
from crosswire.model import IngestError, Source

T = TypeVar("T")
log = logging.getLogger(__name__)

REASON_CHARS = 200  # of an exception's message in an error record


class OverBudget(BaseException):
    """The time budget ran out. A BaseException, so that a stage's own ``except
    Exception`` cannot swallow it and go on with the timer spent."""


class BudgetUnenforceable(RuntimeError):
    """A time limit was asked for off the main thread, where nothing could enforce it."""

    def __init__(self) -> None:
        super().__init__("a time limit needs the main thread; run the work in a child process")


def alarm_works() -> bool:
    """Whether `time_limit` can interrupt work in this thread (the main thread of a process
    on a system with ``setitimer``)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `OverBudget` in the block once `seconds` have passed (None: no limit).

    Only on a main thread (see `alarm_works`); elsewhere it is an error to ask, since the
    block could not be stopped.
    """
    if seconds is None:
        yield
        return
    if not alarm_works():
        raise BudgetUnenforceable

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise OverBudget

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def over_budget_reason(seconds: float) -> str:
    return f"analysis took longer than {seconds:g} s"


def failure_reason(exc: BaseException, stage: str = "analysis") -> str:
    """An unexpected exception as an error record's reason: its type and first words (the
    traceback goes to the debug log)."""
    text = " ".join(str(exc).split())
    if len(text) > REASON_CHARS:
        text = text[: REASON_CHARS - 1] + "…"
    return f"{stage} failed: {type(exc).__name__}" + (f": {text}" if text else "")


def within(
    source: Source, budget: float | None, fn: Callable[..., T], *args: object
) -> T | IngestError:
    """`fn(*args)` for one input record, or the record's one error: the reason of an
    `InputError`, an overrun of `budget` seconds, or any other exception, so that one
    record never stops the others. Call on a main thread when `budget` is set."""
    try:
        with time_limit(budget):
            return fn(*args)
    except OverBudget:
        assert budget is not None
        return IngestError(source.path, over_budget_reason(budget), source.record)
    except InputError as exc:
        return IngestError(source.path, exc.reason, source.record)
    except BudgetUnenforceable:
        raise  # the caller's mistake, not the record's
    except Exception as exc:
        log.debug("analysis of %s#%s failed", source.path, source.record, exc_info=True)
        return IngestError(source.path, failure_reason(exc), source.record)
