"""How the server answers a request it cannot serve: short JSON for the API (pages get
the same words on an error page, see `crosswire.web.pages.mount_ui`), never internals.

A `StoreError`'s message names the store (a file path, a database host) and what the
driver said (thread ids, SQL): it goes to the server's log, and the client is told only
that the store is not available. Validation errors go back without the refused input
(`crosswire.web.params.safe_errors`).
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from crosswire import views
from crosswire.errors import StoreError
from crosswire.web.params import safe_errors

log = logging.getLogger("crosswire.web")
STORE_DOWN = "the store is not available right now; try again later (details in the server log)"


def store_down(request: Request, exc: StoreError) -> str:
    """Log what went wrong with the store; return what the client may be told."""
    log.error("%s %s: %s", request.method, request.url.path, exc)
    return STORE_DOWN


def add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(views.ViewError)
    async def _bad_parameter(_: Request, exc: views.ViewError) -> JSONResponse:
        return JSONResponse(status_code=400, content={"detail": str(exc)})

    @app.exception_handler(StoreError)
    async def _store_down(request: Request, exc: StoreError) -> JSONResponse:
        # the store went away (a PostgreSQL server restarting, a file removed): say so
        return JSONResponse(status_code=503, content={"detail": store_down(request, exc)})

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": safe_errors(exc.errors())})
