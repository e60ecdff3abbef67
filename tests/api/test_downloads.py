"""Lists as CSV and JSONL downloads: the same rows and filters as the lists, streamed a
page at a time, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Annotated, Any

import pytest
from fastapi import Depends, FastAPI, Query
from fastapi.testclient import TestClient

from crosswire import views
from crosswire.web import downloads


def _all(client: TestClient, path: str, **params: Any) -> list[dict]:
    """Every item of list `path`, paged as a client would page it."""
    items, offset = [], 0
    while True:
        page = client.get(path, params={**params, "limit": 2, "offset": offset}).json()
        items += page["items"]
        offset += 2
        if offset >= page["total"]:
            return items


def _csv(client: TestClient, path: str, **params: Any) -> list[dict[str, str]]:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"].startswith("attachment; filename=")
    return list(csv.DictReader(io.StringIO(response.text)))


def _jsonl(client: TestClient, path: str, **params: Any) -> list[dict]:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"] == "application/x-ndjson"
    return [json.loads(line) for line in response.text.splitlines()]


@pytest.mark.parametrize(
    "params", [{}, {"since": "2023"}, {"actor": "haavisto"}, {"sort": "oldest"}]
)
def test_stories_download_has_the_lists_rows_in_its_order(client: TestClient, params: dict) -> None:
    listed = _all(client, "/api/stories", **params)
    assert listed  # each filter keeps at least one story of the fixture
    assert _jsonl(client, "/api/stories.jsonl", **params) == listed
    rows = _csv(client, "/api/stories.csv", **params)
    assert [r["id"] for r in rows] == [s["id"] for s in listed]
    assert rows[0]["top_actors"] == "; ".join(a["name"] for a in listed[0]["top_actors"])
    assert list(rows[0]) == list(listed[0])  # one column per field of the list's items


def test_a_download_pages_through_the_list(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(downloads, "PAGE", 1)  # every event its own page
    listed = _all(client, "/api/events")
    assert len(listed) > 2
    assert [r["id"] for r in _csv(client, "/api/events.csv")] == [e["id"] for e in listed]
    story = listed[0]["story_id"]
    by_story = _jsonl(client, "/api/events.jsonl", story=story)
    assert by_story == _all(client, "/api/events", story=story)


def test_search_download_has_every_article_hit(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "Oslo"}).json()["articles"]
    rows = _csv(client, "/api/search.csv", q="Oslo")
    assert [r["article_id"] for r in rows] == [h["article_id"] for h in hits] and rows
    assert [r["article_id"] for r in _jsonl(client, "/api/search.jsonl", q="Oslo")] == [
        h["article_id"] for h in hits
    ]


def test_search_download_keeps_the_searchs_facet_filters(client: TestClient) -> None:
    facets = client.get("/api/search", params={"q": "talks"}).json()["facets"]
    for kind in ("outlet", "country", "type", "month"):
        value = facets[kind][-1]["value"]  # the rarest: fewer hits than the whole search
        hits = client.get("/api/search", params={"q": "talks", kind: value}).json()
        rows = _csv(client, "/api/search.csv", q="talks", **{kind: value})
        assert [r["article_id"] for r in rows] == [h["article_id"] for h in hits["articles"]]
        assert len(rows) == hits["total"] == facets[kind][-1]["count"]
    bad = {"q": "talks", "country": "Narnia"}
    assert (
        client.get("/api/search.csv", params=bad).json()
        == client.get("/api/search", params=bad).json()
    )
    page = client.get("/search", params={"q": "talks", "outlet": "Wire & Co"}).text
    assert '<a href="/api/search.csv?q=talks&amp;outlet=Wire+%26+Co" download>' in page


def test_bad_downloads_are_refused_like_the_lists(client: TestClient) -> None:
    assert client.get("/api/stories.xlsx").status_code == 422
    assert client.get("/api/stories.csv", params={"since": "yesterday"}).status_code == 422
    backwards = {"since": "2023", "until": "2022"}
    listed = client.get("/api/stories", params=backwards)
    response = client.get("/api/stories.csv", params=backwards)
    assert response.status_code == listed.status_code == 422
    assert response.json() == listed.json()
    assert client.get("/api/search.csv").status_code == 422
    assert client.get("/api/actors/nope/events.csv").status_code == 404


def test_home_and_search_pages_link_their_downloads_with_their_filters(client: TestClient) -> None:
    home = client.get("/", params={"actor": "huitfeldt", "page": "1"}).text
    assert '<a href="/api/stories.csv?actor=huitfeldt" download>CSV</a>' in home
    assert '<a href="/api/stories.jsonl?actor=huitfeldt" download>JSONL</a>' in home
    search = client.get("/search", params={"q": "Oslo talks"}).text
    assert '<a href="/api/search.csv?q=Oslo+talks" download>CSV</a>' in search


# --------------------------------------------------------------------------- the parts


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Oslo", "Oslo"),
        (-3, -3),
        (None, None),
        (["=A", "B"], "'=A; B"),
    ],
)
def test_csv_cells_cannot_be_formulas(value: Any, cell: Any) -> None:
    assert downloads.csv_cell(value) == cell


@dataclass
class Row:
    title: str
    names: list[str]


def test_csv_body_round_trips_through_a_spreadsheet_reader() -> None:
    rows = [Row("=cmd|' /C calc'!A0", ["a", "b"]), Row('quoted "x", and, commas\nnewline', [])]
    text = "".join(downloads.csv_body(rows, Row))
    assert list(csv.reader(io.StringIO(text))) == [
        ["title", "names"],
        ["'=cmd|' /C calc'!A0", "a; b"],
        ['quoted "x", and, commas\nnewline', ""],
    ]


def test_pages_asks_for_the_next_page_only_when_it_is_needed() -> None:
    asked: list[tuple[int, int]] = []

    def fetch(limit: int, offset: int) -> views.Page[int]:
        asked.append((limit, offset))
        return views.paginate(list(range(7)), limit, offset)

    stream = downloads.pages(fetch, size=3)
    assert [next(stream), next(stream)] == [0, 1] and asked == [(3, 0)]
    assert list(stream) == [2, 3, 4, 5, 6]
    assert asked == [(3, 0), (3, 3), (3, 6)]
    lists: list[int] = []
    assert (
        list(downloads.pages(lambda n, k: (lists.append(k), [1] * (n if k < 4 else 1))[1], 2))
        == [1] * 5
    )
    assert lists == [0, 2, 4]


def fake_list(
    store: object,
    min_sources: Annotated[int, Query(ge=1, le=9)] = 1,
    limit: int = 20,
    offset: int = 0,
) -> views.Page[Row]:
    """A list route with a filter the real ones may gain."""
    return views.paginate([], limit, offset)


fake_filters = downloads.filters_of(fake_list)


def test_a_download_takes_whatever_filters_its_list_takes() -> None:
    """A filter added to a list route (say min_sources) is a filter of its download."""
    seen: list[dict] = []
    app = FastAPI()

    @app.get("/things.csv")
    def things(filters: Annotated[dict, Depends(fake_filters)]) -> dict:
        seen.append(filters)
        return filters

    with TestClient(app, base_url="http://127.0.0.1") as test:
        assert test.get("/things.csv", params={"min_sources": "3"}).json() == {"min_sources": 3}
        assert test.get("/things.csv", params={"min_sources": "0"}).status_code == 422
    assert seen == [{"min_sources": 3}]
    assert downloads.row_type_of(fake_list) is Row
