"""Actors: the actor search (``/api/actors``) and one actor's profile screen."""

from __future__ import annotations

from dataclasses import dataclass

from crosswire.model import Entity
from crosswire.store.base import EventFilter, Store
from crosswire.views.events import event_rows
from crosswire.views.kb_roles import KbPerson, kb_person
from crosswire.views.rows import TOP_ACTORS, ActorCount, EventRow
from crosswire.views.shared import Page, ViewError

EVENTS_PAGE = 50  # an actor's events shown at a time


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
    events: Page[EventRow]  # one page of its events, in date order, and how many in all
    over_time: list[PeriodCount]
    co_actors: list[ActorCount]
    stories: list[StoryRef]
    kb: KbPerson | None = None  # a person's entry in the actor KB and its dated roles


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


def actor_profile(
    store: Store, entity_id: str, limit: int = EVENTS_PAGE, offset: int = 0
) -> ActorProfile | None:
    """An actor's profile with one page of its events; the counts over all of its events
    (per date, co-actors, stories) are made by the store, so the page costs the same for
    an actor in five events or five thousand."""
    entity = store.entity(entity_id)
    if entity is None:
        return None
    activity = store.actor_activity(entity_id, partners=TOP_ACTORS * 2)
    return ActorProfile(
        actor=actor_summary(entity),
        events=event_rows(store, EventFilter(entity_id=entity_id), None, limit, offset),
        over_time=[PeriodCount(date, n) for date, n in activity.dates],
        co_actors=[
            ActorCount(t.entity_id, t.name, t.country, t.events, t.sector)
            for t in activity.partners
        ],
        stories=[StoryRef(story_id, title) for story_id, title in activity.stories],
        kb=kb_person(entity),
    )
