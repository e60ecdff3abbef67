"""The data model every crosswire stage speaks.

A run turns *sources* (raw records read from files) into *articles* (clean text plus
metadata), analyses each article on its own (mentions, times, quotes, attributions,
event mentions) and then works across articles (entities, duplicates, stories, fused
events, contradictions).

All character offsets (``start``/``end``) point into ``Article.text``, the cleaned text that
is stored and exported; ``text[start:end]`` is always the mentioned words.

Every class here is a plain dataclass with ``to_dict``/``from_dict`` so that stages, the
store and the exports share one shape.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal, TypeVar, cast

Modality = Literal["asserted", "planned", "hypothetical", "denied", "reported"]
Section = Literal["body", "headline", "caption"]
DateFrom = Literal["text", "published"]
ScopeLabel = Literal["in", "out", "other-language"]
# The page languages read as English (see scope/language.py) and coded by the English coder
CODED_LANGUAGES = frozenset({"en", "pcm"})
# The page languages whose events are coded: those, and French (`crosswire.events.fr`); an
# article in another language is linked to stories but none of its events is coded
EVENT_LANGUAGES = CODED_LANGUAGES | {"fr"}
PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip

T = TypeVar("T")


def stable_id(prefix: str, *parts: str, length: int = 12) -> str:
    """A short deterministic id: the same parts always give the same id."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:length]}"


class Record:
    """Mixin: conversion to and from plain JSON-ready dicts."""

    def to_dict(self) -> dict[str, Any]:
        return cast(dict[str, Any], _plain(self))  # a dataclass converts to a dict

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        return _build(cls, data)


_LEAVES = (str, int, float, bool, type(None))


def _plain(value: Any) -> Any:
    """What ``dataclasses.asdict`` gives (dataclasses as dicts, containers rebuilt), without
    its deep copy of every leaf: storing an article's analysis converts thousands of them."""
    if isinstance(value, _LEAVES):
        return value
    if dataclasses.is_dataclass(value):
        kind: type = type(value)  # mypy sees no hash on type[...] narrowed by is_dataclass
        return {name: _plain(getattr(value, name)) for name in _field_names(kind)}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


@cache
def _field_set(cls: type) -> frozenset[str]:
    return frozenset(_field_names(cls))


