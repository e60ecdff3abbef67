"""`run --workers N`: the store is the one a single-process run makes from the same input."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.batch.conftest import exported

from crosswire.cli import main
from crosswire.pipeline import Pipeline, RunReport

pytestmark = pytest.mark.slow


def counts(report: RunReport) -> tuple[int, int, int, int]:
    return report.read, report.new_articles, report.skipped, report.failed


def test_two_workers_store_what_one_process_stores(archive: Path, tmp_path: Path) -> None:
    # small batches, so several are in flight at once and the repost lands in another one
    single = Pipeline(tmp_path / "one.db", batch_size=4)
    one = single.run([str(archive)])
    parallel = Pipeline(tmp_path / "two.db", batch_size=4, workers=2)
    two = parallel.run([str(archive)])
    assert counts(two) == counts(one)
    assert one.skipped == 1 and one.failed == 1 and one.new_articles > 10
    assert two.stories_rebuilt == one.stories_rebuilt > 0  # built by the workers at the end
    assert [str(e) for e in two.errors] == [str(e) for e in one.errors]
    stored = exported(parallel.store, tmp_path / "two")
    assert stored == exported(single.store, tmp_path / "one")
    assert parallel.store.counts() == single.store.counts()
    again = parallel.run([str(archive)])  # a second parallel run finds everything stored
    assert again.new_articles == 0 and again.skipped == one.new_articles + one.skipped
    assert exported(parallel.store, tmp_path / "again") == stored


def test_cli_batch_with_local_workers(archive: Path, tmp_path: Path) -> None:
    paths = [str(archive / "text"), str(archive / "jsonl")]
    out = tmp_path / "out"
    args = ["batch", *paths, "--engine", "local", "--workers", "2", "--out", str(out), "-q"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output  # the broken file is reported
    assert "broken.txt" in result.output and "binary" in result.output
    single = Pipeline(tmp_path / "one.db")
    single.run(paths)
    store = Pipeline(out / "crosswire.db").store
    assert exported(store, tmp_path / "b") == exported(single.store, tmp_path / "s")
    assert (out / "articles.parquet").exists()
