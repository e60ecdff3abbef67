"""The per-article stages, declared as data.

A stage is a function of some fields of one article's `ArticleState` (what it `requires`,
passed in that order) whose result becomes one field (what it `assigns`), as a spaCy
pipeline component reads and sets attributes of a Doc. `ARTICLE` declares the stages in the
order they run; `run` executes them on one parsed article, all of them or up to a named one
(a test of the actors stages runs up to ``"quotes"``); `Declaration.problems` reports a stage
that requires what no earlier stage assigns, as spaCy's ``analyze_pipes`` does.

Adding a stage: write its function in a module of its own, taking the fields it requires and
returning the one it assigns, and add its line to `ARTICLE`. A new field goes on
`ArticleState` (and, to be stored, on `crosswire.model.Analysis`). A stage that decides by a
threshold requires ``settings`` (`crosswire.settings.Settings`, given with the state).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

from spacy.tokens import Doc

from crosswire import nlp
from crosswire.events.sections import in_captions, in_headline, mark_headline
from crosswire.model import (
    Analysis,
    Article,
    Attribution,
    EventMention,
    Mention,
    Quote,
    Scope,
    TimeExpr,
)
from crosswire.settings import DEFAULT, Settings


@dataclass(slots=True)
class ArticleState:
    """One article as the stages see it: its parses, given, and the fields the stages assign
    (empty until their stage has run)."""

    article: Article
    doc: Doc  # the parse of article.text
    headline: Doc | None = None  # the title parsed apart (None: no title, or it opens the text)
    captions: Doc | None = None  # the parse of article.caption_text (None: no captions)
    mentions: list[Mention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    scope: Scope | None = None  # None until the scope stage has run
    events: list[EventMention] = field(default_factory=list)
    settings: Settings = DEFAULT  # the thresholds the stages decide by, given

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def published(self) -> str | None:
        return self.article.published

    def analysis(self) -> Analysis:
        """What is stored of the article's analysis (the parses are not: plain data only)."""
        return Analysis(
            article_id=self.article.id,
            anchor=self.article.published,
            sentences=nlp.sentence_spans(self.doc),
            mentions=self.mentions,
            times=self.times,
            attributions=self.attributions,
            quotes=self.quotes,
            events=self.events,
            scope=self.scope.sentences if self.scope else [],
        )


# What a state has before any stage runs, and every field a stage may name
GIVEN = frozenset({"article", "doc", "headline", "captions", "text", "published", "settings"})
FIELDS = GIVEN | {f.name for f in dataclasses.fields(ArticleState)}


@dataclass(frozen=True, slots=True)
class Stage:
    """One per-article stage: `function` ("module:name") called with the `requires` fields
    of the state, in order, its result assigned to the `assigns` field."""

    name: str
    function: str
    requires: tuple[str, ...]
    assigns: str

    def __call__(self, state: ArticleState) -> None:
        result = self.resolve()(*[getattr(state, name) for name in self.requires])
        setattr(state, self.assigns, result)

    def resolve(self) -> Callable[..., Any]:
        """The function, looked up by name when the stage runs (as spaCy looks up factories
        in its registry): importing the declaration loads no stage and none of its data,
        and a function replaced in its module (a test's stand-in) is the one that runs."""
        module, _, name = self.function.partition(":")
        function: Callable[..., Any] = getattr(import_module(module), name)
        return function


@dataclass(frozen=True, slots=True)
class Declaration:
    """Stages in the order they run, and the fields a state has before the first of them."""

    stages: tuple[Stage, ...]
    given: frozenset[str] = GIVEN

    def run(self, state: ArticleState, until: str | None = None) -> ArticleState:
        """`state` after every stage, or every stage up to and including `until`."""
        for stage in self.up_to(until).stages if until else self.stages:
            stage(state)
        return state

    def up_to(self, name: str) -> Declaration:
        """The stages before `name`, and `name`."""
        index = self.stages.index(self[name])
        return dataclasses.replace(self, stages=self.stages[: index + 1])

    def only(self, *names: str) -> Declaration:
        """The stages named, in their declared order."""
        wanted = [self[name] for name in names]
        return dataclasses.replace(self, stages=tuple(s for s in self.stages if s in wanted))

    def __getitem__(self, name: str) -> Stage:
        for stage in self.stages:
            if stage.name == name:
                return stage
        raise KeyError(f"no stage {name!r}; declared: {', '.join(self.names())}")

    def names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def problems(self) -> list[str]:
        """What is wrong with the declaration, as sentences (none: it is consistent): a
        stage that requires a field neither given nor assigned by an earlier stage, names
        no field of `ArticleState`, reassigns a given field, has no function, or shares
        its name."""
        found: list[str] = []
        assigned = set(self.given)
        for index, stage in enumerate(self.stages):
            if stage.name in self.names()[:index]:
                found.append(f"{stage.name}: a second stage of that name")
            found += _field_problems(stage, assigned, self.given)
            if not _resolves(stage):
                found.append(f"{stage.name}: no function {stage.function}")
            assigned.add(stage.assigns)
        return found


