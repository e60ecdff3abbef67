"""The operating point of a scope decision, chosen on dev: of the mixes and thresholds
tried, the one that drops the largest share of the sentences labelled ``out`` while keeping
in scope the sentences of at least `KEEP` of the labelled events. The events are what must
not be lost; an ``out`` sentence kept costs a false event only where the coder finds one,
so the constraint is on the events and the aim on the sentences."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from crosswire.scope.training.examples import DevArticle

KEEP = 0.95
MIXES = (0.1, 0.2, 0.3, 0.5, 0.7, 1.0)  # the sentence's share; the document's is the rest
THRESHOLDS = tuple(round(0.05 + 0.025 * i, 3) for i in range(37))  # 0.05 ... 0.95


@dataclass(frozen=True, slots=True)
class Choice:
    mix: float
    threshold: float
    kept_events: float  # share of dev's labelled events whose sentence is in scope
    dropped_out: float  # share of dev's sentences labelled out that are out of scope
    events: int
    out: int


def choose(
    articles: list[DevArticle],
    sentence: list[NDArray[np.float64]],
    document: list[NDArray[np.float64]],
    mixes: tuple[float, ...] = MIXES,
) -> Choice:
    """The best operating point (module docstring) for these sentence and document
    probabilities (per article, one per English sentence), among `mixes`; the first of
    equals in the order tried."""
    events = _at(articles, sentence, document, "events")
    out = _at(articles, sentence, document, "out")
    best: Choice | None = None
    for mix in mixes:
        for threshold in THRESHOLDS:
            kept = _share(mix * events[:, 0] + (1 - mix) * events[:, 1] >= threshold)
            dropped = _share(mix * out[:, 0] + (1 - mix) * out[:, 1] < threshold)
            if kept >= KEEP and (best is None or dropped > best.dropped_out):
                best = Choice(mix, threshold, kept, dropped, len(events), len(out))
    if best is None:  # unreachable: the lowest threshold keeps nearly everything
        raise ValueError("no operating point keeps enough of the labelled events")
    return best


def _share(chosen: NDArray[np.bool_]) -> float:
    return float(chosen.mean()) if chosen.size else 0.0


def _at(
    articles: list[DevArticle],
    sentence: list[NDArray[np.float64]],
    document: list[NDArray[np.float64]],
    what: str,
) -> NDArray[np.float64]:
    """(sentence probability, document probability) at each labelled position of `what`
    that falls in an English sentence."""
    rows = []
    for article, probabilities, documents in zip(articles, sentence, document, strict=True):
        pairs = list(zip(probabilities.tolist(), documents.tolist(), strict=True))
        for position in getattr(article, what):
            for (start, end), pair in zip(article.sentences, pairs, strict=True):
                if start <= position < end:
                    rows.append(pair)
    return np.array(rows, dtype=np.float64).reshape(-1, 2)
