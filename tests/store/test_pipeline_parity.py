"""The whole pipeline on the example corpus gives the same export on PostgreSQL as on SQLite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import REPO

from crosswire.export import export_jsonl
from crosswire.pipeline import Pipeline

pytestmark = pytest.mark.slow


def run_and_export(url: str, out: Path) -> dict[str, list[dict]]:
    pipeline = Pipeline(url)
    report = pipeline.run([str(REPO / "examples" / "corpus")])
    assert report.new_articles > 0
    files = export_jsonl(pipeline.store, out)
    hits = [h.article_id for h in pipeline.store.search_articles("minister")]
    pipeline.store.close()
    tables = {
        n: [json.loads(line) for line in p.read_text().splitlines()] for n, p in files.items()
    }
    return {**tables, "search": [{"ids": sorted(hits)}]}


def test_postgres_store_exports_what_sqlite_does(postgres_url: str, tmp_path: Path) -> None:
    on_sqlite = run_and_export(str(tmp_path / "x.db"), tmp_path / "sqlite")
    on_postgres = run_and_export(postgres_url, tmp_path / "postgres")
    assert on_sqlite["events"] and on_sqlite["stories"]
    for table in on_sqlite:
        assert on_postgres[table] == on_sqlite[table], table
