"""``crosswire batch --partition month|week``: the cross-article stages by time partition.

A partitioned batch may differ from ``crosswire run`` (docs/stories.md, "Partitioned
batch"). The per-article stages run as in any batch; each batch's new articles are stored
and spooled to a file of their partition (the month or ISO week of their publication date;
undated articles apart, `UNDATED`), not cross-checked. At the end:

1. **Partitions in parallel**: each dated partition's dedup and clustering (greedy, in
   input order, as a sequential batch's) run in one worker process (`cluster_partition`),
   from empty stages but with the document frequencies of the store and of the
   partitions up to it in time (`DocumentCounts`): those the store's stages have when
   the replay puts the partition's articles in. Not its consolidation: that is made once,
   over all the batch's stories, at the end (4). A partition that fails is recorded as
   one error, and its articles are cross-checked by the driver in input order as in an
   unpartitioned batch.
2. **Replay**: the driver puts each partition's articles, partition by partition in time
   order, into the store's stages as decided there (`place`): every article goes through
   the store's dedup index, and a copy of an article of another partition or of an
   earlier run joins its original's story; the others (a copy of an article of its own
   partition too: the partition saw both) join their partition's story, unscored. So the
   stored state is the one later runs continue from.
3. **Stitch**: each story the batch made joins the older story of another partition (or
   of an earlier run), among those the blocking index gives for it, that it is part of
   by the consolidation's rule: more than half of its articles would each move there (the
   other story would take the article, and fits it better than its own story without it;
   `StoryClusterer.drawn_to`). The consolidation moves articles one at a time, so it
   cannot join two halves of one story cut by a partition boundary; the stitch moves
   them together. A story too large to keep its articles' signals is scored as one
   article on its median day (`merge.bridged`'s rule) and joins the best story it would.
4. **Undated articles** are then cross-checked by the driver in input order, as in an
   unpartitioned batch: each joins the story it fits best among all there are (no month
   to put them in: the year an article states is too coarse, and an inferred date comes
   from a story). Then every story the batch made or grew is consolidated (moves,
   cohesion cut, the parts rejoined: stories/consolidate.py), as at the end of a
   sequential batch, and the stale stories are rebuilt. No story is built before then:
   every story the batch touched is built once, by `finish`'s story map (in parallel),
   not by the driver as undated articles join it.
"""

from __future__ import annotations

import logging
import os
import pickle
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from crosswire.batch.pool import chunks, ordered_map
from crosswire.budget import failure_reason
from crosswire.crosscheck import Changes, CrossCheck
from crosswire.model import IngestError
from crosswire.pipeline import Analysed, Pipeline
from crosswire.settings import DEFAULT, Settings
from crosswire.store import Store
from crosswire.stories.cluster import StoryClusterer
from crosswire.stories.dedup import DuplicateIndex
from crosswire.stories.schedule import StoryBuilds
from crosswire.stories.vectors import normalised
from crosswire.story_build import StoryMap

log = logging.getLogger(__name__)
PARTITIONS = ("month", "week")
# The store's entries of the articles stored but not yet cross-checked (id -> the run that
# spooled them): a killed partitioned batch leaves them, and the next one takes them in
PENDING = "partition-pending"
UNDATED = "undated"  # sorts after every dated key ("2024-03", "2024-W09")


def partition_of(published: str | None, by: str) -> str:
    """The partition of an article published on `published` (ISO date, maybe with a time):
    its month ``YYYY-MM`` or ISO week ``YYYY-Www``; `UNDATED` without a readable date."""
    try:
        day = date.fromisoformat((published or "")[:10])
    except ValueError:
        return UNDATED
    if by == "month":
        return f"{day.year:04d}-{day.month:02d}"
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


class Spool:
    """Each partition's articles (`Analysed`, with the keys the workers made) in a file of
    its own, appended batch by batch: the driver holds none of them in memory. Pickled,
    since this process writes them and its workers read them back (never the store)."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="crosswire-partitions-"))
        self.sizes: dict[str, int] = {}

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.pickle"

    def terms_path(self, key: str) -> Path:
        return self.folder / f"{key}.terms.pickle"

    def write(self, key: str, items: Sequence[Analysed]) -> None:
        with self.path(key).open("ab") as spool:
            for item in items:
                pickle.dump(item, spool, protocol=pickle.HIGHEST_PROTOCOL)
        # the articles each term is in, batch by batch: the partition's document counts
        df: Counter[int] = Counter()
        for item in items:
            df.update(item.terms.keys())
        with self.terms_path(key).open("ab") as spool:
            pickle.dump(df, spool, protocol=pickle.HIGHEST_PROTOCOL)
        self.sizes[key] = self.sizes.get(key, 0) + len(items)

    def document_counts(self, key: str) -> Counter[int]:
        """Hashed term -> the partition's articles it is in."""
        df: Counter[int] = Counter()
        for some in _unpickled(self.terms_path(key)):
            df.update(some)
        return df

    def sorted_keys(self) -> list[str]:
        return sorted(self.sizes)

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        self.sizes = {}


