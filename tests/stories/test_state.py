"""Incremental stage state: base snapshot + per-batch deltas in a real SQLite store."""

from __future__ import annotations

import random
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from tests.stories.factory import ELECTION, HARBOUR, VOLCANO, article

from crosswire.model import Analysis, Article
from crosswire.store import Store, open_store
from crosswire.stories.buckets import bucket_stories
from crosswire.stories.cluster import StoryClusterer
from crosswire.stories.dedup import DuplicateIndex
from crosswire.stories.spilled import SpilledBuckets, SpilledDict
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
        self.store, self.bases, self.deltas = store, [], []

    def save_state(self, name: str, data: bytes) -> None:
        if "." not in name:
            self.bases.append(len(data))
        elif ".delta." in name:
            self.deltas.append(len(data))
        self.store.save_state(name, data)

    def load_state(self, name: str) -> bytes | None:
        return self.store.load_state(name)

    def __getattr__(self, name: str) -> object:  # the spilled entries' methods
        return getattr(self.store, name)


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


def indexed(clusterer: StoryClusterer) -> tuple[dict[object, set[str]], dict[object, list[int]]]:
    """The clusterer's index, each bucket's stories as a set (a bucket keeps a few stories
    in arrival order), and each key's time buckets."""
    index = {at: set(bucket_stories(stories)) for at, stories in clusterer.index.entries()}
    return index, dict(clusterer.key_buckets.entries())


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


def test_bytes_written_stay_proportional_to_what_changed(tmp_path: Path) -> None:
    store = CountingStore(open_store(tmp_path / "c.db"))
    journal, batches = Journal("stories", StoryClusterer), 100
    items = unrelated(4 * batches)
    for start in range(0, len(items), 4):
        with store.store.transaction():
            clusterer = journal.load(store)
            for a in items[start : start + 4]:
                clusterer.add(a, Analysis(a.id))
            journal.save(store, clusterer)
    # a base is written again only once the deltas since the last one outgrow it: the
    # bases together stay under twice the deltas (rewriting the whole state each batch
    # would write about batches/2 times the final size)
    later = store.bases[1:]
    assert sum(later) < 2 * sum(store.deltas)
    assert len(store.bases) < batches / 4


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


def copies_and_stories(n: int) -> list[Article]:
    """n articles: the stream's stories, each text also re-posted twice with residue."""
    items = []
    for a in stream(n):
        items.append(a)
        for k in (1, 2):
            items.append(
                article(f"{a.id}.copy{k}", f"{a.text} Source: Wire {k}.", published=a.published)
            )
    return items


def test_stages_with_tiny_caches_answer_as_stages_kept_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a few entries kept in memory: nearly every lookup goes back to the store
    monkeypatch.setattr(SpilledDict, "CACHE_ENTRIES", 4)
    monkeypatch.setattr(SpilledBuckets, "CACHE_KEYS", 4)
    items = copies_and_stories(30)
    store = open_store(tmp_path / "spill.db")
    dedup, stories = Journal("dedup", DuplicateIndex), Journal("stories", StoryClusterer)
    spilled = []
    for start in range(0, len(items), 5):
        with store.transaction():
            index, clusterer = dedup.load(store), stories.load(store)
            for a in items[start : start + 5]:
                a.duplicate_of = index.add(a)
                spilled.append((a.duplicate_of, clusterer.add(a, Analysis(a.id))))
            dedup.save(store, index)
            stories.save(store, clusterer)
        assert len(index.signatures._hot) <= 4 and len(index.bands._hot) <= 4
        assert len(clusterer.story_of._hot) <= 4
    whole_index, whole_clusterer, kept = DuplicateIndex(), StoryClusterer(), []
    for a in copies_and_stories(30):
        a.duplicate_of = whole_index.add(a)
        kept.append((a.duplicate_of, whole_clusterer.add(a, Analysis(a.id))))
    assert spilled == kept
    assert all(d is not None for (d, _), a in zip(kept, items, strict=True) if "copy" in a.id)
    reloaded = Journal("dedup", DuplicateIndex).load(store)
    assert dict(reloaded.original.entries()) == dict(whole_index.original.entries())


KEYS = st.one_of(
    st.sampled_from(["a1", "Gdańsk", "\udcff", ""]),
    st.integers(-3, 3),
    st.tuples(st.integers(0, 2), st.integers(-1, 1)),
)
OPS = st.lists(
    st.one_of(
        # values within MessagePack's 64-bit integers, as every stage's are
        st.tuples(st.just("set"), KEYS, st.integers(-(2**63), 2**64 - 1)),
        st.tuples(st.just("del"), KEYS, st.none()),
        st.tuples(st.just("flush"), st.none(), st.none()),
        st.tuples(st.just("reload"), st.none(), st.none()),
    ),
    max_size=40,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=OPS)
# an entry deleted after it was saved stays deleted; entries forgotten from memory come back
@example(ops=[("set", "a1", 1), ("flush", None, None), ("del", "a1", None), ("reload", None, None)])
@example(ops=[("set", k, 7) for k in range(-3, 4)] + [("flush", None, None)])
def test_a_spilled_dict_with_a_tiny_cache_reads_as_a_plain_dict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ops: list[tuple[str, object, object]]
) -> None:
    monkeypatch.setattr(SpilledDict, "CACHE_ENTRIES", 2)
    store = open_store(tmp_path / f"{uuid.uuid4()}.db")  # one per example
    spilled, plain = SpilledDict(), {}
    spilled.attach(store, "s.d")
    with store.transaction():
        for op, key, value in ops:
            if op == "set":
                spilled[key] = plain[key] = value
            elif op == "del" and key in plain:
                del spilled[key], plain[key]
            elif op == "flush":
                spilled.flush()
            elif op == "reload":  # a fresh process: only what was flushed is there
                spilled.flush()
                spilled = SpilledDict()
                spilled.attach(store, "s.d")
            assert {k: spilled.get(k) for k in plain} == plain
            assert all(k in plain or k not in spilled for k in ["a1", 0, (0, 0)])
        assert dict(spilled.entries()) == plain
    store.close()
