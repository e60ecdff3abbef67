"""One run loop, several executors: `Pipeline.run` drives whichever it is given, and picks
the local one the thread and the options call for."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from tests.batch.conftest import exported

from crosswire.batch.executors import Executor, InChild, InProcess, WorkerPool
from crosswire.pipeline import InputBatches, Outcome, Pipeline
from crosswire.story_build import Built, StoryWork


class Counted:
    """An executor that runs another one and counts the batches and stories it hands back."""

    def __init__(self, inner: Executor) -> None:
        self.inner, self.batches, self.stories = inner, 0, 0

    def analyse(self, batches: InputBatches) -> Iterator[list[Outcome]]:
        for outcomes in self.inner.analyse(batches):
            self.batches += 1
            yield outcomes

    def build_stories(self, work: Iterable[StoryWork]) -> Iterator[Built]:
        for built in self.inner.build_stories(work):
            self.stories += 1
            yield built


@pytest.mark.slow
def test_run_drives_the_executor_it_is_given(archive: Path, tmp_path: Path) -> None:
    paths = [str(archive)]
    reference = Pipeline(tmp_path / "a.db", batch_size=4)
    expected = reference.run(paths)
    pipeline = Pipeline(tmp_path / "b.db", batch_size=4)
    counted = Counted(pipeline.local_executor())
    report = pipeline.run(paths, executor=counted)
    assert counted.batches == -(-report.read // 4) and report.read == expected.read
    assert counted.stories == report.stories_rebuilt == expected.stories_rebuilt > 0
    assert exported(pipeline.store, tmp_path / "b") == exported(reference.store, tmp_path / "a")


def local_executor_off_the_main_thread(pipeline: Pipeline) -> Executor:
    chosen: list[Executor] = []
    thread = threading.Thread(target=lambda: chosen.append(pipeline.local_executor()))
    thread.start()
    thread.join()
    return chosen[0]


def test_the_local_executor_suits_the_thread_and_the_options(tmp_path: Path) -> None:
    budgeted = Pipeline(tmp_path / "x.db", time_budget=5.0)
    assert isinstance(budgeted.local_executor(), InProcess)
    # off the main thread no timer can stop an article: the budget needs a child process
    assert isinstance(local_executor_off_the_main_thread(budgeted), InChild)
    unbounded = Pipeline(budgeted.store, time_budget=None)
    assert isinstance(local_executor_off_the_main_thread(unbounded), InProcess)
    pool = Pipeline(budgeted.store, batch_size=5, workers=3).local_executor()
    assert isinstance(pool, WorkerPool) and (pool.workers, pool.piece) == (3, 3)
    budgeted.store.close()
