"""Incremental stage state: base snapshot + per-batch deltas in a real SQLite store."""

from __future__ import annotations

import math
import random
from collections import Counter
from pathlib import Path

import pytest
from tests.stories.factory import ELECTION, HARBOUR, VOLCANO, article

from crosswire.model import Analysis, Article
from crosswire.store import Store, open_store
from crosswire.stories.cluster import Centroid, StoryClusterer, _bucket_stories
from crosswire.stories.dedup import DuplicateIndex
from crosswire.stories.state import Journal

BASES = (HARBOUR, VOLCANO, ELECTION)


def stream(n: int) -> list[Article]:
    """n articles on three stories over a month, each a little different."""
    texts = [f"{BASES[i % 3]} Update {i}: officials gave figure {i * 7}." for i in range(n)]
    return [
        article(f"a{i}", text, published=f"2021-03-{1 + i % 28:02d}")
        for i, text in enumerate(texts)
    ]


def unrelated(n: int) -> list[Article]:
    """n articles on n different subjects (made-up words), so the state grows with them."""
    vocabulary = [f"w{k}x" for k in range(3000)]
    texts = [" ".join(random.Random(i).sample(vocabulary, 40)) for i in range(n)]
    return [article(f"u{i}", text) for i, text in enumerate(texts)]


class CountingStore:
    """A real store whose state writes are counted."""

    def __init__(self, store: Store):
        self.store, self.written, self.bases = store, 0, 0

    def save_state(self, name: str, data: bytes) -> None:
        self.written += len(data)
        self.bases += "." not in name
        self.store.save_state(name, data)

    def load_state(self, name: str) -> bytes | None:
        return self.store.load_state(name)


def run_batches(store: Store, items: list[Article], size: int) -> list[str]:
    journal, answers = Journal("stories", StoryClusterer), []
    for start in range(0, len(items), size):
        with store.transaction():
            clusterer = journal.load(store)
            answers += [clusterer.add(a, Analysis(a.id)) for a in items[start : start + size]]
            journal.save(store, clusterer)
    return answers


def test_a_stage_saved_in_deltas_loads_as_the_uninterrupted_one(tmp_path: Path) -> None:
    items = stream(60)
    store = open_store(tmp_path / "s.db")
    answers = run_batches(store, items[:40], size=4)
    whole = StoryClusterer()
    expected = [whole.add(a, Analysis(a.id)) for a in items]
    assert answers == expected[:40]
    assert store.load_state("stories.delta.1") is not None  # not one snapshot per batch
    loaded = Journal("stories", StoryClusterer).load(store)  # a fresh process
    assert indexed(loaded) == indexed(whole_after(items[:40]))
    assert [loaded.add(a, Analysis(a.id)) for a in items[40:]] == expected[40:]


def indexed(clusterer: StoryClusterer) -> dict[object, dict[int, set[str]]]:
    """The clusterer's index, each bucket's stories as a set (a bucket keeps a few stories
    in arrival order)."""
    return {
        key: {bucket: set(_bucket_stories(stories)) for bucket, stories in by_bucket.items()}
        for key, by_bucket in clusterer.index.items()
    }


def whole_after(items: list[Article]) -> StoryClusterer:
    clusterer = StoryClusterer()
    for a in items:
        clusterer.add(a, Analysis(a.id))
    return clusterer


def test_dedup_index_saved_in_deltas_keeps_finding_copies(tmp_path: Path) -> None:
    store = open_store(tmp_path / "d.db")
    journal = Journal("dedup", DuplicateIndex)
    originals = [article("h", HARBOUR), article("v", VOLCANO), article("e", ELECTION)]
    for item in originals:
        with store.transaction():
            index = journal.load(store)
            index.add(item)
            journal.save(store, index)
    fresh = Journal("dedup", DuplicateIndex).load(store)
    assert fresh.add(article("copy", VOLCANO + " Source: Java Wire.")) == "v"


def test_bytes_written_stay_proportional_to_the_state(tmp_path: Path) -> None:
    store = CountingStore(open_store(tmp_path / "c.db"))
    journal, batches = Journal("stories", StoryClusterer), 100
    items = unrelated(4 * batches)
    for start in range(0, len(items), 4):
        with store.store.transaction():
            clusterer = journal.load(store)
            for a in items[start : start + 4]:
                clusterer.add(a, Analysis(a.id))
            journal.save(store, clusterer)
    final = len(clusterer.to_state())
    # rewriting the whole state each batch would write about batches/2 times the final size
    assert store.written < 4 * final
    assert store.bases <= math.log2(batches) + 2


def test_a_rolled_back_batch_is_not_kept_in_memory(tmp_path: Path) -> None:
    store = open_store(tmp_path / "r.db")
    journal = Journal("stories", StoryClusterer)
    with store.transaction():
        clusterer = journal.load(store)
        clusterer.add(article("a", HARBOUR), Analysis("a"))
        journal.save(store, clusterer)
    with pytest.raises(RuntimeError), store.transaction():
        clusterer = journal.load(store)
        clusterer.add(article("b", VOLCANO), Analysis("b"))
        journal.save(store, clusterer)
        raise RuntimeError("the batch fails after the save")
    assert set(journal.load(store).story_of) == {"a"}
    journal.load(store).add(article("c", ELECTION), Analysis("c"))  # changed, never saved
    assert set(journal.load(store).story_of) == {"a"}


def test_a_clusterer_saved_with_dict_centroids_loads_and_clusters_the_same() -> None:
    items = stream(30)
    saved, whole = StoryClusterer(), StoryClusterer()
    for a in items[:20]:
        saved.add(a, Analysis(a.id))
        whole.add(a, Analysis(a.id))
    for story in saved.stories.values():  # as a state written before centroids were arrays
        story.centroid = Counter(dict(story.centroid.items()))  # type: ignore[assignment]
    loaded = StoryClusterer.from_state(saved.to_state())
    assert all(isinstance(s.centroid, Centroid) for s in loaded.stories.values())
    assert [loaded.add(a, Analysis(a.id)) for a in items[20:]] == [
        whole.add(a, Analysis(a.id)) for a in items[20:]
    ]
