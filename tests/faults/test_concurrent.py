"""Two `crosswire run`s on one SQLite store at the same time: the store is not corrupted,
and each run either waits for the other's lock or fails with a clear message."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from tests.conftest import write_corpus
from tests.faults.helpers import (
    count,
    environment,
    exported,
    integrity,
    run_command,
    write_fault_corpus,
)

from crosswire.pipeline import Pipeline

pytestmark = pytest.mark.slow


def together(*commands: list[str]) -> list[subprocess.CompletedProcess[str]]:
    processes = [
        subprocess.Popen(c, env=environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
        for c in commands
    ]  # fmt: skip
    results = []
    for command, process in zip(commands, processes, strict=True):
        out, err = process.communicate(timeout=600)
        results.append(subprocess.CompletedProcess(command, process.returncode, out, err))
    return results


def assert_waited_or_failed_clearly(result: subprocess.CompletedProcess[str], ok: int) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    if result.returncode != ok:
        assert result.returncode == 1 and "locked" in result.stderr, result.stderr


def test_two_runs_of_the_same_input_store_it_once(tmp_path: Path) -> None:
    corpus = write_fault_corpus(tmp_path / "corpus")
    db = tmp_path / "shared.db"
    results = together(run_command(corpus, db), run_command(corpus, db))
    for result in results:
        assert_waited_or_failed_clearly(result, ok=1)  # 1: the corpus's two bad inputs
    assert integrity(db) == "ok"
    reference = tmp_path / "reference.db"
    pipeline = Pipeline(reference, batch_size=2)
    pipeline.run([str(corpus)])
    pipeline.store.close()
    assert exported(db, tmp_path / "a") == exported(reference, tmp_path / "b")


def test_two_runs_of_different_inputs_store_both(tmp_path: Path) -> None:
    first = write_corpus(tmp_path / "first")
    second = tmp_path / "second"
    second.mkdir()
    for i, town in enumerate(["Lyon", "Porto", "Graz", "Cork"]):
        (second / f"{town}.txt").write_text(
            f"Fire in {town}\n\n{i + 1}.06.2023\n\nA fire destroyed a warehouse in {town} on"
            " Sunday night, the fire brigade said. Nobody was hurt.\n"
        )
    db = tmp_path / "shared.db"
    results = together(run_command(first, db), run_command(second, db))
    for result in results:
        assert_waited_or_failed_clearly(result, ok=0)
    assert integrity(db) == "ok"
    stored = [r for r in results if r.returncode == 0]  # a run may fail on the other's lock
    assert stored, "neither run stored its corpus"
    expected = sum(3 if r.args[4] == str(first) else 4 for r in stored)
    # each corpus holds at least one story; the two share none (different towns and days)
    assert count(db, "articles") >= expected and count(db, "stories") >= len(stored)
