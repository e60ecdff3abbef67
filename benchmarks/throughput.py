"""Throughput of the whole pipeline against the bare spaCy pass on the same texts.

Texts: the article bodies of ../shared/bench/extraction (real news pages, gold text), fed as
JSONL so the pipeline does its full work (ingest, clean, NLP, actors, times, events, dedup,
clustering, fusion, store). The bare pass is `nlp.pipe` of the same spaCy model over the
same cleaned texts, in the same process. Both run on one process.

    python benchmarks/throughput.py [--limit N]
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from crosswire import nlp
from crosswire.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "bench" / "extraction" / "ground-truth.json"
RESULTS = ROOT / "benchmarks" / "results" / "throughput.json"


def load_texts(limit: int) -> list[dict[str, str]]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    rows = [
        {"text": v["articleBody"], "url": v.get("url") or f"https://bench.example/{k}"}
        for k, v in sorted(gold.items())
    ]
    return [r for r in rows if r["text"].strip()][:limit]


def time_bare_spacy(texts: list[str]) -> float:
    started = time.perf_counter()
    for _ in nlp.parse(texts):
        pass
    return time.perf_counter() - started


def time_pipeline(rows: list[dict[str, str]]) -> tuple[float, int, list[str]]:
    stream = io.StringIO("".join(json.dumps(r) + "\n" for r in rows))
    with tempfile.TemporaryDirectory() as tmp:
        pipeline = Pipeline(Path(tmp) / "bench.db")
        started = time.perf_counter()
        report = pipeline.run(["-"], stdin=stream)
        seconds = time.perf_counter() - started
        articles = list(pipeline.store.articles())
        pipeline.store.close()
    if report.errors:
        print(f"{report.failed} inputs failed: {report.errors[:3]}", file=sys.stderr)
    return seconds, len(articles), [a.text for a in articles]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=200)
    args = parser.parse_args()
    if not GOLD.exists():
        sys.exit(f"benchmark data not found: {GOLD}")
    rows = load_texts(args.limit)
    nlp.load_nlp()  # loading the model and the data tables is not part of either timing
    time_pipeline([{"text": "Warm-up: the French president met the German chancellor in Paris."}])
    pipeline_s, n_articles, cleaned = time_pipeline(rows)
    spacy_s = time_bare_spacy(cleaned)
    words = sum(len(t.split()) for t in cleaned)
    result = {
        "benchmark": "throughput",
        "date": date.today().isoformat(),
        "dataset": str(GOLD.relative_to(ROOT.parent)),
        "articles": n_articles,
        "words": words,
        "processes": 1,
        "pipeline": {
            "seconds": round(pipeline_s, 3),
            "articles_per_s": round(n_articles / pipeline_s, 2),
            "words_per_s": round(words / pipeline_s),
        },
        "bare_spacy": {
            "seconds": round(spacy_s, 3),
            "articles_per_s": round(n_articles / spacy_s, 2),
            "words_per_s": round(words / spacy_s),
        },
        "ratio_pipeline_to_spacy": round(spacy_s / pipeline_s, 3),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
