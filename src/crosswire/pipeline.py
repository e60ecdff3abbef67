"""The whole job: input files in, a cross-checked event store out.

>>> from crosswire import Pipeline
>>> report = Pipeline("crosswire.db").run(["examples/corpus"])
>>> report.ok, report.new_articles, report.failed

Work goes batch by batch; each batch is one store transaction, so a killed run resumes
where it stopped and re-ingesting the same input changes nothing (see docs/architecture.md).
"""

from __future__ import annotations

import dataclasses
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Set
from dataclasses import dataclass, field
from enum import Enum
from functools import partial
from pathlib import Path
from typing import NamedTuple, TextIO

from spacy.tokens import Doc

from crosswire import events, headlines, ingest, nlp, stages
from crosswire.batch.child import ChildWorker
from crosswire.batch.executors import Executor, InChild, InProcess, WorkerPool
from crosswire.batch.pool import chunks
from crosswire.budget import (
    BudgetUnenforceable,
    OverBudget,
    alarm_works,
    over_budget_reason,
    within,
)
from crosswire.clean import describe
from crosswire.crosscheck import CrossCheck
from crosswire.events.patterns import verb_patterns
from crosswire.model import (
    Analysis,
    Article,
    IngestError,
    Source,
)
from crosswire.settings import DEFAULT, RunSettings, Settings
from crosswire.store import Store, open_store
from crosswire.stories.cluster import term_counts
from crosswire.stories.crosslingual import Meaning, meaning_of
from crosswire.stories.dedup import Fingerprint, fingerprint
from crosswire.stories.scoring import day_of
from crosswire.story_build import StoryMap