def read_spool(path: Path) -> Iterator[Analysed]:
    return _unpickled(path)


def _unpickled(path: Path) -> Iterator[Any]:
    with path.open("rb") as spool:
        while True:
            try:
                yield pickle.load(spool)
            except EOFError:
                return


@dataclass(frozen=True)
class PartitionTask:
    key: str
    spool: Path
    settings: Settings = DEFAULT
    # the document frequencies of the store and of the batch's partitions up to this one
    # (`DocumentCounts`)
    counts: Path | None = None


@dataclass(frozen=True)
class DocumentCounts:
    """Hashed term -> the articles it is in, and how many articles: what TF-IDF weighs
    terms by. A partition is weighed by the store's articles and the batch's before it in
    time (the earlier partitions'), its own counting in as they are added: what the
    store's stages count when the replay puts the partitions into them in time order, so
    the partition clusters with the vectors its articles then have there (and would have
    in a sequential batch read in time order). Not by its own few articles alone: within
    a small partition nearly every word is rare, and the event words two look-alike
    events share would weigh as much as their names."""

    df: Counter[int]
    n_docs: int

    def save(self, path: Path) -> Path:
        path.write_bytes(pickle.dumps(self, protocol=pickle.HIGHEST_PROTOCOL))
        return path

    @classmethod
    def load(cls, path: Path | None) -> DocumentCounts:
        if path is None:
            return cls(Counter(), 0)
        counts: DocumentCounts = pickle.loads(path.read_bytes())
        return counts


@dataclass(frozen=True)
class Placed:
    """A partition's stories: article id -> the id of its story in the partition."""

    key: str
    story_of: dict[str, str]


@dataclass(frozen=True)
class PartitionFailed:
    key: str
    reason: str


def cluster_partition(task: PartitionTask) -> Placed | PartitionFailed:
    """One partition's dedup and clustering, from empty stages, in memory (run in a
    worker process); an exception is the partition's failure, not the run's."""
    try:
        items = list(read_spool(task.spool))
        counts = DocumentCounts.load(task.counts)
        return Placed(task.key, _clustered(items, task.settings, counts))
    except Exception as exc:
        log.debug("partition %s failed", task.key, exc_info=True)
        return PartitionFailed(task.key, failure_reason(exc, "cross-checking"))


def _clustered(items: list[Analysed], settings: Settings, counts: DocumentCounts) -> dict[str, str]:
    """The partition's articles -> their stories, the document frequencies being those of
    `counts` without the partition's articles, which count in as they are added."""
    dedup, clusterer = DuplicateIndex(), StoryClusterer()
    clusterer.df, clusterer.n_docs = Counter(counts.df), max(0, counts.n_docs - len(items))
    for item in items:
        clusterer.df.subtract(item.terms.keys())
    ids: list[str] = []
    for article, analysis, keys, terms, meaning in items:
        article.duplicate_of = dedup.add(article, keys, settings.dedup)
        clusterer.add(article, analysis, terms, settings.stories, meaning)
        ids.append(article.id)
    return {article_id: clusterer.story_id(article_id) for article_id in ids}


def _nothing_to_warm() -> None:
    """The partitions need no model: the workers' keys came with the articles."""


