"""The cross-article stages as one object: dedup, story clustering and the schedule of story
rebuilds over one store.

`Pipeline` hands `CrossCheck.add` each batch of new, stored articles inside the batch's
store transaction, and calls `CrossCheck.finish` at the end of a run: it consolidates the
run's stories (each article moved to the story it fits best once they all exist,
stories/consolidate.py) and rebuilds the stories left stale. An article a batch's build
dates from its story keeps its analysis until then: `finish`'s build redoes it against the
date, once (`_rebuild_story`). Each call says what it changed
as a value (`Changes`): the stories touched, the stale stories rebuilt, and the failures,
each one error record (stored as well), so a failing article or story never stops the
others. The stages' state lives in the store (journals, `stories/state.py`) and stays in
memory between calls while the store is unchanged. The thresholds are the `Settings` given
here, passed to each stage on each call and never stored with the state: a store
cross-checked with other settings goes on with these.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from crosswire.batch.pool import chunks
from crosswire.budget import failure_reason
from crosswire.model import Analysis, Article, IngestError
from crosswire.settings import DEFAULT, Settings
from crosswire.store import Store
from crosswire.stories.cluster import StoryClusterer
from crosswire.stories.dedup import DuplicateIndex
from crosswire.stories.schedule import StoryBuilds
from crosswire.stories.state import Journal
from crosswire.story_build import Built, StoryBuild, StoryFailed, StoryMap, StoryWork, build_work

if TYPE_CHECKING:
    from crosswire.pipeline import Analysed

log = logging.getLogger(__name__)
# An article dated from its story, and its analysis: redone against that date, or the one it
# keeps until `finish` redoes it
Revised = tuple[Article, Analysis]
# What storing one story's build gives: the articles it re-analysed, or its error record
Stored = list[Revised] | IngestError


@dataclass(frozen=True)
class Changes:
    """What one call changed: the stories a batch's articles joined or were merged into,
    the stale stories rebuilt, and the failures (each already stored as an error record)."""

    touched: frozenset[str] = frozenset()
    rebuilt: int = 0
    failures: tuple[IngestError, ...] = ()


class CrossCheck:
    """Dedup, story clustering and story rebuilds over `store`.

    `stories_per_transaction` stale stories are stored per transaction by `finish`, so a run
    killed meanwhile leaves the rest stale for the next run. `settings` are the thresholds.
    """

    def __init__(
        self, store: Store, stories_per_transaction: int = 32, settings: Settings = DEFAULT
    ) -> None:
        self.store = store
        self.stories_per_transaction = stories_per_transaction
        self.settings = settings
        self._dedup = Journal("dedup", DuplicateIndex)
        self._clusterer = Journal("stories", StoryClusterer)
        self._builds = Journal("story-builds", StoryBuilds)

    # ------------------------------------------------------------------ the contract
    def add(self, batch: Sequence[Analysed]) -> Changes:
        """Dedup and cluster a batch of new, stored articles in input order, inside the
        caller's store transaction; rebuild the stories they touched that are due (see
        stories/schedule.py) and mark the others stale. An article whose dedup or clustering
        fails stays stored, in no story."""
        if not batch:
            return Changes()
        dedup = self._dedup.load(self.store)
        clusterer = self._clusterer.load(self.store)
        builds = self._builds.load(self.store)
        placed, failures = self._place(batch, dedup, clusterer)
        touched = placed | self._apply_merges(clusterer, builds)
        stored = [
            self._rebuild_story(story_id, builds, reanalyse=False)
            for story_id in sorted(touched)
            if self._build_now(story_id, builds)
        ]
        revised, failed = _sorted_out(stored)
        failures += failed + self._rebuild_splits(clusterer, builds, revised, reanalyse=False)
        self._dedup.save(self.store, dedup)
        self._save_stories(clusterer, builds)
        return Changes(frozenset(touched), failures=tuple(failures))

    def finish(self, build_map: StoryMap) -> Changes:
        """Consolidate the stories the batches grew (`consolidate`), then rebuild every
        story left stale, in transactions of its own.

        Stories are built independently of each other, so `build_map` may build them in
        parallel (an executor's story map: worker processes, Ray actors); a story whose
        articles changed since they were read for it (another run on the store) is rebuilt
        here instead.
        """
        failures = list(self.consolidate().failures)
        stale = self.stale_ids()
        work = (self._story_work(story_id) for story_id in stale)
        built = zip(stale, build_map(work), strict=True)
        rebuilt = 0
        for some in chunks(built, self.stories_per_transaction):
            with self.store.transaction():
                stored = self._store_stale(some)
            rebuilt += stored.rebuilt
            failures += stored.failures
        return Changes(rebuilt=rebuilt, failures=tuple(failures))

    def consolidate(self) -> Changes:
        """Move the articles of the stories grown since the clusterer was loaded to the
        stories they fit best now that all exist, in one transaction: the stories they left
        and joined are stale (rebuilt by `finish`), a story left empty is deleted. The
        stories changed; a failure is one error record, and the stories stay as they were."""
        try:
            with self.store.transaction():
                return Changes(self._consolidated())
        except Exception as exc:  # the stories stay as the batches left them
            log.debug("consolidating stories failed", exc_info=True)
            error = IngestError("story consolidation", failure_reason(exc, "consolidation"))
            with self.store.transaction():
                self.store.add_error(error)
            return Changes(failures=(error,))

    def _consolidated(self) -> frozenset[str]:
        clusterer = self._clusterer.load(self.store)
        builds = self._builds.load(self.store)
        changed = clusterer.consolidate(self.settings.stories)
        kept = {s: members for s, members in changed.items() if members}
        for story_id, members in sorted(kept.items()):
            for article in self.store.articles(members):
                self.store.update_article(article, story_id)
            builds.changed(story_id)
        for story_id in sorted(changed.keys() - kept.keys()):  # its articles moved above
            self.store.delete_story(story_id)
            builds.deleted(story_id)
        self._save_stories(clusterer, builds)
        return frozenset(changed)

    def stale_ids(self) -> list[str]:
        with self.store.transaction():
            return self._builds.load(self.store).stale_ids()

    def stale_articles(self) -> int:
        """How many articles the stale stories hold: what `finish` would read."""
        return sum(len(self.store.story_article_ids(story_id)) for story_id in self.stale_ids())

    # ------------------------------------------------------------------ one batch
    def _place(
        self, batch: Iterable[Analysed], dedup: DuplicateIndex, clusterer: StoryClusterer
    ) -> tuple[set[str], list[IngestError]]:
        """Each article deduplicated and put in a story; the stories, and the failures."""
        touched: set[str] = set()
        failures: list[IngestError] = []
        for article, analysis, keys, terms, meaning in batch:
            try:
                article.duplicate_of = dedup.add(article, keys, self.settings.dedup)
                story_id = clusterer.add(article, analysis, terms, self.settings.stories, meaning)
            except Exception as exc:  # the article stays stored, in no story
                failures.append(self._failed(article, exc))
                continue
            self.store.update_article(article, story_id)
            touched.add(story_id)
        return touched, failures

    def _build_now(self, story_id: str, builds: StoryBuilds) -> bool:
        """Whether a story a batch touched is rebuilt now (stories/schedule.py); if not,
        it is stale, rebuilt by `finish`."""
        size = len(self.store.story_article_ids(story_id))
        return builds.due(story_id, size, self.settings.stories.rebuild_growth)

    def _apply_merges(self, clusterer: StoryClusterer, builds: StoryBuilds) -> set[str]:
        merged = clusterer.merged()
        for old, new in sorted(merged.items()):
            for article in self.store.articles(self.store.story_article_ids(old)):
                self.store.update_article(article, new)
            self.store.delete_story(old)
            builds.deleted(old)
        return set(merged.values())

    # ------------------------------------------------------------------ stale stories
    def _store_stale(self, built: list[tuple[str, Built]]) -> Changes:
        """Store some stale stories' builds in the current transaction."""
        clusterer = self._clusterer.load(self.store)
        builds = self._builds.load(self.store)
        stored = [
            result
            for story_id, build in built
            if (result := self._stored_stale(story_id, build, builds)) is not None
        ]
        revised, failures = _sorted_out(stored)
        failures += self._rebuild_splits(clusterer, builds, revised)
        self._save_stories(clusterer, builds)
        return Changes(rebuilt=len(stored), failures=tuple(failures))

    def _stored_stale(self, story_id: str, build: Built, builds: StoryBuilds) -> Stored | None:
        """Store a stale story's build, unless the story changed since its articles were
        read (another run on the store): then it is rebuilt here. None if it was no
        longer stale."""
        if not builds.is_stale(story_id):
            return None
        if isinstance(build, StoryFailed):
            return self._story_failed(build, builds)
        current = set(self.store.story_article_ids(story_id))
        if build is None or current != set(build.story.article_ids):
            return self._rebuild_story(story_id, builds)
        return self._store_build(build, builds)

    # ------------------------------------------------------------------ stories
    def _rebuild_splits(
        self,
        clusterer: StoryClusterer,
        builds: StoryBuilds,
        revised: list[Revised],
        reanalyse: bool = True,
    ) -> list[IngestError]:
        """Tell the clusterer which articles got their date from their story; move the
        articles of any story that split off as a result, and rebuild both parts. The
        failures (those of the parts' builds are recorded; the articles those builds date
        are not handed back to the clusterer in this transaction)."""
        failures: list[IngestError] = []
        for article, analysis in revised:
            try:
                clusterer.revise(article, analysis, self.settings.stories)
            except Exception as exc:
                failures.append(self._failed(article, exc))
        split = clusterer.splits()
        for new in split:
            for article in self.store.articles(clusterer.story_members(new)):
                self.store.update_article(article, new)
        parts = [
            self._rebuild_story(s, builds, reanalyse) for s in sorted({*split, *split.values()})
        ]
        return failures + _sorted_out(parts)[1]

    def _rebuild_story(self, story_id: str, builds: StoryBuilds, reanalyse: bool = True) -> Stored:
        """Build a story here and store it. Without `reanalyse` (a batch's builds), the
        articles it dates keep their analyses, and a story that has any whose analysis is
        to be redone against its new date stays stale: `finish` builds it again and redoes
        them there, once, in parallel, rather than each time the story's date moves (the
        clusterer learns their dates at once all the same, `_store_build`)."""
        build = build_work(self._story_work(story_id, reanalyse))
        if isinstance(build, StoryFailed):
            return self._story_failed(build, builds)
        if build is None:
            self.store.delete_story(story_id)
            builds.deleted(story_id)
            return []
        return self._store_build(build, builds)

    def _story_work(self, story_id: str, reanalyse: bool = True) -> StoryWork:
        articles = list(self.store.articles(self.store.story_article_ids(story_id)))
        analyses = [self.store.analysis(a.id) for a in articles]
        return StoryWork(story_id, articles, analyses, self.settings, reanalyse)

    def _store_build(self, build: StoryBuild, builds: StoryBuilds) -> list[Revised]:
        """Store a story's build; the articles whose evidence for the clusterer changed:
        those it re-analysed, and those it dated whose analyses are still to be redone
        (with the analyses they keep), so that the clusterer learns their dates now."""
        for article in build.dated:
            self.store.update_article(article, build.story.id)
        for _, analysis in build.reanalysed:
            self.store.replace_analysis(analysis)
        self.store.replace_story(build.story, build.events)
        builds.rebuilt(build.story.id, len(build.story.article_ids))
        if build.deferred:  # built again, its analyses redone, by `finish`
            builds.changed(build.story.id)
        return [*build.reanalysed, *build.deferred]

    def _save_stories(self, clusterer: StoryClusterer, builds: StoryBuilds) -> None:
        self._clusterer.save(self.store, clusterer)
        self._builds.save(self.store, builds)

    # ------------------------------------------------------------------ failures
    def _story_failed(self, failed: StoryFailed, builds: StoryBuilds) -> IngestError:
        """Record a story whose build failed; it keeps what was stored of it, and counts as
        built at its size (not rebuilt again and again in this run)."""
        error = IngestError(f"story {failed.story_id}", failed.reason)
        self.store.add_error(error)
        builds.rebuilt(failed.story_id, len(self.store.story_article_ids(failed.story_id)))
        return error

    def _failed(self, article: Article, exc: Exception) -> IngestError:
        where = f"{article.path} (article {article.id})"
        log.debug("cross-checking failed on %s", where, exc_info=True)
        error = IngestError(where, failure_reason(exc, "cross-checking"))
        self.store.add_error(error)
        return error


def _sorted_out(stored: Iterable[Stored]) -> tuple[list[Revised], list[IngestError]]:
    """The articles re-analysed by some stories' builds, and the builds' failures."""
    revised: list[Revised] = []
    failures: list[IngestError] = []
    for result in stored:
        if isinstance(result, IngestError):
            failures.append(result)
        else:
            revised += result
    return revised, failures