ProgressCallback = Callable[["RunReport"], None]
Item = Source | IngestError
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
    `Fingerprint`, its hashed term counts, its `Meaning` across languages). Those keys are
    pure functions of the article, made by the worker that analysed it, so the one process
    that runs dedup and clustering in input order only looks them up (making the first two
    took about a fifth of its time per article: 9.9-10.6 against 7.1-8.9 ms, replayed on
    1,000 articles; the meaning's embedding takes about 15 ms more)."""

    article: Article
    analysis: Analysis
    fingerprint: Fingerprint
    terms: Counter[int]
    meaning: Meaning | None = None

    @classmethod
    def of(cls, article: Article, analysis: Analysis) -> Analysed:
        meaning = meaning_of(article, day_of(article.published))
        return cls(article, analysis, fingerprint(article.text), term_counts(article), meaning)


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


def analyse(parsed: Parsed, article: Article, settings: Settings = DEFAULT) -> Analysis:
    """The declared per-article stages (`crosswire.stages`) on one parsed article (see
    `parse_articles`), deciding by `settings`."""
    state = stages.ArticleState(
        article, parsed.text, parsed.headline, parsed.captions, settings=settings
    )
    return stages.run(state).analysis()


def process_items(
    items: list[Item | Known], budget: float | None = None, settings: Settings = DEFAULT
) -> list[Outcome]:
    """The per-article stages (describe, parse, analyse, then the keys dedup and clustering
    look the article up by) on records, in input order.

    A pure function of the records: `run` calls it in-process or in worker processes, and
    `crosswire batch` in Ray actors, so every path runs the same stages. Each record is
    guarded (`crosswire.budget.within`): an exception, or an article taking longer than
    `budget` seconds (None: no limit) in a stage, makes it one `IngestError` and the others
    go on. The stages decide by `settings`. With a budget it must run on a main thread
    (elsewhere see `process_in_child`).
    """
    if budget is not None and not alarm_works():
        raise BudgetUnenforceable
    described = [within(i, budget, describe, i) if isinstance(i, Source) else i for i in items]
    todo = [
        (s, d)
        for s, d in zip(items, described, strict=True)
        if isinstance(s, Source) and isinstance(d, Article)
    ]
    done = iter(_analysed_within(todo, budget, settings))
    return [next(done) if isinstance(d, Article) else d for d in described]


def _analysed_within(
    todo: list[tuple[Source, Article]], budget: float | None, settings: Settings
) -> list[Analysed | IngestError]:
    """`Analysed` articles (or their errors), parsed together and analysed one by one, in
    a spaCy memory zone (see `analyse_articles`)."""
    with nlp.load_nlp().memory_zone():
        parsed = _parsed_within(todo, budget)
        return [
            p
            if isinstance(p, IngestError)
            else within(source, budget, _analysed, p, article, settings)
            for (source, article), p in zip(todo, parsed, strict=True)
        ]


def _analysed(parsed: Parsed, article: Article, settings: Settings) -> Analysed:
    return Analysed.of(article, analyse(parsed, article, settings))


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


def analyse_articles(articles: list[Article], settings: Settings = DEFAULT) -> list[Analysis]:
    """Parse and analyse articles, in order.

    Inside a spaCy memory zone: the words the parses add to the model's vocabulary are
    dropped when the batch is done, so a process that reads millions of articles (a Ray
    actor lives as long as its job) does not grow with every new name and number. No Doc
    outlives the zone: the analyses are plain data.
    """
    with nlp.load_nlp().memory_zone():
        parsed = parse_articles(articles)
        return [analyse(p, a, settings) for p, a in zip(parsed, articles, strict=True)]


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
    recased = [headlines.recased_lines(a.text) for a in articles]
    docs = (
        headlines.as_written(doc, a.text) if cased else doc
        for doc, a, cased in zip(
            nlp.parse(cased or a.text for a, cased in zip(articles, recased, strict=True)),
            articles,
            recased,
            strict=True,
        )
    )
    caption_docs = nlp.parse(a.caption_text for a in articles if a.captions)
    titles = [_separate_headline(a) for a in articles]
    apart = [(t, a.text) for t, a in zip(titles, articles, strict=True) if t]
    headline_docs = (
        headlines.verbal_reading(headlines.as_written(d, title), _event_verb)
        for d, (title, _) in zip(
            nlp.parse(headlines.sentence_cased(t, body) or t for t, body in apart),
            apart,
            strict=True,
        )
    )
    return [
        Parsed(
            doc,
            next(caption_docs) if a.captions else None,
            next(headline_docs) if headline else None,
        )
        for doc, a, headline in zip(docs, articles, titles, strict=True)
    ]


def _event_verb(lemma: str) -> bool:
    return lemma in verb_patterns()


def _separate_headline(article: Article) -> str | None:
    if article.title and not events.title_in_text(article):
        return article.title
    return None


class FromSettings(Enum):
    """`Pipeline`'s time budget when none is given: the settings' (None means no limit)."""

    FROM_SETTINGS = "from settings"


FROM_SETTINGS = FromSettings.FROM_SETTINGS


class Pipeline:
    """Ingest, analyse and cross-check articles into a store.

    `db` is a store URL or path (default ``crosswire.db``) or an open `Store`.
    `settings` are the thresholds the stages decide by (`crosswire.settings`; default:
    crosswire's own); its ``run`` section gives the batch size and time budget unless
    `batch_size` or `time_budget` is given here.
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
        batch_size: int | None = None,
        workers: int = 1,
        time_budget: float | FromSettings | None = FROM_SETTINGS,
        *,
        settings: Settings = DEFAULT,
    ):
        self.store = db if isinstance(db, Store) else open_store(db)
        self.settings = _with_run(settings, batch_size, time_budget)
        self.batch_size = self.settings.run.batch_size
        self.workers = workers
        self.time_budget = self.settings.run.time_budget or None
        # the cross-article stages stay in memory between batches, saved incrementally
        self.crosscheck = CrossCheck(self.store, self.batch_size, self.settings)

    def run(
        self,
        paths: Iterable[str],
        *,
        stdin: TextIO | None = None,
        progress: ProgressCallback | None = None,
        name: str | None = None,
        executor: Executor | None = None,
    ) -> RunReport:
        """Process every article under `paths` (files, folders, globs, ``-`` for stdin):
        read, analyse each article (the `executor`'s work), commit each batch and
        cross-check it, then rebuild the stories left stale (the executor's story map).

        `name` records every input under that name instead of its path (the server's
        uploads: the uploader's file name, never the temporary file it was written to).
        `executor` defaults to `local_executor()`; ``crosswire batch`` passes Ray's."""
        executor = executor or self.local_executor()
        report = RunReport()
        started = time.perf_counter()
        batches = InputBatches(self.store, list(paths), self.batch_size, stdin, name)
        for outcomes in executor.analyse(batches):
            self.commit(outcomes, report)
            report.seconds = time.perf_counter() - started
            if progress:
                progress(report)
        self.rebuild_stale(report, executor.build_stories)
        report.seconds = time.perf_counter() - started
        return report

    def local_executor(self) -> Executor:
        """The per-article stages on this machine: in this process; in a child process for
        a run with a time budget off the main thread (the server's ingest thread), where the
        budget's timer cannot work; or in `workers` processes."""
        work = partial(process_items, budget=self.time_budget, settings=self.settings)
        if self.workers > 1:
            return WorkerPool(work, warm_up, self.workers, piece_size(self.batch_size))
        if self.time_budget is None or alarm_works():
            return InProcess(work)
        return InChild(work, warm_up, partial(process_in_child, budget=self.time_budget))

    def commit(self, outcomes: list[Outcome], report: RunReport) -> None:
        """Store one batch of per-article results in one transaction, in input order, and
        cross-check its new articles in it."""
        report.read += len(outcomes)
        errors = [o for o in outcomes if isinstance(o, IngestError)]
        report.errors += errors
        done = [o for o in outcomes if isinstance(o, Analysed)]
        report.skipped += sum(isinstance(o, Known) for o in outcomes)
        with self.store.transaction():
            fresh = self._unstored(done)
            report.skipped += len(done) - len(fresh)
            for error in errors:
                self.store.add_error(error)
            for analysed in fresh:
                self.store.add_article(analysed.article, analysed.analysis)
            changes = self.crosscheck.add(fresh)
        report.stories_touched += len(changes.touched)
        report.errors += changes.failures
        report.new_articles += len(fresh)
        report.words += sum(d.article.n_words for d in fresh)

    def _unstored(self, done: list[Analysed]) -> list[Analysed]:
        """The articles not stored yet, each once: a record may have been stored since it
        was checked (the same record earlier in a batch still in flight, or by another run
        on the same store, hence inside the transaction), or come twice in one batch."""
        known = self.store.known_ids(d.article.id for d in done)
        fresh: dict[str, Analysed] = {}
        for analysed in done:
            if analysed.article.id not in known:
                fresh.setdefault(analysed.article.id, analysed)
        return list(fresh.values())

    def rebuild_stale(
        self, report: RunReport | None = None, build_map: StoryMap | None = None
    ) -> int:
        """Rebuild every story left stale by the batches so far (`run` calls this at its
        end); the number rebuilt.

        Stories are built independently of each other, so in parallel: by `build_map` (an
        executor's story map; by default the local one: the run's worker processes). The
        builds are stored `batch_size` stories per transaction, so a killed run leaves the
        rest stale for the next one.
        """
        changes = self.crosscheck.finish(build_map or self.local_executor().build_stories)
        if report is not None:
            report.errors += changes.failures
            report.stories_rebuilt += changes.rebuilt
        return changes.rebuilt

    def stale_articles(self) -> int:
        """How many articles the stale stories hold: what `rebuild_stale` would read."""
        return self.crosscheck.stale_articles()


def _with_run(
    settings: Settings, batch_size: int | None, time_budget: float | FromSettings | None
) -> Settings:
    """`settings` with the batch size and time budget given to `Pipeline`, if any."""
    run = settings.run.model_dump()
    if batch_size is not None:
        run["batch_size"] = batch_size
    if time_budget is not FROM_SETTINGS:
        run["time_budget"] = time_budget or 0.0
    return settings.model_copy(update={"run": RunSettings.model_validate(run)})


@dataclass(frozen=True)
class InputBatches:
    """A run's input: the records under `paths` in batches of `size`, each record already
    stored replaced by `Known`. Iterating reads them here, batch by batch; an executor that
    reads the files itself (Ray's read tasks) takes `paths`, `size` and `stored_ids`."""

    store: Store
    paths: list[str]
    size: int
    stdin: TextIO | None = None
    name: str | None = None  # every record's path (see `Pipeline.run`)

    def __iter__(self) -> Iterator[list[Item | Known]]:
        records = ingest.read(self.paths, stdin=self.stdin)
        if self.name is not None:
            records = (_named(item, self.name) for item in records)
        for batch in chunks(records, self.size):
            known = self.store.known_ids(s.content_hash for s in batch if isinstance(s, Source))
            yield mark_known(batch, known)

    def stored_ids(self) -> Iterator[str]:
        """The ids of every article stored, for an executor that cannot ask batch by batch
        (read once when it starts; `Pipeline.commit` checks again before storing)."""
        if self.store.counts().get("articles"):
            yield from (a.id for a in self.store.articles())


def piece_size(batch_size: int) -> int:
    """Records a worker takes at a time: a batch in `PIECES_PER_BATCH` pieces, rounded up."""
    return -(-batch_size // PIECES_PER_BATCH)


def _named(item: Item, name: str) -> Item:
    """`item` as read from a file called `name` (its real path gone from its error too)."""
    if isinstance(item, IngestError):
        return dataclasses.replace(item, path=name, reason=item.reason.replace(item.path, name))
    return dataclasses.replace(item, path=name)
