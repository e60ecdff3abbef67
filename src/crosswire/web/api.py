"""The REST API's routes: `router`, mounted under ``/api`` by `crosswire.web.app`.

A thin shell over `crosswire.views` and the store: every request opens its own connection,
reads one snapshot (`crosswire.web.deps.StoreDep`: what was committed when it began,
whatever the ingestion worker commits meanwhile), asks a view function and closes it.
Parameters are declared once, for the API and the pages, in `crosswire.web.params` (bad
values answer 422 naming the parameter) and checked further by the views (`ViewError` ->
400); the answers to errors are `crosswire.web.errors`'. Ingestion runs in the background,
one job at a time (`crosswire.web.jobs`). Nothing here knows the web UI.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Query, Request, UploadFile
from fastapi import Path as PathPart
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field, model_validator

from crosswire import views
from crosswire.store.base import EventFilter, Store
from crosswire.web import downloads
from crosswire.web.activity import ErrorOut, JobOut, RecentJob, input_errors, job_out, recent_jobs
from crosswire.web.deps import StoreDep
from crosswire.web.fields import MAX_OUTLET, MAX_TITLE, IsoDate, WebUrl
from crosswire.web.params import (
    Actor,
    Country,
    DateParam,
    EventType,
    Limit,
    MinSources,
    Month,
    Offset,
    Outlet,
    SearchQuery,
    check_range,
)

# --------------------------------------------------------------------------- request bodies


class ArticleIn(BaseModel):
    """One article to ingest: its text or its HTML page, and what is known of it."""

    text: str | None = Field(None, description="plain text of the article")
    html: str | None = Field(None, description="the article's HTML page")
    url: WebUrl | None = Field(None, description="where it was published: http or https")
    title: str | None = Field(None, max_length=MAX_TITLE)
    published: IsoDate | None = Field(None, description="publication date, ISO 8601")
    outlet: str | None = Field(None, max_length=MAX_OUTLET)

    @model_validator(mode="after")
    def _one_body(self) -> ArticleIn:
        if not (self.text or "").strip() and not (self.html or "").strip():
            raise ValueError("give the article's `text` or its `html`")
        return self


class Stats(BaseModel):
    counts: dict[str, int]


# --------------------------------------------------------------------------- routes

router = APIRouter()
T = TypeVar("T")


def _found(value: T | None, what: str, key: str) -> T:
    if value is None:
        raise HTTPException(status_code=404, detail=f"no {what} with id {key!r}")
    return value


@router.get("/stats", response_model=Stats, tags=["store"])
def stats(store: StoreDep) -> Stats:
    """What the store holds: articles, stories, events, entities, errors."""
    return Stats(counts=store.counts())


@router.get("/stories", response_model=views.Page[views.StorySummary], tags=["stories"])
def list_stories(
    store: StoreDep,
    since: DateParam = None,
    until: DateParam = None,
    actor: Actor = None,
    country: Country = None,
    type: EventType = None,
    min_sources: MinSources = None,
    sort: Annotated[
        views.StorySort,
        Query(description="recent, size, sources, oldest, or top (see the README)"),
    ] = "recent",
    limit: Limit = 20,
    offset: Offset = 0,
) -> views.Page[views.StorySummary]:
    """Stories with their size, sources, date span and top actors; filtered, sorted and
    paged in the store."""
    check_range(since, until)
    where = views.StoryFilter(since, until, actor, country, type, min_sources)
    return views.story_summaries(store, where, sort, limit, offset)


@router.get("/stories/{story_id}", response_model=views.StoryDetail, tags=["stories"])
def get_story(story_id: str, store: StoreDep) -> views.StoryDetail:
    """A story: brief with citations, articles, events, timeline, actor graph, source
    comparison and contradictions."""
    return _found(views.story_detail(store, story_id), "story", story_id)


@router.get("/events", response_model=views.Page[views.EventRow], tags=["events"])
def list_events(
    store: StoreDep,
    actor: Actor = None,
    type: EventType = None,
    since: DateParam = None,
    until: DateParam = None,
    story: Annotated[str | None, Query(max_length=100)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> views.Page[views.EventRow]:
    """Fused events in date order, filtered as `crosswire events` filters them."""
    check_range(since, until)
    where = EventFilter(actor=actor, type=type, since=since, story_id=story)
    return views.event_rows(store, where, until, limit, offset)


@router.get("/events/{event_id}", response_model=views.EventDetail, tags=["events"])
def get_event(event_id: str, store: StoreDep) -> views.EventDetail:
    """An event with each mention's sentence in highlighted segments and its attribution."""
    return _found(views.event_detail(store, event_id), "event", event_id)


