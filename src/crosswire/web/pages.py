"""The web UI's page routes: each asks one `crosswire.views` function and renders a
template. Templates are autoescaped, so article text (even with ``<script>``) is shown as
text; charts are SVG laid out in `crosswire.web.charts`."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from crosswire import views
from crosswire.api import StoreDep, input_errors, recent_jobs
from crosswire.errors import StoreError
from crosswire.graph import quads
from crosswire.web import charts, login, wording
from crosswire.web.errors import store_down
from crosswire.web.params import (
    PAGE_SIZE,
    Actor,
    Country,
    DateParam,
    EventType,
    MinSources,
    Month,
    OptionalSearch,
    Outlet,
    PageNumber,
    Sort,
    check_range,
    describe,
    safe_errors,
)
from crosswire.web.quadcss import quad_stylesheet

HERE = Path(str(resources.files("crosswire.web")))
environment = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True)
environment.globals.update(quads=quads)
environment.filters.update(wording.FILTERS)  # plural, label, web_url: see web/wording.py
templates = Jinja2Templates(env=environment)
router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)


def mount_ui(app: FastAPI) -> None:
    app.include_router(router)  # first: its /static/quads.css comes before the folder
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(login.router)

    @app.exception_handler(404)
    async def _not_found(request: Request, exc: Exception) -> HTMLResponse:
        return _error_page(request, getattr(exc, "detail", "not found"), 404)

    # these replace the API's handlers: pages get a page, /api the same words as JSON
    @app.exception_handler(StoreError)
    async def _store_down(request: Request, exc: StoreError) -> HTMLResponse:
        return _error_page(request, store_down(request, exc), 503)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> HTMLResponse:
        errors = safe_errors(exc.errors())
        if _is_api(request):
            return JSONResponse(status_code=422, content={"detail": errors})  # type: ignore[return-value]
        return _error_page(request, "; ".join(describe(errors)), 422)


def _is_api(request: Request) -> bool:
    return request.url.path == "/api" or request.url.path.startswith("/api/")


def _error_page(request: Request, detail: Any, status: int) -> Any:
    if _is_api(request):
        return JSONResponse(status_code=status, content={"detail": detail})
    return render(request, "error.html", {"status": status, "detail": detail}, status)


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Any:
    return templates.TemplateResponse(request, name, context, status_code=status)


_render = render


def _missing(request: Request, what: str, key: str) -> Any:
    return _render(request, "error.html", {"status": 404, "detail": f"no {what} {key!r}"}, 404)


def _bad(request: Request, exc: views.ViewError) -> Any:
    return _render(request, "error.html", {"status": 400, "detail": str(exc)}, 400)


@router.get("/static/quads.css", response_class=Response)
def quads_css() -> Response:
    """A class per PLOVER quad (``quad-verbal_conflict``) setting ``--quad`` to its colour,
    from data/plover_quads.yaml: the pages colour badges and swatches with classes, as the
    Content-Security-Policy allows no inline style."""
    return Response(quad_stylesheet(), media_type="text/css")


HOME_SORT = "top"  # recent stories with the most independent sources first


@router.get("/")
def home(
    request: Request,
    store: StoreDep,
    since: DateParam = None,
    until: DateParam = None,
    actor: Actor = None,
    country: Country = None,
    type: EventType = None,
    min_sources: MinSources = None,
    sort: Sort = HOME_SORT,
    page: PageNumber = 1,
) -> Any:
    check_range(since, until)  # the same parameters, bounds and answers as /api/stories
    where = views.StoryFilter(since, until, actor, country, type, min_sources)
    try:
        result = views.story_summaries(store, where, sort, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    except views.ViewError as exc:
        return _bad(request, exc)
    context = {
        "page": result,
        "number": page,
        "filters": {k: v for k, v in request.query_params.items() if v},
        "sort": sort,
        "choices": store.story_choices(),
        "counts": store.counts(),
    }
    return _render(request, "home.html", context)


@router.get("/stories/{story_id}")
def story(request: Request, story_id: str, store: StoreDep) -> Any:
    detail = views.story_detail(store, story_id)
    if detail is None:
        return _missing(request, "story", story_id)
    context = {
        "d": detail,
        "timeline": charts.timeline_chart(detail.timeline),
        "graph": charts.graph_chart(detail.graph),
    }
    return _render(request, "story.html", context)


@router.get("/events/{event_id}")
def event(request: Request, event_id: str, store: StoreDep) -> Any:
    detail = views.event_detail(store, event_id)
    if detail is None:
        return _missing(request, "event", event_id)
    return _render(request, "event.html", {"d": detail})


@router.get("/actors/{entity_id}")
def actor(request: Request, entity_id: str, store: StoreDep) -> Any:
    profile = views.actor_profile(store, entity_id)
    if profile is None:
        return _missing(request, "actor", entity_id)
    context = {"d": profile, "bars": charts.histogram(profile.over_time)}
    return _render(request, "actor.html", context)


@router.get("/articles/{article_id}")
def article(request: Request, article_id: str, store: StoreDep) -> Any:
    detail = views.article_detail(store, article_id)
    if detail is None:
        return _missing(request, "article", article_id)
    paragraphs = [p for p in detail.text.split("\n\n") if p.strip()]
    return _render(request, "article.html", {"d": detail, "paragraphs": paragraphs})


SEARCH_FACETS = ("type", "country", "outlet", "month")


@router.get("/search")
def search(
    request: Request,
    store: StoreDep,
    q: OptionalSearch = None,
    type: EventType = None,
    country: Country = None,
    outlet: Outlet = None,
    month: Month = None,
    page: PageNumber = 1,
) -> Any:
    query = (q or "").strip()
    results = None
    if query:
        try:
            where = views.search_filter(type, country, outlet, month)
            results = views.search_all(store, query, PAGE_SIZE, (page - 1) * PAGE_SIZE, where)
        except views.ViewError as exc:
            return _bad(request, exc)
    context = {"query": query, "r": results, "number": page, "facet_names": SEARCH_FACETS}
    return _render(request, "search.html", context)


@router.get("/jobs")
def jobs(request: Request, page: PageNumber = 1) -> Any:
    size = PAGE_SIZE
    jobs_page = recent_jobs(request.app.state.worker, size, (page - 1) * size)
    return _render(request, "jobs.html", {"page": jobs_page, "number": page})


@router.get("/errors")
def errors(request: Request, store: StoreDep, page: PageNumber = 1) -> Any:
    size = PAGE_SIZE * 5
    errors_page = input_errors(store, size, (page - 1) * size)
    return _render(request, "errors.html", {"page": errors_page, "number": page})
