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


def test_home_sorts_recent_stories_with_most_sources_first_by_default(client: TestClient) -> None:
    html = _page(client, "/")
    assert '<option value="top" selected>' in html
    order = [html.index(t) for t in ("Foreign ministers meet", "Protest in Lisbon", "Floods")]
    assert order == sorted(order)  # 2023 story (2 sources) first; the rest by sources
    html = _page(client, "/?sort=recent")
    assert html.index("Floods force") < html.index("Protest in Lisbon")


def test_home_pickers_list_the_stored_types_and_countries(client: TestClient) -> None:
    html = _page(client, "/")
    types = re.search(r'<select name="type">(.*?)</select>', html, re.S)
    countries = re.search(r'<select name="country">(.*?)</select>', html, re.S)
    assert types and countries
    stored = client.get("/api/events", params={"limit": 100}).json()["items"]
    assert set(re.findall(r'<option value="([A-Z]+)"', types.group(1))) == {
        e["type"] for e in stored
    }
    assert '<option value="FIN"' in countries.group(1)
    html = _page(client, "/?country=fin")
    assert '<option value="FIN" selected>' in html and "Floods force" not in html


def test_home_minimum_sources_filter(client: TestClient) -> None:
    html = _page(client, "/?min_sources=2")
    assert "Foreign ministers meet in Oslo" in html and "Protest in Lisbon" not in html
    assert "min_sources: Input should be a valid integer" in _page(
        client, "/?min_sources=many", 422
    )
    assert "min_sources: Input should be greater than" in _page(client, "/?min_sources=-1", 422)
    assert "page: Input should be less than" in _page(client, "/?page=9223372036854775808", 422)
    assert "at most 200 characters" in _page(client, "/?actor=" + "x" * 20_000, 422)
    assert "Foreign ministers meet in Oslo" in _page(client, "/?min_sources=")  # a blank field


def test_unreadable_inputs_link_to_the_errors_page(served_db: str, tmp_path) -> None:
    import shutil

    from crosswire.model import IngestError
    from crosswire.store import open_store
    from crosswire.web.app import create_app

    db = str(tmp_path / "copy.db")
    shutil.copy(served_db, db)
    store = open_store(db)
    with store.transaction():
        store.add_error(IngestError("broken.html", "no article text found"))
    store.close()
    with TestClient(create_app(db), base_url="http://127.0.0.1") as own:
        html = _page(own, "/")
    assert re.search(r'<a class="warn" href="/errors">1 input could not be read</a>', html)


def test_search_page_has_total_facets_stories_and_marked_words(client: TestClient) -> None:
    html = _page(client, "/search?q=ministers")
    assert "2 matched" in html
    assert re.search(r'<a href="/search\?q=ministers&amp;outlet=Meridian%20Wire">', html)
    assert re.search(r'<a href="/search\?q=ministers&amp;month=2023-03">2023-03</a>', html)
    assert 'id="story-results"' in html and "Foreign ministers meet in Oslo</a>" in html
    assert "<mark>ministers</mark>" in html or "<mark>minister</mark>" in html
    narrowed = _page(client, "/search?q=ministers&outlet=Meridian+Wire")
    assert "1 matched" in narrowed and "outlet: Meridian Wire" in narrowed
    refused = _page(client, "/search?q=ministers&month=March", 422)
    assert "month: " in refused and "YYYY-MM" in refused


def test_search_marks_words_without_rendering_markup(client: TestClient) -> None:
    html = _page(client, "/search?q=xss")
    assert "<mark>" in html and "<script>window" not in html


def test_search_pages_through_results(client: TestClient) -> None:
    response = client.get("/api/search", params={"q": "Oslo", "limit": 1})
    body = response.json()
    assert body["total"] == 2 and len(body["articles"]) == 1
    second = client.get("/api/search", params={"q": "Oslo", "limit": 1, "offset": 1}).json()
    assert second["articles"][0]["article_id"] != body["articles"][0]["article_id"]
    marked = [s["text"] for s in body["articles"][0]["segments"] if s["matched"]]
    assert marked and all(m.lower() == "oslo" for m in marked)


def test_pagers_keep_the_filters_and_escape_them_once() -> None:
    from types import SimpleNamespace

    from markupsafe import Markup

    from crosswire.web.render import environment

    page = SimpleNamespace(total=50, limit=20, offset=20)
    home = environment.get_template("pager.html").render(
        page=page, number=2, pager_base=Markup("?actor=Kim%20%3Cx%3E&amp;")
    )
    assert '<a href="?actor=Kim%20%3Cx%3E&amp;page=1">← previous</a>' in home
    assert '<a href="?actor=Kim%20%3Cx%3E&amp;page=3">next →</a>' in home and "page 2 of 3" in home
    hit = SimpleNamespace(
        article_id="a1", title="Talks", outlet="Wire", published="2020", segments=[], snippet=""
    )
    results = SimpleNamespace(
        query="a b", filters={"outlet": "X&Y"}, total=50, limit=20, offset=20,
        articles=[hit], actors=[], events=[], facets=None, stories=[], total_events=0,
    )  # fmt: skip
    search = environment.get_template("search.html").render(
        r=results, number=2, request=SimpleNamespace(state=SimpleNamespace(has_token=False))
    )
    assert '<a href="/search?q=a%20b&amp;outlet=X%26Y&amp;page=3">next →</a>' in search
