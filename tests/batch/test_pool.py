"""The ordered map behind `run --workers`: input order kept, inputs pulled lazily."""

from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Iterator

import pytest
from tests.batch.work import flag_set_by_warm_up, pid_and_square, set_warm_up_flag

from crosswire.batch.pool import AHEAD_PER_WORKER, ordered_map


def test_one_worker_maps_in_this_process() -> None:
    assert list(ordered_map(pid_and_square, range(4))) == [(os.getpid(), n * n) for n in range(4)]


@pytest.mark.slow
def test_processes_keep_input_order_and_pull_lazily() -> None:
    pulled: list[int] = []

    def numbers() -> Iterator[int]:
        for n in itertools.count():
            pulled.append(n)
            yield n

    results = ordered_map(pid_and_square, numbers(), workers=2)
    first = list(itertools.islice(results, 20))
    assert [square for _, square in first] == [n * n for n in range(20)]
    assert {pid for pid, _ in first} != {os.getpid()}
    # an endless input: only a bounded number of items is read ahead of what was used
    assert len(pulled) <= 20 + 2 * AHEAD_PER_WORKER
    results.close()


@pytest.mark.slow
def test_workers_are_replaced_after_a_number_of_batches() -> None:
    results = list(ordered_map(pid_and_square, range(3), workers=2, recycle_after=1))
    assert [square for _, square in results] == [0, 1, 4]
    first_set = {pid for pid, _ in results[:2]}
    assert results[2][0] not in first_set | {os.getpid()}  # a fresh process took over


@pytest.mark.slow
def test_workers_are_forked_from_a_warmed_up_parent() -> None:
    [(pid, flag)] = ordered_map(flag_set_by_warm_up, [None], workers=2, warm_up=set_warm_up_flag)
    assert pid != os.getpid() and flag  # the child has what the parent loaded


@pytest.mark.slow
def test_workers_are_spawned_and_warmed_while_another_thread_runs() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        [(pid, flag)] = ordered_map(
            flag_set_by_warm_up, [None], workers=2, warm_up=set_warm_up_flag
        )
    finally:
        stop.set()
        other.join()
    assert pid != os.getpid() and flag  # spawned, then warmed up in the worker
