"""Several analysts at once: a real uvicorn server on loopback, concurrent clients on the
list, search and story endpoints while an upload job writes to the same store.

Every answer must be a 200 (no 500s, 503s or dropped connections). There is no timing
assertion: the clients run for a few seconds and count what they got.
"""

from __future__ import annotations

import socket
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest
import uvicorn
from tests.api.fixtures import build_store
from tests.store.conftest import postgres_server

from crosswire.web.app import create_app

CLIENTS = 6
TOKEN = "load-test-token"
SECONDS = 3.0
UPLOAD = b"""Harbour workers strike in Rotterdam

Port Gazette (4 May 2021)

Hundreds of harbour workers went on strike in Rotterdam on Tuesday over pay, the union said.
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def served(db: str) -> Iterator[str]:
    """A uvicorn server for the store at `db` on a free loopback port, in a thread."""
    port = free_port()
    config = uvicorn.Config(
        create_app(db, token=TOKEN), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=20)


def upload(client: httpx.Client, name: str, data: bytes) -> httpx.Response:
    """POST one file to /api/uploads with the server's write token."""
    return client.post(
        "/api/uploads",
        files={"file": (name, data, "text/plain")},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )


def paths(client: httpx.Client) -> list[str]:
    story = client.get("/api/stories", params={"limit": 1}).json()["items"][0]["id"]
    return [
        "/api/stories",
        "/api/stories?sort=sources&min_sources=1",
        "/api/search?q=protest",
        "/api/search?q=minister",
        "/api/events?actor=Lisbon",
        "/",
        "/?sort=size",
        "/search?q=teachers",
        f"/stories/{story}",
        f"/api/stories/{story}",
    ]


def hammer(base: str, targets: list[str], stop: float, tally: Counter[str]) -> None:
    with httpx.Client(base_url=base, timeout=30) as client:
        i = 0
        while time.monotonic() < stop:
            path = targets[i % len(targets)]
            i += 1
            try:
                status = client.get(path).status_code
                tally["ok" if status == 200 else f"{status} {path}"] += 1
            except httpx.HTTPError as exc:
                tally[f"{type(exc).__name__} {path}"] += 1


def run_load(db: str) -> Counter[str]:
    tally: Counter[str] = Counter()
    with served(db) as base, httpx.Client(base_url=base, timeout=30) as writer:
        targets = paths(writer)
        job = upload(writer, "strike.txt", UPLOAD)
        assert job.status_code == 202, job.text
        stop = time.monotonic() + SECONDS
        clients = [
            threading.Thread(target=hammer, args=(base, targets[i:] + targets[:i], stop, tally))
            for i in range(CLIENTS)
        ]
        for thread in clients:
            thread.start()
        for thread in clients:
            thread.join()
        status = writer.get(job.json()["status_url"]).json()
        assert status["state"] in {"queued", "running", "done"}, status
    return tally


def errors(tally: Counter[str]) -> dict[str, int]:
    return {k: v for k, v in tally.items() if k != "ok"}


@pytest.mark.slow
def test_concurrent_reads_during_an_upload_all_succeed_on_sqlite(tmp_path: Path) -> None:
    tally = run_load(build_store(tmp_path))
    assert tally["ok"] > CLIENTS and not errors(tally), errors(tally)


@pytest.mark.slow
def test_concurrent_reads_during_an_upload_all_succeed_on_postgres(tmp_path: Path) -> None:
    import psycopg
    from psycopg import sql

    server = postgres_server()
    name = f"crosswire_load_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = urlunsplit(urlsplit(server)._replace(path=f"/{name}"))
    try:
        tally = run_load(build_store(tmp_path, db=url))
        assert tally["ok"] > CLIENTS and not errors(tally), errors(tally)
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
            admin.execute(drop.format(sql.Identifier(name)))
