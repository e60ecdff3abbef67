"""kill -9 at random points of `crosswire run` and `crosswire batch`, again and again, then
one run to the end: the store must equal an uninterrupted run's (issue 7 item 5)."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import random
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from tests.faults.helpers import (
    count,
    environment,
    exported,
    integrity,
    run,
    run_command,
    write_fault_corpus,
)

from crosswire.pipeline import Pipeline

pytestmark = pytest.mark.slow

SEED = 20260407
# Tries at landing a kill mid-run before the test gives up (the corpus is small and a quiet
# machine may store it all before a kill arrives)
ATTEMPTS = 4
# (command, its options, kill rounds): Ray is slow to start, so it gets fewer rounds
JOBS = {
    "run": ("run", (), 4),
    "batch-local": ("batch", ("--engine", "local", "--workers", "2"), 3),
    "batch-ray": ("batch", ("--engine", "ray", "--workers", "2"), 2),
}


def stored(db: Path) -> int:
    try:
        return count(db, "articles") if db.exists() else 0
    except sqlite3.OperationalError:  # not migrated yet, or locked for a moment
        return 0


def kill_at_random(
    command: list[str], db: Path, rng: random.Random, by_count: bool = False, eager: bool = False
) -> tuple[str, int]:
    """Start a run and kill -9 it: either after a random time (so it may die while starting,
    migrating or parsing) or a random moment after a random number of articles is stored
    (so it dies inside a later batch). Returns when it died and how many articles were
    stored then. `by_count` forces the second kind; `eager` kills the moment the count is
    reached (a fast machine may otherwise finish the small corpus within the delay)."""
    # a session of its own, so that the kill takes its worker processes too, as a crash would
    process = subprocess.Popen(command, env=environment(), start_new_session=True)
    target = stored(db) + rng.randint(1, 4)
    by_time = rng.random() < 0.4 and not by_count
    delay = rng.uniform(0.2, 4.0) if by_time else rng.uniform(0.0, 0.4)
    if eager:
        by_time, delay = False, 0.0
    deadline = time.monotonic() + (delay if by_time else 300)
    while time.monotonic() < deadline and process.poll() is None:
        if not by_time and stored(db) >= target:
            time.sleep(delay)
            break
        time.sleep(0.02)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    where = f"after {delay:.1f}s" if by_time else f"{delay:.2f}s after {target} articles"
    return where, stored(db)


@pytest.mark.parametrize("job", list(JOBS))
def test_repeated_kill_9_then_resume_equals_an_uninterrupted_run(tmp_path: Path, job: str) -> None:
    name, options, rounds = JOBS[job]
    if job == "batch-ray" and importlib.util.find_spec("ray") is None and not os.environ.get("CI"):
        pytest.skip("Ray is not installed (pip install -e '.[ray]')")
    corpus = write_fault_corpus(tmp_path / "corpus")
    command = run_command(corpus, tmp_path / "killed.db", *options, command=name)
    reference = tmp_path / "reference.db"
    pipeline = Pipeline(reference, batch_size=2)  # the same batches as the command below
    report = pipeline.run([str(corpus)])
    pipeline.store.close()
    assert report.failed == 2 and report.new_articles == 11  # one file is a copy
    total = count(reference, "articles")

    rng = random.Random(SEED)
    db = tmp_path / "killed.db"
    # the last kill always lands after some articles are stored, whatever the first ones did
    history: list[tuple[str, int]] = []
    for attempt in range(ATTEMPTS):
        eager = attempt > 0
        history += [kill_at_random(command, db, rng, i == rounds - 1, eager) for i in range(rounds)]
        if any(0 < n < total for _, n in history):
            break
        for leftover in db.parent.glob(db.name + "*"):  # every kill came too late: again
            leftover.unlink()
    assert any(0 < n < total for _, n in history), f"no kill landed mid-run: {history}"
    assert integrity(db) == "ok"

    finished = run(corpus, db, *options, command=name)
    assert finished.returncode == 1, finished.stderr  # the same two bad inputs, no crash
    assert integrity(db) == "ok"
    assert exported(db, tmp_path / "resumed") == exported(reference, tmp_path / "ref"), history
    assert count(db, "errors") == count(reference, "errors") == 2
