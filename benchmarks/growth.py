"""Growth of the cross-article stages, and the partitioned batch against the sequential one.

The corpus is ECB+ dev's real per-article analyses replayed as many worlds
(growth_corpus.py says how); the NLP pass is per article and linear, so only the
cross-article stages run here, on a SQLite store, as `Pipeline.commit` runs them: each
batch of 32 stored in one transaction and cross-checked in it, then `finish`
(consolidation, the stale stories rebuilt by 2 worker processes, as `batch --workers 2`).

Parts (each size or mode in a fresh process; figures to results/growth.json, the load
average recorded with each, since the machine is shared):
  growth     sizes (default 1000,10000): seconds in dedup, clustering, consolidation and
             story builds (fusion, brief), the store's writes apart; the driver's resident
             memory along the run and at its peak. Goals: 10x articles <= 11x time of the
             cross-article stages; the driver's memory flat.
  partition  one size (default 10000), run back to back: sequential (``batch``),
             ``batch --partition month`` with 1 and with 2 worker processes: seconds of the
             cross-article stages, and BCubed agreement of the partitioned stories with the
             sequential ones. Goals: agreement >= 0.98; 2 workers >= 1.6x faster than 1.
             Also the sequential batch over the articles in the order the partitioned one
             takes them (month by month, input order within each: the corpus is read world
             after world, so a month holds several worlds' articles), and the agreement
             of each run with it: what partitioning changes apart from the order of
             reading (the sequential stories depend on the order: docs/stories.md).

    python benchmarks/growth.py growth [--sizes 1000,10000,100000]
    python benchmarks/growth.py partition [--n 10000]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from functools import wraps
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT
from crosswire import crosscheck
from crosswire.batch.partition import PartitionedCrossCheck, partition_of
from crosswire.batch.pool import chunks, ordered_map
from crosswire.crosscheck import CrossCheck
from crosswire.pipeline import warm_up
from crosswire.store import open_store
from crosswire.stories.cluster import StoryClusterer
from crosswire.stories.dedup import DuplicateIndex
from crosswire.story_build import Built, StoryWork, build_work
from growth_corpus import bases, corpus

RESULT = ROOT / "benchmarks" / "results" / "growth.json"
BATCH = 32
WORKERS = 2  # the story builds at the end, as `batch --workers 2`
SAMPLES = 10  # resident memory read this many times along a run
MONTH_ORDER = "sequential-month-order"  # sequential, the articles sorted by month


def _kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise OSError(f"no {field} in /proc/self/status")


def _reset_peak() -> None:
    Path("/proc/self/clear_refs").write_text("5")  # VmHWM back to the current RSS


class Timers:
    """Seconds spent in some methods, wrapped in place (this process only)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def wrap(self, owner: Any, name: str, label: str) -> None:
        method = getattr(owner, name)

        @wraps(method)
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                self.seconds[label] += time.perf_counter() - started

        setattr(owner, name, timed)


def build_map(workers: int) -> Callable[[Iterable[StoryWork]], Iterator[Built]]:
    def built(work: Iterable[StoryWork]) -> Iterator[Built]:
        return ordered_map(build_work, work, workers, warm_up=warm_up)

    return built


