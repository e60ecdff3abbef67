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
from pathlib import Path

from common import bench_data, write_result
from crosswire import nlp
from crosswire.pipeline import Pipeline


def load_texts(gold_file: Path, limit: int) -> list[dict[str, str]]:
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
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
    gold_file = bench_data("extraction", "ground-truth.json")
    rows = load_texts(gold_file, args.limit)
    nlp.load_nlp()  # loading the model and the data tables is not part of either timing
    time_pipeline([{"text": "Warm-up: the French president met the German chancellor in Paris."}])
    pipeline_s, n_articles, cleaned = time_pipeline(rows)
    spacy_s = time_bare_spacy(cleaned)
    words = sum(len(t.split()) for t in cleaned)
    write_result(
        "throughput",
        gold_file,
        {
            "articles": n_articles,
            "words": words,
            "processes": 1,
            "pipeline": _rates(pipeline_s, n_articles, words),
            "bare_spacy": _rates(spacy_s, n_articles, words),
            "ratio_pipeline_to_spacy": round(spacy_s / pipeline_s, 3),
        },
    )


def _rates(seconds: float, articles: int, words: int) -> dict[str, float]:
    return {
        "seconds": round(seconds, 3),
        "articles_per_s": round(articles / seconds, 2),
        "words_per_s": round(words / seconds),
    }


if __name__ == "__main__":
    main()
