"""An actor's page counts (`Store.actor_activity`, in SQL, each test on SQLite and
PostgreSQL) equal what reading all of the actor's events and counting them gives."""

from __future__ import annotations

from collections import Counter

from tests.store.test_lists import fill

from crosswire.graph import event_actors
from crosswire.store import Store
from crosswire.store.base import EventFilter


def counted_from_events(store: Store, entity_id: str) -> tuple[list, Counter, list]:
    events = store.events(EventFilter(entity_id=entity_id))
    dates = sorted(Counter(e.date for e in events if e.date).items())
    partners = Counter(
        ref.entity_id for e in events for ref in event_actors(e) if ref.entity_id != entity_id
    )
    titles = {s.id: s.title for s in store.stories()}
    stories = sorted((e.story_id, titles[e.story_id]) for e in events if e.story_id)
    return dates, partners, sorted(set(stories))


def test_an_actors_counts_are_those_of_all_its_events(store: Store) -> None:
    fill(store)
    actors = {ref.entity_id for e in store.events() for ref in event_actors(e)}
    assert len(actors) >= 3
    for entity_id in sorted(actors):
        dates, partners, stories = counted_from_events(store, entity_id)
        activity = store.actor_activity(entity_id, partners=10)
        assert activity.dates == dates
        assert {(t.entity_id, t.events) for t in activity.partners} == set(partners.items())
        assert activity.stories == stories
        named = {ref.entity_id: ref.name for e in store.events() for ref in event_actors(e)}
        assert all(t.name == named[t.entity_id] for t in activity.partners)


def test_partners_are_cut_to_the_most_frequent(store: Store) -> None:
    fill(store)
    lavrov = next(
        ref.entity_id
        for e in store.events()
        for ref in event_actors(e)
        if ref.name == "Sergei Lavrov"
    )
    _, partners, _ = counted_from_events(store, lavrov)
    [top] = store.actor_activity(lavrov, partners=1).partners
    assert top.events == max(partners.values())
    assert store.actor_activity("no such actor", partners=5).dates == []
