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

Average linkage often cuts off one outlying article, too small a part, and misses the line
between two events. Where the trouble comes from gives a second cut to try: the story's
dated articles, which the time window let in, with the undated articles closer to them,
against the undated articles closer to one another (`_undated_apart`). It is kept below a
looser share, ``cohesion_undated_ratio``, and of the kept cuts the clearer one is made. On
ECB+ dev the merged topics' undated reports of the other event sit at shares 0.67-0.82 from
the dated ones, one event's undated reports at 0.87 and more; 0.85 is in the flat part on
both topic halves (0.85-0.95 on the odd, 0.80-0.95 on the even).

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
from collections.abc import Iterable, Mapping, Set
from itertools import combinations
from typing import TypeVar

from crosswire.settings import StoriesSettings
from crosswire.stories.split import Signal

Similarity = dict[tuple[str, str], float]
_ANCHOR_ROUNDS = 10  # sides re-decided at most (they settle within a few)
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
    members: list[str],
    similarity: Similarity,
    settings: StoriesSettings,
    dated: Set[str] = frozenset(),
) -> list[list[str]]:
    """The parts the members fall into (one when they hold together), each in member
    order, the part holding the first member first. `dated` are the members with a
    publication date (the others joined on their text alone)."""
    found = _parts(members, similarity, settings, dated)
    order = {m: i for i, m in enumerate(members)}
    ordered = [sorted(part, key=order.__getitem__) for part in found]
    return sorted(ordered, key=lambda part: order[part[0]])


def _parts(
    members: list[str], similarity: Similarity, settings: StoriesSettings, dated: Set[str]
) -> list[list[str]]:
    """The members cut by the clearest of the candidate cuts that holds (the lowest share
    of across to within), and each part examined again; the members whole when none does."""
    if len(members) < 2 * settings.cohesion_min_part:
        return [members]
    candidates = [
        (_bisected(members, similarity), settings.cohesion_ratio),
        (_undated_apart(members, similarity, dated), settings.cohesion_undated_ratio),
    ]
    kept = []
    for cut, most in candidates:
        if cut is None or min(len(cut[0]), len(cut[1])) < settings.cohesion_min_part:
            continue
        share = _across_share(similarity, *cut)
        if share < most:
            kept.append((share, cut))
    if not kept:
        return [members]
    first, second = min(kept)[1]
    return _parts(first, similarity, settings, dated) + _parts(second, similarity, settings, dated)


def _across_share(similarity: Similarity, first: list[str], second: list[str]) -> float:
    """The mean similarity across two parts as a share of the lesser mean within them."""
    within = min(_mean(similarity, first, first), _mean(similarity, second, second))
    across = _mean(similarity, first, second)
    return across / within if within > 0 else math.inf


def _undated_apart(
    members: list[str], similarity: Similarity, dated: Set[str]
) -> tuple[list[str], list[str]] | None:
    """The story's dated members with the undated ones closer to them, and the undated
    members closer to one another than to those (None without both kinds): each undated
    member goes to the side it resembles more on average, all at once, until no side
    changes. The dated members anchor the story's event (the time window let them in); an
    undated one joined on its text alone, so undated reports of a look-alike event join
    it one by one, and taken together resemble one another more than the dated reports."""
    loose = sorted(m for m in members if m not in dated)
    if len(loose) == len(members) or len(loose) < 2:
        return None
    apart = loose
    for _ in range(_ANCHOR_ROUNDS):
        anchored = [m for m in sorted(members) if m not in apart]
        now = [m for m in loose if _mean(similarity, [m], apart) > _mean(similarity, [m], anchored)]
        if now == apart or len(now) < 2:
            apart = now
            break
        apart = now
    anchored = [m for m in sorted(members) if m not in apart]
    return (anchored, apart) if len(apart) >= 2 else None


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
