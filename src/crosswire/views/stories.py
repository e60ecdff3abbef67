"""The story list (home page, ``/api/stories``): filters, summaries, one sorted page."""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosswire.model import Article, Event, Story
from crosswire.store import cards
from crosswire.store.base import STORY_SORTS, Store, StoryQuery, StorySort
from crosswire.store.cards import StoryCard
from crosswire.views.rows import ActorCount
from crosswire.views.shared import Page, ViewError, check_date

MAX_MIN_SOURCES = 10_000


@dataclass(slots=True)
class StoryFilter:
    since: str | None = None  # stories running on or after this date
    until: str | None = None  # stories starting on or before it
    actor: str | None = None  # any alias of an actor in one of its events
    country: str | None = None  # alpha-3 of an actor or the place of one of its events
    event_type: str | None = None  # PLOVER type of one of its events
    min_sources: int | None = None  # at least this many independent sources

    def checked(self) -> StoryFilter:
        since, until = check_date(self.since, "since"), check_date(self.until, "until")
        if since and until and since[: len(until)] > until[: len(since)]:
            raise ViewError(f"since ({since}) is after until ({until})")
        country = (self.country or "").strip().upper() or None
        if country and not re.fullmatch(r"[A-Z]{3}", country):
            raise ViewError(f"country must be a 3-letter code such as RUS, not {self.country!r}")
        kind = (self.event_type or "").strip().upper() or None
        actor = (self.actor or "").strip() or None
        if self.min_sources is not None and not 0 <= self.min_sources <= MAX_MIN_SOURCES:
            raise ViewError(f"min_sources must be between 0 and {MAX_MIN_SOURCES}")
        return StoryFilter(since, until, actor, country, kind, self.min_sources or None)


@dataclass(slots=True)
class StorySummary:
    id: str
    title: str
    n_articles: int
    n_outlets: int
    n_independent: int
    n_events: int
    n_contradictions: int
    first_date: str | None
    last_date: str | None
    outlets: list[str]
    top_actors: list[ActorCount]


def outlet_name(article: Article) -> str:
    return cards.outlet_name(article)


def summary_of(card: StoryCard) -> StorySummary:
    return StorySummary(
        id=card.id,
        title=card.title,
        n_articles=card.n_articles,
        n_outlets=card.n_outlets,
        n_independent=card.n_independent,
        n_events=card.n_events,
        n_contradictions=card.n_contradictions,
        first_date=card.first_date,
        last_date=card.last_date,
        outlets=card.outlets,
        top_actors=[
            ActorCount(t.entity_id, t.name, t.country, t.events, t.sector) for t in card.top_actors
        ],
    )


def story_summary(story: Story, articles: list[Article], events: list[Event]) -> StorySummary:
    return summary_of(cards.story_card(story, articles, events))


SORTS = STORY_SORTS


def story_summaries(
    store: Store,
    where: StoryFilter | None = None,
    sort: StorySort = "recent",
    limit: int = 20,
    offset: int = 0,
) -> Page[StorySummary]:
    """Stories matching `where`, sorted and paginated, each with its summary figures: one
    page of stored story rows (`Store.story_cards`), the total counted in SQL."""
    if sort not in SORTS:
        raise ViewError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
    where = (where or StoryFilter()).checked()
    query = StoryQuery(
        since=where.since, until=where.until, actor=where.actor, country=where.country,
        type=where.event_type, min_sources=where.min_sources, sort=sort,
        limit=limit, offset=offset,
    )  # fmt: skip
    found, total = store.story_cards(query)
    return Page(items=[summary_of(c) for c in found], total=total, limit=limit, offset=offset)
