"""What one search costs in-process, part by part, A/B between two checkouts' code.

The search page and `/api/search` run one view (`views.search_all`); this times it and its
parts (the store's ranked page with its facet summary and snippets, the same without the
summary, the events and the actors it also lists) and the whole request through the app
(page and API, no network), for common words on a stored ~10,000-article store (as
serve_load.py builds it). Each code version runs in its own process, the versions taking
turns round by round, so a machine loaded by other work slows both alike.

    python benchmarks/search_profile.py --store postgresql://.../crosswire_load \\
        --store /tmp/load.db --src before=/tmp/old/src --src after=src [--rounds 5]

Figures: the median over rounds of each round's median (ms), per store, word and part.
The stores are only read.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
WORDS = ("government", "minister", "police")
REPEATS = 5  # requests per part and round (after one to warm)


def timed(run: Callable[[], object], repeats: int = REPEATS) -> float:
    run()
    spans = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        spans.append((time.perf_counter() - started) * 1000)
    return statistics.median(spans)


def measure(store_path: str, words: list[str]) -> dict[str, dict[str, float]]:
    """One round with the code on this process's path: ms per word and part."""
    from fastapi.testclient import TestClient

    from crosswire.api import create_app
    from crosswire.store import open_store

    store = open_store(store_path, one_request=True)  # as a server's request opens it
    client = TestClient(create_app(store_path), base_url="http://127.0.0.1:8000")
    try:
        return {word: parts(store, client, word) for word in words}
    finally:
        store.close()
        client.close()


def parts(store: Any, client: Any, word: str) -> dict[str, float]:
    from crosswire import views
    from crosswire.views.actors import search_actors
    from crosswire.views.search import search_events

    return {
        "view search_all": timed(lambda: views.search_all(store, word, 20, 0)),
        "store search": timed(lambda: store.search(word, None, 20, 0)),
        "store search, no facets": timed(lambda: store.search(word, None, 20, 0, facets=False)),
        "events": timed(lambda: search_events(store, word, 20, 0)),
        "actors": timed(lambda: search_actors(store, word, 20, 0)),
        "page /search": timed(lambda: client.get(f"/search?q={word}")),
        "api /api/search": timed(lambda: client.get(f"/api/search?q={word}")),
    }


def ab(stores: list[str], sources: dict[str, Path], words: list[str], rounds: int) -> Any:
    """Each source's figures per store, the versions taking turns."""
    runs: dict[str, dict[str, list[dict[str, dict[str, float]]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for k in range(rounds):
        order = list(sources.items()) if k % 2 == 0 else list(sources.items())[::-1]
        for store in stores:
            for label, src in order:
                env = {**os.environ, "PYTHONPATH": str(src.resolve())}
                out = subprocess.run(
                    [sys.executable, __file__, "--measure", store, "--words", *words],
                    env=env, check=True, capture_output=True, text=True,
                )  # fmt: skip
                runs[label][store].append(json.loads(out.stdout))
                print(f"round {k + 1}/{rounds} {label} {store_name(store)}", file=sys.stderr)
    return {
        label: {
            store_name(store): {
                word: {
                    part: round(statistics.median(r[word][part] for r in rounds_), 1)
                    for part in rounds_[0][word]
                }
                for word in words
            }
            for store, rounds_ in by_store.items()
        }
        for label, by_store in runs.items()
    }


def store_name(store: str) -> str:
    """The store without a password: a file name, or the database of a URL."""
    return "postgresql " + store.rsplit("/", 1)[-1] if "://" in store else "sqlite " + store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", action="append", default=[], help="a store URL or path")
    parser.add_argument("--src", action="append", default=[], help="LABEL=PATH of a src dir")
    parser.add_argument("--words", nargs="+", default=list(WORDS))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--measure", help=argparse.SUPPRESS)  # one round, in a child
    parser.add_argument("--name", default="serve_search_profile", help="result file name")
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.words)))
        return
    sources = {s.split("=", 1)[0]: Path(s.split("=", 1)[1]) for s in args.src}
    sources = sources or {"current": ROOT / "src"}
    result = {
        "benchmark": args.name,
        "date": date.today().isoformat(),
        "rounds": args.rounds,
        "repeats_per_round": REPEATS,
        "note": "ms, median of per-round medians; versions alternate; machine shared",
        "figures": ab(args.store, sources, args.words, args.rounds),
    }
    out = ROOT / "benchmarks" / "results" / f"{args.name}.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
