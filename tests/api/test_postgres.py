"""The API on a PostgreSQL store answers as it does on SQLite (same fixture articles).

Needs `CROSSWIRE_TEST_POSTGRES` (see tests/store/conftest.py): skips without it, fails
when `CI` is set.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

import pytest
from fastapi.testclient import TestClient
from tests.api.fixtures import build_store
from tests.store.conftest import postgres_server

from crosswire.web.app import create_app

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pg_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    import psycopg
    from psycopg import sql

    server = postgres_server()
    name = f"crosswire_api_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = urlunsplit(urlsplit(server)._replace(path=f"/{name}"))
    try:
        build_store(tmp_path_factory.mktemp("pg-api"), db=url)
        with TestClient(create_app(url), base_url="http://127.0.0.1") as client:
            yield client
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def _without_ids(value: object) -> object:
    """Store answers with the parts that may legitimately differ (search scores) left out."""
    if isinstance(value, dict):
        return {
            k: _without_ids(v)
            for k, v in value.items()
            if k not in {"score", "snippet", "segments"}
        }
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value


@pytest.mark.parametrize(
    "path",
    [
        "/api/stories",
        "/api/stories?actor=haavisto&sort=size",
        "/api/events",
        "/api/actors?q=Haavisto",
        "/api/search?q=Haavisto",
    ],
)
def test_postgres_answers_as_sqlite(pg_client: TestClient, client: TestClient, path: str) -> None:
    on_pg, on_sqlite = pg_client.get(path), client.get(path)
    assert on_pg.status_code == on_sqlite.status_code == 200
    assert _without_ids(on_pg.json()) == _without_ids(on_sqlite.json())


def test_story_event_and_pages_on_postgres(pg_client: TestClient, client: TestClient) -> None:
    story = pg_client.get("/api/stories", params={"actor": "Haavisto"}).json()["items"][0]
    detail = pg_client.get(f"/api/stories/{story['id']}").json()
    assert detail == client.get(f"/api/stories/{story['id']}").json()
    event = detail["timeline"][0]["id"]
    assert pg_client.get(f"/api/events/{event}").json() == client.get(f"/api/events/{event}").json()
    assert pg_client.get(f"/stories/{story['id']}").status_code == 200
    assert (
        pg_client.get("/api/stories", params={"since": "2023-13"}).status_code == 422
    )  # not a calendar month
