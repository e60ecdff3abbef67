"""A story's list figures, worked out once when the story is written.

The story list (home page, ``/api/stories``) shows for each story its sizes, independent
sources, outlets and top actors, and filters on its event types, countries and actors.
Working these out on every request meant reading every story's events and articles; the
backends store them as columns and small tables when `replace_story` writes the story
(and fill them in for stories written before, on open), so a list page reads one page of
rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from crosswire.graph import event_actors
from crosswire.model import ActorRef, Article, Event, Story
from crosswire.provenance import independent_sources, uncoded_articles

TOP_ACTORS = 5


@dataclass(slots=True)
class ActorTally:
    entity_id: str
    name: str
    country: str | None
    events: int
    sector: str | None = None  # absent from cards stored before sectors were kept


@dataclass(slots=True)
class StoryCard:
    """What the story list shows of one story."""

    id: str
    title: str
    first_date: str | None
    last_date: str | None
    n_articles: int
    n_outlets: int
    n_independent: int
    n_events: int
    n_contradictions: int
    outlets: list[str] = field(default_factory=list)
    top_actors: list[ActorTally] = field(default_factory=list)

    def extra(self) -> dict[str, Any]:
        """The card's list fields, kept as one JSON document beside the number columns."""
        return {"outlets": self.outlets, "top_actors": [_tally_dict(t) for t in self.top_actors]}

    @classmethod
    def from_row(cls, row: Any, extra: dict[str, Any]) -> StoryCard:
        return cls(
            id=row["id"], title=row["title"], first_date=row["first_date"],
            last_date=row["last_date"], n_articles=row["n_articles"],
            n_outlets=row["n_outlets"], n_independent=row["n_independent"],
            n_events=row["n_events"], n_contradictions=row["n_contradictions"],
            outlets=extra.get("outlets", []),
            top_actors=[ActorTally(**t) for t in extra.get("top_actors", [])],
        )  # fmt: skip


def _tally_dict(tally: ActorTally) -> dict[str, Any]:
    return {
        "entity_id": tally.entity_id,
        "name": tally.name,
        "country": tally.country,
        "events": tally.events,
        "sector": tally.sector,
    }


def outlet_name(article: Article) -> str:
    return article.outlet or "unknown outlet"


def top_actors(events: Iterable[Event], n: int = TOP_ACTORS) -> list[ActorTally]:
    """The actors taking part in most of `events`, ties by name."""
    counts: Counter[str] = Counter()
    refs: dict[str, ActorRef] = {}
    for event in events:
        for ref in event_actors(event):
            counts[ref.entity_id] += 1
            refs.setdefault(ref.entity_id, ref)
    ranked = sorted(counts, key=lambda k: (-counts[k], refs[k].name))[:n]
    return [ActorTally(k, refs[k].name, refs[k].country, counts[k], refs[k].sector) for k in ranked]


def story_card(story: Story, articles: list[Article], events: list[Event]) -> StoryCard:
    """The list figures of `story` from its articles (those stored) and its events."""
    by_id = {a.id: a for a in articles}
    mentions = [m for e in events for m in e.mentions]
    outlets = sorted({outlet_name(a) for a in articles})
    # reports in a language crosswire does not code count as sources of the story too
    uncoded = uncoded_articles(articles, (m.article_id for m in mentions))
    return StoryCard(
        id=story.id,
        title=story.title,
        first_date=story.first_date,
        last_date=story.last_date,
        n_articles=len(story.article_ids),
        n_outlets=len(outlets),
        n_independent=(independent_sources(mentions, by_id, uncoded) if mentions or uncoded else 0),
        n_events=len(events),
        n_contradictions=len(story.contradictions),
        outlets=outlets,
        top_actors=top_actors(events),
    )


def event_countries(event: Event) -> list[str]:
    """The countries an event concerns: its place's and its actors'."""
    found = {a.country for a in event_actors(event) if a.country}
    if event.location and event.location.country:
        found.add(event.location.country)
    return sorted(found)


def article_facet_rows(story_id: str, events: list[Event]) -> list[tuple[str, str, str, str]]:
    """The ``article_facets`` rows of a story's events: (article, kind, value, story), one
    per article and event type, and per article and country its events concern."""
    rows: set[tuple[str, str, str, str]] = set()
    for event in events:
        for article_id in event.article_ids:
            if event.type:
                rows.add((article_id, "type", event.type, story_id))
            rows.update((article_id, "country", c, story_id) for c in event_countries(event))
    return sorted(rows)
