"""An ordered map over worker processes, each loading the spaCy model once."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

from crosswire import nlp

In = TypeVar("In")
Out = TypeVar("Out")
AHEAD_PER_WORKER = 2  # batches queued per worker: keeps workers busy, memory O(batches)


def ordered_map(fn: Callable[[In], Out], items: Iterable[In], workers: int = 1) -> Iterator[Out]:
    """`map(fn, items)` in `workers` processes, results in input order.

    Items are pulled lazily and at most ``2 × workers`` are in flight, so an endless input
    stream is fine and memory stays bounded. One worker means no processes at all.
    """
    if workers <= 1:
        yield from map(fn, items)
        return
    # spawn, not fork: the parent may hold threads (progress bar, SQLite) a fork would copy
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=nlp.load_nlp) as pool:
        pending: deque[Future[Out]] = deque()
        source = iter(items)
        for item in source:
            pending.append(pool.submit(fn, item))
            if len(pending) >= workers * AHEAD_PER_WORKER:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
