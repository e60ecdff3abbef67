"""The web UI's page routes: each asks one `crosswire.views` function and renders a
template (`crosswire.web.render`: autoescaped, so article text, even with ``<script>``, is
shown as text); charts are SVG laid out in `crosswire.web.charts`. `mount_ui` adds them,
their static files, the sign-in form and error pages to an app that serves the API;
nothing here knows the API's routes."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, cast

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from crosswire import views
from crosswire.errors import StoreError
from crosswire.web import charts, login
from crosswire.web.activity import input_errors, recent_jobs
from crosswire.web.deps import StoreDep
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
from crosswire.web.render import HERE, render

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)
ErrorPage = Callable[[Request, Any], tuple[Any, int]]  # (what the page says, status)
Handler = Callable[[Request, Any], Any]


def mount_ui(app: FastAPI) -> None:
    """The pages, their static files, the sign-in form and error pages, on `app`.

    An error page answers only requests outside ``/api``: each handler added here hands
    an API request to the one `app` had before (`crosswire.web.errors`'), so the API
    answers the same JSON with the UI mounted or not."""
    app.include_router(router)  # first: its /static/quads.css comes before the folder
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(login.router)
    for key, page in ERROR_PAGES.items():
        _add_error_page(app, key, page)


def _not_found(_: Request, exc: Any) -> tuple[Any, int]:
    return getattr(exc, "detail", "not found"), 404


def _store_down(request: Request, exc: StoreError) -> tuple[Any, int]:
    return store_down(request, exc), 503


def _invalid(_: Request, exc: RequestValidationError) -> tuple[Any, int]:
    return "; ".join(describe(safe_errors(exc.errors()))), 422


ERROR_PAGES: dict[int | type[Exception], ErrorPage] = {
    404: _not_found,
    StoreError: _store_down,
    RequestValidationError: _invalid,
}


def _add_error_page(app: FastAPI, key: int | type[Exception], page: ErrorPage) -> None:
    api_handler = _handler_before(app, key)

    async def handler(request: Request, exc: Exception) -> Response:
        if _is_api(request):
            answer = api_handler(request, exc)
            response = await answer if inspect.isawaitable(answer) else answer
            return cast(Response, response)  # Starlette types its handlers loosely
        detail, status = page(request, exc)
        return render(request, "error.html", {"status": status, "detail": detail}, status)

    app.add_exception_handler(key, handler)


def _handler_before(app: FastAPI, key: int | type[Exception]) -> Handler:
    """The handler `app` answers `key` with now: its own, else (a status code) the one
    for every HTTP exception, as Starlette looks them up."""
    found = app.exception_handlers.get(key)
    if found is None and isinstance(key, int):
        found = app.exception_handlers.get(HTTPException)
    if found is None:
        raise LookupError(f"mount the UI on an app that answers {key!r} already")
    return found


def _is_api(request: Request) -> bool:
    return request.url.path == "/api" or request.url.path.startswith("/api/")


def _missing(request: Request, what: str, key: str) -> Any:
    return render(request, "error.html", {"status": 404, "detail": f"no {what} {key!r}"}, 404)


def _bad(request: Request, exc: views.ViewError) -> Any:
    return render(request, "error.html", {"status": 400, "detail": str(exc)}, 400)


@router.get("/static/quads.css", response_class=Response)
def quads_css() -> Response:
    """A class per PLOVER quad (``quad-verbal_conflict``) setting ``--quad`` to its colour,
    from data/plover_quads.yaml: the pages colour badges and swatches with classes, as the
    Content-Security-Policy allows no inline style."""
    return Response(quad_stylesheet(), media_type="text/css")


HOME_SORT: views.StorySort = "top"  # recent stories with the most independent sources first


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
    return render(request, "home.html", context)


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
    return render(request, "story.html", context)


@router.get("/events/{event_id}")
def event(request: Request, event_id: str, store: StoreDep) -> Any:
    detail = views.event_detail(store, event_id)
    if detail is None:
        return _missing(request, "event", event_id)
    return render(request, "event.html", {"d": detail})


@router.get("/actors/{entity_id}")
def actor(request: Request, entity_id: str, store: StoreDep, page: PageNumber = 1) -> Any:
    size = views.EVENTS_PAGE
    profile = views.actor_profile(store, entity_id, size, (page - 1) * size)
    if profile is None:
        return _missing(request, "actor", entity_id)
    context = {"d": profile, "bars": charts.histogram(profile.over_time), "number": page}
    return render(request, "actor.html", context)


@router.get("/articles/{article_id}")
def article(request: Request, article_id: str, store: StoreDep) -> Any:
    detail = views.article_detail(store, article_id)
    if detail is None:
        return _missing(request, "article", article_id)
    paragraphs = [p for p in detail.text.split("\n\n") if p.strip()]
    return render(request, "article.html", {"d": detail, "paragraphs": paragraphs})


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
    return render(request, "search.html", context)


@router.get("/jobs")
def jobs(request: Request, page: PageNumber = 1) -> Any:
    size = PAGE_SIZE
    jobs_page = recent_jobs(request.app.state.worker, size, (page - 1) * size)
    return render(request, "jobs.html", {"page": jobs_page, "number": page})


@router.get("/errors")
def errors(request: Request, store: StoreDep, page: PageNumber = 1) -> Any:
    size = PAGE_SIZE * 5
    errors_page = input_errors(store, size, (page - 1) * size)
    return render(request, "errors.html", {"page": errors_page, "number": page})
