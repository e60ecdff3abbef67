"""The page decision for a page with no English sentence (a French page): the ``document``
model over its lead alone.

The ``document`` model reads the lead's embedding and the mean ``words`` probability of the
page's English sentences; a French page has none, and 0 there (no sentence in scope) would
sink every French page. The stand-in is that feature's mean over the dev pages as the
pipeline computes it (the shipped ``words`` model on pages it was not trained on): the
expected value of what is missing, so the lead's embedding alone moves the probability.

The threshold is chosen on dev by the rule of the other scope decisions (`choose`), counted
in the unit this decision takes: it keeps or drops a whole page, with no sentence decision
after it to rescue a page's events, so the constraint is on the pages: keep at least
``KEEP`` of the dev pages labelled in scope, and of those thresholds take the one that drops
the most sentences labelled out. (Counted in events instead, a few event-rich pages decide
and the threshold lands on the edge of a gap between two of dev's 46 pages.) The embedding
is multilingual (French among its 16 languages), so a French lead is judged on the same
scale as an English one; the dev pages are English: the French figures are in
``benchmarks/events_fr.py``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from crosswire.scope.document import document_features
from crosswire.scope.embedding import embed
from crosswire.scope.features import vector
from crosswire.scope.model import Dense, Linear
from crosswire.scope.training.choose import KEEP, THRESHOLDS
from crosswire.scope.training.examples import DevArticle


def lead_only(
    words: Linear, document: Dense, dev: list[DevArticle], n_features: int
) -> dict[str, Any]:
    """The stand-in for the mean sentence probability and the lead-only threshold, with
    what that threshold keeps and drops on dev."""
    scored = [a for a in dev if a.sentences]
    means = [float(words.probability(vector(a.features, n_features)).mean()) for a in scored]
    stand_in = round(float(np.mean(means)), 4)
    leads = embed([a.lead for a in scored])
    pages = [
        float(document.probability(document_features(e, np.array([stand_in]))[None, :])[0])
        for e in leads
    ]
    threshold = _threshold(scored, pages)
    kept = [p >= threshold for p in pages]
    events = max(sum(len(a.events) for a in scored), 1)
    out = max(sum(len(a.out) for a in scored), 1)
    return {
        "lead_only_mean": stand_in,
        "lead_only_threshold": threshold,
        "lead_only_dev": {
            "kept_in_scope_pages": _share(kept, [a.in_scope is True for a in scored]),
            "in_scope_pages": sum(a.in_scope is True for a in scored),
            "kept_labelled_events": round(
                sum(len(a.events) for a, k in zip(scored, kept, strict=True) if k) / events, 3
            ),
            "labelled_events": events,
            "dropped_out_sentences": round(
                sum(len(a.out) for a, k in zip(scored, kept, strict=True) if not k) / out, 3
            ),
            "out_sentences": out,
        },
    }


def _threshold(pages: list[DevArticle], probabilities: list[float]) -> float:
    """The highest of `choose.THRESHOLDS` keeping at least `choose.KEEP` of the pages
    labelled in scope (the highest drops the most out sentences: they drop with their
    pages, and a higher threshold drops more pages)."""
    labelled_in = [p for a, p in zip(pages, probabilities, strict=True) if a.in_scope is True]
    feasible = [
        t for t in THRESHOLDS if sum(p >= t for p in labelled_in) >= KEEP * len(labelled_in)
    ]
    return max(feasible, default=THRESHOLDS[0])


def _share(chosen: list[bool], among: list[bool]) -> float:
    picked = [c for c, a in zip(chosen, among, strict=True) if a]
    return round(sum(picked) / len(picked), 3) if picked else 0.0
