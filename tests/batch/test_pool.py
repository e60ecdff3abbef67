"""The ordered map behind `run --workers`: input order kept, inputs pulled lazily."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator

import pytest
from tests.batch.work import pid_and_square

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
    assert len({pid for pid, _ in results}) > 2  # fresh processes took over
