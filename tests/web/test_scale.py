"""Pages that scale: no page or API call reads a whole table of the store (every event,
story, article, actor or input error) to show one page of it; filtering, sorting and
paging happen in SQL."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from crosswire.store.base import EventFilter
from crosswire.store.sqlite import SQLiteStore


def refuse_whole_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the store's whole-table reads fail; reads of given ids or of one story stay."""

    def whole(name: str) -> Any:
        def refused(*args: Any, **kwargs: Any) -> Any:
            raise AssertionError(f"a request read the whole store: {name}()")

        return refused

    original_events, original_articles = SQLiteStore.events, SQLiteStore.articles

    def events(self: SQLiteStore, where: EventFilter | None = None) -> Any:
        if where is None or where == EventFilter():
            raise AssertionError("a request read every event")
        return original_events(self, where)

    def articles(self: SQLiteStore, ids: Any = None) -> Any:
        if ids is None:
            raise AssertionError("a request read every article")
        return original_articles(self, ids)

    monkeypatch.setattr(SQLiteStore, "events", events)
    monkeypatch.setattr(SQLiteStore, "articles", articles)
    for name in ("stories", "entities", "errors"):
        monkeypatch.setattr(SQLiteStore, name, whole(name))


def test_no_page_or_api_call_reads_a_whole_table(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = client.get("/api/stories", params={"actor": "Haavisto"}).json()["items"][0]
    detail = client.get(f"/api/stories/{story['id']}").json()
    event = detail["events"][0]["id"]
    actor = client.get("/api/actors", params={"q": "Haavisto"}).json()["items"][0]["id"]
    article = detail["articles"][0]["id"]
    refuse_whole_tables(monkeypatch)
    paths = [
        "/", "/?min_sources=2&type=CONSULT&sort=sources", "/search?q=Haavisto", "/errors",
        "/jobs", f"/stories/{story['id']}", f"/events/{event}", f"/actors/{actor}",
        f"/articles/{article}", "/api/stats", "/api/stories?sort=size&offset=1",
        "/api/events?actor=haavisto", "/api/search?q=talks", "/api/actors?q=a",
        "/api/errors", f"/api/stories/{story['id']}", f"/api/events/{event}",
        f"/api/actors/{actor}", f"/api/articles/{article}", "/api/stories.csv",
        "/api/events.jsonl", "/api/search.csv?q=talks", f"/api/actors/{actor}/events.csv",
    ]  # fmt: skip
    for path in paths:
        assert client.get(path).status_code == 200, path
