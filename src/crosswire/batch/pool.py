"""An ordered map over worker processes that share one warmed-up parent, and `chunks`, the
lazy batching that feeds work to them (and a store its transactions)."""

from __future__ import annotations

import multiprocessing
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from typing import TypeVar

from crosswire import nlp

T = TypeVar("T")
In = TypeVar("In")
Out = TypeVar("Out")
AHEAD_PER_WORKER = 2  # batches queued per worker: keeps workers busy, memory O(batches)
# The workers are replaced by fresh ones after this many items each. The stages' own caches
# are bounded and spaCy's vocabulary is kept flat by memory zones (pipeline.analyse_articles);
# this lets go of whatever else a long-lived process gathers (library caches, a fragmented
# heap). A fresh set costs a fork (or, where the parent cannot fork, a model load each) per
# 8k articles a worker or so (items of 16 records).
RECYCLE_AFTER = 500


def ordered_map(
    fn: Callable[[In], Out],
    items: Iterable[In],
    workers: int = 1,
    recycle_after: int = RECYCLE_AFTER,
    warm_up: Callable[[], object] = nlp.load_nlp,
) -> Iterator[Out]:
    """`map(fn, items)` in `workers` processes, results in input order.

    Items are pulled lazily and at most ``2 × workers`` are in flight, so an endless input
    stream is fine and memory stays bounded. One worker means no processes at all.
    `warm_up` loads what `fn` needs (the spaCy model, the stages' tables): run once in this
    process, whose loaded state the forked workers inherit, or in each spawned worker.
    """
    if workers <= 1:
        yield from map(fn, items)
        return
    source = iter(items)
    for first in source:  # a fresh set of workers per `recycle_after` items each
        share = chain([first], islice(source, workers * recycle_after - 1))
        yield from _map_in_pool(fn, share, workers, warm_up)


def _map_in_pool(
    fn: Callable[[In], Out], items: Iterable[In], workers: int, warm_up: Callable[[], object]
) -> Iterator[Out]:
    forked = _fork_is_safe()
    if forked:
        warm_up()
    context = multiprocessing.get_context("fork" if forked else "spawn")
    initializer = None if forked else warm_up
    with ProcessPoolExecutor(workers, mp_context=context, initializer=initializer) as pool:
        pending: deque[Future[Out]] = deque()
        for item in items:
            pending.append(pool.submit(fn, item))
            if len(pending) >= workers * AHEAD_PER_WORKER:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _fork_is_safe() -> bool:
    """Forking copies only the calling thread: with any other thread alive (a progress
    display, a database driver) a lock it holds could stay locked in the child forever, so
    then the workers are spawned, importing and loading everything anew."""
    return threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of `size` items (the last may be shorter), pulled lazily."""
    records = iter(items)
    while batch := list(islice(records, size)):
        yield batch
