"""The actor knowledge base's cost: load time and memory of the shipped KB, the cost of one
lookup and of the phrase matcher, and what the KB adds to the actors stages.

Load: a fresh process imports crosswire.kb and loads the KB (the imports it shares with the
actors stage counted apart); then the Factbook's nationality forms the countries lookup
needs, which the KB's file carries (``demonyms_s``). Memory: tracemalloc's peak over the
load. Lookups: the names of the PLOVER gold actors
(../shared/bench/events/plover-gsr.jsonl), resolved on a day, as the stage asks
(`resolve_as`) and as `crosswire actor` does (`resolve`, office phrases too); the phrase
matcher over the article bodies below. The stage timing is noisy on a shared machine: rerun
it before reading much into a few percent.
Stage: the actors stages (up to ``quotes``) on the news bodies of
../shared/bench/extraction/ground-truth.json, with the KB on and with it switched off
(phrase matcher returning nothing, lookups answering None), alternated, best of seven, in CPU time.
Goal: the KB adds at most 10% to the stages. The figures of earlier runs are kept under
`runs` (named by their date and KB version).

    python benchmarks/kb.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import date
from typing import Any

from common import ROOT, bench_data, write_result

ARTICLES = 40
ROUNDS = 7
GOAL = 0.10

_LOAD = """
import json, time, tracemalloc
t0 = time.perf_counter()
import crosswire.actors.countries, crosswire.actors.lexicon, crosswire.kb.resolve
from crosswire.kb.base import _loaded, knowledge_base
t1 = time.perf_counter()
kb = knowledge_base()
t2 = time.perf_counter()
crosswire.actors.countries._factbook_demonyms()  # the nationality forms, shipped in the KB
t3 = time.perf_counter()
_loaded.cache_clear()
import crosswire.kb.base as base
base._shipped.cache_clear()
tracemalloc.start()
knowledge_base()
_, peak = tracemalloc.get_traced_memory()
print(json.dumps({"imports_s": t1 - t0, "load_s": t2 - t1, "demonyms_s": t3 - t2,
                  "peak_mib": peak / 2**20,
                  "entries": len(kb), "aliases": len(kb.index), "version": kb.meta.get("version")}))
"""


def load_figures() -> dict[str, Any]:
    env = {"PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run(
        [sys.executable, "-c", _LOAD], capture_output=True, text=True, check=True, env=env
    )
    figures: dict[str, Any] = json.loads(out.stdout)
    size = ROOT / "src" / "crosswire" / "data" / "kb" / "kb.json.gz"
    figures["file_bytes"] = size.stat().st_size
    return figures


def lookup_figures(names: list[str], texts: list[str]) -> dict[str, Any]:
    from crosswire.kb.matcher import kb_spans
    from crosswire.kb.resolve import resolve, resolve_as

    day = date(2010, 6, 1)
    types = frozenset({"person", "organisation", "group"})
    for name in names:  # warm-up: the KB and the country tables loaded, caches filled
        resolve(name, on=day)
    start = time.perf_counter()
    found = sum(resolve_as(n, types, day) is not None for n in names)
    stage_lookup = time.perf_counter() - start
    start = time.perf_counter()
    for name in names:
        resolve(name, on=day)
    full = time.perf_counter() - start
    start = time.perf_counter()
    spans = [s for text in texts for s in kb_spans(text)]
    matcher = time.perf_counter() - start
    chars = sum(len(t) for t in texts)
    return {
        "names": len(names),
        "found": found,
        "stage_lookup_us": round(stage_lookup / len(names) * 1e6, 2),
        "resolve_us": round(full / len(names) * 1e6, 2),
        "matcher_ms_per_article": round(matcher / len(texts) * 1e3, 3),
        "matcher_us_per_kchar": round(matcher / chars * 1e3 * 1e6, 2),
        "matcher_spans": len(spans),
    }


def stage_figures(texts: list[str]) -> dict[str, Any]:
    import crosswire.actors.classify as classify
    import crosswire.actors.mentions as mentions
    import crosswire.actors.repair as repair
    from crosswire import stages
    from crosswire.model import Article
    from crosswire.nlp import parse

    docs = list(parse(texts))
    kb_parts = (repair.kb_spans, classify._from_kb, mentions.resolve_as)

    def switch(on: bool) -> None:
        if on:
            repair.kb_spans, classify._from_kb, mentions.resolve_as = kb_parts
        else:
            repair.kb_spans = lambda text: []  # type: ignore[assignment]
            classify._from_kb = lambda *a, **k: None  # type: ignore[assignment]
            mentions.resolve_as = lambda *a, **k: None  # type: ignore[assignment]

    def run() -> float:
        start = time.process_time()  # this process's CPU: less noise from other processes
        for i, (text, doc) in enumerate(zip(texts, docs, strict=True)):
            article = Article(id=str(i), text=text, path="bench", published="2015-06-01")
            stages.run(stages.ArticleState(article, doc), until="quotes")
        return time.process_time() - start

    run()  # warm-up: data files and the KB loaded once
    times: dict[str, list[float]] = {"with_kb": [], "without_kb": []}
    for _ in range(ROUNDS):
        switch(False)
        times["without_kb"].append(run())
        switch(True)
        times["with_kb"].append(run())
    best = {k: min(v) for k, v in times.items()}
    added = best["with_kb"] / best["without_kb"] - 1
    return {
        "articles": len(texts),
        "with_kb_s": round(best["with_kb"], 3),
        "without_kb_s": round(best["without_kb"], 3),
        "kb_adds": round(added, 4),
        "goal_kb_adds_at_most": GOAL,
    }


def main() -> None:
    gsr = bench_data("events", "plover-gsr.jsonl")
    articles = bench_data("extraction", "ground-truth.json")
    names = []
    for line in gsr.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for key in ("actors", "recipients"):
            for actor in record.get(key) or []:
                names.append(actor["actorText"].split("...")[0].strip())
    bodies = json.loads(articles.read_text(encoding="utf-8"))
    texts = [b["articleBody"] for b in bodies.values() if b.get("articleBody")][:ARTICLES]
    figures = {
        "load": load_figures(),
        "lookups": lookup_figures(names, texts),
        "stage": stage_figures(texts),
    }
    print(f"KB adds {figures['stage']['kb_adds']:.1%} to the actors stages (goal <= {GOAL:.0%})")
    out = ROOT / "benchmarks" / "results" / "kb.json"
    previous = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    runs = previous.pop("runs", {})
    if previous:  # the figures of the last run stay, under their date and KB version
        runs.setdefault(f"{previous.get('date')}+{previous['load'].get('version')}", previous)
    write_result("kb", articles, {**figures, "runs": runs})


if __name__ == "__main__":
    main()
