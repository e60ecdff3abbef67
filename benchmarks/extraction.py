"""HTML main-text extraction against the article-extraction-benchmark gold.

Metric (as the benchmark's evaluate.py computes it): per page, word tokens (case kept),
4-token shingles counted as a multiset, TP/FP/FN normalised per page; precision is averaged
over pages with a prediction, recall over pages with gold text, and F1 is the harmonic mean
of the two averages. An exact match (no FP, no FN) scores 1. crosswire's `describe()` and bare
trafilatura (favor_precision) run on the same pages in the same process.

    python benchmarks/extraction.py
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura

from common import bench_data, write_result
from crosswire.clean import describe
from crosswire.errors import InputError
from crosswire.model import Source

WORD = re.compile(r"\w+", re.UNICODE)
Counts = tuple[float, float, float]  # true positives, false positives, false negatives


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    """Word 4-grams as a multiset; a text shorter than 4 words is one short shingle."""
    tokens = WORD.findall(text)
    return Counter(
        tuple(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1)) if tokens
    )


def page_counts(predicted: str, gold: str) -> Counts:
    """Shingle TP/FP/FN of one page, normalised to sum 1 so that every page weighs the same."""
    pred, true = shingles(predicted), shingles(gold)
    tp = sum((pred & true).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def macro(counts: list[Counts]) -> dict[str, float]:
    """Mean precision over pages with a prediction, mean recall over pages with gold text,
    F1 of those two means: the benchmark's own aggregation."""
    p = statistics.mean(precision(*c) for c in counts if c[0] + c[1] > 0)
    r = statistics.mean(recall(*c) for c in counts if c[0] + c[2] > 0)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4)}


def crosswire_text(html: str, url: str) -> str:
    try:
        return describe(Source(path=url, format="html", html=html, url=url)).text
    except InputError:
        return ""


def trafilatura_text(html: str, url: str) -> str:
    return trafilatura.extract(html, url=url, favor_precision=True) or ""


def score(
    extract: Callable[[str, str], str], pages: list[tuple[str, str, str]]
) -> dict[str, float]:
    started = time.perf_counter()
    counts = [page_counts(extract(html, url), gold) for html, url, gold in pages]
    seconds = time.perf_counter() - started
    return {**macro(counts), "pages_per_s": round(len(counts) / seconds, 1)}


def load_pages(data: Path) -> list[tuple[str, str, str]]:
    gold = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id, item in sorted(gold.items()):
        path = data / "html" / f"{page_id}.html.gz"
        if path.exists():
            html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
            pages.append((html, item.get("url") or "", item["articleBody"]))
    return pages


def main() -> None:
    data = bench_data("extraction")
    pages = load_pages(data)
    write_result(
        "extraction",
        data,
        {
            "pages": len(pages),
            "metric": "macro F1 over 4-token shingles (article-extraction-benchmark)",
            "crosswire": score(crosswire_text, pages),
            "trafilatura_favor_precision": score(trafilatura_text, pages),
        },
    )


if __name__ == "__main__":
    main()