def _field_problems(stage: Stage, assigned: set[str], given: frozenset[str]) -> list[str]:
    found = [
        f"{stage.name}: {name} is no field of ArticleState"
        for name in (*stage.requires, stage.assigns)
        if name not in FIELDS
    ]
    missing = [n for n in stage.requires if n in FIELDS and n not in assigned]
    if missing:
        found.append(f"{stage.name} requires {', '.join(missing)}, which no stage before assigns")
    if stage.assigns in given:
        found.append(f"{stage.name} assigns {stage.assigns}, which is given")
    return found


def _resolves(stage: Stage) -> bool:
    try:
        return callable(stage.resolve())
    except (ImportError, AttributeError, ValueError):
        return False


def headline_events(
    headline: Doc | None,
    article: Article,
    events: list[EventMention],
    scope: Scope,
    settings: Settings = DEFAULT,
) -> list[EventMention]:
    """The body's `events` with the headline's: marked among them where the title opens the
    text, else coded from the title's own parse (their offsets point into the title)."""
    events = mark_headline(article, events)
    if headline is None:
        return events
    return events + in_headline(_section(headline, article, scope, settings).events)


def caption_events(
    captions: Doc | None,
    article: Article,
    events: list[EventMention],
    scope: Scope,
    settings: Settings = DEFAULT,
) -> list[EventMention]:
    """The body's `events` with the photo captions' (their offsets point into
    `Article.caption_text`)."""
    if captions is None:
        return events
    section = _section(captions, article, scope, settings)
    return events + in_captions(section.events, section.times)


def _section(doc: Doc, article: Article, scope: Scope, settings: Settings) -> ArticleState:
    """The section stages on `doc`, a part of `article` parsed apart, as an article whose
    text is that part; in scope as the article is (its language, its document probability:
    a title or a caption alone says little of what the page is about)."""
    part = Scope(language=scope.language, document=scope.document, english=scope.english)
    part_of = dataclasses.replace(article, text=doc.text)
    state = ArticleState(part_of, doc, scope=part, settings=settings)
    return SECTION.run(state)


ARTICLE = Declaration(
    (
        Stage("times", "crosswire.timex:find_times", ("text", "published"), "times"),
        Stage(
            "mentions", "crosswire.actors:find_mentions", ("doc", "article", "times"), "mentions"
        ),
        Stage(
            "attributions",
            "crosswire.actors:find_attributions",
            ("doc", "article", "mentions"),
            "attributions",
        ),
        Stage("quotes", "crosswire.actors:find_quotes", ("doc", "article", "mentions"), "quotes"),
        Stage(
            "scope",
            "crosswire.scope:decide_scope",
            ("doc", "article", "mentions", "settings"),
            "scope",
        ),
        Stage(
            "events",
            "crosswire.scope:scoped_events",
            ("doc", "article", "mentions", "times", "attributions", "scope", "settings"),
            "events",
        ),
        Stage(
            "headline",
            "crosswire.stages:headline_events",
            ("headline", "article", "events", "scope", "settings"),
            "events",
        ),
        Stage(
            "captions",
            "crosswire.stages:caption_events",
            ("captions", "article", "events", "scope", "settings"),
            "events",
        ),
    )
)

# The stages run on a headline parsed apart and on the captions: their events are coded as
# the text's are, with no attributions (as they always have been), in the article's scope
SECTION = dataclasses.replace(
    ARTICLE.only("mentions", "times", "events"), given=GIVEN | {"attributions", "scope"}
)


def run(state: ArticleState, until: str | None = None) -> ArticleState:
    """The declared per-article stages (`ARTICLE`) on one parsed article, all of them or up
    to and including the stage named `until`."""
    return ARTICLE.run(state, until)
