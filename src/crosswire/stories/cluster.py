"""Incremental story clustering: each arriving article joins the best matching recent story
or opens a new one; nothing already clustered is re-clustered.

Signals: TF-IDF cosine between the article and a story's centroid (hashed terms, document
frequencies kept incrementally, so there is no refit), overlap of canonical actors and
places (``Mention.actor.key``), and time proximity with exponential decay on
``Article.published``.

Blocking: stories are indexed by their top terms and actor keys *per time bucket* of
``WINDOW_DAYS``; an article looks only in its own and the neighbouring buckets, takes the
``MAX_CANDIDATES`` stories sharing most keys with it, and scores those. So the work per
article depends on how many stories are live around its date, not on the size of the store
(the bucket dictionaries and sorted day lists add a log factor). The index, the stories and
the per-article entries are spilled (state.py): in a store, the stories of months gone by
stay on disk until an article of their time arrives.

Merges: when an article matches two stories strongly (both ≥ ``MERGE_SCORE``) and those
stories match each other, the younger story is merged into the older one; `merged()` lists
the merges since this object was created or loaded so the store can apply them. Story ids
never change otherwise: a story keeps the id made from its first article.

Thresholds were set on the clustering benchmark (benchmarks/stories.py), which mixes
unrelated pages, their re-posts, and several outlets' articles on the same events: BCubed F1
is flat (0.975-0.983) for a join score between 0.25 and 0.40; below 0.30 the example corpus's
colour and reaction pieces join their stories, above 0.30 they open stories of their own, so
0.27 is used.
"""

from __future__ import annotations

import math
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

import numpy as np
from sklearn.feature_extraction.text import HashingVectorizer

from crosswire.model import Analysis, Article, stable_id
from crosswire.stories.records import (
    FLOAT,
    INT,
    TEXT,
    Array,
    Codec,
    CounterOf,
    Either,
    Entries,
    Fields,
    ListOf,
    Optional,
    Pair,
    SetOf,
    StateFormatError,
    TupleOf,
)
from crosswire.stories.spilled import SpilledDict
from crosswire.stories.split import SPLIT_MAX, Signal, components
from crosswire.stories.state import JournaledState

N_FEATURES = 2**20
TOP_TERMS = 60  # terms per story kept in its centroid and in the index
QUERY_TERMS = 25  # an article's strongest terms used to look up candidates
TOP_ACTORS = 30
MAX_CANDIDATES = 40  # stories scored per article, those sharing most keys with it
WINDOW_DAYS = 10  # stories further apart in time are never candidates
DECAY_DAYS = 4.0
UNDATED_BUCKETS = 3  # an undated article looks in the latest buckets of each key
JOIN_SCORE = 0.27
MERGE_SCORE = 0.50
WEIGHTS = {"text": 0.65, "actors": 0.25, "time": 0.10}
ACTOR_TYPES = {"PERSON", "ORG", "GROUP", "PLACE", "COUNTRY"}
UNDATED = -1  # the bucket of stories with no dated article

_vectoriser = HashingVectorizer(
    n_features=N_FEATURES, alternate_sign=False, norm=None, stop_words="english"
)

Key = int | str  # a hashed term or an actor key
# The stories indexed under one key and time bucket: one story id, a few in a tuple, or a
# set. Most (key, bucket) pairs of a news archive hold one or two stories, and a set for
# each was two thirds of the clusterer's memory.
Bucket = str | tuple[str, ...] | set[str]
SMALL_BUCKET = 8


