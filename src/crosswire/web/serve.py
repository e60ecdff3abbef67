"""``crosswire serve``: the API and the web UI in one uvicorn process."""

from __future__ import annotations

import click

from crosswire.cli_settings import settings_from, settings_options
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
@click.option(
    "--token",
    envvar="CROSSWIRE_TOKEN",
    help="Secret that uploads, articles and jobs need (and reads, off loopback), as"
    " 'Authorization: Bearer TOKEN' or by signing in at /login (env CROSSWIRE_TOKEN)."
    " Without it the server is read-only.",
)
@click.option(
    "--allowed-host",
    "allowed_hosts",
    multiple=True,
    metavar="NAME",
    help="A host name clients use to reach the server (repeatable); loopback names and"
    " the --host address are always allowed, any other Host header is refused.",
)
@settings_options
@click.option(
    "--kb",
    "kb_files",
    multiple=True,
    metavar="FILE",
    help="An analyst's actors file (YAML, docs/kb.md) that articles analysed by the server"
    " use before the shipped knowledge base; repeatable (env CROSSWIRE_KB).",
)
def serve(
    db: str,
    host: str,
    port: int,
    token: str | None,
    allowed_hosts: tuple[str, ...],
    config: str | None,
    overrides: tuple[str, ...],
    kb_files: tuple[str, ...],
) -> None:
    """Serve the REST API (under /api, schema at /api/openapi.json) and the web UI.

    One process, one ingestion worker: articles POSTed to /api/articles or /api/uploads
    are processed in the background into the same store, with the settings of --config
    and --set. Writing needs --token; on an address other than loopback, reading needs it
    too.

    \b
    Examples:
      crosswire serve                        # http://127.0.0.1:8000/, read-only
      crosswire serve --db news.db --port 8080 --token "$(cat ~/.crosswire-token)"
      CROSSWIRE_TOKEN=... crosswire serve --host 0.0.0.0 --allowed-host news.lan
    """
    import uvicorn

    from crosswire.datafiles import DataFileError
    from crosswire.kb import use_files
    from crosswire.web.app import create_app

    settings = settings_from(config, overrides)
    try:
        use_files(kb_files)
    except DataFileError as exc:
        raise click.BadParameter(str(exc), param_hint="--kb") from exc
    try:
        app = create_app(db, token=token, host=host, allowed_hosts=allowed_hosts, settings=settings)
    except CrosswireError as exc:
        raise click.ClickException(str(exc)) from exc
    where = display_name(db)  # never print a database password
    click.echo(f"crosswire: serving {where} on http://{host}:{port}/ (API docs at /api/docs)")
    click.echo(f"crosswire: {_access_line(token, host)}")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _access_line(token: str | None, host: str) -> str:
    from crosswire.web.security import is_loopback

    if not token:
        return "read-only: no token (--token or CROSSWIRE_TOKEN), so writes are refused"
    if is_loopback(host):
        return "reads are open on loopback; writes need the token (Bearer or /login)"
    return "reads and writes need the token (Bearer or /login)"
