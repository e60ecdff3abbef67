"""`crosswire serve`: options reach uvicorn, a store that cannot be opened is a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest
import uvicorn
from click.testing import CliRunner
from fastapi import FastAPI

from crosswire.cli import main


def test_serve_runs_one_uvicorn_app_on_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[object, str, int]] = []
    monkeypatch.setattr(
        uvicorn, "run", lambda app, host, port, **_: calls.append((app, host, port))
    )
    db = tmp_path / "served.db"
    result = CliRunner().invoke(main, ["serve", "--db", str(db), "--port", "8123"])
    assert result.exit_code == 0, result.output
    [(app, host, port)] = calls
    assert isinstance(app, FastAPI) and (host, port) == ("127.0.0.1", 8123)
    assert app.state.db == str(db) and db.exists()
    paths = set(app.openapi()["paths"]) | {getattr(r, "path", "") for r in app.router.routes}
    assert {"/api/stories", "/api/stories/{story_id}", "/api/openapi.json"} <= paths
    assert "http://127.0.0.1:8123/" in result.output


def test_serve_reports_a_store_it_cannot_open(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "folder" / "x.db"
    result = CliRunner().invoke(main, ["serve", "--db", str(missing)])
    assert result.exit_code == 1
    assert "cannot open store" in result.output and str(missing) in result.output


def test_serve_rejects_a_bad_port() -> None:
    result = CliRunner().invoke(main, ["serve", "--port", "70000"])
    assert result.exit_code == 2 and "70000" in result.output


def test_serve_never_prints_a_database_password(monkeypatch: pytest.MonkeyPatch) -> None:
    import crosswire.web.app

    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: None)
    monkeypatch.setattr(crosswire.web.app, "create_app", lambda db, **_: FastAPI())
    url = "postgresql://analyst:s3cret@db.example/news"
    result = CliRunner().invoke(main, ["serve", "--db", url])
    assert result.exit_code == 0, result.output
    assert "s3cret" not in result.output and "db.example/news" in result.output


def _served(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[FastAPI]:
    apps: list[FastAPI] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **_: apps.append(app))
    monkeypatch.delenv("CROSSWIRE_TOKEN", raising=False)
    return apps


def test_serve_without_a_token_is_read_only_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    apps = _served(monkeypatch, tmp_path)
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 0, result.output
    assert "read-only" in result.output and "--token" in result.output
    assert apps[0].state.access.token is None


def test_serve_takes_its_token_from_the_option_or_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    apps = _served(monkeypatch, tmp_path)
    db = str(tmp_path / "a.db")
    CliRunner().invoke(main, ["serve", "--db", db, "--token", "from-option"])
    CliRunner().invoke(main, ["serve", "--db", db], env={"CROSSWIRE_TOKEN": "from-env"})
    assert [a.state.access.token for a in apps] == ["from-option", "from-env"]
    assert [a.state.access.private for a in apps] == [False, False]  # loopback: reads open


def test_serve_off_loopback_needs_a_token_and_then_guards_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    apps = _served(monkeypatch, tmp_path)
    db = str(tmp_path / "a.db")
    refused = CliRunner().invoke(main, ["serve", "--db", db, "--host", "0.0.0.0"])
    assert refused.exit_code == 1 and "needs a token" in refused.output and apps == []
    args = [
        "serve",
        "--db",
        db,
        "--host",
        "192.0.2.7",
        "--token",
        "s3cret-tok",
        "--allowed-host",
        "news.lan",
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    access = apps[0].state.access
    assert access.private and {"192.0.2.7", "news.lan", "localhost"} <= access.hosts
    assert "reads and writes need the token" in result.output
    assert "s3cret-tok" not in result.output
