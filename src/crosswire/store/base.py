"""The storage interface every backend implements.

It is deliberately small: the pipeline writes articles with their analyses, cross-article
results per story, serialised stage state and input errors; the CLI, exports and API read
them back as model objects.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Literal

from crosswire.model import Analysis, Article, Entity, Event, IngestError, Story
from crosswire.store.cards import ActorTally, StoryCard


@dataclass(slots=True)
class EventFilter:
    """What `Store.events` can filter on; every field is optional."""

    actor: str | None = None  # any alias or canonical name, case-insensitive
    type: str | None = None  # PLOVER type
    since: str | None = None  # YYYY[-MM[-DD]]: events dated on or after it
    story_id: str | None = None
    until: str | None = None  # YYYY[-MM[-DD]]: dated events on or before it
    entity_id: str | None = None  # one canonical actor taking part


StorySort = Literal["top", "recent", "size", "sources", "oldest"]
STORY_SORTS: tuple[str, ...] = ("top", "recent", "size", "sources", "oldest")
RECENT_DAYS = 7


@dataclass(slots=True)
class StoryQuery:
    """One page of the story list: filters, order and page (see `Store.story_cards`).

    Sorts: ``recent`` (latest last date first), ``size`` (most articles), ``sources`` (most
    independent sources), ``oldest`` (earliest first date), and ``top``: the stories whose
    last date falls in the store's latest `recent_days` days (counted back from the latest
    last date of any story) first, each group by independent sources, then articles, then
    recency.
    """

    since: str | None = None  # stories running on or after it (last date)
    until: str | None = None  # stories starting on or before it (first date)
    actor: str | None = None  # any alias of an actor in one of its events
    country: str | None = None  # alpha-3 of an actor or the place of one of its events
    type: str | None = None  # PLOVER type of one of its events
    min_sources: int | None = None  # at least this many independent sources
    sort: StorySort = "recent"
    limit: int = 20
    offset: int = 0
    recent_days: int = RECENT_DAYS


@dataclass(slots=True)
class ArticleHit:
    """One full-text search result."""

    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str  # plain text around the match (no markup): the caller escapes it
    score: float  # higher is better; comparable only within one result list
    # the snippet cut into (text, is a matched word) pieces; joined they give `snippet`
    segments: list[tuple[str, bool]] = field(default_factory=list)


@dataclass(slots=True)
class SearchFilter:
    """Narrows a full-text search to articles with one facet value; every field optional."""

    type: str | None = None  # reports an event of this PLOVER type
    country: str | None = None  # reports an event concerning this country (alpha-3)
    outlet: str | None = None
    month: str | None = None  # published in this month, YYYY-MM


@dataclass(slots=True)
class Facet:
    value: str
    count: int  # matched articles with this value


@dataclass(slots=True)
class StoryHit:
    """A story some of the matched articles belong to."""

    id: str
    title: str
    n_matched: int


@dataclass(slots=True)
class SearchPage:
    hits: list[ArticleHit]
    total: int  # articles matched in all (with the filter)
    facets: dict[str, list[Facet]]  # "type", "country", "outlet", "month"
    stories: list[StoryHit]


@dataclass(slots=True)
class ActorActivity:
    """What an actor's page counts over all its events, worked out in the store: events
    per date (oldest first), the actors it appears with most (`ActorTally`, most events
    together first; each named as one of those events names it) and its stories."""

    dates: list[tuple[str, int]]
    partners: list[ActorTally]
    stories: list[tuple[str, str]]  # (story id, title), by id


class Store(ABC):
    """A crosswire store. Writes happen inside `transaction()`."""

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """All writes inside commit together or not at all."""

    @abstractmethod
    def snapshot(self) -> AbstractContextManager[None]:
        """A read-only transaction: every read inside sees the store as one committed state,
        whatever a writer commits meanwhile (a server opens one per request)."""

    @abstractmethod
    def close(self) -> None: ...

    # ---- writes
    @abstractmethod
    def add_article(self, article: Article, analysis: Analysis) -> None: ...

    @abstractmethod
    def replace_analysis(self, analysis: Analysis) -> None:
        """Replace an article's analysis (after its publication date was inferred)."""

    @abstractmethod
    def update_article(self, article: Article, story_id: str | None) -> None:
        """Rewrite the cross-article fields: duplicate_of, published(_inferred), story."""

    @abstractmethod
    def replace_story(self, story: Story, events: list[Event]) -> None:
        """Store a story and replace all its events."""

    @abstractmethod
    def delete_story(self, story_id: str) -> None: ...

    @abstractmethod
    def add_error(self, error: IngestError) -> None: ...

    @abstractmethod
    def save_state(self, name: str, data: bytes) -> None: ...

    @abstractmethod
    def load_state(self, name: str) -> bytes | None: ...

    @abstractmethod
    def delete_state(self, name: str) -> None: ...

    @abstractmethod
    def save_entries(self, space: str, entries: Mapping[bytes, bytes | None]) -> None:
        """Write entries of a stage's spilled dictionary (a value None deletes its entry)."""

    @abstractmethod
    def load_entries(self, space: str, keys: Iterable[bytes]) -> dict[bytes, bytes]:
        """The stored entries among `keys` (the others are absent)."""

    @abstractmethod
    def scan_entries(
        self, space: str, after: bytes | None = None, limit: int | None = None
    ) -> Iterator[tuple[bytes, bytes]]:
        """The stored entries of `space` by key: all, or the first `limit` after `after`."""

    @abstractmethod
    def add_members(self, space: str, pairs: Iterable[tuple[bytes, str]]) -> None:
        """Add (key, member) pairs to a multi-valued space (one already there stays once)."""

    @abstractmethod
    def load_members(self, space: str, keys: Iterable[bytes]) -> dict[bytes, list[str]]:
        """The members under each of `keys` that has any, in member order."""

    # ---- reads
    @abstractmethod
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of `ids` already stored."""

    @abstractmethod
    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        """Articles in input order (all of them, or those with the given ids)."""

    @abstractmethod
    def analysis(self, article_id: str) -> Analysis: ...

    @abstractmethod
    def story_of(self, article_id: str) -> str | None: ...

    @abstractmethod
    def story_article_ids(self, story_id: str) -> list[str]: ...

    @abstractmethod
    def stories(self) -> list[Story]:
        """All stories, largest first."""

    @abstractmethod
    def story(self, story_id: str) -> Story | None: ...

    @abstractmethod
    def story_cards(self, query: StoryQuery) -> tuple[list[StoryCard], int]:
        """One page of the story list and how many stories match in all."""

    @abstractmethod
    def story_choices(self) -> dict[str, list[str]]:
        """``types`` and ``countries`` of the stored events, sorted (for pickers)."""

    @abstractmethod
    def event(self, event_id: str) -> Event | None: ...

    @abstractmethod
    def events_page(
        self, where: EventFilter | None, limit: int, offset: int
    ) -> tuple[list[Event], int]:
        """One page of `events(where)` and how many match in all."""

    @abstractmethod
    def events(self, where: EventFilter | None = None) -> list[Event]:
        """Fused events, in date order (undated last)."""

    @abstractmethod
    def entities(self) -> list[Entity]:
        """Canonical actors: the aggregation of all mentions with the same key."""

    @abstractmethod
    def entity(self, entity_id: str) -> Entity | None:
        """One canonical actor, aggregated over its own mentions exactly as `entities()`
        aggregates it (None when no mention has that id)."""

    @abstractmethod
    def actor_search(self, query: str, limit: int, offset: int) -> tuple[list[Entity], int]:
        """One page of the actors with a name or alias containing `query`
        (case-insensitive), exact matches first, then by articles naming them, then by
        name; and how many match in all."""

    @abstractmethod
    def actor_activity(self, entity_id: str, partners: int) -> ActorActivity:
        """`ActorActivity` of one actor, with its `partners` most frequent co-actors."""

    @abstractmethod
    def errors(self) -> list[IngestError]: ...

    def errors_page(self, limit: int, offset: int) -> tuple[list[IngestError], int]:
        """One page of the input errors, newest first, and how many there are."""
        newest_first = self.errors()[::-1]
        return newest_first[offset : offset + limit], len(newest_first)

    def search_articles(self, query: str, limit: int = 20, offset: int = 0) -> list[ArticleHit]:
        """Full-text search over article titles and texts, best first (see `search`)."""
        return self.search(query, None, limit, offset, facets=False).hits

    @abstractmethod
    def search(
        self,
        query: str,
        where: SearchFilter | None = None,
        limit: int = 20,
        offset: int = 0,
        facets: bool = True,
    ) -> SearchPage:
        """Full-text search over article titles and texts, best first: one page of hits,
        how many match, and (with `facets`) the facets and stories of all the matches.

        `query` is what a user types: words (all must match), "quoted phrases", ``or``
        between alternatives, ``-word`` to exclude. Operators and punctuation are never
        passed to the database as syntax; a query without any word finds nothing.
        """

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Row counts: articles, duplicates, stories, events, entities, errors, ..."""
