"""Which signals tell apart the two look-alike events of an ECB+ topic: measured per pair of
articles, before any clustering rule is built on them.

Data: ../shared/bench/stories/ecbplus-dev.jsonl (see stories_ecb.py), analysed by crosswire's
per-article stages (cached by ecb_cache.py). For every pair of articles of one topic, each
signal is a similarity; its ROC AUC says how often a pair of one event scores above a pair of
the topic's two events (0.5: no help, 1: a perfect separation). Signals:
- ``tfidf``: cosine of the clusterer's hashed-term TF-IDF vectors (document frequencies over
  the file);
- ``use_title_lead``: cosine of the multilingual USE embeddings of title and lead, the ones the
  clusterer already makes for every article (stories/crosslingual.py);
- ``actors``, ``people``, ``places``: cosine of the actor keys (all kinds, PERSON only, PLACE
  only), each weighted by its rarity over the file (stories/cohesion.py's `actor_vectors`);
- ``numbers``: Jaccard of the numbers the texts write (tolls, magnitudes, ages), years left
  out.
Combinations are logistic regressions fitted on the pairs of one half of the topics (odd or
even topic numbers) and scored on the other, so no figure is fitted to the pairs it scores.

Results go to benchmarks/results/stories_signals.json.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from itertools import combinations
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT
from crosswire.model import Analysis, Article
from crosswire.stories.cohesion import actor_vectors
from crosswire.stories.crosslingual import meaning_of
from crosswire.stories.scoring import actor_counts
from crosswire.stories.split import Signal
from crosswire.stories.vectors import term_counts, tfidf
from ecb_cache import analysed, ecb_texts

Vector = dict[str, float]
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)?(?!\w)")
_YEAR = re.compile(r"(19|20)\d\d")
COMBINATIONS = {
    "tfidf alone": ("tfidf",),
    "tfidf+use": ("tfidf", "use_title_lead"),
    "tfidf+actors": ("tfidf", "actors"),
    "tfidf+actors+numbers": ("tfidf", "actors", "numbers"),
    "all": ("tfidf", "use_title_lead", "actors", "people", "places", "numbers"),
}


def rarity_vectors(
    pairs: list[tuple[Article, Analysis]], kinds: set[str] | None
) -> dict[str, dict[str, float]]:
    """Each article's actors (of these mention kinds; None: those the clusterer counts) as a
    unit vector weighted by rarity over the file."""
    signals = {}
    for article, analysis in pairs:
        actors = (
            actor_counts(analysis)
            if kinds is None
            else Counter(m.actor.key for m in analysis.mentions if m.type in kinds)
        )
        signals[article.id] = Signal.of({}, actors, None, None)
    return actor_vectors(signals)


def numbers(text: str) -> set[str]:
    return {n for n in _NUMBER.findall(text) if not _YEAR.fullmatch(n)}


def _dot(first: dict, second: dict) -> float:  # type: ignore[type-arg]
    return sum(w * second.get(k, 0.0) for k, w in first.items())


def signal_functions(
    pairs: list[tuple[Article, Analysis]],
) -> dict[str, Callable[[str, str], float]]:
    counts = {a.id: term_counts(a) for a, _ in pairs}
    df: Counter[int] = Counter()
    for terms in counts.values():
        df.update(terms.keys())
    terms = {i: tfidf(c, df, len(pairs)) for i, c in counts.items()}
    embedded = {a.id: meaning_of(a, None).vector for a, _ in pairs}
    actors = rarity_vectors(pairs, None)
    people = rarity_vectors(pairs, {"PERSON"})
    places = rarity_vectors(pairs, {"PLACE"})
    written = {a.id: numbers(a.text) for a, _ in pairs}

    def jaccard(a: str, b: str) -> float:
        union = written[a] | written[b]
        return len(written[a] & written[b]) / len(union) if union else 0.0

    return {
        "tfidf": lambda a, b: _dot(terms[a], terms[b]),
        "use_title_lead": lambda a, b: float(embedded[a] @ embedded[b]),
        "actors": lambda a, b: _dot(actors[a], actors[b]),
        "people": lambda a, b: _dot(people[a], people[b]),
        "places": lambda a, b: _dot(places[a], places[b]),
        "numbers": jaccard,
    }


def main() -> None:
    texts = ecb_texts()
    gold = {t.id: t.group for t in texts}
    pairs = analysed(texts)
    undated = {a.id for a, _ in pairs if a.published is None}
    functions = signal_functions(pairs)
    names = list(functions)
    rows, labels, topics, with_undated = [], [], [], []
    for (a, _), (b, _) in combinations(pairs, 2):
        topic = a.id.split("_")[0]
        if topic != b.id.split("_")[0]:
            continue
        rows.append([functions[n](a.id, b.id) for n in names])
        labels.append(gold[a.id] == gold[b.id])
        topics.append(int(topic))
        with_undated.append(a.id in undated or b.id in undated)
    x, y = np.array(rows), np.array(labels)
    odd, some_undated = np.array(topics) % 2 == 1, np.array(with_undated)
    figures: dict[str, object] = {
        "pairs_within_topics": len(y),
        "pairs_of_one_event": int(y.sum()),
        "auc": {n: round(float(roc_auc_score(y, x[:, k])), 3) for k, n in enumerate(names)},
        "auc_pairs_with_an_undated_article": {
            n: round(float(roc_auc_score(y[some_undated], x[some_undated, k])), 3)
            for k, n in enumerate(names)
        },
    }
    combined = {}
    for label, chosen in COMBINATIONS.items():
        columns = [names.index(n) for n in chosen]
        halves = {}
        for fitted, scored in (("odd", ~odd), ("even", odd)):
            train = odd if fitted == "odd" else ~odd
            model = LogisticRegression(max_iter=1000).fit(x[train][:, columns], y[train])
            found = model.decision_function(x[scored][:, columns])
            halves[f"fitted_on_{fitted}_scored_on_other"] = round(
                float(roc_auc_score(y[scored], found)), 3
            )
        combined[label] = halves
    figures["combined_auc"] = combined
    print(json.dumps(figures, indent=2), flush=True)
    out = ROOT / "benchmarks" / "results" / "stories_signals.json"
    out.write_text(
        json.dumps({"dataset": "shared/bench/stories/ecbplus-dev.jsonl", **figures}, indent=2)
        + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
