"""``crosswire batch --engine ray``: the per-article stages as a Ray Data job.

`RayExecutor` is an `Executor` (`batch/executors.py`): `run_on_ray` hands it to the same
`Pipeline.run` loop as ``crosswire run``. The dataset has one row per piece of input records
(half a store batch). Files are read by Ray tasks with the same readers as ``crosswire run``
(`crosswire.ingest.read`), each task streaming its file out piece by piece, so a large WARC
flows through and is never held whole. An actor pool runs `crosswire.pipeline.process_items`
(describe, parse, analyse, and the keys the cross-article stages look articles up by) with
the spaCy model loaded once per actor. The outcomes come back to the driver in input order
(``preserve_order``), batch by batch, where `Pipeline.commit` stores and cross-checks them,
so the store is the one ``crosswire run`` makes from the same input. Dedup and clustering
are incremental and order-dependent, their candidates found through blocking keys (MinHash
bands; time buckets of terms and actors); rebuilding stories (fusion, briefs) is
partitioned by story: when those left stale at the end hold many articles, Ray actors
(`StoryWorker`) build them and the driver stores them.
"""

from __future__ import annotations

import logging
import os
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Set
from dataclasses import dataclass
from functools import partial
from typing import Any

from crosswire import ingest
from crosswire.batch.child import ChildWorker
from crosswire.batch.executors import Executor
from crosswire.batch.pool import AHEAD_PER_WORKER, chunks
from crosswire.errors import CrosswireError
from crosswire.kb import base as kb_base
from crosswire.pipeline import (
    InputBatches,
    Item,
    Known,
    Outcome,
    Pipeline,
    ProgressCallback,
    RunReport,
    mark_known,
    piece_size,
    process_in_child,
    process_items,
    warm_up,
)
from crosswire.settings import DEFAULT, Settings
from crosswire.story_build import Built, StoryMap, StoryWork, build_work

try:
    import pyarrow as pa
    import ray
    import ray.data
except ImportError:  # the Ray engine is an extra: pip install 'crosswire[ray]'
    ray = None  # type: ignore[assignment]


READ_CPUS = 0.5
BLOCK_BYTES = 1024  # less than any piece of records: each piece is a block of its own
# Actors for the stale stories cost a model load each: about 8 s to start two (measured,
# 2 cores), against about 1.5 ms per article for the driver to build stories itself. Below
# this many articles in stale stories the driver builds them alone.
ACTOR_BUILD_MIN_ARTICLES = 5_000


@dataclass(frozen=True)
class RayOptions:
    """Where and how wide to run: `address` None starts a local Ray instance with
    `workers` actors; ``auto`` or ``ray://host:10001`` joins an existing cluster."""

    address: str | None = None
    workers: int = 2


def run_on_ray(
    pipeline: Pipeline,
    paths: Iterable[str],
    options: RayOptions,
    progress: ProgressCallback | None = None,
) -> RunReport:
    """Process every article under `paths` on Ray into `pipeline`'s store: `Pipeline.run`
    with a `RayExecutor` (stale stories holding few articles are built by the pipeline's
    local executor)."""
    executor = RayExecutor(
        options,
        pipeline.time_budget,
        pipeline.local_executor(),
        pipeline.stale_articles,
        pipeline.settings,
    )
    with executor:
        return pipeline.run(paths, progress=progress, executor=executor)


