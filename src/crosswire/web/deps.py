"""What the API's routes and the pages' routes both depend on: a store connection for one
request (`StoreDep`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, Request

from crosswire.store import open_store
from crosswire.store.base import Store

if TYPE_CHECKING:
    from crosswire.store.pool import PostgresPool


def store_dependency(request: Request) -> Iterator[Store]:
    """A connection for this request only (from the app's pool of PostgreSQL connections,
    where it has one), reading one snapshot of the store from its first query to its last,
    whatever the ingestion worker commits meanwhile."""
    pool: PostgresPool | None = request.app.state.pool
    if pool is not None:
        with pool.store() as pooled, pooled.snapshot():
            yield pooled
        return
    store = open_store(request.app.state.db, one_request=True)
    try:
        with store.snapshot():
            yield store
    finally:
        store.close()


def request_pool(db: str) -> PostgresPool | None:
    """The pool the app's requests take PostgreSQL connections from (None for SQLite)."""
    if not db.startswith(("postgresql://", "postgres://")):
        return None
    from crosswire.store.pool import PostgresPool  # psycopg is an optional dependency

    return PostgresPool(db)


StoreDep = Annotated[Store, Depends(store_dependency)]
