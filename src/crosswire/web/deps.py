"""What the API's routes and the pages' routes both depend on: a store connection for one
request (`StoreDep`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request

from crosswire.store import open_store
from crosswire.store.base import Store


def store_dependency(request: Request) -> Iterator[Store]:
    """A connection for this request only, reading one snapshot of the store from its
    first query to its last, whatever the ingestion worker commits meanwhile."""
    store = open_store(request.app.state.db, one_request=True)
    try:
        with store.snapshot():
            yield store
    finally:
        store.close()


StoreDep = Annotated[Store, Depends(store_dependency)]
