"""The clusterer's blocking index: which stories an arriving article is scored against.

Stories are indexed by their top terms and actor keys *per time bucket* of
``WINDOW_DAYS``; an article looks only in its own and the neighbouring buckets, takes the
``MAX_CANDIDATES`` stories sharing most keys with it, and scores those. So the work per
article depends on how many stories are live around its date, not on the size of the store
(the bucket dictionaries and sorted day lists add a log factor). The index is spilled
(spilled.py): in a store, the buckets of months gone by stay on disk until an article of
their time arrives.
"""

from __future__ import annotations

from bisect import insort
from collections import Counter
from collections.abc import Collection
from typing import Any

from crosswire.stories.records import INT, TEXT, Codec, Either, ListOf, StateFormatError
from crosswire.stories.scoring import UNDATED, WINDOW_DAYS, Key, StoryState
from crosswire.stories.spilled import SpilledDict

QUERY_TERMS = 25  # an article's strongest terms used to look up candidates
MAX_CANDIDATES = 40  # stories scored per article, those sharing most keys with it
UNDATED_BUCKETS = 3  # an undated article looks in the latest buckets of each key

# The stories indexed under one key and time bucket: one story id, a few in a tuple, or a
# set. Most (key, bucket) pairs of a news archive hold one or two stories, and a set for
# each was two thirds of the clusterer's memory.
Bucket = str | tuple[str, ...] | set[str]
SMALL_BUCKET = 8


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


class StoryIndex:
    """Stories by (key, time bucket) in `index`, each key's dated buckets (sorted) in
    `key_buckets`, and each story's order in `orders` (the clusterer's spilled
    dictionaries, which it saves)."""

    def __init__(self, index: SpilledDict, key_buckets: SpilledDict, orders: SpilledDict):
        self.index, self.key_buckets, self.orders = index, key_buckets, orders

    def candidates(
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
            for bucket in buckets_to_search(day, self.key_buckets.get(key, []))
        ]
        self.index.fetch(searched)
        hits: Counter[str] = Counter()
        for at in searched:
            hits.update(bucket_stories(self.index.get(at)))
        return self.most_hit(hits)

    def most_hit(self, hits: Counter[str]) -> list[str]:
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

    def remove(self, story: StoryState, keys: set[Key], buckets: set[int]) -> None:
        """Take the story out of these keys' buckets."""
        pairs = [(key, bucket) for key in keys for bucket in buckets]
        self.index.fetch(pairs)
        for at in pairs:
            held = self.index.get(at)
            if held is None:
                continue
            left = without(held, story.id)
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

    def add(self, story: StoryState, keys: set[Key], buckets: set[int]) -> None:
        """Put the story in these keys' buckets."""
        pairs = [(key, bucket) for key in keys for bucket in buckets]
        self.index.fetch(pairs)
        self.key_buckets.fetch(keys)
        for at in pairs:
            held = self.index.get(at)
            self.index[at] = with_(held, story.id)
            key, bucket = at
            if held is None and bucket != UNDATED:
                dated = list(self.key_buckets.get(key, []))
                insort(dated, bucket)
                self.key_buckets[key] = dated


def bucket_stories(members: Bucket | None) -> Collection[str]:
    if members is None:
        return ()
    return (members,) if isinstance(members, str) else members


def with_(members: Bucket | None, story_id: str) -> Bucket:
    if members is None:
        return story_id
    if isinstance(members, set):
        members.add(story_id)
        return members
    stories = bucket_stories(members)
    if story_id in stories:
        return members
    if len(stories) < SMALL_BUCKET:
        return (*stories, story_id)
    return {*stories, story_id}


def without(members: Bucket, story_id: str) -> Bucket | None:
    if isinstance(members, set):
        members.discard(story_id)
        return members if len(members) > 1 else next(iter(members), None)
    left = tuple(s for s in bucket_stories(members) if s != story_id)
    return left if len(left) > 1 else next(iter(left), None)


def buckets_to_search(day: int | None, dated: list[int]) -> list[int]:
    """The time buckets an article looks in for one key (`dated`: the key's dated buckets,
    sorted; an undated article looks in the latest)."""
    if day is None:
        return [*dated[-UNDATED_BUCKETS:], UNDATED]
    bucket = day // WINDOW_DAYS
    return [bucket - 1, bucket, bucket + 1, UNDATED]