def run_one(n: int, mode: str, workers: int, out: Path | None = None) -> dict[str, Any]:
    """One run of the cross-article stages over `n` articles of the corpus."""
    base = bases()
    _reset_peak()
    rss_start = _kib("VmRSS")
    timers = Timers()
    timers.wrap(DuplicateIndex, "add", "dedup")
    timers.wrap(StoryClusterer, "add", "clustering")
    timers.wrap(StoryClusterer, "place", "replay")
    timers.wrap(StoryClusterer, "consolidate", "consolidation")
    timers.wrap(crosscheck, "build_work", "story_builds_by_the_driver")
    timers.wrap(CrossCheck, "finish", "finish_consolidation_and_builds")
    timers.wrap(PartitionedCrossCheck, "_partitioned", "finish_partitions_and_replay")
    timers.wrap(PartitionedCrossCheck, "_stitch", "finish_stitch")
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "growth.db")
        check = (
            CrossCheck(store, BATCH)
            if mode in ("sequential", MONTH_ORDER)
            else PartitionedCrossCheck(store, BATCH, by=mode, workers=workers)
        )
        gold: dict[str, str] = {}
        cross = store_s = 0.0
        rss: list[list[int]] = []
        every = max(1, n // BATCH // SAMPLES)
        articles: Iterable[tuple[Any, str]] = corpus(n, base)
        if mode == MONTH_ORDER:  # the order a month-partitioned batch takes them in
            articles = sorted(articles, key=lambda a: partition_of(a[0].article.published, "month"))
        for i, batch in enumerate(chunks(articles, BATCH)):
            started = time.perf_counter()
            with store.transaction():
                for item, story in batch:
                    store.add_article(item.article, item.analysis)
                    gold[item.article.id] = story
                stored = time.perf_counter()
                check.add([item for item, _ in batch])
            cross += time.perf_counter() - stored
            store_s += stored - started
            if i % every == 0:
                rss.append([i * BATCH, _kib("VmRSS") // 1024])
        started = time.perf_counter()
        changes = check.finish(build_map(workers))
        finish = time.perf_counter() - started
        found = {a: s.id for s in store.stories() for a in s.article_ids}
        rss.append([n, _kib("VmRSS") // 1024])
        if out is not None:
            out.write_text(json.dumps({"found": found, "gold": gold}))
        store.close()
    return {
        "articles": n,
        "mode": mode,
        "workers": workers,
        "cross_article_s": round(cross + finish, 2),
        "during_batches_s": round(cross, 2),
        "finish_s": round(finish, 2),
        "store_writes_s": round(store_s, 2),
        "stage_s": {k: round(v, 2) for k, v in sorted(timers.seconds.items())},
        "stories": len(set(found.values())),
        "failures": len(changes.failures),
        "driver_rss_mib": {"start": rss_start // 1024, "along": rss},
        "driver_peak_rss_mib": _kib("VmHWM") // 1024,
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def _child(n: int, mode: str, workers: int, out: Path | None = None) -> dict[str, Any]:
    """`run_one` in a fresh process (its memory its own)."""
    args = [sys.executable, __file__, "one", "--n", str(n), "--mode", mode]
    args += ["--workers", str(workers)] + (["--out", str(out)] if out else [])
    done = subprocess.run(args, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def growth(sizes: list[int], label: str = "growth") -> dict[str, Any]:
    """Each size in turn, the figures so far saved under `label` after each (a long size
    that does not finish leaves the shorter ones measured)."""
    runs: list[dict[str, Any]] = []
    for n in sizes:
        runs.append(_child(n, "sequential", WORKERS))
        figures = {"runs": runs, "steps": _steps(runs)}
        if len(runs) < len(sizes):
            save(label, {**figures, "unfinished": sizes[len(runs) :]})
    return figures


def _steps(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "from": a["articles"],
            "to": b["articles"],
            "articles_x": round(b["articles"] / a["articles"], 1),
            "time_x": round(b["cross_article_s"] / a["cross_article_s"], 2),
            "peak_rss_x": round(b["driver_peak_rss_mib"] / a["driver_peak_rss_mib"], 2),
        }
        for a, b in itertools.pairwise(runs)
    ]


def bcubed(gold: dict[str, str], found: dict[str, str]) -> dict[str, float]:
    """BCubed of `found` against `gold` (article -> cluster), over the articles of both."""
    ids = sorted(gold.keys() & found.keys())
    members: dict[str, dict[str, set[str]]] = {"g": defaultdict(set), "f": defaultdict(set)}
    for a in ids:
        members["g"][gold[a]].add(a)
        members["f"][found[a]].add(a)
    precision = recall = 0.0
    for a in ids:
        shared = len(members["g"][gold[a]] & members["f"][found[a]])
        precision += shared / len(members["f"][found[a]])
        recall += shared / len(members["g"][gold[a]])
    p, r = precision / len(ids), recall / len(ids)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4)}


def partition(n: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        modes = [("sequential", WORKERS), (MONTH_ORDER, WORKERS), ("month", 1), ("month", 2)]
        runs = [_child(n, m, w, Path(folder) / f"{m}-{w}.json") for m, w in modes]
        stories = [json.loads((Path(folder) / f"{m}-{w}.json").read_text()) for m, w in modes]
    sequential, in_month_order = stories[0]["found"], stories[1]["found"]
    for run, found in zip(runs, stories, strict=True):
        run["bcubed_vs_sequential"] = bcubed(sequential, found["found"])
        run["bcubed_vs_sequential_month_order"] = bcubed(in_month_order, found["found"])
        run["bcubed_vs_ecb_gold"] = bcubed(found["gold"], found["found"])
    one, two = runs[2]["cross_article_s"], runs[3]["cross_article_s"]
    return {
        "runs": runs,
        "two_workers_speedup_over_one": round(one / two, 2),
        "two_workers_speedup_over_sequential": round(runs[0]["cross_article_s"] / two, 2),
    }


def save(part: str, figures: dict[str, Any]) -> None:
    result = json.loads(RESULT.read_text(encoding="utf-8")) if RESULT.exists() else {}
    result.update(
        {
            "benchmark": "growth",
            "dataset": "shared/bench/stories/ecbplus-dev.jsonl analyses, replayed as worlds"
            " (benchmarks/growth_corpus.py)",
            "machine": f"{os.cpu_count()} cores of a shared virtual machine, loaded by other"
            " work (load average recorded with each run)",
        }
    )
    result[part] = figures
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({part: figures}, indent=2))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("part", choices=["growth", "partition", "one"])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--mode", default="sequential")
    parser.add_argument("--workers", type=int, default=WORKERS)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--label", help="keep the figures under this key instead")
    args = parser.parse_args()
    if args.part == "one":
        print(json.dumps(run_one(args.n, args.mode, args.workers, args.out)))
    elif args.part == "growth":
        label = args.label or "growth"
        save(label, growth([int(s) for s in args.sizes.split(",")], label))
    else:
        save(args.label or "partition", partition(args.n))


if __name__ == "__main__":
    main()
