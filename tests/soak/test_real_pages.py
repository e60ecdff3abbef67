"""Every real page and article we have (../shared/bench: the extraction and publication-date
pages, the ECB+ story set) through the real `crosswire run` command with the time budget:
no article may overrun it, no stage may fail, nothing may end in a traceback, and every
record is either stored or reported as unreadable. The run's time is printed (the figure
itself lives in benchmarks/soak.py's results, not in an assertion)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.conftest import SHARED

from crosswire.store import open_store

pytestmark = pytest.mark.slow

BENCH = SHARED / "bench"
PAGE_FOLDERS = ("extraction/html", "pubdate/html")
STORIES = "stories/ecbplus-dev.jsonl"
BUDGET_S = 60
# Reasons that mean a stage went wrong, not that an input was unreadable
STAGE_FAILURES = (
    "analysis took longer than",
    "analysis failed:",
    "cross-checking failed:",
    "story build failed:",
)


def _bench() -> Path:
    if not BENCH.exists():
        if os.environ.get("CI"):
            pytest.fail(f"CI needs the shared benchmark data at {BENCH}")
        pytest.skip(f"shared benchmark data not found at {BENCH} (only CI and developers have it)")
    return BENCH


def stories_as_input(source: Path, out: Path) -> Path:
    """The ECB+ set as crosswire JSONL: its `date` is the article's publication date (so
    times such as "over the weekend" resolve against it, as they did when ECB+ broke runs)."""
    with source.open(encoding="utf-8") as rows, out.open("w", encoding="utf-8") as written:
        for line in rows:
            row = json.loads(line)
            record = {"text": row["text"], "title": row.get("title"), "url": row.get("url")}
            written.write(json.dumps({**record, "published": row.get("date")}) + "\n")
    return out


def count_records(bench: Path, stories: Path) -> int:
    pages = sum(len(list((bench / folder).glob("*.html.gz"))) for folder in PAGE_FOLDERS)
    return pages + sum(1 for line in stories.open(encoding="utf-8") if line.strip())


def soak_command(
    bench: Path, stories: Path, db: Path, workers: int = 2, budget: float = BUDGET_S
) -> list[str]:
    """The `crosswire run` of every real page and the ECB+ articles (benchmarks/soak.py
    times the same command)."""
    return [
        sys.executable, "-m", "crosswire.cli", "run",
        *(str(bench / folder) for folder in PAGE_FOLDERS), str(stories),
        "--db", str(db), "--workers", str(workers), "--time-budget", str(budget), "--quiet",
    ]  # fmt: skip


def test_every_real_page_runs_to_the_end_within_the_budget(tmp_path: Path) -> None:
    bench = _bench()
    stories = stories_as_input(bench / STORIES, tmp_path / "ecbplus.jsonl")
    db = tmp_path / "soak.db"
    command = soak_command(bench, stories, db)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    seconds = time.perf_counter() - started
    print(f"soak: {count_records(bench, stories)} records in {seconds:.0f} s")
    assert "Traceback" not in done.stderr, done.stderr[-4000:]
    store = open_store(db)
    try:
        counts = store.counts()
        errors = store.errors()
    finally:
        store.close()
    failed = [str(e) for e in errors if any(r in e.reason for r in STAGE_FAILURES)]
    assert failed == []
    assert done.returncode == (1 if errors else 0), done.stderr[-4000:]
    assert counts["articles"] + len(errors) == count_records(bench, stories)
    assert counts["stories"] > 0
