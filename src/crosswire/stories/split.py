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
it, and is settled. Per article of such a story the clusterer keeps a `Signal`: its
strongest terms, its actors, its day (`SmallStories`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from crosswire.settings import StoriesSettings
from crosswire.stories.records import INT, TEXT, Array, Fields, Optional, TupleOf
from crosswire.stories.scoring import StoryState, days, grow, joins, score
from crosswire.stories.spilled import SpilledDict
from crosswire.stories.vectors import Centroid

# not a setting: it decides which stories keep their members' signals in the store (a
# store whose small stories were kept at one size cannot be checked at another)
SPLIT_MAX = 50
SIGNAL_TERMS = 60  # as many as a story centroid keeps (vectors.TOP_TERMS): a one-article
# story's centroid is its article's signal, so a pair links as a join would have


@dataclass(slots=True)
class Signal:
    """What the clusterer saw of one article (numpy arrays keep it small)."""

    terms: np.ndarray  # hashed term ids, int64
    weights: np.ndarray  # their TF-IDF weights, float32
    actors: tuple[str, ...]
    day: int | None
    original: str | None  # the article it copies, if any
    year: int | None = None  # the year an undated article states (evidence.stated_year)
    places: tuple[str, ...] = ()  # its event places (event_places.py)

    @classmethod
    def of(
        cls,
        vector: dict[int, float],
        actors: Counter[str],
        day: int | None,
        original: str | None,
        year: int | None = None,
        places: tuple[str, ...] = (),
    ) -> Signal:
        top = sorted(vector.items(), key=lambda tw: (-tw[1], tw[0]))[:SIGNAL_TERMS]
        return cls(
            terms=np.array([t for t, _ in top], dtype=np.int64),
            weights=np.array([w for _, w in top], dtype=np.float32),
            actors=tuple(sorted(actors)),
            day=day,
            original=original,
            year=year,
            places=places,
        )

    def vector(self) -> dict[int, float]:
        """The kept terms as a unit vector."""
        norm = float(np.linalg.norm(self.weights)) or 1.0
        return {int(t): float(w) / norm for t, w in zip(self.terms, self.weights, strict=True)}


SIGNAL = Fields(
    "a signal",
    [
        ("terms", Array("int64")),
        ("weights", Array("float32")),
        ("actors", TupleOf(TEXT)),
        ("day", Optional(INT)),
        ("original", Optional(TEXT)),
        ("year", Optional(INT)),  # absent from signals saved before it: read as None
        ("places", TupleOf(TEXT)),  # absent from signals saved before it: none
    ],
    Signal,
    least=5,
)


class SmallStories:
    """The stories up to ``SPLIT_MAX`` articles: their articles in arrival order
    (`members`), and those articles' signals (`signals`); the clusterer's spilled
    dictionaries, which it saves. A story that grows past them is settled: forgotten."""

    def __init__(self, members: SpilledDict, signals: SpilledDict) -> None:
        self.members, self.signals = members, signals

    def set(self, story_id: str, members: list[str] | None) -> None:
        if members is None:
            self.members.pop(story_id, None)
        else:
            self.members[story_id] = members
        self.members.touch(story_id)

    def add(self, story_id: str, article_id: str, signal: Signal) -> None:
        members = self.members.get(story_id)
        if members is None:
            return  # settled
        if len(members) >= SPLIT_MAX:
            self.settle(story_id)
            return
        self.set(story_id, [*members, article_id])
        self.signals[article_id] = signal
        self.signals.touch(article_id)

    def merge(self, younger: str, older: str) -> None:
        a, b = self.members.get(older), self.members.get(younger)
        if a is not None and b is not None and len(a) + len(b) <= SPLIT_MAX:
            # the members and their signals now belong to the older story
            self.set(older, a + b)
            self.set(younger, None)
        else:
            self.settle(older)
            self.settle(younger)

    def settle(self, story_id: str) -> None:
        """Too big to be split by one article's change: forget its signals."""
        for article_id in self.members.get(story_id, []):
            self.signals.pop(article_id, None)
            self.signals.touch(article_id)
        self.set(story_id, None)


def parts(
    members: list[str], signals: Mapping[str, Signal], settings: StoriesSettings
) -> list[list[str]]:
    """The parts a story of these members (all with signals) falls into; one if it holds."""
    replay = replayed(members, signals, settings)
    return components(
        members,
        lambda a, b: replay[a] == replay[b] or linked(a, b, signals[a], signals[b], settings),
    )


def replayed(
    members: list[str], signals: Mapping[str, Signal], settings: StoriesSettings
) -> dict[str, int]:
    """Each member's part when the members arrive again in order with their present
    signals and join as the clusterer's `add` would let them (the best part joining)."""
    found: list[StoryState] = []
    part_of: dict[str, int] = {}
    for article_id in members:
        signal = signals[article_id]
        vector, actors = signal.vector(), Counter(signal.actors)
        scored = [
            (fit, i)
            for i, part in enumerate(found)
            if (
                fit := score(part, vector, actors, signal.day, settings, signal.year, signal.places)
            )
            is not None
        ]
        best = max(scored, default=(0.0, -1), key=lambda s: (s[0], -s[1]))
        if signal.original in part_of:
            best = (1.0, part_of[signal.original])
        if not joins(best[0], settings):
            found.append(StoryState(id="", order=len(found)))
            best = (1.0, len(found) - 1)
        grow(found[best[1]], vector, actors, signal.day, signal.places)
        part_of[article_id] = best[1]
    return part_of


def linked(a: str, b: str, first: Signal, second: Signal, settings: StoriesSettings) -> bool:
    """Whether article `a` (signal `first`) would have joined a story made of `b`, or
    one copies the other."""
    if b in (first.original, second.original) or a in (first.original, second.original):
        return True
    single = StoryState(id="", order=0, centroid=Centroid(second.vector().items()))
    single.actors, single.days = Counter(second.actors), days(second.day)
    single.places = Counter(second.places)
    found = score(
        single,
        first.vector(),
        Counter(first.actors),
        first.day,
        settings,
        first.year,
        first.places,
    )
    return joins(found, settings)


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
