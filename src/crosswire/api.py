"""The REST API (and the web UI it mounts): `create_app(db)` gives a FastAPI app.

A thin shell over `crosswire.views` and the store: every request opens its own connection,
reads one snapshot (`Store.snapshot`: what was committed when it began, whatever the
ingestion worker commits meanwhile), asks a view function and closes it. Parameters are
validated by FastAPI (bad values answer 422 with the parameter named) and by the views
(`ViewError` -> 400).
Ingestion runs in the background, one job at a time (`crosswire.web.jobs`).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field, model_validator

from crosswire import views
from crosswire.errors import StoreError
from crosswire.store import open_store
from crosswire.store.base import EventFilter, Store
from crosswire.web.jobs import IngestWorker, Job

MAX_PAGE = 100  # largest `limit` any list endpoint accepts
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
DATE_HELP = "YYYY, YYYY-MM or YYYY-MM-DD"

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"page size, at most {MAX_PAGE}")]
Offset = Annotated[int, Query(ge=0, description="items to skip")]
DateParam = Annotated[str | None, Query(pattern=DATE_PATTERN, description=DATE_HELP)]


# --------------------------------------------------------------------------- request bodies


class ArticleIn(BaseModel):
    """One article to ingest: its text or its HTML page, and what is known of it."""

    text: str | None = Field(None, description="plain text of the article")
    html: str | None = Field(None, description="the article's HTML page")
    url: str | None = None
    title: str | None = None
    published: str | None = Field(None, description="publication date, ISO 8601")
    outlet: str | None = None

    @model_validator(mode="after")
    def _one_body(self) -> ArticleIn:
        if not (self.text or "").strip() and not (self.html or "").strip():
            raise ValueError("give the article's `text` or its `html`")
        return self


class JobOut(BaseModel):
    id: str
    name: str
    state: Literal["queued", "running", "done", "failed"]
    new_articles: int
    skipped: int
    stories_touched: int
    errors: list[str]
    message: str | None
    status_url: str


class Stats(BaseModel):
    counts: dict[str, int]


def _job_out(job: Job) -> JobOut:
    return JobOut(
        id=job.id,
        name=job.name,
        state=job.state,
        new_articles=job.new_articles,
        skipped=job.skipped,
        stories_touched=job.stories_touched,
        errors=job.errors,
        message=job.message,
        status_url=f"/api/jobs/{job.id}",
    )


# --------------------------------------------------------------------------- the app


def create_app(db: str, max_upload_bytes: int = MAX_UPLOAD_BYTES) -> FastAPI:
    """The API under ``/api`` and the web UI under ``/``, on the store at `db`."""
    open_store(db).close()  # fail now, with the store's message, not on the first request
    worker = IngestWorker(db)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> Iterator[None]:  # type: ignore[misc]
        yield
        worker.stop()

    app = FastAPI(
        title="crosswire",
        summary="Cross-checked event records from many news outlets.",
        version="0.1.0",
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.db = db
    app.state.worker = worker
    app.state.actors = views.ActorIndex()  # one per store: see ActorIndex
    app.state.max_upload_bytes = max_upload_bytes

    @app.exception_handler(views.ViewError)
    async def _bad_parameter(_: Request, exc: views.ViewError) -> JSONResponse:
        return JSONResponse(status_code=400, content={"detail": str(exc)})

    @app.exception_handler(StoreError)
    async def _store_down(_: Request, exc: StoreError) -> JSONResponse:
        # the store went away (a PostgreSQL server restarting, a file removed): say so
        return JSONResponse(status_code=503, content={"detail": store_unavailable(exc)})

    @app.middleware("http")
    async def _limit_body(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > request.app.state.max_upload_bytes:
            limit = request.app.state.max_upload_bytes
            return JSONResponse(
                status_code=413, content={"detail": f"request body is larger than {limit} bytes"}
            )
        return await call_next(request)

    app.include_router(router, prefix="/api")
    from crosswire.web.pages import mount_ui  # the UI imports Jinja2; the API alone does not

    mount_ui(app)
    return app


def store_dependency(request: Request) -> Iterator[Store]:
    """A connection for this request only, reading one snapshot of the store from its
    first query to its last, whatever the ingestion worker commits meanwhile."""
    store = open_store(request.app.state.db, one_request=True)
    try:
        with store.snapshot():
            yield store
    finally:
        store.close()


StoreDep = Annotated[Store, Depends(store_dependency)]
STORE_UNAVAILABLE = "the store is not available right now; try again in a moment"
log = logging.getLogger("crosswire.serve")


def store_unavailable(exc: StoreError) -> str:
    """What a 503 says: the details (the store's path or host) go to the server's log only."""
    log.warning("store unavailable: %s", exc)
    return STORE_UNAVAILABLE


router = APIRouter()


def _found(value: object, what: str, key: str) -> object:
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
    actor: Annotated[str | None, Query(max_length=200, description="any alias")] = None,
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-3")] = None,
    type: Annotated[str | None, Query(description="PLOVER event type")] = None,
    min_sources: Annotated[
        int | None,
        Query(ge=0, le=views.MAX_MIN_SOURCES, description="at least this many independent sources"),
    ] = None,
    sort: Annotated[
        views.StorySort,
        Query(description="recent, size, sources, oldest, or top (see the README)"),
    ] = "recent",
    limit: Limit = 20,
    offset: Offset = 0,
) -> views.Page[views.StorySummary]:
    """Stories with their size, sources, date span and top actors; filtered, sorted and
    paged in the store."""
    where = views.StoryFilter(since, until, actor, country, type, min_sources)
    return views.story_summaries(store, where, sort, limit, offset)


@router.get("/stories/{story_id}", response_model=views.StoryDetail, tags=["stories"])
def get_story(story_id: str, store: StoreDep) -> views.StoryDetail:
    """A story: brief with citations, articles, events, timeline, actor graph, source
    comparison and contradictions."""
    return _found(views.story_detail(store, story_id), "story", story_id)  # type: ignore[return-value]


@router.get("/events", response_model=views.Page[views.EventRow], tags=["events"])
def list_events(
    store: StoreDep,
    actor: Annotated[str | None, Query(max_length=200, description="any alias")] = None,
    type: Annotated[str | None, Query(description="PLOVER event type")] = None,
    since: DateParam = None,
    until: DateParam = None,
    story: str | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> views.Page[views.EventRow]:
    """Fused events in date order, filtered as `crosswire events` filters them."""
    where = EventFilter(actor=actor, type=type, since=since, story_id=story)
    return views.event_rows(store, where, until, limit, offset)


@router.get("/events/{event_id}", response_model=views.EventDetail, tags=["events"])
def get_event(event_id: str, store: StoreDep) -> views.EventDetail:
    """An event with each mention's sentence in highlighted segments and its attribution."""
    return _found(views.event_detail(store, event_id), "event", event_id)  # type: ignore[return-value]


@router.get("/actors", response_model=views.Page[views.ActorSummary], tags=["actors"])
def list_actors(
    store: StoreDep,
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200, description="any alias")],
    limit: Limit = 20,
    offset: Offset = 0,
) -> views.Page[views.ActorSummary]:
    """Actors with a name or alias containing `q` (case-insensitive)."""
    return views.search_actors(store, q, limit, offset, request.app.state.actors)


