"""Publication dates of news pages against htmldate's evaluation gold (to the day).

crosswire's `describe()` (which uses htmldate for HTML, with the page URL as a crawler knows
it) and bare htmldate (original date, extensive search) run on the same pages.

    python benchmarks/pubdate.py
"""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Callable
from pathlib import Path

import htmldate

from common import bench_data, write_result
from crosswire.clean import describe
from crosswire.errors import InputError
from crosswire.model import Source


def crosswire_date(html: str, url: str) -> str | None:
    try:
        return describe(Source(path=url, format="html", html=html, url=url)).published
    except InputError:
        return None


def htmldate_date(html: str, url: str) -> str | None:
    try:
        return htmldate.find_date(html, url=url, original_date=True, extensive_search=True)
    except Exception:  # htmldate raises assorted errors on odd pages
        return None


def accuracy(
    find: Callable[[str, str], str | None], pages: list[tuple[str, str, str | None]]
) -> dict[str, float]:
    started = time.perf_counter()
    found = [find(html, url) == gold for html, url, gold in pages]
    seconds = time.perf_counter() - started
    return {
        "accuracy": round(sum(found) / len(found), 4),
        "correct": sum(found),
        "pages_per_s": round(len(found) / seconds, 1),
    }


def load_pages(data: Path) -> list[tuple[str, str, str | None]]:
    gold = json.loads((data / "gold.json").read_text(encoding="utf-8"))
    pages = []
    for url, item in sorted(gold.items()):
        path = data / "html" / item["file"]
        if path.exists():
            raw = path.read_bytes()
            html = (gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw).decode(
                "utf-8", errors="replace"
            )
            # A page labelled NaN has no publication date: None is the right answer there.
            gold_date = item["date"] if isinstance(item["date"], str) else None
            pages.append((html, url, gold_date))
    return pages


def main() -> None:
    data = bench_data("pubdate")
    pages = load_pages(data)
    write_result(
        "pubdate",
        data,
        {
            "pages": len(pages),
            "metric": "share of pages whose publication date is right to the day",
            "crosswire": accuracy(crosswire_date, pages),
            "htmldate_extensive": accuracy(htmldate_date, pages),
        },
    )


if __name__ == "__main__":
    main()
