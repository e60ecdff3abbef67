"""Story splits: when a member's evidence changes (an undated article gets its date, its
analysis is redone), the story is checked again, and it splits when its articles no
longer hang together.

"Hang together": the members, arriving again in order with their present evidence, join
one another as the clusterer's `add` would (the best part scoring the join score; a copy
with its original), or two parts are bridged by a pair of articles of which one would
have joined a story made of the other. A story holds while that leaves one part. A split
keeps the story's id for the part holding its first article, so readers' links to an
unchanged story stay valid; every other part becomes a story named after its own first
article.

Only stories up to ``SPLIT_MAX`` articles are checked (the pairwise check is quadratic in
the story's size): a larger story has so many links that one changed article cannot cut
it, and is settled. Per article the clusterer keeps a `Signal`: its strongest terms, its
actors, its day.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

SPLIT_MAX = 50
SIGNAL_TERMS = 60  # as many as a story centroid keeps (cluster.TOP_TERMS): a one-article
# story's centroid is its article's signal, so a pair links as a join would have


@dataclass(slots=True)
class Signal:
    """What the clusterer saw of one article (numpy arrays keep it small)."""

    terms: np.ndarray  # hashed term ids, int64
    weights: np.ndarray  # their TF-IDF weights, float32
    actors: tuple[str, ...]
    day: int | None
    original: str | None  # the article it copies, if any

    @classmethod
    def of(
        cls, vector: dict[int, float], actors: Counter[str], day: int | None, original: str | None
    ) -> Signal:
        top = sorted(vector.items(), key=lambda tw: (-tw[1], tw[0]))[:SIGNAL_TERMS]
        return cls(
            terms=np.array([t for t, _ in top], dtype=np.int64),
            weights=np.array([w for _, w in top], dtype=np.float32),
            actors=tuple(sorted(actors)),
            day=day,
            original=original,
        )

    def vector(self) -> dict[int, float]:
        """The kept terms as a unit vector."""
        norm = float(np.linalg.norm(self.weights)) or 1.0
        return {int(t): float(w) / norm for t, w in zip(self.terms, self.weights, strict=True)}


def components(members: list[str], linked: Callable[[str, str], bool]) -> list[list[str]]:
    """The connected groups of `members` under `linked`, each in member order, ordered by
    their first member (union-find over all pairs)."""
    parent = {m: m for m in members}

    def root(m: str) -> str:
        while parent[m] != m:
            parent[m] = parent[parent[m]]
            m = parent[m]
        return m

    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            if root(a) != root(b) and linked(a, b):
                parent[root(b)] = root(a)
    groups: dict[str, list[str]] = {}
    for m in members:  # a group is first seen at its first member
        groups.setdefault(root(m), []).append(m)
    return list(groups.values())
