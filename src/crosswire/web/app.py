"""The server's app: `create_app(db)` builds it from its parts.

The REST API under ``/api`` (`crosswire.web.api`, with the JSON answers to errors of
`crosswire.web.errors`), its docs at ``/api/docs`` and, unless `ui` is False, the web UI
(`crosswire.web.pages`: pages, static files, sign-in, error pages for the pages only);
around them the body cap (`crosswire.web.limits`) and who may read and write, with the
headers every answer carries (`crosswire.web.security`). The API and the pages know
nothing of each other; this module alone puts them together.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from crosswire.settings import DEFAULT, Settings
from crosswire.store import open_store
from crosswire.web import api
from crosswire.web.deps import request_pool
from crosswire.web.docs import mount_docs
from crosswire.web.errors import add_error_handlers
from crosswire.web.jobs import IngestWorker
from crosswire.web.limits import BodyLimit
from crosswire.web.pages import mount_ui
from crosswire.web.security import Access, Guard

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def create_app(
    db: str,
    max_upload_bytes: int = MAX_UPLOAD_BYTES,
    *,
    token: str | None = None,
    host: str = "127.0.0.1",
    allowed_hosts: tuple[str, ...] = (),
    private: bool | None = None,
    ui: bool = True,
    settings: Settings = DEFAULT,
) -> FastAPI:
    """The API under ``/api`` and (with `ui`) the web UI under ``/``, on the store at `db`.

    Writes need `token` (none: the server is read-only); a server bound to a non-loopback
    `host` is `private` (reads need the token too) and must have one. Requests must name
    `host`, a loopback name or one of `allowed_hosts` (see `crosswire.web.security`).
    Articles sent to the API are analysed with `settings` (`crosswire.settings`)."""
    access = Access.for_bind(host, token, allowed_hosts, private)
    # fail now, with the store's message, not on the first request (the pool opens the
    # PostgreSQL store once to migrate it)
    pool = request_pool(db)
    if pool is None:
        open_store(db).close()
    worker = IngestWorker(db, settings=settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        worker.stop()
        if pool is not None:
            pool.close()

    app = FastAPI(
        title="crosswire",
        summary="Cross-checked event records from many news outlets.",
        version="0.1.0",
        openapi_url="/api/openapi.json",
        docs_url=None,  # served by crosswire.web.docs from local files, under the CSP
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.db = db
    app.state.pool = pool
    app.state.settings = settings
    app.state.worker = worker
    app.state.max_upload_bytes = max_upload_bytes
    app.state.access = access
    add_error_handlers(app)
    app.add_middleware(BodyLimit, limit=max_upload_bytes)
    app.add_middleware(Guard, access=access)  # outermost: its headers go on every answer
    app.include_router(api.router, prefix="/api")
    if ui:
        mount_ui(app)  # after the API's error handlers, which it keeps for /api
    mount_docs(app)
    return app
