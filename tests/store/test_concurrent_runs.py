"""Two `crosswire run` processes writing one PostgreSQL store at the same time, with one
input in common: both finish, nothing is lost or stored twice, and each batch sees the
articles and stories committed before it (the advisory writer lock covers the stage state
too). PostgreSQL only here: it is the backend teams share; tests/faults/ covers SQLite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import FLOOD, MEETING_LOCAL, MEETING_WIRE

from crosswire.store import open_store

pytestmark = pytest.mark.slow


def folder(root: Path, files: dict[str, str]) -> Path:
    root.mkdir(parents=True)
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_concurrent_runs_share_one_store(postgres_url: str, tmp_path: Path) -> None:
    url = postgres_url
    open_store(url).close()  # created and migrated before the race starts
    first = folder(tmp_path / "one", {"wire.txt": MEETING_WIRE, "flood.txt": FLOOD})
    # both runs read wire.txt: whichever stores it second must skip it, not fail
    second = folder(tmp_path / "two", {"local.txt": MEETING_LOCAL, "wire.txt": MEETING_WIRE})
    command = [sys.executable, "-m", "crosswire.cli", "run", "--quiet", "--batch-size", "1"]
    runs = [
        subprocess.Popen([*command, str(path), "--db", url], stderr=subprocess.PIPE, text=True)
        for path in (first, second)
    ]
    for run in runs:
        _, stderr = run.communicate(timeout=600)
        assert run.returncode == 0, stderr
    store = open_store(url)
    assert store.counts()["articles"] == 3
    assert sorted(len(s.article_ids) for s in store.stories()) == [1, 2]  # the meeting is one story
    store.close()
