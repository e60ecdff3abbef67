"""``crosswire serve``: the API and the web UI in one uvicorn process."""

from __future__ import annotations

import click

from crosswire.errors import CrosswireError
from crosswire.store import DEFAULT_DB, display_name


@click.command()
@click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    envvar="CROSSWIRE_DB",
    help="Store to serve: a SQLite file path or a postgresql://user:pass@host/db URL"
    " (env CROSSWIRE_DB).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
def serve(db: str, host: str, port: int) -> None:
    """Serve the REST API (under /api, schema at /api/openapi.json) and the web UI.

    One process, one ingestion worker: articles POSTed to /api/articles or /api/uploads
    are processed in the background into the same store.

    \b
    Examples:
      crosswire serve                        # http://127.0.0.1:8000/
      crosswire serve --db news.db --port 8080
    """
    import uvicorn

    from crosswire.api import create_app

    try:
        app = create_app(db)
    except CrosswireError as exc:
        raise click.ClickException(str(exc)) from exc
    where = display_name(db)  # never print a database password
    click.echo(f"crosswire: serving {where} on http://{host}:{port}/ (API docs at /api/docs)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
