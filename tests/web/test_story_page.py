"""Story, event and article pages on a store written for them (tests/web/disputed.py):
per-mention disagreements, source links, labels of untitled articles, plurals."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from tests.web.disputed import BAD_URL, KCNA_URL, MAIL_URL, SERVER_FOLDER, build_disputed_store

from crosswire.web.app import create_app


@pytest.fixture(scope="module")
def disputed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = build_disputed_store(tmp_path_factory.mktemp("disputed"))
    with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
        yield client


def _html(client: TestClient, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, response.text[:300]
    return response.text


def _pages(client: TestClient) -> list[str]:
    paths = ["/stories/stalks", "/events/vtalks", "/articles/amail", "/articles/atass"]
    return [_html(client, p) for p in paths]


def test_one_article_saying_two_dates_is_shown_mention_by_mention(disputed: TestClient) -> None:
    for html in _html(disputed, "/stories/stalks"), _html(disputed, "/events/vtalks"):
        text = re.sub(r"<[^>]+>", "", html)
        assert (
            "Daily Mail, 2018-05-31 says both Wednesday (2018-05-30) and Thursday (2018-05-31)"
            in text
        )
        # each sentence with the resolved date of its time expression beside it
        rows = re.findall(r"<tr><td><a href=\"/articles/(\w+)\">.*?</tr>", html, re.S)
        assert rows == ["amail", "amail", "atass"]
        assert "on Wednesday, KCNA said." in text and "met again on Thursday" in text
        assert text.count("Thursday (2018-05-31)") >= 2


def test_the_comparison_cell_lists_every_value_of_an_outlet(disputed: TestClient) -> None:
    html = _html(disputed, "/stories/stalks")
    assert '<div class="said">date: 2018-05-30 and 2018-05-31</div>' in html
    assert '<div class="said">date: 2018-05-31</div>' in html


def test_the_api_gives_what_each_mention_says(disputed: TestClient) -> None:
    [dispute] = disputed.get("/api/stories/stalks").json()["contradictions"]
    said = [(m["article_id"], m["value"], m["said"]) for m in dispute["mentions"]]
    assert said == [
        ("amail", "2018-05-30", "Wednesday (2018-05-30)"),
        ("amail", "2018-05-31", "Thursday (2018-05-31)"),
        ("atass", "2018-05-31", "Thursday (2018-05-31)"),
    ]
    assert dispute["saying_several"] == [
        ["Daily Mail, 2018-05-31", ["Wednesday (2018-05-30)", "Thursday (2018-05-31)"]]
    ]
    comparison = disputed.get("/api/stories/stalks").json()["comparison"]
    cells = {
        o: c["values"]
        for o, c in zip(comparison["outlets"], comparison["rows"][0]["cells"], strict=True)
    }
    assert cells == {
        "Daily Mail": {"date": ["2018-05-30", "2018-05-31"]},
        "Tass": {"date": ["2018-05-31"]},
    }


def test_web_addresses_are_links_and_nothing_else_is(disputed: TestClient) -> None:
    for html in _pages(disputed):
        assert f'href="{BAD_URL}' not in html and 'href="javascript' not in html.lower()
        for link in re.findall(r"<a [^>]*class=\"source-url\"[^>]*>", html):
            assert 'rel="noopener noreferrer"' in link
            assert re.search(r'href="https?://', link)
    story, event, mail, tass = _pages(disputed)
    assert f'href="{MAIL_URL}"' in story and f'href="{MAIL_URL}"' in event
    assert f'href="{MAIL_URL}"' in mail
    assert BAD_URL in tass  # shown as text
    assert re.search(
        rf'<a class="source-url" href="{KCNA_URL}" rel="noopener noreferrer"[^>]*>KCNA</a>', mail
    )
    assert "Yonhap reported" in mail and "javascript:alert(document.cookie)</span>" in mail


def test_untitled_articles_are_named_by_outlet_and_date_never_by_id(
    disputed: TestClient,
) -> None:
    search = _html(disputed, "/search?q=Wednesday")
    for html in [*_pages(disputed), search]:
        assert not re.search(r">\s*a(mail|tass)\s*<", html)  # no id as a link's text
    assert '<a href="/articles/amail">Daily Mail, 2018-05-31</a>' in search
    story = _html(disputed, "/stories/stalks")
    assert '<a class="cite" href="/articles/amail" title="Daily Mail, 2018-05-31">' in story
    assert '<a href="/articles/amail">Daily Mail, 2018-05-31</a>' in story
    assert "<h1>Untitled article (Daily Mail, 2018-05-31)</h1>" in _html(
        disputed, "/articles/amail"
    )
    rows = disputed.get("/api/stories/stalks").json()["articles"]
    assert {r["id"]: r["label"] for r in rows} == {
        "amail": "Daily Mail, 2018-05-31",
        "atass": "Lavrov holds talks with Kim",
    }


def test_article_pages_name_the_file_without_the_server_folders(disputed: TestClient) -> None:
    html = _html(disputed, "/articles/amail")
    assert "mail-page.html" in html and SERVER_FOLDER not in html
    assert disputed.get("/api/articles/amail").json()["path"] == "mail-page.html"


def test_counts_have_the_right_plural(disputed: TestClient) -> None:
    story = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", _html(disputed, "/stories/stalks")))
    assert "2 articles" in story and "1 event" in story and "1 events" not in story
    assert "from 2 outlets" in story and "1 disagreement" in story
    for count, noun in re.findall(r"(\d+) (independent sources?|articles?|events?)\b", story):
        assert noun.endswith("s") == (count != "1"), (count, noun)
    event = _html(disputed, "/events/vtalks")
    assert "in 2 articles" in event


def test_actor_page_counts_and_downloads_its_events(client: TestClient) -> None:
    actor = client.get("/api/actors", params={"q": "haavisto"}).json()["items"][0]
    html = _html(client, f"/actors/{actor['id']}")
    assert re.search(r"Named in</dt><dd>\d+ articles?, 1 story:", html)
    assert f'<a href="/api/actors/{actor["id"]}/events.csv" download>CSV</a>' in html
    rows = client.get(f"/api/actors/{actor['id']}/events.csv").text.splitlines()
    listed = client.get(f"/api/actors/{actor['id']}").json()["events"]["items"]
    assert [r.split(",")[0] for r in rows[1:]] == [e["id"] for e in listed]