class RayExecutor:
    """The per-article stages in a Ray Data job's actor pool (the input files read by Ray
    tasks), and the stale stories on Ray actors when `stale_articles()` are at least
    `ACTOR_BUILD_MIN_ARTICLES` (else by `local`). Joins or starts Ray at the first batch;
    used as a context manager, it shuts down the Ray instance it started."""

    def __init__(
        self,
        options: RayOptions,
        budget: float | None,
        local: Executor,
        stale_articles: Callable[[], int],
        settings: Settings = DEFAULT,
    ) -> None:
        if ray is None:
            raise CrosswireError("the Ray engine needs Ray: pip install 'crosswire[ray]'")
        self.options, self.budget = options, budget
        self.local, self.stale_articles = local, stale_articles
        self.settings = settings  # the per-article stages'; the stories' come with their work
        self._owned = False  # a Ray instance started here, to shut down

    def analyse(self, batches: InputBatches) -> Iterator[list[Outcome]]:
        if batches.stdin is not None or "-" in batches.paths:
            raise CrosswireError("crosswire batch reads files, not stdin; use crosswire run -")
        if batches.name is not None:
            raise CrosswireError("crosswire batch records its inputs under their own paths")
        self._owned = _connect(self.options) or self._owned
        known = frozenset(batches.stored_ids())
        dataset = _dataset(
            batches.paths, batches.size, self.options.workers, known, self.budget, self.settings
        )
        return chunks(_outcomes(dataset), batches.size)

    def build_stories(self, work: Iterable[StoryWork]) -> Iterator[Built]:
        if self.stale_articles() >= ACTOR_BUILD_MIN_ARTICLES:
            return _on_actors(self.options.workers)(work)
        return self.local.build_stories(work)

    def __enter__(self) -> RayExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._owned:
            ray.shutdown()
            self._owned = False


def _connect(options: RayOptions) -> bool:
    """Join the given cluster, reuse a running instance, or start a local one (then True:
    it is ours to shut down)."""
    if ray.is_initialized():
        return False
    # the analyst's knowledge-base files (--kb) reach the actors as they reach local workers
    files = os.environ.get(kb_base.ENV)
    runtime_env = {"env_vars": {kb_base.ENV: files}} if files else None
    if options.address:
        ray.init(address=options.address, logging_level=logging.WARNING, runtime_env=runtime_env)
    else:
        # one CPU slot per actor and one reading task
        ray.init(
            num_cpus=options.workers + 1,
            include_dashboard=False,
            logging_level=logging.WARNING,
            runtime_env=runtime_env,
        )
    return not options.address


def _dataset(
    paths: list[str],
    batch_size: int,
    workers: int,
    known: Any,
    budget: float | None,
    settings: Settings,
) -> Any:
    return _records(paths, batch_size).map_batches(
        ArticleWorker,
        batch_size=1,  # one row: one piece of records
        batch_format="pyarrow",
        # one piece at a time per actor: the driver takes results in input order, and a
        # piece queued behind a busy actor holds up its batch (at the start, the first actor
        # ready took both pieces of the first batch)
        compute=ray.data.ActorPoolStrategy(size=workers, max_tasks_in_flight_per_actor=1),
        fn_constructor_kwargs={"known": known, "budget": budget, "settings": settings},
        num_cpus=1,
    )


def _records(paths: list[str], batch_size: int) -> Any:
    """The input records as a dataset of pickled `Source`s, in input order."""
    _configure(ray.data.DataContext.get_current())
    # one row per path (a missing one still yields its error row, in its place)
    units = [unit for path in paths for unit in _units(path)]
    files = ray.data.from_items([{"path": unit} for unit in units], override_num_blocks=len(units))
    # reading asks for less CPU than an actor, so Ray keeps it a task of its own and does
    # not fuse it into the actors: one large WARC then still feeds every actor
    return files.map_batches(
        _read_records,  # type: ignore[arg-type]  # a generator of tables, with `fn_kwargs`
        batch_size=1,
        batch_format="pyarrow",
        # smaller than the store's batches, as with `crosswire run --workers`: the actors
        # finish nearly together at the end of a run
        fn_kwargs={"rows": piece_size(batch_size)},
        num_cpus=READ_CPUS,
    )


def _units(path: str) -> list[str]:
    """The files under an input path; a path that names none is kept, to yield its error."""
    return [str(f) for f in ingest.expand_paths(path)] or [path]


