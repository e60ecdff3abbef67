"""The storage interface every backend implements.

It is deliberately small: the pipeline writes articles with their analyses, cross-article
results per story, serialised stage state and input errors; the CLI, exports and API read
them back as model objects.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass

from crosswire.actors.story import merge_entities
from crosswire.model import Analysis, Article, Entity, Event, IngestError, Story


@dataclass(slots=True)
class EventFilter:
    """What `Store.events` can filter on; every field is optional."""

    actor: str | None = None  # any alias or canonical name, case-insensitive
    type: str | None = None  # PLOVER type
    since: str | None = None  # YYYY[-MM[-DD]]: events dated on or after it
    story_id: str | None = None


@dataclass(slots=True)
class ArticleHit:
    """One full-text search result."""

    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str  # plain text around the match (no markup): the caller escapes it
    score: float  # higher is better; comparable only within one result list


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
    def save_entries(self, space: str, entries: Mapping[bytes, bytes | None]) -> None:
        """Write entries of a stage's spilled dictionary (a value None deletes its entry)."""

    @abstractmethod
    def load_entries(self, space: str, keys: Iterable[bytes]) -> dict[bytes, bytes]:
        """The stored entries among `keys` (the others are absent)."""

    @abstractmethod
    def scan_entries(self, space: str) -> Iterator[tuple[bytes, bytes]]:
        """Every stored entry of `space`, by key."""

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
    def events(self, where: EventFilter | None = None) -> list[Event]:
        """Fused events, in date order (undated last)."""

    @abstractmethod
    def entities(self) -> list[Entity]:
        """Canonical actors: the aggregation of all mentions with the same key."""

    def entities_in(self, article_ids: Iterable[str]) -> list[Entity]:
        """Canonical actors named in any of these articles (aggregated over all articles),
        a person's surname-only entity folded into the one full name among them, the most
        widely named first."""
        wanted = set(article_ids)
        found = merge_entities([e for e in self.entities() if wanted.intersection(e.article_ids)])
        return sorted(found, key=lambda e: (-len(wanted.intersection(e.article_ids)), e.name))

    @abstractmethod
    def errors(self) -> list[IngestError]: ...

    @abstractmethod
    def search_articles(self, query: str, limit: int = 20, offset: int = 0) -> list[ArticleHit]:
        """Full-text search over article titles and texts, best first.

        `query` is what a user types: words (all must match), "quoted phrases", ``or``
        between alternatives, ``-word`` to exclude. Operators and punctuation are never
        passed to the database as syntax; a query without any word finds nothing.
        """

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Row counts: articles, duplicates, stories, events, entities, errors, ..."""
