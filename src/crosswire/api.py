"""The server as a library: ``from crosswire.api import create_app``; ``create_app(db)``
gives the FastAPI app (the REST API under ``/api`` and the web UI), as
`crosswire.web.app` builds it. The API's routes are `crosswire.web.api`'s.

This module only names the entry point, for code that embeds the server (uvicorn
scripts, benchmarks/serve_load.py, which serves older releases through the same path).
"""

from crosswire.web.app import MAX_UPLOAD_BYTES, create_app

__all__ = ["MAX_UPLOAD_BYTES", "create_app"]
