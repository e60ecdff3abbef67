"""Where the per-article stages and the story builds run: the `Executor` that `Pipeline.run`
drives, and its implementations on this machine (`ray_job.RayExecutor` runs them on Ray).

An executor turns a run's input batches into their outcomes, one list per batch in input
order, and maps `build_work` over the stale stories at the end of a run, in order. The
executors here are handed the per-article work (`process_items` with its time budget) and
the warm-up their processes run first, so that they depend on no stage.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING, Protocol

from crosswire.batch.child import ChildWorker
from crosswire.batch.pool import chunks, ordered_map
from crosswire.story_build import Built, StoryWork, build_work

if TYPE_CHECKING:
    from crosswire.pipeline import InputBatches, Item, Known, Outcome

    Batch = list[Item | Known]
    # The per-article stages on one batch (or piece of one), in order
    Work = Callable[[Batch], list[Outcome]]
    # The same in a child process, with the child's deadline (`pipeline.process_in_child`)
    WorkInChild = Callable[[ChildWorker[Batch, list[Outcome]], Batch], list[Outcome]]


class Executor(Protocol):
    def analyse(self, batches: InputBatches) -> Iterator[list[Outcome]]:
        """Each input batch's outcomes, in input order: one list per batch."""
        ...

    def build_stories(self, work: Iterable[StoryWork]) -> Iterator[Built]:
        """`build_work` on each story's work, in order (the stories are independent)."""
        ...


@dataclass(frozen=True)
class InProcess:
    """In this process, on the calling thread (with a time budget, a main thread: the
    budget's timer works only there)."""

    work: Work

    def analyse(self, batches: InputBatches) -> Iterator[list[Outcome]]:
        return map(self.work, batches)

    def build_stories(self, work: Iterable[StoryWork]) -> Iterator[Built]:
        return map(build_work, work)


@dataclass(frozen=True)
class InChild:
    """In one child process (`batch/child.py`), for a run with a time budget off the main
    thread (the server's ingest thread): the child applies the budget's timer on its main
    thread, and is killed and replaced when even that does not stop an article in time."""

    work: Work
    warm_up: Callable[[], object]
    in_child: WorkInChild

    def analyse(self, batches: InputBatches) -> Iterator[list[Outcome]]:
        with ChildWorker(self.work, self.warm_up) as child:
            for batch in batches:
                yield self.in_child(child, batch)

    def build_stories(self, work: Iterable[StoryWork]) -> Iterator[Built]:
        return map(build_work, work)


@dataclass(frozen=True)
class WorkerPool:
    """In `workers` processes (`batch/pool.py`), which run the work on their main threads,
    where the budget's timer works. Each batch goes out in pieces of `piece` records, so
    that at the end of a run no worker waits long for the last batch's one busy worker."""

    work: Work
    warm_up: Callable[[], object]
    workers: int
    piece: int

    def analyse(self, batches: InputBatches) -> Iterator[list[Outcome]]:
        pieces = (piece for batch in batches for piece in chunks(batch, self.piece))
        done = ordered_map(self.work, pieces, self.workers, warm_up=self.warm_up)
        # every batch but the last is full, so these are the batches read
        return chunks(chain.from_iterable(done), batches.size)

    def build_stories(self, work: Iterable[StoryWork]) -> Iterator[Built]:
        return ordered_map(build_work, work, self.workers, warm_up=self.warm_up)