class Centroid:
    """A story's strongest terms and their summed weights, in `_top` order, as two arrays:
    under a quarter of the memory of a dict of Python numbers (1.3 KB against 5.7 KB for 60
    terms, measured; the clusterer keeps one per story).
    Iterating gives the terms; `items()` the (term, weight) pairs in their order."""

    __slots__ = ("norm", "terms", "weights")

    def __init__(self, items: Iterable[tuple[int, float]] = ()) -> None:
        pairs = list(items)
        self.terms = np.array([t for t, _ in pairs], dtype=np.int64)
        self.weights = np.array([w for _, w in pairs], dtype=np.float64)
        self.norm = math.sqrt(sum(w * w for _, w in pairs)) or 1.0

    def items(self) -> list[tuple[int, float]]:
        return list(zip(self.terms.tolist(), self.weights.tolist(), strict=True))

    def values(self) -> list[float]:
        return self.weights.tolist()

    def __iter__(self) -> Iterator[int]:
        return iter(self.terms.tolist())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Centroid) and self.items() == other.items()

    @classmethod
    def of_arrays(cls, terms: np.ndarray, weights: np.ndarray, norm: float) -> Centroid:
        centroid = cls.__new__(cls)
        centroid.terms, centroid.weights, centroid.norm = terms, weights, norm
        return centroid

    def plus(self, weights: Iterable[tuple[int, float]]) -> Centroid:
        """The centroid with these weights added, cut to its ``TOP_TERMS`` strongest."""
        summed = Counter(dict(self.items()))
        summed.update(dict(weights))
        return Centroid(_top(summed, TOP_TERMS))


@dataclass
class StoryState:
    id: str
    order: int  # when the story was opened: the older story survives a merge
    centroid: Centroid = field(default_factory=Centroid)
    actors: Counter[str] = field(default_factory=Counter)
    days: list[int] = field(default_factory=list)  # sorted
    dated_buckets: set[int] = field(default_factory=set)
    size: int = 0

    def keys(self) -> set[Key]:
        return {*self.centroid, *self.actors}

    def buckets(self) -> set[int]:
        return self.dated_buckets or {UNDATED}


class BucketCodec(Codec[Bucket]):
    """A `Bucket` as text (one story), a list (a tuple) or a map {"set": [...]} (a set)."""

    what = "a story id, a list of them or a set of them"
    members = ListOf(TEXT)

    def encode(self, value: Bucket) -> Any:
        if isinstance(value, str):
            return value
        if isinstance(value, set):
            return {"set": sorted(self.members.encode(list(value)))}
        return self.members.encode(list(value))

    def decode(self, data: Any) -> Bucket:
        if isinstance(data, str):
            return data
        if isinstance(data, dict) and set(data) == {"set"}:
            return set(self.members.decode(data["set"]))
        try:
            return tuple(self.members.decode(data))
        except StateFormatError:
            raise self.refuse(data) from None


KEY: Codec[Key] = Either(INT, TEXT)
CENTROID = Fields(
    "a centroid",
    [("terms", Array("int64")), ("weights", Array("float64")), ("norm", FLOAT)],
    Centroid.of_arrays,
)
STORY = Fields(
    "a story",
    [
        ("id", TEXT),
        ("order", INT),
        ("centroid", CENTROID),
        ("actors", CounterOf(TEXT)),
        ("days", ListOf(INT)),
        ("dated_buckets", SetOf(INT)),
        ("size", INT),
    ],
    StoryState,
)
SIGNAL = Fields(
    "a signal",
    [
        ("terms", Array("int64")),
        ("weights", Array("float32")),
        ("actors", TupleOf(TEXT)),
        ("day", Optional(INT)),
        ("original", Optional(TEXT)),
    ],
    Signal,
)


