"""Storage behind one small interface: `open_store(url)` gives a `Store`.

``crosswire.db`` or any path opens (and creates) an embedded SQLite store;
``sqlite:///path`` says the same explicitly. ``postgresql://user:password@host/db`` opens
a PostgreSQL store (needs the ``postgres`` extra: psycopg).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from crosswire.errors import StoreError
from crosswire.store.base import ArticleHit, EventFilter, Store
from crosswire.store.sqlite import SQLiteStore

DEFAULT_DB = "crosswire.db"

__all__ = [
    "DEFAULT_DB",
    "ArticleHit",
    "EventFilter",
    "SQLiteStore",
    "Store",
    "display_name",
    "open_store",
]


def open_store(url: str | Path = DEFAULT_DB, *, one_request: bool = False) -> Store:
    """Open the store at `url` (a file path, ``sqlite:///path`` or ``postgresql://...``).

    `one_request`: the store serves one web request, whose set-up, work and tear-down may
    run in different threads one after the other (never at the same time): its SQLite
    connection may then be handed from thread to thread; its PostgreSQL connection runs
    queries without parallel workers and plans for a cached store
    (`postgres.ONE_REQUEST_OPTIONS`)."""
    text = str(url)
    if text.startswith(("postgresql://", "postgres://")):
        try:
            from crosswire.store.postgres import PostgresStore
        except ImportError as exc:
            raise StoreError(
                f"PostgreSQL stores need psycopg: pip install 'crosswire[postgres]' ({exc})"
            ) from exc
        return PostgresStore(text, one_request=one_request)
    if text.startswith("sqlite:///"):
        text = text.removeprefix("sqlite:///")
    return SQLiteStore(text, one_request=one_request)


def display_name(url: str | Path) -> str:
    """`url` as it may be shown or logged: a database URL loses its password."""
    text = str(url)
    if not text.startswith(("postgresql://", "postgres://")):
        return text
    parts = urlsplit(text)
    if parts.password is None:
        return text
    host = parts.netloc.rsplit("@", 1)[-1]
    user = f"{parts.username}@" if parts.username else ""
    return urlunsplit(parts._replace(netloc=f"{user}{host}"))
