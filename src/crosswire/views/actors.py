"""Actors: the actor search (``/api/actors``) and one actor's profile screen."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from crosswire.model import Entity
from crosswire.store.base import EventFilter, Store
from crosswire.views.rows import TOP_ACTORS, ActorCount, EventRow, event_row, top_actors
from crosswire.views.shared import Page, ViewError


@dataclass(slots=True)
class ActorSummary:
    id: str
    name: str
    type: str
    country: str | None
    sector: str | None
    aliases: list[str]
    roles: list[str]
    n_articles: int


@dataclass(slots=True)
class PeriodCount:
    period: str  # YYYY-MM-DD, YYYY-MM or YYYY
    events: int


@dataclass(slots=True)
class StoryRef:
    id: str
    title: str


@dataclass(slots=True)
class ActorProfile:
    actor: ActorSummary
    events: list[EventRow]
    over_time: list[PeriodCount]
    co_actors: list[ActorCount]
    stories: list[StoryRef]


def actor_summary(entity: Entity) -> ActorSummary:
    return ActorSummary(
        id=entity.id,
        name=entity.name,
        type=entity.type,
        country=entity.country,
        sector=entity.sector,
        aliases=entity.aliases,
        roles=entity.roles,
        n_articles=len(entity.article_ids),
    )


def search_actors(store: Store, query: str, limit: int = 20, offset: int = 0) -> Page[ActorSummary]:
    """Actors with an alias or name containing `query` (case-insensitive): exact alias
    matches first, then the actors named in most articles; one page read from the store."""
    needle = query.strip()
    if not needle:
        raise ViewError("the actor query is empty")
    found, total = store.actor_search(needle, limit, offset)
    return Page(items=[actor_summary(e) for e in found], total=total, limit=limit, offset=offset)


def actor_profile(store: Store, entity_id: str) -> ActorProfile | None:
    entity = store.entity(entity_id)
    if entity is None:
        return None
    events = store.events(EventFilter(entity_id=entity_id))
    over_time = Counter(e.date for e in events if e.date)
    co = [c for c in top_actors(events, n=TOP_ACTORS * 2 + 1) if c.entity_id != entity_id]
    return ActorProfile(
        actor=actor_summary(entity),
        events=[event_row(e) for e in events],
        over_time=[PeriodCount(p, over_time[p]) for p in sorted(over_time)],
        co_actors=co[: TOP_ACTORS * 2],
        stories=_story_refs(store, {e.story_id for e in events if e.story_id}),
    )


def _story_refs(store: Store, ids: set[str]) -> list[StoryRef]:
    found = (store.story(i) for i in sorted(ids))
    return [StoryRef(s.id, s.title) for s in found if s is not None]