@router.get("/actors", response_model=views.Page[views.ActorSummary], tags=["actors"])
def list_actors(
    store: StoreDep,
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200, description="any alias")],
    limit: Limit = 20,
    offset: Offset = 0,
) -> views.Page[views.ActorSummary]:
    """Actors with a name or alias containing `q` (case-insensitive)."""
    return views.search_actors(store, q, limit, offset)


@router.get("/actors/{entity_id}", response_model=views.ActorProfile, tags=["actors"])
def get_actor(
    entity_id: str, store: StoreDep, request: Request, limit: Limit = 50, offset: Offset = 0
) -> views.ActorProfile:
    """An actor's aliases, roles, country, events over time, co-actors and stories (over
    all of its events), and one page of its events (`limit`, `offset`; all of them:
    ``events.csv`` / ``events.jsonl``)."""
    profile = views.actor_profile(store, entity_id, limit, offset)
    return _found(profile, "actor", entity_id)


@router.get("/articles/{article_id}", response_model=views.ArticleDetail, tags=["articles"])
def get_article(article_id: str, store: StoreDep) -> views.ArticleDetail:
    """An article: metadata, cleaned text, captions, duplicates, cited sources, events."""
    return _found(views.article_detail(store, article_id), "article", article_id)


@router.get("/search", response_model=views.SearchResults, tags=["search"])
def search(
    store: StoreDep,
    request: Request,
    q: SearchQuery,
    limit: Limit = 20,
    offset: Offset = 0,
    type: EventType = None,
    country: Country = None,
    outlet: Outlet = None,
    month: Month = None,
) -> views.SearchResults:
    """Articles (full text, best first; `total` matched, `facets` and `stories` over all
    the matches), actors (by alias) and events matching `q`; `limit` and `offset` page
    each of the three lists; `type`, `country`, `outlet` and `month` narrow the articles
    to one facet value."""
    where = views.search_filter(type, country, outlet, month)
    return views.search_all(store, q, limit, offset, where)


@router.post("/articles", response_model=JobOut, status_code=202, tags=["ingest"])
def post_article(article: ArticleIn, request: Request) -> JobOut:
    """Queue one article (JSON with `text` or `html`) for the pipeline; poll `status_url`."""
    return job_out(request.app.state.worker.submit_record(article.model_dump()))


@router.post("/uploads", response_model=JobOut, status_code=202, tags=["ingest"])
async def upload(file: UploadFile, request: Request) -> JobOut:
    """Queue an uploaded file of any format `crosswire run` reads (HTML, text, JSONL,
    RSS/Atom, WARC, .gz of these)."""
    limit = request.app.state.max_upload_bytes
    data = await file.read(limit + 1)
    if len(data) > limit:
        raise HTTPException(status_code=413, detail=f"{file.filename}: larger than {limit} bytes")
    if not data:
        raise HTTPException(status_code=400, detail=f"{file.filename}: the file is empty")
    return job_out(request.app.state.worker.submit_bytes(file.filename or "upload", data))


@router.get("/jobs/{job_id}", response_model=JobOut, tags=["ingest"])
def job_status(job_id: str, request: Request) -> JobOut:
    """An ingestion job: queued, running, done (with counts and input errors) or failed."""
    job = _found(request.app.state.worker.get(job_id), "job", job_id)
    return job_out(job)