@router.get("/actors/{entity_id}", response_model=views.ActorProfile, tags=["actors"])
def get_actor(entity_id: str, store: StoreDep, request: Request) -> views.ActorProfile:
    """An actor's aliases, roles, country, events over time and co-actors."""
    profile = views.actor_profile(store, entity_id, request.app.state.actors)
    return _found(profile, "actor", entity_id)  # type: ignore[return-value]


@router.get("/articles/{article_id}", response_model=views.ArticleDetail, tags=["articles"])
def get_article(article_id: str, store: StoreDep) -> views.ArticleDetail:
    """An article: metadata, cleaned text, captions, duplicates, cited sources, events."""
    return _found(views.article_detail(store, article_id), "article", article_id)  # type: ignore[return-value]


@router.get("/search", response_model=views.SearchResults, tags=["search"])
def search(
    store: StoreDep,
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    limit: Limit = 20,
    offset: Offset = 0,
    type: Annotated[str | None, Query(max_length=40, description="facet: event type")] = None,
    country: Annotated[str | None, Query(max_length=3, description="facet: alpha-3")] = None,
    outlet: Annotated[str | None, Query(max_length=200, description="facet: outlet")] = None,
    month: Annotated[str | None, Query(max_length=7, description="facet: YYYY-MM")] = None,
) -> views.SearchResults:
    """Articles (full text, best first; `total` matched, `facets` and `stories` over all
    the matches), actors (by alias) and events matching `q`; `limit` and `offset` page
    each of the three lists; `type`, `country`, `outlet` and `month` narrow the articles
    to one facet value."""
    where = views.search_filter(type, country, outlet, month)
    return views.search_all(store, q, limit, request.app.state.actors, offset, where)


@router.post("/articles", response_model=JobOut, status_code=202, tags=["ingest"])
def post_article(article: ArticleIn, request: Request) -> JobOut:
    """Queue one article (JSON with `text` or `html`) for the pipeline; poll `status_url`."""
    return _job_out(request.app.state.worker.submit_record(article.model_dump()))


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
    return _job_out(request.app.state.worker.submit_bytes(file.filename or "upload", data))


@router.get("/jobs/{job_id}", response_model=JobOut, tags=["ingest"])
def job_status(job_id: str, request: Request) -> JobOut:
    """An ingestion job: queued, running, done (with counts and input errors) or failed."""
    job = _found(request.app.state.worker.get(job_id), "job", job_id)
    return _job_out(job)  # type: ignore[arg-type]
