"""End to end in a real browser: Playwright driving Debian's Chromium against a live
`crosswire serve` app. Skips when Chromium is absent, fails instead when `CI` is set.
Screenshots of the story page go to build/screenshots/."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from tests.web.kb_file import write_kb_file

from crosswire.kb.base import ENV
from crosswire.web.app import create_app

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "build" / "screenshots"
# The machine has no internet: nothing in the browser may try to reach it.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str:
    path = os.environ.get("CROSSWIRE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if Path(path).is_file():
        return path
    message = f"Chromium not found at {path} (apt-get install chromium; .ci/services/chromium.sh)"
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but {message}")
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(served_db: str) -> Iterator[str]:
    yield from _serve(create_app(served_db))


def _serve(app: object) -> Iterator[str]:
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    executable = _chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


# Playwright's init scripts are not subject to the page's CSP: this one records every
# violation the browser reports, whether or not it also logs it to the console.
RECORD_CSP_VIOLATIONS = """
window.__csp_violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp_violations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`);
});
"""


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    tab = context.new_page()
    problems: list[str] = []
    tab.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    tab.on(
        "console",
        lambda msg: (
            problems.append(f"console {msg.type}: {msg.text}")
            if msg.type == "error"  # a CSP violation is logged as one, and so is a failed load
            else None
        ),
    )
    tab.on(
        "dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss())
    )
    tab.on("load", lambda _: problems.extend(_violations(tab)))
    tab.on(
        "request",
        lambda request: (
            problems.append(f"off-site request: {request.url}")
            if not request.url.startswith(("http://127.0.0.1:", "data:"))
            else None
        ),
    )
    yield tab
    problems.extend(_violations(tab))
    context.close()
    assert problems == []


def _violations(tab: object) -> list[str]:
    try:
        found = tab.evaluate("window.__csp_violations.splice(0)")  # type: ignore[attr-defined]
    except Exception:  # the page is navigating away; its successor is checked on load
        return []
    return [f"CSP violation: {v}" for v in found]


def test_home_story_timeline_graph_and_citation(page: object, base_url: str) -> None:
    page.goto(base_url + "/")  # type: ignore[attr-defined]
    page.get_by_role("link", name="Foreign ministers meet in Oslo").click()  # type: ignore[attr-defined]
    page.wait_for_url("**/stories/*")  # type: ignore[attr-defined]
    assert page.locator("h1").inner_text() == "Foreign ministers meet in Oslo"  # type: ignore[attr-defined]
    points = page.locator("svg.timeline circle.point")  # type: ignore[attr-defined]
    edges = page.locator("svg.graph line.edge")  # type: ignore[attr-defined]
    assert points.count() >= 1 and edges.count() >= 1
    assert points.first.is_visible() and edges.first.is_visible()
    box = page.locator("svg.graph").bounding_box()  # type: ignore[attr-defined]
    assert box and box["width"] > 200 and box["height"] > 150  # drawn, not collapsed
    assert page.locator("table.compare td.yes").count() >= 2  # type: ignore[attr-defined]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / "story.png"
    page.screenshot(path=str(shot), full_page=True)  # type: ignore[attr-defined]
    assert shot.stat().st_size > 10_000
    print(f"story page screenshot: {shot}")
    page.locator('#brief a.cite[href^="/events/"]').first.click()  # type: ignore[attr-defined]
    page.wait_for_url("**/events/*")  # type: ignore[attr-defined]
    assert page.locator("blockquote mark.trigger").count() >= 1  # type: ignore[attr-defined]
    assert page.locator("blockquote mark.actor").first.is_visible()  # type: ignore[attr-defined]


def test_search_an_actor_by_alias(page: object, base_url: str) -> None:
    page.goto(base_url + "/")  # type: ignore[attr-defined]
    page.get_by_role("searchbox", name="Search").fill("haavisto")  # type: ignore[attr-defined]
    page.get_by_role("button", name="Search").click()  # type: ignore[attr-defined]
    page.wait_for_url("**/search?q=haavisto")  # type: ignore[attr-defined]
    page.locator("#actor-results").get_by_role("link", name="Pekka Haavisto").click()  # type: ignore[attr-defined]
    page.wait_for_url("**/actors/*")  # type: ignore[attr-defined]
    assert page.locator("h1").inner_text() == "Pekka Haavisto"  # type: ignore[attr-defined]
    assert page.locator("svg.bars rect").count() >= 1  # type: ignore[attr-defined]


def test_injected_script_in_an_article_does_not_run(page: object, base_url: str) -> None:
    page.goto(base_url + "/")  # type: ignore[attr-defined]
    page.get_by_role("link", name="Protest in Lisbon").click()  # type: ignore[attr-defined]
    page.wait_for_url("**/stories/*")  # type: ignore[attr-defined]
    page.get_by_role("link", name="Protest in Lisbon").last.click()  # type: ignore[attr-defined]
    page.wait_for_url("**/articles/*")  # type: ignore[attr-defined]
    body = page.locator("section.text").inner_text()  # type: ignore[attr-defined]
    assert "<script>window.__crosswire_xss = 2;</script>" in body  # shown as text
    for url in [base_url + "/", page.url]:  # type: ignore[attr-defined]
        page.goto(url)  # type: ignore[attr-defined]
        assert page.evaluate("typeof window.__crosswire_xss") == "undefined"  # type: ignore[attr-defined]
        assert page.title() != "pwned"  # type: ignore[attr-defined]


def test_every_page_renders_under_the_csp(page: object, base_url: str) -> None:
    import json
    from urllib.request import urlopen

    def get(path: str) -> dict:
        with urlopen(base_url + path) as answer:
            return json.load(answer)

    story = get("/api/stories")["items"][0]["id"]
    detail = get(f"/api/stories/{story}")
    event, article = detail["events"][0]["id"], detail["articles"][0]["id"]
    actor = detail["events"][0]["actors"][0]["entity_id"]
    paths = [
        "/",
        "/?actor=haavisto&since=2023",
        f"/stories/{story}",
        f"/events/{event}",
        f"/actors/{actor}",
        f"/articles/{article}",
        "/search?q=Haavisto",
        "/login",
    ]
    for path in paths:
        answer = page.goto(base_url + path)  # type: ignore[attr-defined]
        assert answer.status == 200, path
        colour = page.locator("span.type, span.swatch").evaluate_all(  # type: ignore[attr-defined]
            "els => els.map(e => getComputedStyle(e).backgroundColor)"
        )
        assert "rgba(0, 0, 0, 0)" not in colour, path  # quad colours come from quads.css


def test_api_docs_render_offline_under_the_csp(page: object, base_url: str) -> None:
    page.goto(base_url + "/api/docs")  # type: ignore[attr-defined]
    page.locator(".swagger-ui .info .title").wait_for()  # type: ignore[attr-defined]
    assert "crosswire" in page.locator(".swagger-ui .info .title").inner_text()  # type: ignore[attr-defined]
    page.locator("#operations-stories-list_stories_api_stories_get").wait_for()  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def private_url(served_db: str) -> Iterator[str]:
    app = create_app(served_db, token="browser-token", private=True)
    yield from _serve(app)


def test_signing_in_to_a_private_server(page: object, private_url: str) -> None:
    page.goto(private_url + "/?actor=haavisto")  # type: ignore[attr-defined]
    page.wait_for_url("**/login?next=*")  # type: ignore[attr-defined]
    page.get_by_label("Token").fill("wrong")  # type: ignore[attr-defined]
    page.get_by_role("button", name="Sign in").click()  # type: ignore[attr-defined]
    assert "not this server" in page.locator("p.error").inner_text()  # type: ignore[attr-defined]
    page.get_by_label("Token").fill("browser-token")  # type: ignore[attr-defined]
    page.get_by_role("button", name="Sign in").click()  # type: ignore[attr-defined]
    page.wait_for_url(private_url + "/?actor=haavisto")  # type: ignore[attr-defined]
    assert page.get_by_role("link", name="Foreign ministers meet in Oslo").is_visible()  # type: ignore[attr-defined]
    assert page.evaluate("document.cookie") == ""  # type: ignore[attr-defined]  # HttpOnly
    page.get_by_role("button", name="Sign out").click()  # type: ignore[attr-defined]
    page.goto(private_url + "/")  # type: ignore[attr-defined]
    page.wait_for_url("**/login?next=*")  # type: ignore[attr-defined]


def test_a_person_s_page_shows_the_dated_roles_of_the_knowledge_base(
    page: object, base_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV, str(write_kb_file(tmp_path)))  # the server reads it per request
    page.goto(base_url + "/search?q=haavisto")  # type: ignore[attr-defined]
    page.locator("#actor-results").get_by_role("link", name="Pekka Haavisto").click()  # type: ignore[attr-defined]
    page.wait_for_url("**/actors/*")  # type: ignore[attr-defined]
    rows = page.locator("#kb-roles tbody tr")  # type: ignore[attr-defined]
    assert rows.count() == 3
    cells = rows.nth(1).locator("td").all_inner_texts()
    assert cells[:4] == ["FIN", "GOV government", "2019-06-06", "2023-06-20"]
    assert cells[4] == "foreign minister"
    assert rows.nth(2).locator("td").nth(2).inner_text() == "otherwise (no dates)"
