"""Cohesion: a story that holds two groups of articles closer within than across splits in
two, at the end of a run, whatever order its articles arrived in.

Clustering as articles arrive joins each article to the best story there is when it
arrives. When two events of one kind are reported (two pirate attacks in the Gulf of Aden,
two diamond heists in Paris) and the first event's reports carry no publication date, they
join the second event's story one by one: each fits the story better than nothing, and
consolidation (consolidate.py), which moves one article at a time to another story, has no
other story to move them to. Taken together they show it: they resemble one another more
than they resemble the rest of the story.

So once a run is done, each small story of the run (one keeping its members' signals,
split.SPLIT_MAX) is cut in two by average linkage over its members' pairwise similarities
(merging the closest groups until two remain), and the cut is kept when the two parts'
mean similarity across is below ``cohesion_ratio`` times the lesser of their mean
similarities within, each part holding at least ``cohesion_min_part`` articles; a kept
part is examined again the same way. The similarity of two articles is the cosine of their
kept terms and, with weight ``cohesion_actor_weight``, the cosine of their actors weighted
by rarity among the articles examined: the specific ship, player or venue that only one
event's reports name counts, the region both events share counts little. Every step
depends on the members and their signals only, not on their order.

The defaults (settings.StoriesSettings) were measured on ECB+ dev (benchmarks/stories_ecb.py,
odd and even topic halves): the actor weight 0.3 is close to the clusterer's own share for
actors; cut ratios from 0.7 to 0.85 give the same F1 on the odd half, 0.7 the smallest spread
over shuffled orders. Parts of at least 4 articles scored higher on both halves (F1 0.895 against
0.887) but made the result depend more on the input order (spread 0.016 and 0.021 against 0.010
and 0.014), so 3 is used.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import combinations
from typing import TypeVar

from crosswire.settings import StoriesSettings
from crosswire.stories.split import Signal

Similarity = dict[tuple[str, str], float]
K = TypeVar("K", int, str)


def actor_vectors(signals: Mapping[str, Signal]) -> dict[str, dict[str, float]]:
    """Each article's actors as a unit vector, an actor weighted by how few of these
    articles name it (inverse document frequency among them)."""
    counts = Counter(actor for signal in signals.values() for actor in signal.actors)
    n = len(signals)
    vectors = {}
    for article_id, signal in signals.items():
        weights = {a: math.log((1 + n) / counts[a]) for a in signal.actors}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors[article_id] = {a: w / norm for a, w in weights.items()}
    return vectors


def similarities(
    members: list[str],
    terms: Mapping[str, dict[int, float]],
    actors: Mapping[str, dict[str, float]],
    actor_weight: float,
) -> Similarity:
    """The similarity of each pair of members, both ways round."""
    found: Similarity = {}
    for a, b in combinations(members, 2):
        text = _dot(terms[a], terms[b])
        shared = _dot(actors[a], actors[b])
        found[a, b] = found[b, a] = (1 - actor_weight) * text + actor_weight * shared
    return found


def cohesive_parts(
    members: list[str], similarity: Similarity, settings: StoriesSettings
) -> list[list[str]]:
    """The parts the members fall into (one when they hold together), each in member
    order, the part holding the first member first."""
    found = _parts(members, similarity, settings)
    order = {m: i for i, m in enumerate(members)}
    ordered = [sorted(part, key=order.__getitem__) for part in found]
    return sorted(ordered, key=lambda part: order[part[0]])


def _parts(
    members: list[str], similarity: Similarity, settings: StoriesSettings
) -> list[list[str]]:
    if len(members) < 2 * settings.cohesion_min_part:
        return [members]
    first, second = _bisected(members, similarity)
    if min(len(first), len(second)) < settings.cohesion_min_part:
        return [members]
    within = min(_mean(similarity, first, first), _mean(similarity, second, second))
    if _mean(similarity, first, second) >= settings.cohesion_ratio * within:
        return [members]
    return _parts(first, similarity, settings) + _parts(second, similarity, settings)


def _bisected(members: list[str], similarity: Similarity) -> tuple[list[str], list[str]]:
    """Average linkage until two groups remain (ties: the groups made first, members in
    sorted order, so the outcome does not depend on the members' order)."""
    groups = [[m] for m in sorted(members)]
    linkage = {
        (i, j): similarity[groups[i][0], groups[j][0]]
        for i, j in combinations(range(len(groups)), 2)
    }
    sizes = {i: 1 for i in range(len(groups))}
    while len(sizes) > 2:
        (i, j), _ = max(linkage.items(), key=lambda item: (item[1], -item[0][0], -item[0][1]))
        for k in sizes.keys() - {i, j}:  # the merged group's mean linkage to each other
            ik, jk = (min(i, k), max(i, k)), (min(j, k), max(j, k))
            linkage[ik] = (sizes[i] * linkage[ik] + sizes[j] * linkage[jk]) / (sizes[i] + sizes[j])
            del linkage[jk]
        del linkage[i, j]
        groups[i] += groups[j]
        sizes[i] += sizes.pop(j)
    first, second = (groups[i] for i in sorted(sizes))
    return first, second


def _mean(similarity: Similarity, first: Iterable[str], second: Iterable[str]) -> float:
    values = [similarity[a, b] for a in first for b in second if a != b]
    return sum(values) / len(values) if values else 0.0


def _dot(first: Mapping[K, float], second: Mapping[K, float]) -> float:
    if len(second) < len(first):
        first, second = second, first
    return sum(w * second.get(k, 0.0) for k, w in first.items())
