"""`crosswire batch --partition` end to end on the example corpus, against `crosswire run`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from crosswire.batch.partition import partition_of
from crosswire.cli import main
from crosswire.pipeline import Pipeline
from crosswire.store import Store

pytestmark = pytest.mark.slow


def stories(store: Store) -> set[frozenset[str]]:
    return {frozenset(s.article_ids) for s in store.stories()}


@pytest.mark.parametrize("by", ["month", "week"])
def test_a_partitioned_batch_makes_the_stories_run_makes(
    archive: Path, tmp_path: Path, by: str
) -> None:
    paths = [str(archive / "text"), str(archive / "jsonl"), str(archive / "html")]
    out = tmp_path / "out"
    args = ["batch", *paths, "--engine", "local", "--partition", by, "--out", str(out), "-q"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output  # the broken file is reported, the rest goes on
    assert "broken.txt" in result.output
    single = Pipeline(tmp_path / "one.db")
    single.run(paths)
    store = Pipeline(out / "crosswire.db").store
    assert len({partition_of(a.published, by) for a in store.articles()}) >= 3
    assert store.counts()["articles"] == single.store.counts()["articles"]
    assert stories(store) == stories(single.store)
    assert all(s.brief for s in store.stories())  # every story built
