"""`crosswire batch --engine ray` on a local Ray instance: the same store as `crosswire run`.

Ray is slow to start on a small machine, so one instance serves the whole module.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.batch.conftest import exported
from tests.batch.test_streaming import RECORDS, write_warc

from crosswire.batch import ray_job
from crosswire.batch.ray_job import RayOptions, _records, _rows, run_on_ray
from crosswire.cli import main
from crosswire.pipeline import Pipeline, RunReport, chunks, piece_size

pytestmark = pytest.mark.slow

try:
    import pyarrow.parquet as pq
    import ray
except ImportError:  # pragma: no cover - the dev install has the ray extra
    if os.environ.get("CI"):
        raise
    pytest.skip("Ray is not installed (pip install -e '.[ray]')", allow_module_level=True)


BATCH = 4  # small batches: several in flight, the repost far from its original


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray.init(num_cpus=3, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def counts(report: RunReport) -> tuple[int, int, int, int]:
    return report.read, report.new_articles, report.skipped, report.failed


def test_one_archive_is_read_as_pieces_each_a_block_so_every_actor_gets_work(
    local_ray: None, tmp_path: Path
) -> None:
    archive = write_warc(tmp_path / "archive.warc.gz")  # one file, RECORDS pages
    blocks = _records([str(archive)], batch_size=32).materialize()
    tables = blocks.iter_batches(batch_size=None, batch_format="pyarrow")
    pieces = [piece for table in tables for piece in _rows(table, "items")]
    assert [len(p) for p in pieces] == [len(p) for p in chunks(range(RECORDS), piece_size(32))]
    # a block goes to one actor whole: one 128 MiB block (Ray's default) would feed only one
    assert blocks.num_blocks() == len(pieces)


def test_ray_batch_stores_what_run_stores(
    local_ray: None, archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ray_job, "ACTOR_BUILD_MIN_ARTICLES", 1)  # stale stories on actors
    paths = [str(archive), str(tmp_path / "missing.warc.gz")]
    local = Pipeline(tmp_path / "local.db", batch_size=BATCH)
    expected = local.run(paths)
    distributed = Pipeline(tmp_path / "ray.db", batch_size=BATCH)
    seen: list[int] = []
    report = run_on_ray(distributed, paths, RayOptions(workers=2), lambda r: seen.append(r.read))
    assert counts(report) == counts(expected)
    assert [str(e) for e in report.errors] == [str(e) for e in expected.errors]
    assert report.failed == 2  # the binary file and the missing path
    # stories left stale by the batches were built by the actors at the end
    assert report.stories_rebuilt == expected.stories_rebuilt > 0
    assert exported(distributed.store, tmp_path / "r") == exported(local.store, tmp_path / "l")
    assert seen == sorted(seen) and seen[-1] == report.read and len(seen) > 3


def test_restarted_batch_skips_stored_articles(
    local_ray: None, archive: Path, tmp_path: Path
) -> None:
    whole = Pipeline(tmp_path / "whole.db", batch_size=BATCH)
    whole.run([str(archive)])
    resumed = Pipeline(tmp_path / "resumed.db", batch_size=BATCH)
    # as if a batch had been killed after its WARC and JSONL records were stored
    part = resumed.run([str(archive / "jsonl"), str(archive / "warc")])
    report = run_on_ray(resumed, [str(archive)], RayOptions(workers=2))
    assert report.skipped == part.new_articles + 1  # and the repost
    assert report.new_articles + part.new_articles == whole.store.counts()["articles"]
    assert whole.store.counts() == resumed.store.counts()
    assert {a.id for a in resumed.store.articles()} == {a.id for a in whole.store.articles()}


def test_cli_batch_writes_parquet(local_ray: None, archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["batch", str(archive / "warc"), str(archive / "jsonl"), "--out", str(out), "-q"]
    )
    assert result.exit_code == 0, result.output
    store = Pipeline(out / "crosswire.db").store
    tables = exported(store, tmp_path / "jsonl")
    assert len(tables["articles"]) > 5
    for name, rows in tables.items():
        assert pq.read_metadata(out / f"{name}.parquet").num_rows == len(rows), name
    articles = pq.read_table(out / "articles.parquet").to_pylist()
    assert [a["id"] for a in articles] == [a["id"] for a in tables["articles"]]