# --------------------------------------------------------------------------- downloads
# Each list again as a file: its path with .csv or .jsonl appended, the same filters
# (taken from the list route itself), streamed a page at a time (crosswire.web.downloads).

FormatParam = Annotated[downloads.Format, PathPart(description="csv or jsonl")]


@router.get("/stories.{fmt}", tags=["downloads"], response_class=StreamingResponse)
def download_stories(
    fmt: FormatParam,
    request: Request,
    filters: Annotated[dict[str, Any], Depends(downloads.filters_of(list_stories))],
) -> StreamingResponse:
    """Every story `/api/stories` lists with these filters, as CSV or JSONL."""
    return _download(request, list_stories, filters, fmt, "stories")


@router.get("/events.{fmt}", tags=["downloads"], response_class=StreamingResponse)
def download_events(
    fmt: FormatParam,
    request: Request,
    filters: Annotated[dict[str, Any], Depends(downloads.filters_of(list_events))],
) -> StreamingResponse:
    """Every event `/api/events` lists with these filters, as CSV or JSONL."""
    return _download(request, list_events, filters, fmt, "events")


def _download(
    request: Request, route: Callable[..., object], filters: dict[str, Any], fmt: str, name: str
) -> StreamingResponse:
    fetch = downloads.from_store(
        request.app.state.db, downloads.list_reader(route, filters, request)
    )
    _check_first_page(fetch)
    rows = downloads.pages(fetch)
    return downloads.download(rows, downloads.row_type_of(route), fmt, name)  # type: ignore[arg-type]


def _check_first_page(fetch: downloads.Fetch) -> None:
    """Read one row before the response starts, so a bad filter (`ViewError`) answers
    400 like the list does, not a broken stream."""
    fetch(1, 0)


@router.get("/search.{fmt}", tags=["downloads"], response_class=StreamingResponse)
def download_search(
    fmt: FormatParam,
    request: Request,
    q: SearchQuery,
    type: EventType = None,
    country: Country = None,
    outlet: Outlet = None,
    month: Month = None,
) -> StreamingResponse:
    """Every article `/api/search` finds for `q` (best first), as CSV or JSONL; `type`,
    `country`, `outlet` and `month` narrow them as they narrow the search."""
    query = q.strip()
    if not query:
        raise views.ViewError("the search query is empty")
    where = views.search_filter(type, country, outlet, month)

    def read(store: Store, limit: int, offset: int) -> list[views.ArticleHitView]:
        found = store.search(query, where, limit=limit, offset=offset, facets=False)
        return [views.hit_view(h) for h in found.hits]

    fetch = downloads.from_store(request.app.state.db, read)
    rows = downloads.pages(fetch)
    return downloads.download(rows, views.ArticleHitView, fmt, "search")


@router.get("/actors/{entity_id}/events.{fmt}", tags=["downloads"])
def download_actor_events(
    entity_id: str, fmt: FormatParam, request: Request, store: StoreDep
) -> StreamingResponse:
    """Every event an actor takes part in (its page's list), as CSV or JSONL."""
    _found(store.entity(entity_id), "actor", entity_id)

    def read(store: Store, limit: int, offset: int) -> views.Page[views.EventRow]:
        return views.event_rows(store, EventFilter(entity_id=entity_id), None, limit, offset)

    rows = downloads.pages(downloads.from_store(request.app.state.db, read))
    return downloads.download(rows, views.EventRow, fmt, "actor-events")


# --------------------------------------------------------------------------- jobs, errors


@router.get("/jobs", response_model=views.Page[RecentJob], tags=["ingest"])
def list_jobs(request: Request, limit: Limit = 20, offset: Offset = 0) -> views.Page[RecentJob]:
    """The server's recent ingestion jobs, newest first (finished ones are forgotten after
    a while; the store keeps what they added)."""
    return recent_jobs(request.app.state.worker, limit, offset)


@router.get("/errors", response_model=views.Page[ErrorOut], tags=["store"])
def list_errors(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> views.Page[ErrorOut]:
    """Inputs that could not be read (files, records), newest first."""
    return input_errors(store, limit, offset)
