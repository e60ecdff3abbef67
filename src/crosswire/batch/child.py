"""One child process that runs a function on what it is sent, and is killed and replaced
when an answer does not come in time.

For the per-article time budget where the caller is not a main thread (the server's ingest
thread), so a timer signal cannot interrupt the work in the caller itself: in the child the
work runs on its main thread, where the budget's timer works, and the caller's deadline
catches what even that cannot stop (a C extension that never returns to Python).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar, cast

from crosswire.budget import OverBudget
from crosswire.errors import CrosswireError

In = TypeVar("In")
Out = TypeVar("Out")
# Starting means loading the spaCy model (seconds); far longer means the child is stuck
START_TIMEOUT = 600.0


class ChildWorker(Generic[In, Out]):
    """`call(item, timeout)` runs `fn(item)` in a spawned child process that ran `warm_up`
    once; a child that overruns is killed (`OverBudget` is raised) and the next call
    starts a fresh one. Spawned, not forked: the caller may have other threads."""

    def __init__(self, fn: Callable[[In], Out], warm_up: Callable[[], object]) -> None:
        self.fn, self.warm_up = fn, warm_up
        self._context = multiprocessing.get_context("spawn")
        self._process: Any = None
        self._conn: Connection | None = None

    def call(self, item: In, timeout: float) -> Out:
        conn = self._started()
        conn.send(item)
        if not conn.poll(timeout):
            self.close(kill=True)
            raise OverBudget
        try:
            status, value = conn.recv()
        except EOFError as exc:  # the child died (killed for memory, a crash in C)
            self.close(kill=True)
            raise CrosswireError("the analysis process ended unexpectedly") from exc
        if status == "error":
            raise CrosswireError(f"the analysis process failed: {value}")
        return cast(Out, value)  # what `fn` returned in the child, sent back pickled

    def start(self) -> None:
        """Start the child now (it starts at the first call otherwise)."""
        self._started()

    def _started(self) -> Connection:
        if self._conn is not None and self._process.is_alive():
            return self._conn
        self.close(kill=True)
        ours, theirs = self._context.Pipe()
        self._process = self._context.Process(
            target=_serve, args=(theirs, self.fn, self.warm_up), daemon=True
        )
        self._process.start()
        theirs.close()
        if not ours.poll(START_TIMEOUT):
            self._process.kill()
            raise CrosswireError("the analysis process did not start")
        ours.recv()  # ready
        self._conn = ours
        return ours

    def close(self, kill: bool = False) -> None:
        """End the child: asked to finish, or killed at once."""
        if self._process is None:
            return
        if kill:
            self._process.kill()
        elif self._conn is not None:
            try:
                self._conn.send(None)
            except OSError:
                self._process.kill()
        self._process.join(timeout=None if kill else 10)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()
        if self._conn is not None:
            self._conn.close()
        self._process, self._conn = None, None

    def __enter__(self) -> ChildWorker[In, Out]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _serve(conn: Connection, fn: Callable[[Any], Any], warm_up: Callable[[], object]) -> None:
    """The child's loop: warm up, say so, then answer each item until told to stop (None)
    or the parent is gone."""
    warm_up()
    conn.send(("ready", None))
    while True:
        try:
            item = conn.recv()
        except EOFError:
            return
        if item is None:
            return
        try:
            answer = ("ok", fn(item))
        except Exception as exc:  # reported to the caller, which decides
            answer = ("error", f"{type(exc).__name__}: {exc}")
        conn.send(answer)
