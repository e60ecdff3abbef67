"""The store on its own, SQLite and PostgreSQL: write rate, full-text search quality and
speed, export time.

Articles: the gold texts of ../shared/bench/extraction (real news pages' main text), written
straight into the store with empty analyses, so the figures time the store and not the NLP.

- Search quality, known-item: every article is looked for with a query made from its own
  first sentence (its QUERY_WORDS longest distinct words); success@1, success@10 and mean
  reciprocal rank of that article among all of them.
- Speed, on a store holding COPIES copies of every article (under new ids): articles
  written per second (transactions of 32), median and 95th-percentile milliseconds per
  search (the known-item queries again), seconds per export format.

PostgreSQL is measured when a server URL is given (``--postgres URL`` or the tests' variable
``CROSSWIRE_TEST_POSTGRES``): a fresh database is created on it and dropped afterwards.

    python benchmarks/storage.py [--copies N] [--postgres URL]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from common import bench_data, write_result
from crosswire.export import export
from crosswire.model import Analysis, Article
from crosswire.store import Store, open_store

QUERY_WORDS = 4
BATCH = 32
FORMATS = ["jsonl", "csv", "parquet"]
WORD = re.compile(r"[^\W\d_]{4,}")


def load_texts(gold_file: Path) -> list[tuple[str, str]]:
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    return [(k, v["articleBody"]) for k, v in sorted(gold.items()) if v["articleBody"].strip()]


def known_item_query(text: str) -> str:
    """The longest distinct words of the first sentence (ties: first seen)."""
    first = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    words = list(dict.fromkeys(w.lower() for w in WORD.findall(first)))
    return " ".join(sorted(words, key=len, reverse=True)[:QUERY_WORDS])


def write_articles(store: Store, texts: list[tuple[str, str]], copies: int) -> float:
    """Write every text `copies` times; returns articles per second."""
    articles = [
        Article(id=f"{key}-{c}", text=text, path=f"{key}.html", title=None, text_hash=key)
        for c in range(copies)
        for key, text in texts
    ]
    started = time.perf_counter()
    for i in range(0, len(articles), BATCH):
        with store.transaction():
            for article in articles[i : i + BATCH]:
                store.add_article(article, Analysis(article_id=article.id))
    return len(articles) / (time.perf_counter() - started)


def search_quality(store: Store, texts: list[tuple[str, str]]) -> dict[str, float]:
    ranks = []
    for key, text in texts:
        hits = [h.article_id for h in store.search_articles(known_item_query(text), limit=10)]
        ranks.append(hits.index(f"{key}-0") + 1 if f"{key}-0" in hits else None)
    n = len(ranks)
    return {
        "queries": n,
        "success_at_1": round(sum(r == 1 for r in ranks) / n, 3),
        "success_at_10": round(sum(r is not None for r in ranks) / n, 3),
        "mrr_at_10": round(sum(1 / r for r in ranks if r) / n, 3),
    }


def search_speed(store: Store, texts: list[tuple[str, str]]) -> dict[str, float]:
    times = []
    for _, text in texts:
        query = known_item_query(text)
        started = time.perf_counter()
        store.search_articles(query, limit=20)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {
        "median_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[int(0.95 * (len(times) - 1))], 2),
    }


def export_seconds(store: Store, out: Path) -> dict[str, float]:
    seconds = {}
    for fmt in FORMATS:
        started = time.perf_counter()
        export(store, fmt, out / fmt)
        seconds[fmt] = round(time.perf_counter() - started, 2)
    return seconds


def measure(open_fresh, texts: list[tuple[str, str]], copies: int, out: Path) -> dict:
    with open_fresh() as store:
        write_articles(store, texts, 1)
        quality = search_quality(store, texts)
    with open_fresh() as store:
        rate = write_articles(store, texts, copies)
        return {
            "search_quality": quality,
            "articles_stored": store.counts()["articles"],
            "writes_per_s": round(rate, 1),
            "search": search_speed(store, texts),
            "export_s": export_seconds(store, out),
        }


def sqlite_opener(folder: Path):
    @contextmanager
    def fresh() -> Iterator[Store]:
        path = folder / f"{uuid.uuid4().hex}.db"
        store = open_store(path)
        try:
            yield store
        finally:
            store.close()

    return fresh


def postgres_opener(server: str):
    import psycopg
    from psycopg import sql

    @contextmanager
    def fresh() -> Iterator[Store]:
        name = f"crosswire_bench_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        store = open_store(urlunsplit(urlsplit(server)._replace(path=f"/{name}")))
        try:
            yield store
        finally:
            store.close()
            with psycopg.connect(server, autocommit=True) as admin:
                drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
                admin.execute(drop.format(sql.Identifier(name)))

    return fresh


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--postgres", default=os.environ.get("CROSSWIRE_TEST_POSTGRES"))
    args = parser.parse_args()
    gold_file = bench_data("extraction", "ground-truth.json")
    texts = load_texts(gold_file)
    figures: dict = {"articles": len(texts), "copies": args.copies}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        figures["sqlite"] = measure(sqlite_opener(folder), texts, args.copies, folder / "x1")
        if args.postgres:
            opener = postgres_opener(args.postgres)
            figures["postgres"] = measure(opener, texts, args.copies, folder / "x2")
        else:
            figures["postgres"] = "not measured: no server URL (--postgres)"
    write_result("storage", gold_file, figures)


if __name__ == "__main__":
    main()