class StoryClusterer(JournaledState):
    # saved as declared (see state.py); merges and splits are reported once, by the
    # object that made them
    SCALARS: ClassVar[dict[str, Codec[Any]]] = {"n_docs": INT, "n_opened": INT}
    JOURNALED: ClassVar[dict[str, Entries[Any, Any]]] = {
        "df": Entries(INT, INT),
        "alias": Entries(TEXT, TEXT),
    }
    # one entry per article, story or (key, time bucket): kept in the store
    SPILLED: ClassVar[dict[str, Entries[Any, Any]]] = {
        "stories": Entries(TEXT, STORY),
        "orders": Entries(TEXT, INT),
        "story_of": Entries(TEXT, TEXT),
        "signals": Entries(TEXT, SIGNAL),
        "members": Entries(TEXT, ListOf(TEXT)),
        "index": Entries(Pair(KEY, INT), BucketCodec()),
        "key_buckets": Entries(KEY, ListOf(INT)),
    }

    def __init__(self) -> None:
        self.df: Counter[int] = Counter()
        self.n_docs = 0
        self.n_opened = 0  # stories ever opened: the next one's order
        self.stories: SpilledDict = SpilledDict()  # story id -> StoryState
        self.orders: SpilledDict = SpilledDict()  # story id -> its order, read on its own
        self.story_of: SpilledDict = SpilledDict()  # article id -> story id (before merges)
        self.alias: dict[str, str] = {}  # merged story id -> the story it went into
        # (key, time bucket) -> its stories (`Bucket`); key -> its dated buckets, sorted
        self.index: SpilledDict = SpilledDict()
        self.key_buckets: SpilledDict = SpilledDict()
        self._merges: dict[str, str] = {}
        # for the split check (split.py): stories up to SPLIT_MAX articles -> their
        # articles in arrival order, and those articles' signals
        self.members: SpilledDict = SpilledDict()
        self.signals: SpilledDict = SpilledDict()
        self._splits: dict[str, str] = {}
        self._changed: dict[str, set[Any]] = {}

    def _rebuild(self) -> None:
        self._merges, self._splits = {}, {}

    # ------------------------------------------------------------------ public
    def add(self, article: Article, analysis: Analysis, terms: Counter[int] | None = None) -> str:
        """The story id the article belongs to (an existing one, or a new one). `terms` are
        the article's `term_counts`, made here when not given."""
        if article.id in self.story_of:
            return self.story_id(article.id)
        terms = term_counts(article) if terms is None else terms
        self.n_docs += 1
        self.df.update(terms.keys())
        for term in terms:
            self._touch("df", term)
        vector = self._tfidf(terms)
        actors = Counter(m.actor.key for m in analysis.mentions if m.type in ACTOR_TYPES)
        day = _day(article.published)
        original = self._story_of_original(article)
        if original is not None:
            story_id, scored = original, []
        else:
            scored = self._scored(vector, actors, day)
            story_id = scored[0][1] if scored and scored[0][0] >= JOIN_SCORE else None
        if story_id is None:
            story_id = stable_id("s", article.id)
            self._open(story_id)
            self._set_members(story_id, [])
        self._absorb(self.stories[story_id], vector, actors, day)
        self.story_of[article.id] = story_id
        self._touch("story_of", article.id)
        copied = article.duplicate_of if original is not None else None
        self._add_member(story_id, article.id, Signal.of(vector, actors, day, copied))
        story_id = self._merge_bridged(story_id, scored)
        return story_id

    def revise(self, article: Article, analysis: Analysis) -> str | None:
        """Take in an added article's changed evidence (its inferred date, its redone
        analysis); its story splits if it no longer hangs together. The story id now
        (None for an article never added)."""
        if article.id not in self.story_of:
            return None
        story = self.stories[self.story_id(article.id)]
        day = _day(article.published)
        old = self.signals.get(article.id)
        if old is None:  # a settled story: it only learns the new day
            if day is not None and day not in story.days:
                self._set_days(story, [*story.days, day])
            return story.id
        actors = Counter(m.actor.key for m in analysis.mentions if m.type in ACTOR_TYPES)
        new = Signal(old.terms, old.weights, tuple(sorted(actors)), day, old.original)
        if (new.day, new.actors) == (old.day, old.actors):
            return story.id
        self.signals[article.id] = new
        self._touch("signals", article.id)
        days = list(story.days)
        if old.day is not None and old.day in days:
            days.remove(old.day)
        self._set_days(story, days + ([day] if day is not None else []))
        self._split_if_apart(story)
        return self.story_id(article.id)

    def splits(self) -> dict[str, str]:
        """Stories split off since the last call (or since this object was made or loaded):
        new id -> the story it left (the part with that story's first article keeps its id)."""
        found = dict(sorted(self._splits.items()))
        self._splits = {}
        return found

    def story_members(self, story_id: str) -> list[str]:
        """A story's articles in arrival order, while it is small enough to be checked."""
        return list(self.members.get(story_id, []))

    def _open(self, story_id: str) -> StoryState:
        self.n_opened += 1
        story = StoryState(id=story_id, order=self.n_opened - 1)
        self.stories[story_id] = story
        self.orders[story_id] = story.order
        return story

    def story_id(self, article_id: str) -> str:
        """The current story of an article already added (following merges)."""
        return self._resolve(self.story_of[article_id])

    def merged(self) -> dict[str, str]:
        """Stories merged since the last call (or since this object was made or loaded):
        old id -> surviving id."""
        found = {old: self._resolve(new) for old, new in sorted(self._merges.items())}
        self._merges = {}
        return found

    # ------------------------------------------------------------------ scoring
    def _story_of_original(self, article: Article) -> str | None:
        if article.duplicate_of and article.duplicate_of in self.story_of:
            return self.story_id(article.duplicate_of)
        return None

    def _scored(
        self, vector: dict[int, float], actors: Counter[str], day: int | None
    ) -> list[tuple[float, str]]:
        """Candidate stories with their scores, best first (ties: the older story)."""
        scored = []
        for story_id in self._candidates(vector, actors, day):
            score = self._score(self.stories[story_id], vector, actors, day)
            if score is not None:
                scored.append((score, story_id))
        return sorted(scored, key=lambda s: (-s[0], self.stories[s[1]].order))

    def _score(
        self, story: StoryState, vector: dict[int, float], actors: Counter[str], day: int | None
    ) -> float | None:
        closeness = _closeness(day, story.days)
        if closeness is None:
            return None
        return (
            WEIGHTS["text"] * _cosine(vector, story.centroid)
            + WEIGHTS["actors"] * _overlap(actors, story.actors)
            + WEIGHTS["time"] * closeness
        )

    def _candidates(
        self, vector: dict[int, float], actors: Counter[str], day: int | None
    ) -> list[str]:
        """The stories sharing most index keys with the article, near its date."""
        strongest = sorted(vector, key=lambda t: (-vector[t], t))[:QUERY_TERMS]
        keys: list[Key] = [*strongest, *sorted(actors)]
        if day is None:
            self.key_buckets.fetch(keys)
        searched = [
            (key, bucket)
            for key in keys
            for bucket in _buckets_to_search(day, self.key_buckets.get(key, []))
        ]
        self.index.fetch(searched)
        hits: Counter[str] = Counter()
        for at in searched:
            hits.update(_bucket_stories(self.index.get(at)))
        chosen = self._most_hit(hits)
        self.stories.fetch(chosen)  # they are scored next
        return chosen

    def _most_hit(self, hits: Counter[str]) -> list[str]:
        """The ``MAX_CANDIDATES`` stories with most hits, the older first among equals: only
        the stories at the cut need their order (hundreds may share one key)."""
        if len(hits) <= MAX_CANDIDATES:
            return list(hits)
        cut = sorted(hits.values(), reverse=True)[MAX_CANDIDATES - 1]
        above = [s for s in hits if hits[s] > cut]
        at_cut = [s for s in hits if hits[s] == cut]
        self.orders.fetch(at_cut)
        at_cut.sort(key=lambda s: self.orders[s])
        return above + at_cut[: MAX_CANDIDATES - len(above)]

    # ------------------------------------------------------------------ updating
    def _absorb(
        self, story: StoryState, vector: dict[int, float], actors: Counter[str], day: int | None
    ) -> None:
        keys, buckets = story.keys(), set(story.buckets())  # a copy: dated_buckets grows
        _grow(story, vector, actors, day)
        self._touch("stories", story.id)
        # only what changed is re-indexed: the cost does not grow with the story's size
        self._unindex(story, keys, buckets - story.buckets())
        self._unindex(story, keys - story.keys(), buckets)
        self._reindex(story, story.keys(), story.buckets() - buckets)
        self._reindex(story, story.keys() - keys, story.buckets())

    def _unindex(self, story: StoryState, keys: set[Key], buckets: set[int]) -> None:
        pairs = [(key, bucket) for key in keys for bucket in buckets]
        self.index.fetch(pairs)
        for at in pairs:
            held = self.index.get(at)
            if held is None:
                continue
            left = _without(held, story.id)
            if left is not None:
                self.index[at] = left
                continue
            del self.index[at]  # the store stays proportional to what is live
            key, bucket = at
            if bucket != UNDATED:
                dated = [b for b in self.key_buckets[key] if b != bucket]
                if dated:
                    self.key_buckets[key] = dated
                else:
                    del self.key_buckets[key]

    def _reindex(self, story: StoryState, keys: set[Key], buckets: set[int]) -> None:
        pairs = [(key, bucket) for key in keys for bucket in buckets]
        self.index.fetch(pairs)
        self.key_buckets.fetch(keys)
        for at in pairs:
            held = self.index.get(at)
            self.index[at] = _with(held, story.id)
            key, bucket = at
            if held is None and bucket != UNDATED:
                dated = list(self.key_buckets.get(key, []))
                insort(dated, bucket)
                self.key_buckets[key] = dated

    def _merge_bridged(self, story_id: str, scored: list[tuple[float, str]]) -> str:
        """Merge into the article's story every other story the article matches strongly
        and which matches that story: the article showed they are one."""
        story = self.stories[story_id]
        for score, other_id in scored:
            if other_id == story_id or score < MERGE_SCORE or other_id not in self.stories:
                continue
            other = self.stories[other_id]
            day = other.days[len(other.days) // 2] if other.days else None
            together = self._score(story, dict(_normalised(other.centroid)), other.actors, day)
            if together is None or together < JOIN_SCORE:
                continue
            older, younger = sorted((story, other), key=lambda s: s.order)
            self._merge(younger, older)
            story = older
        return story.id

    def _merge(self, younger: StoryState, older: StoryState) -> None:
        self._unindex(younger, younger.keys(), younger.buckets())
        self._unindex(older, older.keys(), older.buckets())
        older.centroid = older.centroid.plus(younger.centroid.items())
        older.actors.update(younger.actors)
        older.actors = Counter(dict(_top(older.actors, TOP_ACTORS)))
        older.days = sorted(older.days + younger.days)
        older.dated_buckets |= younger.dated_buckets
        older.size += younger.size
        self._reindex(older, older.keys(), older.buckets())
        del self.stories[younger.id], self.orders[younger.id]
        self._merge_members(younger.id, older.id)
        self.alias[younger.id] = older.id
        self._merges[younger.id] = older.id
        for changed in ("stories", "alias"):
            self._touch(changed, younger.id)
        self._touch("stories", older.id)

    # ------------------------------------------------------------------ splits
    def _set_members(self, story_id: str, members: list[str] | None) -> None:
        if members is None:
            self.members.pop(story_id, None)
        else:
            self.members[story_id] = members
        self._touch("members", story_id)

    def _add_member(self, story_id: str, article_id: str, signal: Signal) -> None:
        members = self.members.get(story_id)
        if members is None:
            return  # settled
        if len(members) >= SPLIT_MAX:
            self._settle(story_id)
            return
        self._set_members(story_id, [*members, article_id])
        self.signals[article_id] = signal
        self._touch("signals", article_id)

    def _merge_members(self, younger: str, older: str) -> None:
        a, b = self.members.get(older), self.members.get(younger)
        if a is not None and b is not None and len(a) + len(b) <= SPLIT_MAX:
            # the members and their signals now belong to the older story
            self._set_members(older, a + b)
            self._set_members(younger, None)
        else:
            self._settle(older)
            self._settle(younger)

    def _settle(self, story_id: str) -> None:
        """Too big to be split by one article's change: forget its signals."""
        for article_id in self.members.get(story_id, []):
            self.signals.pop(article_id, None)
            self._touch("signals", article_id)
        self._set_members(story_id, None)

    def _set_days(self, story: StoryState, days: list[int]) -> None:
        self._unindex(story, story.keys(), story.buckets())
        story.days = sorted(days)
        story.dated_buckets = {d // WINDOW_DAYS for d in story.days}
        self._reindex(story, story.keys(), story.buckets())
        self._touch("stories", story.id)

    def _replayed(self, members: list[str]) -> dict[str, int]:
        """Each member's part when the members arrive again in order with their present
        signals and join as `add` would let them (the best part scoring JOIN_SCORE)."""
        parts: list[StoryState] = []
        part_of: dict[str, int] = {}
        for article_id in members:
            signal = self.signals[article_id]
            vector, actors = signal.vector(), Counter(signal.actors)
            scored = [
                (score, i)
                for i, part in enumerate(parts)
                if (score := self._score(part, vector, actors, signal.day)) is not None
            ]
            best = max(scored, default=(0.0, -1), key=lambda s: (s[0], -s[1]))
            if signal.original in part_of:
                best = (1.0, part_of[signal.original])
            if best[0] < JOIN_SCORE:
                parts.append(StoryState(id="", order=len(parts)))
                best = (1.0, len(parts) - 1)
            _grow(parts[best[1]], vector, actors, signal.day)
            part_of[article_id] = best[1]
        return part_of

    def _linked(self, a: str, b: str) -> bool:
        first, second = self.signals[a], self.signals[b]
        if b in (first.original, second.original) or a in (first.original, second.original):
            return True
        single = StoryState(id="", order=0, centroid=Centroid(second.vector().items()))
        single.actors, single.days = Counter(second.actors), _days(second.day)
        score = self._score(single, first.vector(), Counter(first.actors), first.day)
        return score is not None and score >= JOIN_SCORE

    def _split_if_apart(self, story: StoryState) -> None:
        members = self.members.get(story.id)
        if not members or len(members) < 2:
            return
        if any(self.signals.get(m) is None for m in members):
            # a store saved before merges kept their members' signals: too little evidence
            # left to split it, so it is settled
            self._settle(story.id)
            return
        replayed = self._replayed(members)
        parts = components(members, lambda a, b: replayed[a] == replayed[b] or self._linked(a, b))
        if len(parts) == 1:
            return
        self._remake(story, parts[0])
        for part in parts[1:]:
            new_id = stable_id("s", part[0])
            if new_id in self.stories or new_id in self.alias:  # its own story went away
                new_id = stable_id("s", part[0], story.id)
            self._open(new_id)
            self._remake(self.stories[new_id], part)
            for article_id in part:
                self.story_of[article_id] = new_id
                self._touch("story_of", article_id)
            self._splits[new_id] = story.id

    def _remake(self, story: StoryState, members: list[str]) -> None:
        """The story made again from its members' signals."""
        self._unindex(story, story.keys(), story.buckets())
        story.centroid, story.actors, story.days = Centroid(), Counter(), []
        story.dated_buckets, story.size = set(), 0
        self._set_members(story.id, [])
        for article_id in members:
            signal = self.signals[article_id]
            self._absorb(story, signal.vector(), Counter(signal.actors), signal.day)
            self._set_members(story.id, [*self.members[story.id], article_id])

    def _resolve(self, story_id: str) -> str:
        while story_id in self.alias:
            story_id = self.alias[story_id]
        return story_id

    # ------------------------------------------------------------------ vectors
    def _tfidf(self, terms: Counter[int]) -> dict[int, float]:
        weights = {
            t: (1 + math.log(c)) * math.log((1 + self.n_docs) / (1 + self.df[t]) + 1)
            for t, c in terms.items()
        }
        return dict(_normalised(weights))


def term_counts(article: Article) -> Counter[int]:
    """The article's hashed term counts (the title counted twice): a pure function of the
    article, made by the worker that analyses it."""
    text = f"{article.title or ''}\n{article.title or ''}\n{article.text}"
    row = _vectoriser.transform([text])
    return Counter(dict(zip(row.indices.tolist(), row.data.tolist(), strict=True)))


def _grow(
    story: StoryState, vector: dict[int, float], actors: Counter[str], day: int | None
) -> None:
    """Add one article's evidence to a story (its index entries are the caller's task)."""
    story.centroid = story.centroid.plus(vector.items())
    story.actors.update(actors)
    story.actors = Counter(dict(_top(story.actors, TOP_ACTORS)))
    if day is not None:
        insort(story.days, day)
        story.dated_buckets.add(day // WINDOW_DAYS)
    story.size += 1


def _top(counts: Counter[Any], n: int) -> list[tuple[Any, float]]:
    """The n largest entries; ties broken by key so that runs are deterministic."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[:n]


def _normalised(weights: dict[int, float] | Counter[int] | Centroid) -> list[tuple[int, float]]:
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return [(t, w / norm) for t, w in weights.items()]


def _bucket_stories(members: Bucket | None) -> Collection[str]:
    if members is None:
        return ()
    return (members,) if isinstance(members, str) else members


def _with(members: Bucket | None, story_id: str) -> Bucket:
    if members is None:
        return story_id
    if isinstance(members, set):
        members.add(story_id)
        return members
    stories = _bucket_stories(members)
    if story_id in stories:
        return members
    if len(stories) < SMALL_BUCKET:
        return (*stories, story_id)
    return {*stories, story_id}


def _without(members: Bucket, story_id: str) -> Bucket | None:
    if isinstance(members, set):
        members.discard(story_id)
        return members if len(members) > 1 else next(iter(members), None)
    left = tuple(s for s in _bucket_stories(members) if s != story_id)
    return left if len(left) > 1 else next(iter(left), None)


def _buckets_to_search(day: int | None, dated: list[int]) -> list[int]:
    """The time buckets an article looks in for one key (`dated`: the key's dated buckets,
    sorted; an undated article looks in the latest)."""
    if day is None:
        return [*dated[-UNDATED_BUCKETS:], UNDATED]
    bucket = day // WINDOW_DAYS
    return [bucket - 1, bucket, bucket + 1, UNDATED]


def _cosine(vector: dict[int, float], centroid: Centroid) -> float:
    """Cosine with a unit article vector; the loop runs over the short centroid."""
    return sum(w * vector.get(t, 0.0) for t, w in centroid.items()) / centroid.norm


def _overlap(actors: Counter[str], story_actors: Counter[str]) -> float:
    if not actors or not story_actors:
        return 0.0
    shared = set(actors) & set(story_actors)
    return len(shared) / min(len(actors), len(story_actors))


def _closeness(day: int | None, story_days: list[int]) -> float | None:
    """1 for the same day, decaying with distance; None outside the window; 0.5 when
    either side has no date."""
    if day is None or not story_days:
        return 0.5
    at = bisect_left(story_days, day)
    distance = min(abs(day - story_days[i]) for i in (at - 1, at) if 0 <= i < len(story_days))
    if distance > WINDOW_DAYS:
        return None
    return math.exp(-distance / DECAY_DAYS)


def _days(day: int | None) -> list[int]:
    return [] if day is None else [day]


def _day(published: str | None) -> int | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None
