"""What both SQL backends share: migration files, and turning rows back into model objects."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from itertools import chain, repeat
from typing import Any, Protocol

from crosswire.labels import display_name, most_common
from crosswire.model import Analysis, Article, Entity, Event, Story
from crosswire.store.base import EventFilter, Store
from crosswire.store.cards import story_card


class Row(Protocol):
    """A result row read by column name: a PostgreSQL row (a dict) or an `sqlite3.Row`
    (which reads like one, though typeshed does not call it a Mapping)."""

    def __getitem__(self, key: str) -> Any: ...

    def keys(self) -> Any: ...


def migrations(backend: str) -> list[tuple[int, str]]:
    """(version, SQL) of every migration shipped for `backend` ("sqlite", "postgres")."""
    folder = resources.files("crosswire.store") / "migrations" / backend
    found = []
    for item in folder.iterdir():
        if item.name.endswith(".sql"):
            found.append((int(item.name.split("_", 1)[0]), item.read_text(encoding="utf-8")))
    return sorted(found)


def article_extra(article: Article) -> dict[str, Any]:
    """The article fields kept as one JSON document rather than columns (an inferred
    date's evidence only when there is one)."""
    extra: dict[str, Any] = {
        "cites": [c.to_dict() for c in article.cites],
        "captions": article.captions,
    }
    if article.inferred_from_story:
        extra["inferred_from_story"] = article.inferred_from_story
        extra["inferred_from_text"] = article.inferred_from_text
    return extra


def article_from_row(row: Row, extra: Mapping[str, Any]) -> Article:
    skip = ("seq", "story_id", "data", "search")
    data = {k: row[k] for k in row.keys() if k not in skip}  # noqa: SIM118 (sqlite3.Row)
    data["published_inferred"] = bool(data["published_inferred"])
    return Article.from_dict({**data, **extra})


def event_actor_rows(event: Event) -> list[tuple[str, str, str]]:
    """(event id, entity id, role) rows linking an event to its actors, sorted."""
    rows = {(event.id, p.entity_id, "participant") for p in event.participants}
    if event.source:
        rows.add((event.id, event.source.entity_id, "source"))
    if event.target:
        rows.add((event.id, event.target.entity_id, "target"))
    return sorted(rows)


def entity_name_rows(analysis: Analysis) -> list[tuple[str, str]]:
    """(entity id, alias or name) rows of an analysis's mentions, once each, sorted.

    `entity_names` keeps every name an entity was recorded under; a replaced analysis
    (`replace_analysis`, after a date is inferred) names the same actors, so none goes
    stale in practice, and one that did would only widen an actor filter."""
    found = {(m.actor.entity_id, m.text) for m in analysis.mentions}
    found |= {(m.actor.entity_id, m.actor.name) for m in analysis.mentions}
    return sorted(found)


# The columns an actor is aggregated from: mentions are read grouped by them, with how
# many mentions each group holds, so an actor named 10,000 times is a few dozen rows
ENTITY_COLUMNS = "entity_id, key, name, alias, type, country, sector, role"


def grouped_mentions_sql(where: str = "") -> str:
    """Mention groups (`ENTITY_COLUMNS` and their count ``n``) of the mentions `where`
    selects ("WHERE entity_id IN (...)"), and of every mention without it."""
    return f"SELECT {ENTITY_COLUMNS}, count(*) AS n FROM mentions {where} GROUP BY {ENTITY_COLUMNS}"


def entity_articles_sql(where: str = "") -> str:
    """The (entity, article) pairs of the mentions `where` selects."""
    return f"SELECT DISTINCT entity_id, article_id FROM mentions {where}"


def entities_from_groups(groups: Iterable[Row], articles: Iterable[Row]) -> list[Entity]:
    """Every canonical actor aggregated from grouped mention rows (`grouped_mentions_sql`)
    and its (entity, article) pairs (`entity_articles_sql`), by id. Each aggregate counts
    a group as often as it has mentions, so the result is that of reading every mention."""
    by_entity: dict[str, list[Row]] = defaultdict(list)
    for row in groups:
        by_entity[row["entity_id"]].append(row)
    article_ids: dict[str, set[str]] = defaultdict(set)
    for row in articles:
        article_ids[row["entity_id"]].add(row["article_id"])
    found = (entity_from_groups(rows, article_ids[eid]) for eid, rows in by_entity.items())
    return sorted(found, key=lambda e: e.id)


def entity_from_groups(rows: list[Row], article_ids: set[str]) -> Entity:
    """The canonical actor aggregated from all its mention groups."""
    first = rows[0]
    return Entity(
        id=first["entity_id"],
        key=first["key"],
        name=display_name(first["key"], (n for n in _each(rows, "name") if n)) or first["name"],
        type=most_common(_each(rows, "type")) or first["type"],
        country=most_common(_each(rows, "country")),
        sector=most_common(_each(rows, "sector")),
        aliases=sorted({r["alias"] for r in rows}),
        roles=sorted({r["role"] for r in rows if r["role"]}),
        article_ids=sorted(article_ids),
    )


def _each(rows: list[Row], column: str) -> Iterator[str | None]:
    """A column's value once per mention of each group."""
    return chain.from_iterable(repeat(r[column], int(r["n"])) for r in rows)


def story_row(story: Story, articles: list[Article], events: list[Event]) -> dict[str, Any]:
    """The `stories` row of a story: its JSON and its list figures (`store.cards`)."""
    card = story_card(story, articles, events)
    return {
        "id": story.id,
        "title": story.title,
        "first_date": story.first_date,
        "last_date": story.last_date,
        "n_articles": card.n_articles,
        "n_outlets": card.n_outlets,
        "n_independent": card.n_independent,
        "n_events": card.n_events,
        "n_contradictions": card.n_contradictions,
        "card": json.dumps(card.extra()),
        "data": json.dumps(story.to_dict()),
    }


def backfill_story_cards(store: Store) -> None:
    """Work out the list figures of the stories stored before they were kept (run inside
    the migration that adds them, so a store is never left half filled)."""
    for row in store._query("SELECT id FROM stories WHERE card IS NULL"):  # type: ignore[attr-defined]
        story = store.story(row["id"])
        if story is not None:
            store.replace_story(story, store.events(EventFilter(story_id=story.id)))
