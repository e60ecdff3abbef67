"""HTML main-text extraction against the article-extraction-benchmark gold.

Metric (the benchmark's own): per page, lower-cased word tokens, 4-token shingles counted as
a multiset; precision = |pred ∩ gold| / |pred|, recall = |pred ∩ gold| / |gold|, F1; then the
macro average over pages (both empty: 1; one empty: 0). crosswire's `describe()` and bare
trafilatura (favor_precision) run on the same pages in the same process.

    python benchmarks/extraction.py
"""

from __future__ import annotations

import gzip
import json
import re
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


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    tokens = WORD.findall(text.lower())
    return Counter(tuple(tokens[i : i + size]) for i in range(max(0, len(tokens) - size + 1)))


def prf(predicted: str, gold: str) -> tuple[float, float, float]:
    pred, true = shingles(predicted), shingles(gold)
    if not pred and not true:
        return 1.0, 1.0, 1.0
    if not pred or not true:
        return 0.0, 0.0, 0.0
    common = sum((pred & true).values())
    precision, recall = common / sum(pred.values()), common / sum(true.values())
    f1 = 2 * precision * recall / (precision + recall) if common else 0.0
    return precision, recall, f1


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
    scores = [prf(extract(html, url), gold) for html, url, gold in pages]
    seconds = time.perf_counter() - started
    n = len(scores)
    return {
        "precision": round(sum(s[0] for s in scores) / n, 4),
        "recall": round(sum(s[1] for s in scores) / n, 4),
        "f1": round(sum(s[2] for s in scores) / n, 4),
        "pages_per_s": round(n / seconds, 1),
    }


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
