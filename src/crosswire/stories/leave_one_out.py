"""A story's evidence made again from its members' signals, and without each of them.

Consolidation scores each article against its own story without it, so it builds a story
of n members n times over (n - 1 members each): `scoring.grow`, member by member, made that
most of the cross-article stages' time (a story's centroid is made again as two numpy
arrays after each member, its strongest terms sorted with a key per term). `Evidence` is
the same fold in plain dictionaries: the same sums, added in the same order, and the same
strongest terms and actors kept after each member (ties broken by the key's text, as
`vectors.top` does), so a `StoryState` made by it is the one `grow` would make, number for
number. `without_each` folds the members once and starts each leave-one-out fold from the
members before the one left out: half the work of folding every one from scratch.
"""

from __future__ import annotations

from bisect import insort
from collections import Counter
from collections.abc import Mapping, Sequence
from operator import itemgetter
from typing import Any

from crosswire.stories.event_places import where
from crosswire.stories.scoring import TOP_ACTORS, WINDOW_DAYS, StoryState
from crosswire.stories.vectors import TOP_TERMS, Centroid

# An article's part in a story's evidence: its unit vector, its actors, its day, its places
Part = tuple[dict[int, float], Mapping[str, int], int | None, tuple[str, ...]]


class Evidence:
    """A story's evidence as `scoring.grow` folds it, in plain dictionaries."""

    __slots__ = ("actors", "centroid", "days", "places", "size")

    def __init__(self) -> None:
        self.centroid: dict[int, float] = {}  # its strongest terms, strongest first
        self.actors: dict[str, int] = {}  # its most named actors, most named first
        self.days: list[int] = []
        self.places: Counter[str] = Counter()
        self.size = 0

    def copy(self) -> Evidence:
        other = Evidence()
        other.centroid, other.actors = self.centroid, self.actors  # replaced, never changed
        other.days, other.places, other.size = list(self.days), Counter(self.places), self.size
        return other

    def add(self, part: Part) -> None:
        """One more member, as `scoring.grow` adds it."""
        vector, actors, day, places = part
        self.centroid = dict(strongest(_summed(self.centroid, vector), TOP_TERMS))
        self.actors = dict(strongest(_summed(self.actors, actors), TOP_ACTORS))
        self.places.update(where(places))
        if day is not None:
            insort(self.days, day)
        self.size += 1

    def state(self) -> StoryState:
        return StoryState(
            id="",
            order=0,
            centroid=Centroid(self.centroid.items()),
            actors=Counter(self.actors),
            days=list(self.days),
            dated_buckets={d // WINDOW_DAYS for d in self.days},
            size=self.size,
            places=Counter(self.places),
        )


def folded(parts: Sequence[Part]) -> StoryState:
    """The evidence of a story of these members, in this order."""
    evidence = Evidence()
    for part in parts:
        evidence.add(part)
    return evidence.state()


def without_each(parts: Sequence[Part]) -> list[StoryState]:
    """For each member, the evidence of the story of the others (in their order)."""
    found = []
    before = Evidence()
    for i, part in enumerate(parts):
        evidence = before.copy()
        for later in parts[i + 1 :]:
            evidence.add(later)
        found.append(evidence.state())
        before.add(part)
    return found


def _summed(kept: Mapping[Any, Any], added: Mapping[Any, Any]) -> dict[Any, Any]:
    """`Counter.update`'s sums: each added count plus the kept one (added + kept, as it
    adds them: the same floating-point numbers)."""
    summed = dict(kept)
    for key, count in added.items():
        summed[key] = count + summed.get(key, 0)
    return summed


def strongest(counts: Mapping[Any, Any], n: int) -> list[tuple[Any, Any]]:
    """`vectors.top`: the n largest entries, ties in the order of their keys' text. Sorted
    by value alone (no key made per entry); only where values tie within the first n + 1
    are those entries ordered again as `top` orders them."""
    ranked = sorted(counts.items(), key=itemgetter(1), reverse=True)
    values = [value for _, value in ranked[: n + 1]]
    if len(set(values)) == len(values):
        return ranked[:n]
    cut = values[-1]
    end = len(values)
    while end < len(ranked) and ranked[end][1] == cut:
        end += 1
    return sorted(ranked[:end], key=lambda kv: (-kv[1], str(kv[0])))[:n]
