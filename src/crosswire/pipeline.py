"""The whole job: input files in, a cross-checked event store out.

>>> from crosswire import Pipeline
>>> report = Pipeline("crosswire.db").run(["examples/corpus"])
>>> report.ok, report.new_articles, report.failed

Work goes batch by batch; each batch is one store transaction, so a killed run resumes
where it stopped and re-ingesting the same input changes nothing (see docs/architecture.md).
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Set
from dataclasses import dataclass, field
from functools import partial
from itertools import chain, islice
from pathlib import Path
from typing import NamedTuple, TextIO, TypeVar

from spacy.tokens import Doc

from crosswire import events, ingest, nlp, stages
from crosswire.batch.child import ChildWorker
from crosswire.batch.pool import ordered_map
from crosswire.budget import (
    DEFAULT_BUDGET,
    BudgetUnenforceable,
    OverBudget,
    alarm_works,
    failure_reason,
    over_budget_reason,
    within,
)
from crosswire.clean import describe
from crosswire.model import (
    Analysis,
    Article,
    Event,
    IngestError,
    Source,
    Story,
)
from crosswire.store import Store, open_store
from crosswire.stories import infer_published, story_title
from crosswire.stories.brief import story_timeline, write_brief
from crosswire.stories.cluster import StoryClusterer, term_counts
from crosswire.stories.dedup import DuplicateIndex, Fingerprint, fingerprint
from crosswire.stories.fuse import fuse_events
from crosswire.stories.schedule import StoryBuilds
from crosswire.stories.state import Journal

log = logging.getLogger(__name__)
ProgressCallback = Callable[["RunReport"], None]
Item = Source | IngestError
T = TypeVar("T")
# A batch split in two for the workers costs about 2% in spaCy's speed (measured: 32 texts
# per nlp.pipe call against 16) and halves the wait for the last batch
PIECES_PER_BATCH = 2
STAGES_BUDGETED = 3  # describe, parse, analyse: each within the budget
CHILD_SLACK_S = 30.0


@dataclass(frozen=True, slots=True)
class Known:
    """A record whose article is already stored (skipped without being analysed again)."""

    article_id: str


class Analysed(NamedTuple):
    """An article, its analysis, and what the cross-article stages look it up by (its dedup
    `Fingerprint`, its hashed term counts). Those keys are pure functions of the article,
    made by the worker that analysed it, so the one process that runs dedup and clustering
    in input order only looks them up (making them took about a fifth of its time per
    article: 9.9-10.6 against 7.1-8.9 ms, replayed on 1,000 articles)."""

    article: Article
    analysis: Analysis
    fingerprint: Fingerprint
    terms: Counter[int]

    @classmethod
    def of(cls, article: Article, analysis: Analysis) -> Analysed:
        return cls(article, analysis, fingerprint(article.text), term_counts(article))


# What the per-article stages make of one input record: the article analysed, or the reason
# it could not be read, or `Known` for a record the store already holds.
Outcome = Analysed | IngestError | Known


@dataclass
class RunReport:
    """What a run did; `ok` is False when any input could not be read."""

    read: int = 0  # records read, good or bad
    new_articles: int = 0
    skipped: int = 0  # already in the store
    errors: list[IngestError] = field(default_factory=list)
    stories_touched: int = 0
    stories_rebuilt: int = 0  # at the end, the stories left stale by the batches
    words: int = 0
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.errors)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def rate(self) -> float:
        return self.read / self.seconds if self.seconds else 0.0


def analyse(parsed: Parsed, article: Article) -> Analysis:
    """The declared per-article stages (`crosswire.stages`) on one parsed article (see
    `parse_articles`)."""
    state = stages.ArticleState(article, parsed.text, parsed.headline, parsed.captions)
    return stages.run(state).analysis()


def process_items(items: list[Item | Known], budget: float | None = None) -> list[Outcome]:
    """The per-article stages (describe, parse, analyse, then the keys dedup and clustering
    look the article up by) on records, in input order.

    A pure function of the records: `run` calls it in-process or in worker processes, and
    `crosswire batch` in Ray actors, so every path runs the same stages. Each record is
    guarded (`crosswire.budget.within`): an exception, or an article taking longer than
    `budget` seconds (None: no limit) in a stage, makes it one `IngestError` and the others
    go on. With a budget it must run on a main thread (elsewhere see `process_in_child`).
    """
    if budget is not None and not alarm_works():
        raise BudgetUnenforceable
    described = [within(i, budget, describe, i) if isinstance(i, Source) else i for i in items]
    todo = [
        (s, d)
        for s, d in zip(items, described, strict=True)
        if isinstance(s, Source) and isinstance(d, Article)
    ]
    done = iter(_analysed_within(todo, budget))
    return [next(done) if isinstance(d, Article) else d for d in described]


def _analysed_within(
    todo: list[tuple[Source, Article]], budget: float | None
) -> list[Analysed | IngestError]:
    """`Analysed` articles (or their errors), parsed together and analysed one by one, in
    a spaCy memory zone (see `analyse_articles`)."""
    with nlp.load_nlp().memory_zone():
        parsed = _parsed_within(todo, budget)
        return [
            p if isinstance(p, IngestError) else within(source, budget, _analysed, p, article)
            for (source, article), p in zip(todo, parsed, strict=True)
        ]


def _analysed(parsed: Parsed, article: Article) -> Analysed:
    return Analysed.of(article, analyse(parsed, article))


def _parsed_within(
    todo: list[tuple[Source, Article]], budget: float | None
) -> list[Parsed | IngestError]:
    """The articles parsed in one batch within their budgets together; if that fails or
    overruns, each parsed alone within its own budget, to find the one at fault."""
    if not todo:
        return []
    articles = [article for _, article in todo]
    together = budget * len(todo) if budget is not None else None
    parsed = within(todo[0][0], together, parse_articles, articles)
    if not isinstance(parsed, IngestError):
        return [*parsed]
    return [_parsed_alone(source, article, budget) for source, article in todo]


def _parsed_alone(source: Source, article: Article, budget: float | None) -> Parsed | IngestError:
    parsed = within(source, budget, parse_articles, [article])
    return parsed if isinstance(parsed, IngestError) else parsed[0]


def process_in_child(
    child: ChildWorker[list[Item | Known], list[Outcome]],
    items: list[Item | Known],
    budget: float,
) -> list[Outcome]:
    """`process_items` in a child process (for callers off the main thread); a piece the
    child does not answer in time (stuck where even its timer cannot stop it) is tried
    record by record in fresh children, and the record that overruns alone is an error."""
    try:
        return child.call(items, child_deadline(budget, len(items)))
    except OverBudget:
        if len(items) > 1:
            return [o for item in items for o in process_in_child(child, [item], budget)]
        [item] = items
        if not isinstance(item, Source):
            return [item]  # pragma: no cover - nothing to analyse cannot overrun
        return [IngestError(item.path, over_budget_reason(budget), item.record)]


def child_deadline(budget: float, records: int) -> float:
    """How long a child may take over `records` records before it is killed: each record's
    describe, parse and analysis have the budget, and the pipe some slack."""
    return budget * STAGES_BUDGETED * records + CHILD_SLACK_S


def analyse_articles(articles: list[Article]) -> list[Analysis]:
    """Parse and analyse articles, in order.

    Inside a spaCy memory zone: the words the parses add to the model's vocabulary are
    dropped when the batch is done, so a process that reads millions of articles (a Ray
    actor lives as long as its job) does not grow with every new name and number. No Doc
    outlives the zone: the analyses are plain data.
    """
    with nlp.load_nlp().memory_zone():
        parsed = parse_articles(articles)
        return [analyse(p, a) for p, a in zip(parsed, articles, strict=True)]


# A short made-up report that reaches every per-article stage's tables, and a page that
# reaches the HTML extractor's
_WARM_UP = [
    Source(
        path="<warm-up>",
        format="text",
        text="Lavrov meets Blinken in Geneva\n\nGENEVA (Reuters) - Russian Foreign Minister "
        "Sergei Lavrov met U.S. Secretary of State Antony Blinken on Friday, the ministry "
        'said. "We agreed to talk," he said.',
        published="2022-01-21",
    ),
    Source(
        path="<warm-up>",
        format="html",
        html="<html><body><article><p>Talks on Friday went well, officials said.</p>"
        "</article></body></html>",
    ),
]


def warm_up() -> None:
    """Load the spaCy model and every stage's tables in this process, by analysing one
    short text: forked workers then inherit them instead of each loading them."""
    process_items(list(_WARM_UP))


def mark_known(batch: list[Item], known: Set[str]) -> list[Item | Known]:
    """The batch with stored records replaced by `Known`, so they are not analysed again
    (the article id is the hash of the raw record, known before cleaning)."""
    return [
        Known(s.content_hash) if isinstance(s, Source) and s.content_hash in known else s
        for s in batch
    ]


@dataclass(frozen=True, slots=True)
class Parsed:
    """An article's parses: its text, its photo captions (None without captions) and its
    headline (None when there is none or it opens the text, which codes it already)."""

    text: Doc
    captions: Doc | None
    headline: Doc | None


def parse_articles(articles: list[Article]) -> list[Parsed]:
    """Each article's parses, in batches: one ``nlp.pipe`` stream each for the texts, the
    captions and the headlines, so a short headline does not cost a pipeline call of its own."""
    docs = nlp.parse(a.text for a in articles)
    caption_docs = nlp.parse(a.caption_text for a in articles if a.captions)
    headlines = [_separate_headline(a) for a in articles]
    headline_docs = nlp.parse(h for h in headlines if h)
    return [
        Parsed(
            doc,
            next(caption_docs) if a.captions else None,
            next(headline_docs) if headline else None,
        )
        for doc, a, headline in zip(docs, articles, headlines, strict=True)
    ]


def _separate_headline(article: Article) -> str | None:
    if article.title and not events.title_in_text(article):
        return article.title
    return None


class Pipeline:
    """Ingest, analyse and cross-check articles into a store.

    `db` is a store URL or path (default ``crosswire.db``) or an open `Store`.
    `batch_size` articles are parsed together and committed in one transaction.
    `workers` > 1 runs the per-article stages in that many processes; the results are put
    back in input order before each transaction, so the store is the same as with one.
    `time_budget` bounds each article's analysis in seconds (None: unbounded): an article
    over it becomes one error record and the run goes on. An exception in any stage is
    recorded the same way, at the article or story it concerns.
    """

    def __init__(
        self,
        db: str | Path | Store = "crosswire.db",
        batch_size: int = 32,
        workers: int = 1,
        time_budget: float | None = DEFAULT_BUDGET,
    ):
        self.store = db if isinstance(db, Store) else open_store(db)
        # the cross-article stages stay in memory between batches, saved incrementally
        self._dedup = Journal("dedup", DuplicateIndex)
        self._clusterer = Journal("stories", StoryClusterer)
        self._builds = Journal("story-builds", StoryBuilds)
        self._revised: list[tuple[Article, Analysis]] = []  # dated from their story
        self.batch_size = batch_size
        self.workers = workers
        self.time_budget = time_budget
        self._failures: list[IngestError] = []  # of cross-article stages, for the report

    def run(
        self,
        paths: Iterable[str],
        *,
        stdin: TextIO | None = None,
        progress: ProgressCallback | None = None,
        name: str | None = None,
    ) -> RunReport:
        """Process every article under `paths` (files, folders, globs, ``-`` for stdin).

        `name` records every input under that name instead of its path (the server's
        uploads: the uploader's file name, never the temporary file it was written to)."""
        report = RunReport()
        started = time.perf_counter()
        records = ingest.read(paths, stdin=stdin)
        if name is not None:
            records = (_named(item, name) for item in records)
        batches = (self._unstored(batch) for batch in chunks(records, self.batch_size))
        for outcomes in self._per_article(batches):
            self.commit(outcomes, report)
            report.seconds = time.perf_counter() - started
            if progress:
                progress(report)
        self.rebuild_stale(report)
        report.seconds = time.perf_counter() - started
        return report

    def _per_article(self, batches: Iterable[list[Item | Known]]) -> Iterator[list[Outcome]]:
        """`process_items` on each batch, in order; with workers, each batch goes out in
        `PIECES_PER_BATCH` pieces, so that at the end of a run no worker waits long for the
        last batch's one busy worker."""
        work = partial(process_items, budget=self.time_budget)
        if self.workers <= 1 and (self.time_budget is None or alarm_works()):
            yield from map(work, batches)
            return
        if self.workers <= 1:  # off the main thread (the server's ingest thread)
            yield from self._in_child(work, batches, self.time_budget)
            return
        # worker processes run `work` on their main threads, where the budget's timer works
        size = piece_size(self.batch_size)
        pieces = (piece for batch in batches for piece in chunks(batch, size))
        done = ordered_map(work, pieces, self.workers, warm_up=warm_up)
        # every batch but the last is full, so these are the batches read
        yield from chunks(chain.from_iterable(done), self.batch_size)

    @staticmethod
    def _in_child(
        work: Callable[[list[Item | Known]], list[Outcome]],
        batches: Iterable[list[Item | Known]],
        budget: float,
    ) -> Iterator[list[Outcome]]:
        with ChildWorker(work, warm_up) as child:
            for batch in batches:
                yield process_in_child(child, batch, budget)

    # ------------------------------------------------------------------ one batch
    def _unstored(self, batch: list[Item]) -> list[Item | Known]:
        known = self.store.known_ids(s.content_hash for s in batch if isinstance(s, Source))
        return mark_known(batch, known)

    def commit(self, outcomes: list[Outcome], report: RunReport) -> None:
        """Store one batch of per-article results in one transaction, in input order, and
        run the cross-article stages over its new articles."""
        report.read += len(outcomes)
        errors = [o for o in outcomes if isinstance(o, IngestError)]
        report.errors += errors
        done = [o for o in outcomes if isinstance(o, Analysed)]
        report.skipped += sum(isinstance(o, Known) for o in outcomes)
        with self.store.transaction():
            # a record may have been stored since it was checked (the same record earlier in
            # a batch still in flight, or by another run on the same store, hence inside the
            # transaction), or come twice in one batch: each article is stored once
            known = self.store.known_ids(d.article.id for d in done)
            fresh: dict[str, Analysed] = {}
            for analysed in done:
                if analysed.article.id not in known:
                    fresh.setdefault(analysed.article.id, analysed)
            report.skipped += len(done) - len(fresh)
            for error in errors:
                self.store.add_error(error)
            for analysed in fresh.values():
                self.store.add_article(analysed.article, analysed.analysis)
            report.stories_touched += self._cross_check(list(fresh.values()))
        self._report_failures(report)
        report.new_articles += len(fresh)
        report.words += sum(d.article.n_words for d in fresh.values())

    # ------------------------------------------------------------------ across articles
    def _cross_check(self, fresh: list[Analysed]) -> int:
        """Dedup and cluster the new articles, then rebuild the stories they touched that
        are due (see stories/schedule.py); the others are marked stale."""
        if not fresh:
            return 0
        dedup = self._dedup.load(self.store)
        clusterer = self._clusterer.load(self.store)
        builds = self._builds.load(self.store)
        self._revised = []
        touched: set[str] = set()
        for article, analysis, keys, terms in fresh:
            try:
                article.duplicate_of = dedup.add(article, keys)
                story_id = clusterer.add(article, analysis, terms)
            except Exception as exc:  # the article stays stored, in no story
                self._failed(f"{article.path} (article {article.id})", exc, "cross-checking")
                continue
            self.store.update_article(article, story_id)
            touched.add(story_id)
        touched |= self._apply_merges(clusterer, builds)
        for story_id in sorted(touched):
            if builds.due(story_id, len(self.store.story_article_ids(story_id))):
                self._rebuild_story(story_id, builds)
        self._rebuild_splits(clusterer, builds)
        self._dedup.save(self.store, dedup)
        self._save_stories(clusterer, builds)
        return len(touched)

    def rebuild_stale(
        self, report: RunReport | None = None, build_map: StoryMap | None = None
    ) -> int:
        """Rebuild every story left stale by the batches so far (`run` calls this at its
        end); the number rebuilt.

        Stories are built independently of each other, so in parallel: in the run's worker
        processes, or by `build_map` (``crosswire batch`` passes its Ray actors'). The builds
        are stored `batch_size` stories per transaction, so a killed run leaves the rest
        stale for the next one.
        """
        stale = self._stale_ids()
        work = (self._story_work(story_id) for story_id in stale)
        built = zip(stale, (build_map or self._build_map)(work), strict=True)
        rebuilt = 0
        for some in chunks(built, self.batch_size):
            with self.store.transaction():
                clusterer = self._clusterer.load(self.store)
                builds = self._builds.load(self.store)
                self._revised = []
                for story_id, build in some:
                    rebuilt += self._store_stale(story_id, build, builds)
                self._rebuild_splits(clusterer, builds)
                self._save_stories(clusterer, builds)
        self._report_failures(report)
        if report is not None:
            report.stories_rebuilt += rebuilt
        return rebuilt

    def stale_articles(self) -> int:
        """How many articles the stale stories hold: what `rebuild_stale` would read."""
        return sum(len(self.store.story_article_ids(story_id)) for story_id in self._stale_ids())

    def _stale_ids(self) -> list[str]:
        with self.store.transaction():
            return self._builds.load(self.store).stale_ids()

    def _story_work(self, story_id: str) -> StoryWork:
        articles = list(self.store.articles(self.store.story_article_ids(story_id)))
        return story_id, articles, [self.store.analysis(a.id) for a in articles]

    def _build_map(self, work: Iterable[StoryWork]) -> Iterator[StoryBuild | StoryFailed | None]:
        return ordered_map(build_work, work, self.workers, warm_up=warm_up)

    def _store_stale(
        self, story_id: str, build: StoryBuild | StoryFailed | None, builds: StoryBuilds
    ) -> bool:
        """Store a stale story's build, unless the story changed since its articles were
        read (another run on the store): then it is rebuilt here. False if it was no
        longer stale."""
        if not builds.is_stale(story_id):
            return False
        current = set(self.store.story_article_ids(story_id))
        if isinstance(build, StoryFailed):
            self._story_failed(build, builds)
        elif build is None or current != set(build.story.article_ids):
            self._rebuild_story(story_id, builds)
        else:
            self._store_build(build, builds)
        return True

    def _save_stories(self, clusterer: StoryClusterer, builds: StoryBuilds) -> None:
        self._clusterer.save(self.store, clusterer)
        self._builds.save(self.store, builds)

    def _apply_merges(self, clusterer: StoryClusterer, builds: StoryBuilds) -> set[str]:
        merged = clusterer.merged()
        for old, new in sorted(merged.items()):
            for article in self.store.articles(self.store.story_article_ids(old)):
                self.store.update_article(article, new)
            self.store.delete_story(old)
            builds.deleted(old)
        return set(merged.values())

    def _rebuild_splits(self, clusterer: StoryClusterer, builds: StoryBuilds) -> None:
        """Tell the clusterer which articles got their date from their story; move the
        articles of any story that split off as a result, and rebuild both parts."""
        revised, self._revised = self._revised, []
        for article, analysis in revised:
            try:
                clusterer.revise(article, analysis)
            except Exception as exc:
                self._failed(f"{article.path} (article {article.id})", exc, "cross-checking")
        split = clusterer.splits()
        for new in split:
            for article in self.store.articles(clusterer.story_members(new)):
                self.store.update_article(article, new)
        for story_id in sorted({*split, *split.values()}):
            self._rebuild_story(story_id, builds)

    def _rebuild_story(self, story_id: str, builds: StoryBuilds) -> None:
        build = build_work(self._story_work(story_id))
        if isinstance(build, StoryFailed):
            self._story_failed(build, builds)
        elif build is None:
            self.store.delete_story(story_id)
            builds.deleted(story_id)
        else:
            self._store_build(build, builds)

    def _story_failed(self, failed: StoryFailed, builds: StoryBuilds) -> None:
        """Record a story whose build failed; it keeps what was stored of it, and counts as
        built at its size (not rebuilt again and again in this run)."""
        self._record(IngestError(f"story {failed.story_id}", failed.reason))
        builds.rebuilt(failed.story_id, len(self.store.story_article_ids(failed.story_id)))

    def _failed(self, where: str, exc: Exception, stage: str) -> None:
        log.debug("%s failed on %s", stage, where, exc_info=True)
        self._record(IngestError(where, failure_reason(exc, stage)))

    def _record(self, error: IngestError) -> None:
        self.store.add_error(error)
        self._failures.append(error)

    def _report_failures(self, report: RunReport | None) -> None:
        failures, self._failures = self._failures, []
        if report is not None:
            report.errors += failures

    def _store_build(self, build: StoryBuild, builds: StoryBuilds) -> None:
        for article in build.dated:
            self.store.update_article(article, build.story.id)
        for article, analysis in build.reanalysed:
            self.store.replace_analysis(analysis)
            self._revised.append((article, analysis))
        self.store.replace_story(build.story, build.events)
        builds.rebuilt(build.story.id, len(build.story.article_ids))


@dataclass
class StoryBuild:
    """A story rebuilt from its articles, and what that changed in them: the undated
    articles it dated, and those whose analyses were redone against that date."""

    story: Story
    events: list[Event]
    dated: list[Article]
    reanalysed: list[tuple[Article, Analysis]]


# A story to build, as its id, its articles and their analyses; what builds them in order
StoryWork = tuple[str, list[Article], list[Analysis]]
StoryMap = Callable[[Iterable[StoryWork]], Iterator["StoryBuild | StoryFailed | None"]]


@dataclass(frozen=True)
class StoryFailed:
    """A story whose build raised, and why (recorded as one error; the run goes on)."""

    story_id: str
    reason: str


def build_work(work: StoryWork) -> StoryBuild | StoryFailed | None:
    """`build_story` on one story's work; None for a story with no articles left."""
    story_id, articles, analyses = work
    if not articles:
        return None
    try:
        return build_story(story_id, articles, analyses)
    except Exception as exc:
        log.debug("building story %s failed", story_id, exc_info=True)
        return StoryFailed(story_id, failure_reason(exc, "story build"))


def build_story(story_id: str, articles: list[Article], analyses: list[Analysis]) -> StoryBuild:
    """A story from all its articles: undated ones dated from it, events fused across them,
    contradictions, brief and timeline. A pure function of its arguments (the articles
    given their dates are changed in place)."""
    dated, reanalysed = [], []
    for i, article in enumerate(articles):
        if article.published is None or article.published_inferred:
            dated.append(article)
            redone = _date_from_story(article, analyses[i], articles)
            if redone is not analyses[i]:
                analyses[i] = redone
                reanalysed.append((article, redone))
    fused, contradictions = fuse_events(story_id, articles, analyses)
    dates = sorted(a.published for a in articles if a.published)
    story = Story(
        id=story_id,
        title=story_title(articles),
        article_ids=[a.id for a in articles],
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
        contradictions=contradictions,
    )
    story.brief = write_brief(story, articles, analyses, fused)
    story.timeline = story_timeline(fused)
    return StoryBuild(story, fused, dated, reanalysed)


def _date_from_story(article: Article, analysis: Analysis, story: list[Article]) -> Analysis:
    """Give an undated article the date its story points to, and resolve its relative
    time expressions (and so its events' dates) against that date: its analysis, redone
    if that changed its anchor."""
    others = [a for a in story if a.id != article.id and not a.published_inferred]
    inferred = infer_published(article, analysis, others)
    article.published, article.published_inferred = inferred, inferred is not None
    if analysis.anchor == inferred:
        return analysis
    [redone] = analyse_articles([article])
    return redone


def piece_size(batch_size: int) -> int:
    """Records a worker takes at a time: a batch in `PIECES_PER_BATCH` pieces, rounded up."""
    return -(-batch_size // PIECES_PER_BATCH)


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of `size` items (the last may be shorter), pulled lazily."""
    records = iter(items)
    while batch := list(islice(records, size)):
        yield batch


def _named(item: Item, name: str) -> Item:
    """`item` as read from a file called `name` (its real path gone from its error too)."""
    if isinstance(item, IngestError):
        return dataclasses.replace(item, path=name, reason=item.reason.replace(item.path, name))
    return dataclasses.replace(item, path=name)
