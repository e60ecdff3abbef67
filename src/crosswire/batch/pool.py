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
# A worker is replaced by a fresh one after this many batches: the per-process caches of the
# stages (name lookups, spaCy's string store) grow with every new word seen, and a long run
# must not grow with them. Restarting costs one model load per 16k articles or so.
RECYCLE_AFTER = 500


def ordered_map(
    fn: Callable[[In], Out],
    items: Iterable[In],
    workers: int = 1,
    recycle_after: int = RECYCLE_AFTER,
) -> Iterator[Out]:
    """`map(fn, items)` in `workers` processes, results in input order.

    Items are pulled lazily and at most ``2 × workers`` are in flight, so an endless input
    stream is fine and memory stays bounded. One worker means no processes at all.
    """
    if workers <= 1:
        yield from map(fn, items)
        return
    # spawn, not fork: the parent may hold threads (progress bar, SQLite) a fork would copy
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        workers,
        mp_context=context,
        initializer=nlp.load_nlp,
        max_tasks_per_child=recycle_after,
    ) as pool:
        pending: deque[Future[Out]] = deque()
        source = iter(items)
        for item in source:
            pending.append(pool.submit(fn, item))
            if len(pending) >= workers * AHEAD_PER_WORKER:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
