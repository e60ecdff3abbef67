"""`/api/docs`: Swagger UI served by crosswire itself, so the API docs work offline.

The Swagger UI files come from the `fastapi-offline` package (pinned in pyproject.toml);
FastAPI's own docs page loads them from a CDN and starts them with an inline script,
which the server's Content-Security-Policy forbids, so the page and the script that
starts Swagger UI are crosswire's own static files.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

STATIC = Path(str(resources.files("crosswire.web"))) / "static"
SWAGGER = Path(str(resources.files("fastapi_offline"))) / "static"
ASSETS = "/swagger"  # not under /static: that mount would answer first


def mount_docs(app: FastAPI) -> None:
    app.mount(ASSETS, StaticFiles(directory=SWAGGER), name="swagger")

    @app.get("/api/docs", include_in_schema=False)
    def api_docs() -> FileResponse:
        return FileResponse(STATIC / "api-docs.html", media_type="text/html")
