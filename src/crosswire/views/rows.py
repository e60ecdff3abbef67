"""The small rows several screens list: an actor with its event count, an article, an
event; and the text a mention's offsets point into."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from crosswire.graph import event_actors, quad_of
from crosswire.labels import article_label
from crosswire.model import Article, Event, EventMention
from crosswire.store import cards
from crosswire.stories.brief import event_summary

TOP_ACTORS = 5


@dataclass(slots=True)
class ActorCount:
    entity_id: str
    name: str
    country: str | None
    events: int
    sector: str | None = None  # PLOVER sector code (GOV, MIL, COP, ...), where known


@dataclass(slots=True)
class ArticleRow:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    duplicate_of: str | None
    n_words: int
    label: str  # the title, else "Outlet, 2018-05-31": what pages call the article
    language: str | None = None  # as cleaning guessed it (ISO 639 code)


def article_row(article: Article) -> ArticleRow:
    return ArticleRow(
        id=article.id,
        label=article_label(article.title, article.outlet, article.published),
        title=article.title,
        outlet=article.outlet,
        published=article.published,
        url=article.url,
        duplicate_of=article.duplicate_of,
        n_words=article.n_words,
        language=article.language,
    )


@dataclass(slots=True)
class EventRow:
    id: str
    story_id: str | None
    type: str
    quad: str
    quad_label: str
    colour: str
    summary: str  # "CONSULT/visit: Sergei Lavrov – Kim Jong Un, in Pyongyang"
    label: str  # the same without the type, for pages that show the type as a badge
    date: str | None
    modality: str
    negated: bool
    n_sources: int
    n_articles: int
    actors: list[ActorCount]
    location: str | None


def event_row(event: Event) -> EventRow:
    quad = quad_of(event.type)
    return EventRow(
        id=event.id,
        story_id=event.story_id,
        type=event.type,
        quad=quad.key,
        quad_label=quad.label,
        colour=quad.colour,
        summary=(summary := event_summary(event)),
        label=summary.removeprefix(event.type).lstrip("/: ") or summary,
        date=event.date,
        modality=event.modality,
        negated=event.negated,
        n_sources=event.n_sources,
        n_articles=len(event.article_ids),
        actors=[
            ActorCount(a.entity_id, a.name, a.country, 1, a.sector) for a in event_actors(event)
        ],
        location=event.location.name if event.location else None,
    )


def top_actors(events: Iterable[Event], n: int = TOP_ACTORS) -> list[ActorCount]:
    """The actors taking part in most of `events`."""
    found = cards.top_actors(events, n)
    return [ActorCount(t.entity_id, t.name, t.country, t.events, t.sector) for t in found]


def by_date(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.date is None, e.date or "", e.id))


def mention_sentence(article: Article, mention: EventMention) -> str:
    """The text of a mention's sentence, from the section its offsets point into."""
    start, end = mention.sentence_start, mention.sentence_end
    return section_text(article, mention.section)[start:end]


def section_text(article: Article, section: str) -> str:
    if section == "headline":
        return article.title or ""
    if section == "caption":
        return article.caption_text
    return article.text