def _configure(context: Any) -> None:
    # the cross-article stages need the records in input order, as `crosswire run` has them
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False  # crosswire shows its own counts and rate
    context.print_on_execution_start = False
    # Ray Data merges what a task yields into blocks of up to 128 MiB, and a block goes to one
    # actor: one WARC's records would reach a single actor. A row holds a whole piece of
    # records (`_table`) and blocks are split only between rows, so with blocks this small
    # each piece is a block, the pieces spread over the actors, and an actor call is a piece.
    context.target_max_block_size = BLOCK_BYTES
    logging.getLogger("ray.data").setLevel(logging.WARNING)


def _read_records(table: pa.Table, rows: int) -> Iterator[pa.Table]:
    """Stream one input path's records out as pieces of `rows` records, a row each."""
    for path in table.column("path").to_pylist():
        for piece in chunks(ingest.read([path]), rows):
            yield _table("items", piece)


class ArticleWorker:
    """Ray actor: the spaCy model and the stages' tables loaded once, then `process_items`
    on each batch. It lives for the whole job, unlike a local worker; its memory stays flat
    because each batch is analysed in a spaCy memory zone (`pipeline.analyse_articles`).

    With a time budget the work runs in a child process of the actor (`ChildWorker`, which
    loads the model instead of the actor): Ray Data calls the actor off its main thread
    (seen with Ray 2.5x), where no timer signal can interrupt an article.
    """

    def __init__(
        self, known: Set[str], budget: float | None = None, settings: Settings = DEFAULT
    ) -> None:
        self.known, self.budget, self.settings = known, budget, settings
        self.child: ChildWorker[list[Item | Known], list[Outcome]] | None = None
        if budget is None:
            warm_up()
        else:
            work = partial(process_items, budget=budget, settings=settings)
            self.child = ChildWorker(work, warm_up)
            self.child.start()

    def __call__(self, table: pa.Table) -> pa.Table:
        [items] = _rows(table, "items")
        items = mark_known(items, self.known)
        if self.child is None or self.budget is None:
            return _table("outcomes", process_items(items, settings=self.settings))
        return _table("outcomes", process_in_child(self.child, items, self.budget))


class StoryWorker:
    """Ray actor: `build_work` on stale stories (which may re-analyse an article dated
    from its story, hence the loaded model)."""

    def __init__(self) -> None:
        warm_up()

    def build(self, work: StoryWork) -> Built:
        return build_work(work)


def _on_actors(workers: int) -> StoryMap:
    """A `StoryMap` over `workers` fresh actors, in order, a few stories in flight each
    (the per-article actors are gone by the time the stale stories are built)."""

    def build_map(work: Iterable[StoryWork]) -> Iterator[Built]:
        actors: list[Any] = []
        pending: deque[Any] = deque()
        for i, story in enumerate(work):
            if not actors:  # none at all when no story is stale
                actors = [ray.remote(num_cpus=1)(StoryWorker).remote() for _ in range(workers)]
            pending.append(actors[i % workers].build.remote(story))
            if len(pending) >= AHEAD_PER_WORKER * workers:
                yield ray.get(pending.popleft())
        while pending:
            yield ray.get(pending.popleft())

    return build_map


def _table(column: str, values: list[Any]) -> pa.Table:
    """One row holding `values` pickled whole."""
    # Pickled dataclasses keep their exact Python types (Arrow would flatten them). A row per
    # piece, not per record: blocks split between records gave the actors uneven batches
    # (16, 1, 16, 3, ...)
    data = pickle.dumps(values, protocol=pickle.HIGHEST_PROTOCOL)
    return pa.table({column: pa.array([data], type=pa.large_binary())})


def _rows(table: pa.Table, column: str) -> list[Any]:
    return [pickle.loads(data) for data in table.column(column).to_pylist()]


def _outcomes(dataset: Any) -> Iterator[Outcome]:
    for table in dataset.iter_batches(batch_size=None, batch_format="pyarrow"):
        for outcomes in _rows(table, "outcomes"):
            yield from outcomes
