"""The server's ingestion worker: each job is analysed in a separate process, so an input
that brings that process down fails its job, and the next job runs in a new process."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from crosswire.pipeline import RunReport
from crosswire.web import jobs
from crosswire.web.jobs import IngestWorker

ARTICLE = {
    "id": "a1",
    "url": "https://example.org/a1",
    "title": "Ministers meet in Oslo",
    "published": "2024-03-04",
    "text": "Norway's foreign minister met his Finnish counterpart in Oslo on Monday.",
}


def crash(*args: object) -> RunReport:
    """Stands in for `jobs.analyse`: the process dies as on an input that kills it."""
    os._exit(3)


def test_a_job_that_kills_the_analysis_process_fails_and_the_next_one_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    worker = IngestWorker(str(tmp_path / "store.db"))
    try:
        monkeypatch.setattr(jobs, "analyse", crash)
        lost = worker.submit_bytes("bad.jsonl", b"{}\n")
        assert worker.wait(timeout=120)
        assert lost.state == "failed"
        assert lost.message is not None and "analysis process stopped" in lost.message
        monkeypatch.undo()
        good = worker.submit_bytes("good.jsonl", (json.dumps(ARTICLE) + "\n").encode())
        assert worker.wait(timeout=300)
        assert (good.state, good.new_articles) == ("done", 1)
    finally:
        worker.stop()
