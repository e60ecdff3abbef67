"""ECB+ dev stories as an analyst gets them: the file given to ``crosswire run`` as it is.

`stories_ecb.py` feeds the clusterer the articles with the file's dates, in a chosen order,
from cached analyses. This one runs the whole pipeline the way the CLI does
(`Pipeline.run` over ../shared/bench/stories/ecbplus-dev.jsonl into a fresh SQLite store:
ingest, cleaning with its own date finding, the per-article stages, dedup, clustering,
consolidation at the end of the run) and scores the stories it stores against the gold
stories (BCubed, by article URL). Also: how many stored articles carry a date, how many of
those the file gave, and how many dates disagree with the file's (day precision).

    python benchmarks/stories_ecb_run.py [LABEL]

Results go to benchmarks/results/stories.json under LABEL (default "ecbplus_dev_run"),
the other keys kept.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import bench_data
from crosswire.pipeline import Pipeline
from stories import bcubed
from stories_ecb import save


def gold_rows(path: Path) -> dict[str, dict[str, str | None]]:
    """The file's rows by URL: their gold story and the date the file gives."""
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        rows[row["url"]] = {"cluster": row["cluster"], "date": row.get("date")}
    return rows


def run(path: Path) -> dict[str, object]:
    gold = gold_rows(path)
    with tempfile.TemporaryDirectory() as tmp:
        pipeline = Pipeline(Path(tmp) / "ecb.db")
        started = time.perf_counter()
        report = pipeline.run([str(path)])
        seconds = time.perf_counter() - started
        articles = {a.id: a for a in pipeline.store.articles()}
        story_of = {a: s.id for s in pipeline.store.stories() for a in s.article_ids}
        pipeline.store.close()
    by_url = {a.url: a for a in articles.values() if a.url in gold}
    urls = sorted(by_url)
    dated = [u for u in urls if by_url[u].published]
    given = [u for u in dated if gold[u]["date"]]
    return {
        "articles": len(articles),
        "failed_inputs": report.failed,
        "seconds": round(seconds, 1),
        "bcubed": bcubed(
            [str(gold[u]["cluster"]) for u in urls],
            [story_of.get(by_url[u].id, by_url[u].id) for u in urls],
        ),
        "dated_articles": len(dated),
        "dates_the_file_gives": sum(bool(gold[u]["date"]) for u in urls),
        "dated_where_the_file_gives_one": len(given),
        "dates_differing_from_the_file": sum(
            (by_url[u].published or "")[:10] != (gold[u]["date"] or "")[:10] for u in given
        ),
    }


def main() -> None:
    label = sys.argv[1] if len(sys.argv) > 1 else "ecbplus_dev_run"
    path = bench_data("stories", "ecbplus-dev.jsonl")
    save(label, run(path))


if __name__ == "__main__":
    main()