def _build(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a (possibly nested) dataclass from ``to_dict`` output."""
    hints = _NESTED.get(cls.__name__)
    kind: type = cls  # mypy sees no hash on type[T]
    names = _field_set(kind)
    if hints is None and data.keys() <= names:
        return cls(**data)  # the common leaf (names, places, times): nothing to convert
    hints = hints or {}
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key not in names:
            continue
        nested = hints.get(key)
        if nested is not None and value is not None:
            inner, many = nested
            value = [_build(inner, v) for v in value] if many else _build(inner, value)
        kwargs[key] = value
    return cls(**kwargs)


# --------------------------------------------------------------------------- input


@dataclass(slots=True)
class Source(Record):
    """One raw record as read from an input file, before cleaning.

    ``path`` is the file it came from (``-`` for stdin); ``record`` names the record inside
    the file (JSONL line number, WARC record id, feed entry link) or is ``None`` for a
    one-article file. Either ``text`` or ``html`` is set.
    """

    path: str
    format: str  # "text", "html", "jsonl", "feed", "warc"
    record: str | None = None
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None  # as given by the container (feed, JSONL, WARC date)
    outlet: str | None = None

    @property
    def content_hash(self) -> str:
        """Hash of the raw content: the article id, so re-ingesting changes nothing."""
        body = self.html if self.html is not None else (self.text or "")
        return stable_id("a", self.url or "", body, length=16)


@dataclass(slots=True)
class IngestError(Record):
    """A file or record that could not be turned into an article, and why."""

    path: str
    reason: str
    record: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}#{self.record}" if self.record else self.path
        return f"{where}: {self.reason}"


# --------------------------------------------------------------------------- articles


@dataclass(slots=True)
class Citation(Record):
    """A source an article says it relays ("Source: …", "Read more at …")."""

    text: str
    url: str | None = None
    outlet: str | None = None


@dataclass(slots=True)
class Article(Record):
    """A cleaned article: main text without scraper residue, plus what we know of it."""

    id: str
    text: str
    path: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD, or None when it cannot be found
    published_inferred: bool = False
    # an inferred date's evidence: the story whose dated articles gave it, and the date
    # the article states itself that bounded it, as written (None: the story's median)
    inferred_from_story: str | None = None
    inferred_from_text: str | None = None
    language: str | None = None
    cites: list[Citation] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)  # removed from text, kept here
    duplicate_of: str | None = None
    text_hash: str = ""  # hash of the normalised text: equal for exact duplicates

    @property
    def n_words(self) -> int:
        return len(self.text.split())

    @property
    def caption_text(self) -> str:
        """The captions as one text: what caption event offsets point into."""
        return "\n\n".join(self.captions)


# --------------------------------------------------------------------------- analysis


@dataclass(slots=True)
class ActorRef(Record):
    """A pointer from a mention, quote or event to a canonical actor.

    ``key`` is the normalised cross-article key made by the actors stage (equal keys are
    the same actor in every article); ``entity_id`` is derived from it.
    """

    key: str
    name: str
    country: str | None = None  # ISO 3166-1 alpha-3 (or PLOVER IGO/NGO code)
    sector: str | None = None  # PLOVER sector code: GOV, MIL, MED, ...

    @property
    def entity_id(self) -> str:
        return stable_id("e", self.key, length=10)


@dataclass(slots=True)
class Mention(Record):
    """A repaired named-entity mention resolved to a canonical actor."""

    start: int
    end: int
    text: str
    type: str  # PERSON, ORG, COUNTRY, PLACE, MEDIA, GROUP
    actor: ActorRef
    role: str | None = None  # "foreign minister", as stated in the text


@dataclass(slots=True)
class TimeExpr(Record):
    """A time expression with its ISO 8601 value at the precision the text gives."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str | None  # "2018-05-31", "2018-05", "2009", "P3D", ...


@dataclass(slots=True)
class Attribution(Record):
    """Who a sentence's claim is attributed to ("KCNA said", "according to Tass")."""

    sentence_start: int
    sentence_end: int
    cue: str  # the attributing words as written
    source: ActorRef | None


@dataclass(slots=True)
class Quote(Record):
    """A direct quote and its speaker."""

    start: int
    end: int
    text: str
    speaker: ActorRef | None


@dataclass(slots=True)
class Place(Record):
    name: str
    country: str | None = None


@dataclass(slots=True)
class EventMention(Record):
    """One coded event as one sentence of one article reports it."""

    article_id: str
    type: str  # PLOVER event type
    start: int  # the event words (trigger) in the article text
    end: int
    sentence_start: int
    sentence_end: int
    mode: str | None = None
    cameo: str | None = None
    source: ActorRef | None = None
    target: ActorRef | None = None
    participants: list[ActorRef] = field(default_factory=list)  # all actors, both roles
    location: Place | None = None
    date: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    date_from: DateFrom | None = None
    negated: bool = False
    modality: Modality = "asserted"
    attributed_to: ActorRef | None = None
    section: Section = "body"  # offsets of a "headline" point into the title, of a
    # "caption" into the captions joined by blank lines
    numbers: dict[str, int] = field(default_factory=dict)  # killed, injured, arrested, ...
    trigger: str = ""

    @property
    def id(self) -> str:
        return stable_id("m", self.article_id, self.section, str(self.start), self.type, length=12)


@dataclass(slots=True)
class SentenceScope(Record):
    """Whether one sentence reports an interaction between political or social actors
    (``in``), does not (``out``), or is in another language than English and is not coded
    (``other-language``); see `crosswire.scope`."""

    start: int  # the sentence in the article text
    end: int
    scope: ScopeLabel
    probability: float | None = None  # of being in scope (None: other language)


@dataclass(slots=True)
class Scope(Record):
    """The scope stage's decisions for one article: its language (``en`` where it is read as
    English), the probability that the document as a whole is in scope (the scope stage's
    document model, over its lead and its `english` sentences), and each sentence's
    decision."""

    language: str | None
    document: float
    english: int = 0
    sentences: list[SentenceScope] = field(default_factory=list)


@dataclass(slots=True)
class Analysis(Record):
    """Everything the per-article stages found in one article."""

    article_id: str
    anchor: str | None = None  # the date relative time expressions were resolved against
    sentences: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    scope: list[SentenceScope] = field(default_factory=list)  # none in analyses stored before

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        analysis = _build(cls, data)
        analysis.sentences = [(start, end) for start, end in analysis.sentences]  # JSON lists
        return analysis


# --------------------------------------------------------------------------- across articles


@dataclass(slots=True)
class Entity(Record):
    """A canonical actor across all articles."""

    id: str
    key: str
    name: str
    type: str
    country: str | None = None
    sector: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ValueSupport(Record):
    value: str
    article_ids: list[str]


@dataclass(slots=True)
class Contradiction(Record):
    """Sources disagree on one field of one fused event."""

    event_id: str
    field: str  # "date", "location", "participants", "killed", ...
    values: list[ValueSupport]


@dataclass(slots=True)
class Event(Record):
    """One happening, fused from the mentions of every article that reports it."""

    id: str
    story_id: str | None
    type: str
    mode: str | None
    cameo: str | None
    source: ActorRef | None
    target: ActorRef | None
    participants: list[ActorRef]
    location: Place | None
    date: str | None
    date_from: DateFrom | None
    negated: bool
    modality: Modality
    article_ids: list[str]
    n_sources: int
    mentions: list[EventMention]


@dataclass(slots=True)
class BriefSentence(Record):
    text: str
    article_ids: list[str]


@dataclass(slots=True)
class TimelineEntry(Record):
    """One of a story's best-supported events, as its timeline lists them (date order)."""

    event_id: str
    date: str | None
    what: str  # "CONSULT: Sergei Lavrov – Kim Jong Un, in Pyongyang"
    n_sources: int
    article_ids: list[str]


@dataclass(slots=True)
class Story(Record):
    """Articles about the same happening, with its fused events."""

    id: str
    title: str
    article_ids: list[str]
    first_date: str | None = None
    last_date: str | None = None
    brief: list[BriefSentence] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)


