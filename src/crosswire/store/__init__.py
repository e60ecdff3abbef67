"""Storage behind one small interface: `open_store(url)` gives a `Store`.

``crosswire.db`` or any path opens (and creates) an embedded SQLite store;
``sqlite:///path`` says the same explicitly.
"""

from __future__ import annotations

from pathlib import Path

from crosswire.errors import StoreError
from crosswire.store.base import ArticleHit, EventFilter, Store
from crosswire.store.sqlite import SQLiteStore

DEFAULT_DB = "crosswire.db"

__all__ = ["DEFAULT_DB", "ArticleHit", "EventFilter", "SQLiteStore", "Store", "open_store"]


def open_store(url: str | Path = DEFAULT_DB) -> Store:
    """Open the store at `url` (a file path or ``sqlite:///path``)."""
    text = str(url)
    if text.startswith(("postgresql://", "postgres://")):
        raise StoreError("PostgreSQL stores are not supported yet; use a SQLite file path")
    if text.startswith("sqlite:///"):
        text = text.removeprefix("sqlite:///")
    return SQLiteStore(text)
