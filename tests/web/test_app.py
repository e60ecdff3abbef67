"""`crosswire.web.app`: the API answers its errors the same with the web UI mounted or
not (the UI's error pages are for the pages only), and the UI still gets pages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from tests.web.disputed import build_disputed_store

import crosswire.web.deps
from crosswire.errors import StoreError
from crosswire.web.app import create_app

# (method, path) of API requests that fail, one of each kind of answer
FAILING = [
    ("GET", "/api/stories/nope"),  # 404 from a route: no such story
    ("GET", "/api/events/nope"),
    ("GET", "/api/no-such-endpoint"),  # 404 from the router
    ("GET", "/api/stories?limit=0"),  # 422: a parameter out of bounds
    ("GET", "/api/stories?since=2018-13"),
    ("GET", "/api/events?until=yesterday"),
    ("GET", "/api/actors?q=%20%20"),  # 400: a ViewError (the query is only spaces)
    ("POST", "/api/stats"),  # 405
    ("GET", "/api"),  # 404: /api itself is no endpoint
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_disputed_store(tmp_path_factory.mktemp("app"))


def client_of(app: FastAPI) -> TestClient:
    return TestClient(app, base_url="http://127.0.0.1")


@pytest.fixture(scope="module")
def with_ui(db: str) -> Iterator[TestClient]:
    with client_of(create_app(db)) as client:
        yield client


@pytest.fixture(scope="module")
def api_alone(db: str) -> Iterator[TestClient]:
    with client_of(create_app(db, ui=False)) as client:
        yield client


def answer(client: TestClient, method: str, path: str) -> tuple[int, str, object, str]:
    response = client.request(method, path)
    kind = response.headers["content-type"]
    return response.status_code, kind, response.json(), response.headers.get("allow", "")


@pytest.mark.parametrize(("method", "path"), FAILING)
def test_an_api_error_is_the_same_json_with_or_without_the_ui(
    with_ui: TestClient, api_alone: TestClient, method: str, path: str
) -> None:
    alone = answer(api_alone, method, path)
    assert alone[0] >= 400 and alone[1] == "application/json"
    assert answer(with_ui, method, path) == alone


def test_a_store_that_fails_answers_the_api_alike_and_a_page_with_a_page(
    with_ui: TestClient, api_alone: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(url: str, **_: object) -> None:
        raise StoreError(f"cannot open store {url}")

    monkeypatch.setattr(crosswire.web.deps, "open_store", broken)
    alone = api_alone.get("/api/stories")
    assert alone.status_code == 503 and "not available" in alone.json()["detail"]
    assert with_ui.get("/api/stories").json() == alone.json()
    page = with_ui.get("/")
    assert page.status_code == 503 and page.headers["content-type"].startswith("text/html")


def test_the_ui_answers_pages_and_their_errors_as_pages(
    with_ui: TestClient, api_alone: TestClient
) -> None:
    assert with_ui.get("/stories/stalks").status_code == 200
    missing = with_ui.get("/no-such-page")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
    invalid = with_ui.get("/", params={"page": "0"})
    assert invalid.status_code == 422 and "page" in invalid.text
    assert invalid.headers["content-type"].startswith("text/html")
    assert api_alone.get("/").status_code == 404  # no pages without the UI
    assert api_alone.get("/api/docs").status_code == 200  # the API's docs are the API's
