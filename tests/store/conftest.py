"""The `store` fixture: every storage test runs on SQLite and on PostgreSQL.

PostgreSQL tests need a server: `CROSSWIRE_TEST_POSTGRES` is the URL of a database whose
role may create databases (`.ci/services/postgres.sh` sets one up). Each test gets a fresh
database, dropped afterwards. Without the variable they skip, or fail when `CI` is set.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from crosswire.store import Store, open_store

BACKENDS = ["sqlite", "postgres"]


def postgres_server() -> str:
    url = os.environ.get("CROSSWIRE_TEST_POSTGRES")
    if url:
        return url
    reason = "CROSSWIRE_TEST_POSTGRES is not set (source .ci/services/postgres.sh for a server)"
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but {reason}")
    pytest.skip(reason)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """The URL of a fresh, empty database on the test server."""
    server = postgres_server()  # skips (or fails on CI) before psycopg is needed
    import psycopg
    from psycopg import sql

    name = f"crosswire_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urlunsplit(urlsplit(server)._replace(path=f"/{name}"))
    finally:
        _drop_database(server, name)


DROP_ATTEMPTS = 20


def _drop_database(server: str, name: str) -> None:
    """Drop a test database, waiting out an autovacuum worker on it: it runs as the server's
    superuser, so ``WITH (FORCE)`` from the test role may not end it (InsufficientPrivilege),
    and it is done within moments on a database this small."""
    import psycopg
    from psycopg import sql

    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    for attempt in range(DROP_ATTEMPTS):
        try:
            with psycopg.connect(server, autocommit=True) as admin:
                admin.execute(drop)
            return
        except (psycopg.errors.InsufficientPrivilege, psycopg.errors.ObjectInUse):
            if attempt == DROP_ATTEMPTS - 1:
                raise
            time.sleep(0.1)


def store_url(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> str:
    if backend == "postgres":
        return request.getfixturevalue("postgres_url")
    return str(tmp_path / "test.db")


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def url(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> str:
    """Where a fresh store of `backend` lives (open it as often as the test needs)."""
    return store_url(request, backend, tmp_path)


@pytest.fixture
def store(url: str) -> Iterator[Store]:
    opened = open_store(url)
    yield opened
    opened.close()
