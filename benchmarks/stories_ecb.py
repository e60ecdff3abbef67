"""Story clustering on ECB+ dev topics: look-alike events that must stay apart.

Data: ../shared/bench/stories/ecbplus-dev.jsonl (its README gives the format and caveats):
772 articles in 33 topics, each topic two real events of one kind (66 gold stories); about
half the articles carry no publication date. The articles go through crosswire's per-article
stages (`pipeline.analyse_articles`, cached by ecb_cache.py) and then through the
cross-article stages as the pipeline runs them: the duplicate index, then the story
clusterer, in input order, and the clusterer's consolidation at the end of the run.

Figures: BCubed precision/recall/F1 and pairwise F1 for the articles in date order (an
undated article arrives after the article it followed, as benchmarks/stories.py does), the
spread of BCubed F1 over five shuffled input orders (fixed seeds), the wrongly joined and
wrongly split pairs by cause, the figures in the file's own order (topic by topic, as
``crosswire run`` reads it), on two halves of the topics (odd and even topic numbers: a
value chosen on one half is checked on the other), and the cross-article cost per article.
Results go to benchmarks/results/stories.json under "ecbplus_dev", the other keys kept.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT
from crosswire.model import Analysis, Article
from crosswire.stories.cluster import StoryClusterer
from crosswire.stories.dedup import DuplicateIndex
from crosswire.stories.scoring import WINDOW_DAYS, day_of
from crosswire.stories.vectors import term_counts
from ecb_cache import analysed, ecb_texts
from stories import bcubed

SHUFFLE_SEEDS = (1, 2, 3, 4, 5)
DATE_ORDER_SEED = 5  # as benchmarks/stories.py
Pair = tuple[Article, Analysis]


def in_date_order(pairs: list[Pair], seed: int) -> list[Pair]:
    """Dated articles by date; an undated one right after the article it followed in a
    seeded shuffle (a stream in arrival order, undated pieces anywhere)."""
    shuffled = list(pairs)
    random.Random(seed).shuffle(shuffled)
    keys, last = [], ""
    for article, _ in shuffled:
        last = article.published or last
        keys.append(last)
    return [p for _, p in sorted(zip(keys, shuffled, strict=True), key=lambda k: k[0])]


def shuffled(pairs: list[Pair], seed: int) -> list[Pair]:
    order = list(pairs)
    random.Random(seed).shuffle(order)
    return order


def cluster(pairs: list[Pair]) -> tuple[dict[str, str], float]:
    """Article id -> story id after dedup, clustering and consolidation, in this order;
    and the CPU seconds the cross-article stages took."""
    started = time.process_time()
    index, clusterer = DuplicateIndex(), StoryClusterer()
    for article, analysis in pairs:
        article.duplicate_of = index.add(article)
        clusterer.add(article, analysis, term_counts(article))
    consolidate: Callable[[], object] | None = getattr(clusterer, "consolidate", None)
    if consolidate is not None:
        consolidate()
    clusterer.merged()
    seconds = time.process_time() - started
    return {a.id: clusterer.story_id(a.id) for a, _ in pairs}, seconds


def pairwise(gold: list[str], found: list[str]) -> dict[str, float]:
    both = same_found = same_gold = 0
    for i, j in combinations(range(len(gold)), 2):
        g, f = gold[i] == gold[j], found[i] == found[j]
        both += g and f
        same_found += f
        same_gold += g
    precision, recall = both / max(same_found, 1), both / max(same_gold, 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def stated_years(article: Article, analysis: Analysis) -> set[str]:
    """The years an article states: its publication year and its dated expressions'."""
    years = {t.value[:4] for t in analysis.times if t.type == "DATE" and t.value}
    years = {y for y in years if y.isdigit() and len(y) == 4}
    return years | ({article.published[:4]} if article.published else set())


def causes(pairs: list[Pair], gold: dict[str, str], found: dict[str, str]) -> dict[str, object]:
    """Wrongly joined pairs (one story found, two gold) and wrongly split pairs (two found,
    one gold), counted by what they involve: a pair may count under several causes."""
    years = {a.id: stated_years(a, an) for a, an in pairs}
    joined: Counter[str] = Counter()
    split: Counter[str] = Counter()
    for (a, _), (b, _) in combinations(pairs, 2):
        same_gold, same_found = gold[a.id] == gold[b.id], found[a.id] == found[b.id]
        if same_gold == same_found:
            continue
        tally = joined if same_found else split
        tally["pairs"] += 1
        undated = a.published is None or b.published is None
        tally["undated article involved" if undated else "both dated"] += 1
        if years[a.id] and years[b.id] and not years[a.id] & years[b.id]:
            tally["different stated years"] += 1
        if gold[a.id].split("_")[0] != gold[b.id].split("_")[0]:
            tally["different topics"] += 1
        days = day_of(a.published), day_of(b.published)
        if None not in days and abs(days[0] - days[1]) > WINDOW_DAYS:  # type: ignore[operator]
            tally[f"dated more than {WINDOW_DAYS} days apart"] += 1
        if a.duplicate_of == b.id or b.duplicate_of == a.id:
            tally["linked as duplicates"] += 1
    return {"wrongly_joined": dict(joined), "wrongly_split": dict(split)}


def scores(pairs: list[Pair], found: dict[str, str], keep: Callable[[str], bool]) -> dict:
    chosen = [(a, an) for a, an in pairs if keep(a.id)]
    gold = [GOLD[a.id] for a, _ in chosen]
    got = [found[a.id] for a, _ in chosen]
    return {**bcubed(gold, got), "pairwise": pairwise(gold, got)}


GOLD: dict[str, str] = {}


def topic(article_id: str) -> int:
    return int(article_id.split("_")[0])


def main() -> None:
    texts = ecb_texts()
    GOLD.update({t.id: t.group for t in texts})
    pairs = analysed(texts)
    ordered = in_date_order(pairs, DATE_ORDER_SEED)
    found, seconds = cluster(ordered)
    figures: dict[str, object] = {
        "articles": len(pairs),
        "undated_articles": sum(a.published is None for a, _ in pairs),
        "date_order": scores(ordered, found, lambda _: True),
        "odd_topics": scores(ordered, found, lambda i: topic(i) % 2 == 1),
        "even_topics": scores(ordered, found, lambda i: topic(i) % 2 == 0),
        "errors_by_cause": causes(ordered, GOLD, found),
        "cross_article_cpu_ms_per_article": round(1000 * seconds / len(pairs), 2),
        # the order of the file, as `crosswire run` reads it (topic by topic)
        "file_order": scores(pairs, cluster(pairs)[0], lambda _: True),
    }
    for name, arrange in (("shuffled", shuffled), ("date_order_shuffled", in_date_order)):
        f1s = []
        for seed in SHUFFLE_SEEDS:
            order = arrange(pairs, seed)
            got, _ = cluster(order)
            f1s.append(scores(order, got, lambda _: True)["f1"])
        figures[f"{name}_f1"] = {"seeds": list(SHUFFLE_SEEDS), "f1": f1s,
                                 "spread": round(max(f1s) - min(f1s), 4),
                                 "mean": round(statistics.mean(f1s), 4)}  # fmt: skip
    save(sys.argv[1] if len(sys.argv) > 1 else "ecbplus_dev", figures)


def save(label: str, figures: dict[str, object]) -> None:
    """Print the figures and keep them in results/stories.json under `label`."""
    print(json.dumps(figures, indent=2), flush=True)
    out = ROOT / "benchmarks" / "results" / "stories.json"
    result = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    result[label] = {"dataset": "shared/bench/stories/ecbplus-dev.jsonl", **figures}
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