# Nested dataclass fields for from_dict: class name -> field -> (class, is_list)
_NESTED: dict[str, dict[str, tuple[type, bool]]] = {
    "Article": {"cites": (Citation, True)},
    "Mention": {"actor": (ActorRef, False)},
    "Attribution": {"source": (ActorRef, False)},
    "Quote": {"speaker": (ActorRef, False)},
    "EventMention": {
        "source": (ActorRef, False),
        "target": (ActorRef, False),
        "participants": (ActorRef, True),
        "location": (Place, False),
        "attributed_to": (ActorRef, False),
    },
    "Analysis": {
        "mentions": (Mention, True),
        "times": (TimeExpr, True),
        "attributions": (Attribution, True),
        "quotes": (Quote, True),
        "events": (EventMention, True),
        "scope": (SentenceScope, True),
    },
    "Scope": {"sentences": (SentenceScope, True)},
    "Contradiction": {"values": (ValueSupport, True)},
    "Event": {
        "source": (ActorRef, False),
        "target": (ActorRef, False),
        "participants": (ActorRef, True),
        "location": (Place, False),
        "mentions": (EventMention, True),
    },
    "Story": {
        "brief": (BriefSentence, True),
        "contradictions": (Contradiction, True),
        "timeline": (TimelineEntry, True),
    },
}
