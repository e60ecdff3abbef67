"""The export tables as rows: one generator of plain dicts per table (`article_rows`,
`event_rows`, ...). Every format (JSONL, CSV, Parquet) is written from these same rows, so
the formats cannot drift apart; the JSONL layout is the public contract in the README.
Event and story dates go out in the contract's form only (`contract_date`: ``YYYY``,
``YYYY-MM``, ``YYYY-MM-DD`` or null), whatever a store written by older code holds."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from crosswire.model import ActorRef, Article, Event, EventMention, Place, Story
from crosswire.store import Store
from crosswire.timex.values import contract_date

Row = dict[str, Any]


def actor_json(actor: ActorRef | None) -> Row | None:
    if actor is None:
        return None
    return {
        "entity_id": actor.entity_id,
        "name": actor.name,
        "country": actor.country,
        "sector": actor.sector,  # PLOVER sector code: GOV, MIL, COP, ...
    }


def place_json(place: Place | None) -> Row | None:
    return None if place is None else {"name": place.name, "country": place.country}


def article_rows(store: Store) -> Iterator[Row]:
    for a in store.articles():
        yield {
            "id": a.id,
            "url": a.url,
            "path": a.path,
            "outlet": a.outlet,
            "title": a.title,
            "published": a.published,
            "published_inferred": a.published_inferred,
            "inferred_from_story": a.inferred_from_story,
            "inferred_from_text": a.inferred_from_text,
            "language": a.language,
            "duplicate_of": a.duplicate_of,
            "cites": [c.to_dict() for c in a.cites],
            "captions": a.captions,
            "text": a.text,
        }


def entity_rows(store: Store) -> Iterator[Row]:
    for e in store.entities():
        yield {
            "id": e.id,
            "name": e.name,
            "type": e.type,
            "country": e.country,
            "sector": e.sector,
            "aliases": e.aliases,
            "roles": e.roles,
            "article_ids": e.article_ids,
        }


def time_rows(store: Store) -> Iterator[Row]:
    for article in store.articles():
        for t in store.analysis(article.id).times:
            yield {
                "article_id": article.id,
                "text": t.text,
                "start": t.start,
                "end": t.end,
                "type": t.type,
                "value": t.value,
            }


def quote_rows(store: Store) -> Iterator[Row]:
    for article in store.articles():
        for q in store.analysis(article.id).quotes:
            speaker = (
                None
                if q.speaker is None
                else {"entity_id": q.speaker.entity_id, "name": q.speaker.name}
            )
            yield {
                "article_id": article.id,
                "speaker": speaker,
                "text": q.text,
                "start": q.start,
                "end": q.end,
            }


def mention_json(mention: EventMention, sentence: str) -> Row:
    attributed = mention.attributed_to
    return {
        "article_id": mention.article_id,
        "sentence": sentence,
        "start": mention.start,
        "end": mention.end,
        "trigger": mention.trigger,
        "section": mention.section,
        "attributed_to": None
        if attributed is None
        else {"entity_id": attributed.entity_id, "name": attributed.name},
    }


def event_json(event: Event, sentence_of: Callable[[EventMention], str]) -> Row:
    return {
        "id": event.id,
        "story_id": event.story_id,
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "source": actor_json(event.source),
        "target": actor_json(event.target),
        "participants": [actor_json(p) for p in event.participants],
        "location": place_json(event.location),
        **event_date(event),
        "negated": event.negated,
        "modality": event.modality,
        "article_ids": event.article_ids,
        "n_sources": event.n_sources,
        "mentions": [mention_json(m, sentence_of(m)) for m in event.mentions],
    }


def event_date(event: Event) -> Row:
    """The event's date in the contract's form, and where it comes from (null with it)."""
    date = contract_date(event.date)
    return {"date": date, "date_from": event.date_from if date is not None else None}


def story_json(story: Story) -> Row:
    """A story row, its dates in the contract's form: first and last date, timeline entries
    and the values of a contradiction about the date."""
    contradictions = [c.to_dict() for c in story.contradictions]
    for contradiction in contradictions:
        if contradiction["field"] == "date":
            for support in contradiction["values"]:
                support["value"] = contract_date(support["value"])
    timeline = [{**t.to_dict(), "date": contract_date(t.date)} for t in story.timeline]
    return {
        "id": story.id,
        "title": story.title,
        "article_ids": story.article_ids,
        "first_date": contract_date(story.first_date),
        "last_date": contract_date(story.last_date),
        "brief": [b.to_dict() for b in story.brief],
        "contradictions": contradictions,
        "timeline": timeline,
    }


def event_rows(store: Store) -> Iterator[Row]:
    articles: dict[str, Article] = {}

    def sentence_of(m: EventMention) -> str:
        if m.article_id not in articles:
            articles[m.article_id] = next(store.articles([m.article_id]))
        article = articles[m.article_id]
        sections = {"headline": article.title or "", "caption": article.caption_text}
        return sections.get(m.section, article.text)[m.sentence_start : m.sentence_end]

    for event in store.events():
        yield event_json(event, sentence_of)


def story_rows(store: Store) -> Iterator[Row]:
    for s in sorted(store.stories(), key=lambda s: s.id):
        yield story_json(s)


TABLES: dict[str, Callable[[Store], Iterator[Row]]] = {
    "articles": article_rows,
    "entities": entity_rows,
    "times": time_rows,
    "events": event_rows,
    "stories": story_rows,
    "quotes": quote_rows,
}


def event_mention_rows(store: Store) -> Iterator[Row]:
    """One row per event mention, with its event's id: the `mentions` list of `event_rows`
    flattened, for tabular tools that do not read nested columns."""
    for event in event_rows(store):
        for mention in event["mentions"]:
            yield {"event_id": event["id"], **mention}


# Tabular formats (CSV, Parquet) add the flattened mentions to the JSONL tables.
TABULAR_TABLES: dict[str, Callable[[Store], Iterator[Row]]] = {
    **TABLES,
    "event_mentions": event_mention_rows,
}
