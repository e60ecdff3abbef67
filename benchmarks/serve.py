"""Response times of the REST API and the web pages on a store of real articles.

Store: the example corpus, the two seed articles and the gold texts of
../shared/bench/extraction (real news, as JSONL), run through the whole pipeline. Then each
endpoint and page is requested REPEAT times in process (FastAPI's test client, no network)
for the largest story, its best-supported event, its most frequent actor and an article;
the figures are median and 95th-percentile milliseconds per request.

    python benchmarks/serve.py [--limit N] [--repeat R]
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from common import ROOT, SHARED, bench_data, write_result
from crosswire.api import create_app
from crosswire.pipeline import Pipeline


def build(db: Path, gold_file: Path, limit: int) -> int:
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    rows = [
        {"text": v["articleBody"], "url": v.get("url") or f"https://bench.example/{k}"}
        for k, v in sorted(gold.items())
        if v["articleBody"].strip()
    ][:limit]
    stream = io.StringIO("".join(json.dumps(r) + "\n" for r in rows))
    pipeline = Pipeline(db)
    pipeline.run([str(ROOT / "examples" / "corpus"), str(SHARED / "seeds")])
    report = pipeline.run(["-"], stdin=stream)
    count = pipeline.store.counts()["articles"]
    pipeline.store.close()
    assert report.ok, report.errors
    return count


def targets(client: TestClient) -> dict[str, str]:
    story = client.get("/api/stories", params={"sort": "size", "limit": 1}).json()["items"][0]
    detail = client.get(f"/api/stories/{story['id']}").json()
    event = max(detail["events"], key=lambda e: e["n_sources"])
    actor = story["top_actors"][0]
    article = detail["articles"][0]["id"]
    alias = actor["name"].split()[-1]
    return {
        "api stories": "/api/stories",
        "api story": f"/api/stories/{story['id']}",
        "api events": "/api/events?limit=100",
        "api event": f"/api/events/{event['id']}",
        "api actor search": f"/api/actors?q={alias}",
        "api actor": f"/api/actors/{actor['entity_id']}",
        "api article": f"/api/articles/{article}",
        "api search": f"/api/search?q={alias}",
        "page home": "/",
        "page story": f"/stories/{story['id']}",
        "page event": f"/events/{event['id']}",
        "page actor": f"/actors/{actor['entity_id']}",
        "page article": f"/articles/{article}",
        "page search": f"/search?q={alias}",
    }


def timed(client: TestClient, path: str, repeat: int) -> dict[str, float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return {"median_ms": round(statistics.median(times), 1), "p95_ms": round(p95, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=90, help="bench articles to add")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    gold_file = bench_data("extraction", "ground-truth.json")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "serve.db"
        articles = build(db, gold_file, args.limit)
        with TestClient(create_app(str(db))) as client:
            counts = client.get("/api/stats").json()["counts"]
            figures = {path_name: timed(client, path, args.repeat)
                       for path_name, path in targets(client).items()}  # fmt: skip
    slowest = max(figures, key=lambda k: figures[k]["median_ms"])
    write_result(
        "serve",
        gold_file.parent,
        {
            "articles": articles,
            "stories": counts["stories"],
            "events": counts["events"],
            "repeat": args.repeat,
            "requests": figures,
            "slowest": slowest,
        },
    )


if __name__ == "__main__":
    main()
