"""The real-page soak run, timed: every page and article under ../shared/bench (extraction
and publication-date pages, the ECB+ story set) through the `crosswire run` command with
the per-article time budget, as tests/soak/test_real_pages.py runs it.

Writes benchmarks/results/soak.json: the wall time, the records read, articles and stories
stored, and the errors by reason (an input error's reason, or a stage's failure).

    python benchmarks/soak.py [--workers N] [--time-budget SECONDS]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from common import ROOT, bench_data, write_result
from crosswire.store import open_store

sys.path.insert(0, str(ROOT))  # the soak test's own corpus and command: one definition
from tests.soak.test_real_pages import (
    PAGE_FOLDERS,
    STORIES,
    soak_command,
    stories_as_input,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--time-budget", type=float, default=60.0)
    args = parser.parse_args()
    bench = bench_data()
    with tempfile.TemporaryDirectory() as folder:
        stories = stories_as_input(bench / STORIES, Path(folder) / "s.jsonl")
        db = Path(folder) / "soak.db"
        command = soak_command(bench, stories, db, args.workers, args.time_budget)
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        store = open_store(db)
        counts, errors = store.counts(), store.errors()
        store.close()
    pages = {f: len(list((bench / f).glob("*.html.gz"))) for f in PAGE_FOLDERS}
    write_result(
        "soak",
        bench,
        {
            "command": "crosswire run PAGES ECBPLUS --workers N --time-budget S --quiet",
            "workers": args.workers,
            "time_budget_s": args.time_budget,
            "seconds": round(seconds, 1),
            "exit_code": done.returncode,
            "traceback": "Traceback" in done.stderr,
            "records": {**pages, "ecbplus": len(stories_lines(bench))},
            "articles": counts.get("articles", 0),
            "stories": counts.get("stories", 0),
            "events": counts.get("events", 0),
            "errors_by_reason": dict(Counter(e.reason for e in errors).most_common()),
        },
    )


def stories_lines(bench: Path) -> list[str]:
    text = (bench / STORIES).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


if __name__ == "__main__":
    main()