class PartitionedCrossCheck(CrossCheck):
    """`CrossCheck` for a partitioned batch: `add` spools each batch's new articles by
    partition, `finish` clusters the partitions in `workers` processes, replays and
    stitches them (module docstring), then consolidates all the batch's stories and
    rebuilds as `CrossCheck`."""

    def __init__(
        self,
        store: Store,
        stories_per_transaction: int = 32,
        settings: Settings = DEFAULT,
        *,
        by: str = "month",
        workers: int = 2,
    ) -> None:
        super().__init__(store, stories_per_transaction, settings)
        if by not in PARTITIONS:
            raise ValueError(f"partition by one of {', '.join(PARTITIONS)}, not {by!r}")
        self.by, self.workers = by, workers
        self._spool = Spool()
        self._run = os.urandom(8).hex().encode()  # marks this run's pending articles

    def add(self, batch: Sequence[Analysed]) -> Changes:
        """Spool the batch's new, stored articles to their partitions (cross-checked by
        `finish`)."""
        by_key: dict[str, list[Analysed]] = {}
        for item in batch:
            by_key.setdefault(partition_of(item.article.published, self.by), []).append(item)
        for key, items in sorted(by_key.items()):
            self._spool.write(key, items)
        self.store.save_entries(PENDING, {i.article.id.encode(): self._run for i in batch})
        return Changes()

    def finish(self, build_map: StoryMap) -> Changes:
        try:
            touched, failures = self._partitioned()
        finally:
            self._spool.close()
        done = super().finish(build_map)
        return Changes(touched, done.rebuilt, (*failures, *done.failures))

    # ------------------------------------------------------------------ the passes
    def _partitioned(self) -> tuple[frozenset[str], list[IngestError]]:
        self._take_in_pending()
        keys = self._spool.sorted_keys()
        dated = [key for key in keys if key != UNDATED]
        made: dict[str, str] = {}  # story made by this batch -> its partition
        failures: list[IngestError] = []
        tasks = self._tasks(dated)
        results = ordered_map(cluster_partition, tasks, self.workers, warm_up=_nothing_to_warm)
        for key, result in zip(dated, results, strict=True):
            task = PartitionTask(key, self._spool.path(key), self.settings)
            self._counts_path(key).unlink(missing_ok=True)
            if isinstance(result, PartitionFailed):
                failures += self._failed_partition(task, result)
            else:
                failures += self._replay(task, result, made)
        touched = self._stitch(made)
        if UNDATED in keys:  # the undated articles, in input order
            undated = PartitionTask(UNDATED, self._spool.path(UNDATED), self.settings)
            failures += self._in_order(undated)
        return touched, failures

    def _tasks(self, keys: list[str]) -> Iterator[PartitionTask]:
        """The dated partitions' tasks in time order, each with the document counts of the
        store and of the partitions up to it (`DocumentCounts`), made as the workers take
        them (a file each, deleted once its partition is back)."""
        with self.store.transaction():
            clusterer = self._clusterer.load(self.store)
            df, n_docs = Counter(clusterer.df), clusterer.n_docs
        for key in keys:
            df.update(self._spool.document_counts(key))
            n_docs += self._spool.sizes[key]
            counts = DocumentCounts(df, n_docs).save(self._counts_path(key))
            yield PartitionTask(key, self._spool.path(key), self.settings, counts)

    def _counts_path(self, key: str) -> Path:
        return self._spool.folder / f"{key}.counts.pickle"

    def _take_in_pending(self) -> None:
        """Spool the articles an earlier, killed partitioned batch stored but did not
        cross-check (their keys made again)."""
        with self.store.transaction():
            left = [k.decode() for k, run in self.store.scan_entries(PENDING) if run != self._run]
            for ids in chunks(left, self.stories_per_transaction):
                articles = self.store.articles(ids)
                self.add([Analysed.of(a, self.store.analysis(a.id)) for a in articles])

    def _done(self, items: Sequence[Analysed]) -> None:
        """Articles cross-checked (or failed): no longer pending."""
        self.store.save_entries(PENDING, {i.article.id.encode(): None for i in items})

    def _failed_partition(self, task: PartitionTask, failed: PartitionFailed) -> list[IngestError]:
        """A failed partition: its error recorded, its articles cross-checked here in input
        order as in an unpartitioned batch."""
        error = IngestError(f"partition {failed.key}", failed.reason)
        with self.store.transaction():
            self.store.add_error(error)
        return [error, *self._in_order(task)]

    def _in_order(self, task: PartitionTask) -> list[IngestError]:
        """A partition's articles cross-checked here in input order, as in an unpartitioned
        batch: each joins the story it fits best among all the stories there are."""
        failures: list[IngestError] = []
        for some in chunks(read_spool(task.spool), self.stories_per_transaction):
            with self.store.transaction():
                failures += super().add(some).failures
                self._done(some)
        return failures

    def _build_now(self, story_id: str, builds: StoryBuilds) -> bool:
        """None now: a partitioned batch's stories are built once, by `finish`, in
        parallel (its stories are not read before the batch is done)."""
        builds.changed(story_id)
        return False

    def _replay(
        self, task: PartitionTask, placed: Placed, made: dict[str, str]
    ) -> list[IngestError]:
        """Put a partition's articles into the store's stages as the partition decided."""
        stories: dict[str, str] = {}  # the partition's story id -> the store's
        failures: list[IngestError] = []
        for some in chunks(read_spool(task.spool), self.stories_per_transaction):
            with self.store.transaction():
                dedup = self._dedup.load(self.store)
                clusterer = self._clusterer.load(self.store)
                builds = self._builds.load(self.store)
                for item in some:
                    local = placed.story_of[item.article.id]
                    try:
                        story_id, copy = self._placed(
                            item, dedup, clusterer, stories.get(local), placed.story_of
                        )
                    except Exception as exc:  # the article stays stored, in no story
                        failures.append(self._failed(item.article, exc))
                        continue
                    if not copy:
                        stories.setdefault(local, story_id)
                    made.setdefault(story_id, task.key)
                    self.store.update_article(item.article, story_id)
                    builds.changed(story_id)
                self._dedup.save(self.store, dedup)
                self._save_stories(clusterer, builds)
                self._done(some)
        return failures

    def _placed(
        self,
        item: Analysed,
        dedup: DuplicateIndex,
        clusterer: StoryClusterer,
        story_id: str | None,
        partition: Mapping[str, str],
    ) -> tuple[str, bool]:
        """One article through the store's dedup index and into `story_id` (None: a new
        story), or, a copy of an article of another partition or an earlier run, into its
        original's story; the story and whether it was such a copy's. A copy of an article
        of its own `partition` (article id -> its story there) stays where the partition
        put it: the partition saw both (the consolidation at the end may part them)."""
        article, analysis, keys, terms, meaning = item
        original = article.duplicate_of = dedup.add(article, keys, self.settings.dedup)
        if original is not None and original not in partition and original in clusterer.story_of:
            into = clusterer.story_id(original)
            placed = clusterer.place(article, analysis, terms, meaning, into, self.settings.stories)
            return placed, True
        placed = clusterer.place(article, analysis, terms, meaning, story_id, self.settings.stories)
        return placed, False

    def _stitch(self, made: dict[str, str]) -> frozenset[str]:
        """Join each story made by the batch, oldest first, to the older story of another
        partition it is part of by the consolidation's rule (`_stitched_to`); the stories
        the batch made, and those joined."""
        with self.store.transaction():
            clusterer = self._clusterer.load(self.store)
            builds = self._builds.load(self.store)
            clusterer.stories.fetch(list(made))
            made_now = [s for s in made if s in clusterer.stories]
            for story_id in sorted(made_now, key=lambda s: clusterer.stories[s].order):
                into = _stitched_to(clusterer, story_id, made, self.settings)
                if into is not None:
                    clusterer.join(into, story_id)
            touched = self._apply_merges(clusterer, builds)
            for story_id in touched:
                builds.changed(story_id)
            self._save_stories(clusterer, builds)
        return frozenset(touched | {s for s in made_now if s in clusterer.stories})


def _stitched_to(
    clusterer: StoryClusterer, story_id: str, made: dict[str, str], settings: Settings
) -> str | None:
    """The older story of another partition (or of an earlier run) that `story_id` is part
    of by the consolidation's rule (`StoryClusterer.drawn_to`); None if none. The
    candidates are those the blocking index gives for the story on its median day."""
    if story_id not in clusterer.stories:  # joined already
        return None
    story = clusterer.stories[story_id]
    vector = dict(normalised(story.centroid))
    day = story.days[len(story.days) // 2] if story.days else None
    candidates = clusterer.story_index.candidates(vector, story.actors, day)
    clusterer.stories.fetch(candidates)
    older = [
        other_id
        for other_id in candidates
        if (other := clusterer.stories.get(other_id)) is not None
        and other.order < story.order
        and made.get(other_id) != made[story_id]
    ]
    return clusterer.drawn_to(story_id, older, settings.stories)


def partitioned(pipeline: Pipeline, by: str, workers: int) -> Pipeline:
    """`pipeline` with its cross-article stages partitioned by `by`, `workers` at a time."""
    pipeline.crosscheck = PartitionedCrossCheck(
        pipeline.store, pipeline.batch_size, pipeline.settings, by=by, workers=workers
    )
    return pipeline
