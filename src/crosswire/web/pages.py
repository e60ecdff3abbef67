"""The web UI's page routes: each asks one `crosswire.views` function and renders a
template. Templates are autoescaped, so article text (even with ``<script>``) is shown as
text; charts are SVG laid out in `crosswire.web.charts`."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from crosswire import views
from crosswire.api import StoreDep, store_unavailable
from crosswire.errors import StoreError
from crosswire.graph import quads
from crosswire.web import charts

HERE = Path(str(resources.files("crosswire.web")))
PAGE_SIZE = 20
environment = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True)
environment.globals.update(quads=quads)
templates = Jinja2Templates(env=environment)
router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)


def mount_ui(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(router)

    @app.exception_handler(404)
    async def _not_found(request: Request, exc: Exception) -> HTMLResponse:
        return _error_page(request, exc, 404)

    @app.exception_handler(StoreError)  # replaces the API's: pages get a page, /api JSON
    async def _store_down(request: Request, exc: StoreError) -> HTMLResponse:
        return _error_page(request, HTTPException(503, store_unavailable(exc)), 503)


def _error_page(request: Request, exc: Exception, status: int) -> Any:
    detail = getattr(exc, "detail", str(exc))
    if request.url.path.startswith("/api/"):
        from fastapi.responses import JSONResponse

        return JSONResponse(status_code=status, content={"detail": detail})
    return _render(request, "error.html", {"status": status, "detail": detail}, status)


def _render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Any:
    return templates.TemplateResponse(request, name, context, status_code=status)


def _missing(request: Request, what: str, key: str) -> Any:
    return _render(request, "error.html", {"status": 404, "detail": f"no {what} {key!r}"}, 404)


def _bad(request: Request, exc: views.ViewError) -> Any:
    return _render(request, "error.html", {"status": 400, "detail": str(exc)}, 400)


HOME_SORT = "top"  # recent stories with the most independent sources first
MAX_PAGE_NUMBER = 100_000
FILTER_LENGTH = 200  # the API's cap on free-text filters, here too


def _page_number(text: str | None) -> int:
    try:
        number = int(text or "1")
    except ValueError as exc:
        raise views.ViewError("page must be a whole number") from exc
    if not 1 <= number <= MAX_PAGE_NUMBER:
        raise views.ViewError(f"page must be between 1 and {MAX_PAGE_NUMBER}")
    return number


def _min_sources(text: str | None) -> int | None:
    if not text:
        return None
    try:
        return int(text)
    except ValueError as exc:
        raise views.ViewError("min_sources must be a whole number") from exc


@router.get("/")
def home(request: Request, store: StoreDep) -> Any:
    q = request.query_params
    try:
        if any(len(q.get(k) or "") > FILTER_LENGTH for k in ("actor", "country", "type")):
            raise views.ViewError(f"filters are at most {FILTER_LENGTH} characters long")
        where = views.StoryFilter(
            q.get("since"), q.get("until"), q.get("actor"), q.get("country"), q.get("type"),
            _min_sources(q.get("min_sources")),
        )  # fmt: skip
        page = _page_number(q.get("page"))
        sort = q.get("sort") or HOME_SORT
        result = views.story_summaries(store, where, sort, PAGE_SIZE, (page - 1) * PAGE_SIZE)  # type: ignore[arg-type]
    except views.ViewError as exc:
        return _bad(request, exc)
    context = {
        "page": result,
        "number": page,
        "filters": {k: v for k, v in q.items() if v},
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
    profile = views.actor_profile(store, entity_id, request.app.state.actors)
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
def search(request: Request, store: StoreDep) -> Any:
    q = request.query_params
    query = q.get("q", "").strip()
    results = None
    number = 1
    if query:
        try:
            if any(len(q.get(k) or "") > FILTER_LENGTH for k in SEARCH_FACETS):
                raise views.ViewError(f"filters are at most {FILTER_LENGTH} characters long")
            number = _page_number(q.get("page"))
            where = views.search_filter(*(q.get(k) for k in SEARCH_FACETS))
            results = views.search_all(
                store, query[:500], PAGE_SIZE, request.app.state.actors,
                (number - 1) * PAGE_SIZE, where,
            )  # fmt: skip
        except views.ViewError as exc:
            return _bad(request, exc)
    context = {"query": query, "r": results, "number": number, "facet_names": SEARCH_FACETS}
    return _render(request, "search.html", context)
