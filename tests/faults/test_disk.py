"""A full disk and a read-only store: a clear StoreError naming the store, a non-zero exit
code, no traceback, and a store that is still sound, and complete once there is room."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import write_corpus
from tests.faults.helpers import count, exported, integrity, run, write_fault_corpus

from crosswire.pipeline import Pipeline
from crosswire.store import open_store

pytestmark = pytest.mark.slow

DISK_SIZE = "4m"  # room for the whole run's store (about 1 MB with its WAL)
ROOM_LEFT = 48 * 1024  # bytes left free after the store is created: far less than one run


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    """A tiny tmpfs of its own (needs root: `mount` is the only way to get a full disk)."""
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={DISK_SIZE}", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({mounted.stderr.strip() or 'not root'})")
    try:
        yield folder
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(folder)], capture_output=True)
        subprocess.run(["umount", "-l", str(folder)], check=True)


def fill(folder: Path, leave: int) -> Path:
    stats = os.statvfs(folder)
    filler = folder / "filler"
    filler.write_bytes(b"\0" * max(0, stats.f_bavail * stats.f_frsize - leave))
    return filler


def assert_clear_store_error(result: subprocess.CompletedProcess[str], db: Path, why: str) -> None:
    assert result.returncode not in (0, None), result.stdout
    assert "Traceback" not in result.stderr, result.stderr
    assert str(db) in result.stderr and why in result.stderr.lower(), result.stderr


def test_full_disk_is_a_clear_error_then_resumes_once_there_is_room(
    disk: Path, tmp_path: Path
) -> None:
    corpus = write_fault_corpus(tmp_path / "corpus")
    db = disk / "news.db"
    open_store(db).close()  # created and migrated while there is room
    filler = fill(disk, ROOM_LEFT)

    result = run(corpus, db)
    assert_clear_store_error(result, db, "full")
    assert integrity(db) == "ok"
    assert count(db, "articles") < 11

    filler.unlink()
    assert run(corpus, db).returncode == 1  # only the two bad inputs fail now
    reference = tmp_path / "reference.db"
    pipeline = Pipeline(reference, batch_size=2)
    pipeline.run([str(corpus)])
    pipeline.store.close()
    assert exported(db, tmp_path / "a") == exported(reference, tmp_path / "b")


def test_read_only_store_is_a_clear_error_and_stays_as_it_was(disk: Path, tmp_path: Path) -> None:
    db = disk / "news.db"
    pipeline = Pipeline(db, batch_size=2)
    pipeline.run([str(write_corpus(tmp_path / "first"))])
    pipeline.store.close()
    before = exported(db, tmp_path / "before")
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)

    more = tmp_path / "more"
    more.mkdir()
    (more / "late.txt").write_text(
        "Late news\n\nThe harbour reopened on Friday after the storm, the port said.\n"
    )
    assert_clear_store_error(run(more, db), db, "read-only")

    subprocess.run(["mount", "-o", "remount,rw", str(disk)], check=True)
    assert integrity(db) == "ok"
    assert exported(db, tmp_path / "after") == before
