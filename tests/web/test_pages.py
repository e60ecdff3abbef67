"""The server-rendered pages, read as HTML (the browser tests click through them)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.slow


def _page(client: TestClient, path: str, status: int = 200) -> str:
    response = client.get(path)
    assert response.status_code == status, response.text[:300]
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def _meeting_id(client: TestClient) -> str:
    return client.get("/api/stories", params={"actor": "Haavisto"}).json()["items"][0]["id"]


def test_home_lists_stories_with_their_figures(client: TestClient) -> None:
    html = _page(client, "/")
    assert "Foreign ministers meet in Oslo" in html
    assert "independent sources from 2 outlets" in html
    assert "Pekka Haavisto" in html and "2023-03-14" in html
    assert 'href="/static/style.css"' in html and "http" not in re.sub(
        r'href="/[^"]*"', "", html.split("<body>")[0]
    )


def test_home_filters_and_bad_filter_page(client: TestClient) -> None:
    html = _page(client, "/?actor=huitfeldt")
    assert "Foreign ministers meet in Oslo" in html and "Floods force" not in html
    assert "since: Value error, should be a date" in _page(client, "/?since=2023-02-30x", 422)


def test_story_page_has_brief_graph_timeline_and_comparison(client: TestClient) -> None:
    html = _page(client, f"/stories/{_meeting_id(client)}")
    assert re.search(r'<a class="cite" href="/events/v\w+"', html)
    assert '<svg class="graph"' in html and '<line class="edge"' in html
    assert '<svg class="timeline"' in html and '<circle class="point"' in html
    assert "Verbal cooperation" in html  # the legend
    assert '<table class="compare">' in html and "Meridian Wire" in html


def test_event_page_highlights_and_attributes(client: TestClient) -> None:
    events = client.get("/api/events", params={"actor": "Haavisto"}).json()["items"]
    best = max(events, key=lambda e: e["n_sources"])
    html = _page(client, f"/events/{best['id']}")
    assert '<mark class="trigger"' in html and '<mark class="actor"' in html
    assert '<mark class="place" title="place: Oslo">Oslo</mark>' in html
    assert "own voice" in html or "attributed to" in html


def test_actor_and_article_pages(client: TestClient) -> None:
    actor = client.get("/api/actors", params={"q": "haavisto"}).json()["items"][0]
    html = _page(client, f"/actors/{actor['id']}")
    assert "Pekka Haavisto" in html and "FIN" in html and '<svg class="bars"' in html
    story = client.get(f"/api/stories/{_meeting_id(client)}").json()
    html = _page(client, f"/articles/{story['articles'][0]['id']}")
    assert "Cleaned text" in html and "Events it reports" in html


def test_search_page_finds_actor_by_alias(client: TestClient) -> None:
    html = _page(client, "/search?q=Haavisto")
    assert re.search(r'href="/actors/e\w+">Pekka Haavisto</a>', html)
    assert "Search" in _page(client, "/search")


def test_article_markup_is_escaped_everywhere(client: TestClient) -> None:
    pages = [_page(client, "/"), _page(client, "/search?q=Lisbon")]
    story = client.get("/api/stories", params={"since": "2021", "until": "2021"}).json()
    sid = story["items"][0]["id"]
    pages.append(_page(client, f"/stories/{sid}"))
    article_id = client.get(f"/api/stories/{sid}").json()["articles"][0]["id"]
    pages.append(_page(client, f"/articles/{article_id}"))
    for html in pages:
        assert "window.__crosswire_xss" in html  # the text is there ...
        assert "<script>window" not in html and "<img src=x" not in html  # ... but inert
    assert "&lt;script&gt;window.__crosswire_xss = 2;&lt;/script&gt;" in pages[-1]


def test_unknown_pages_are_404_pages(client: TestClient) -> None:
    for path in [
        "/stories/nope",
        "/events/nope",
        "/actors/nope",
        "/articles/nope",
        "/no/such/page",
    ]:
        assert "Not found" in _page(client, path, 404)
    assert client.get("/api/no/such").json() == {"detail": "Not Found"}
