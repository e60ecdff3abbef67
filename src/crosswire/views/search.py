"""Search: full-text article hits with facets and their stories, actors by alias, and
events by type or actor (`search_all`)."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from crosswire.graph import quad_of
from crosswire.store.base import ArticleHit, EventFilter, SearchFilter, SearchPage, Store
from crosswire.views.actors import ActorSummary, search_actors
from crosswire.views.rows import EventRow, event_row
from crosswire.views.shared import ViewError


@dataclass(slots=True)
class SnippetPiece:
    text: str
    matched: bool  # one of the words searched for: shown highlighted


@dataclass(slots=True)
class ArticleHitView:
    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str  # plain text
    score: float
    segments: list[SnippetPiece]  # the snippet in pieces, matched words flagged


@dataclass(slots=True)
class FacetValue:
    value: str
    count: int


@dataclass(slots=True)
class SearchFacets:
    type: list[FacetValue]
    country: list[FacetValue]
    outlet: list[FacetValue]
    month: list[FacetValue]


@dataclass(slots=True)
class StoryMatch:
    id: str
    title: str
    n_matched: int  # matched articles in it


@dataclass(slots=True)
class SearchResults:
    query: str
    articles: list[ArticleHitView]
    actors: list[ActorSummary]
    events: list[EventRow]
    total: int = 0  # articles matched in all (with the facet filters)
    limit: int = 20
    offset: int = 0
    filters: dict[str, str] = field(default_factory=dict)  # the facet filters applied
    facets: SearchFacets | None = None  # over all the matched articles
    stories: list[StoryMatch] = field(default_factory=list)  # the matches' stories
    total_events: int = 0


def search_events(
    store: Store, query: str, limit: int = 20, offset: int = 0
) -> tuple[list[EventRow], int]:
    """One page of the events of the PLOVER type `query` names, or else of an actor whose
    alias contains it; and how many there are."""
    needle = query.strip()
    if not needle:
        return [], 0
    if re.fullmatch(r"[A-Za-z]+", needle) and quad_of(needle).key != "unknown":
        where = EventFilter(type=needle.upper())
    else:
        where = EventFilter(actor=needle)
    events, total = store.events_page(where, limit, offset)
    return [event_row(e) for e in events], total


_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def search_filter(
    type: str | None = None,
    country: str | None = None,
    outlet: str | None = None,
    month: str | None = None,
) -> SearchFilter:
    """The facet filters of a search, checked (`ViewError` says what is wrong)."""
    country = (country or "").strip().upper() or None
    if country and not re.fullmatch(r"[A-Z]{3}", country):
        raise ViewError(f"country must be a 3-letter code such as RUS, not {country[:20]!r}")
    month = (month or "").strip() or None
    if month and not _MONTH.match(month):
        raise ViewError("month must be YYYY-MM")
    kind = (type or "").strip().upper() or None
    return SearchFilter(kind, country, (outlet or "").strip() or None, month)


def search_all(
    store: Store,
    query: str,
    limit: int = 20,
    offset: int = 0,
    where: SearchFilter | None = None,
) -> SearchResults:
    """Articles (full text, with total, facets and their stories), actors (by alias) and
    events matching `query`; `limit` and `offset` page each list."""
    query = query.strip()
    if not query:
        raise ViewError("the search query is empty")
    where = where or SearchFilter()
    found = store.search(query, where, limit=limit, offset=offset)
    events, total_events = search_events(store, query, limit, offset)
    return SearchResults(
        query=query,
        articles=[hit_view(h) for h in found.hits],
        actors=search_actors(store, query, limit, offset).items,
        events=events,
        total=found.total,
        limit=limit,
        offset=offset,
        filters={k: v for k, v in asdict(where).items() if v},
        facets=_facets(found),
        stories=[StoryMatch(s.id, s.title, s.n_matched) for s in found.stories],
        total_events=total_events,
    )


def hit_view(hit: ArticleHit) -> ArticleHitView:
    return ArticleHitView(
        hit.article_id, hit.title, hit.outlet, hit.published, hit.snippet, hit.score,
        [SnippetPiece(text, matched) for text, matched in hit.segments],
    )  # fmt: skip


def _facets(found: SearchPage) -> SearchFacets:
    def values(kind: str) -> list[FacetValue]:
        return [FacetValue(f.value, f.count) for f in found.facets.get(kind, [])]

    return SearchFacets(values("type"), values("country"), values("outlet"), values("month"))
