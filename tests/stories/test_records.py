"""The stages' state as plain records: every declared attribute round-trips with its types,
and values of the wrong shape are refused."""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

import msgpack
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.fuzz.strategies import FAST
from tests.stories.factory import ELECTION, HARBOUR, HARBOUR_OTHER_OUTLET, VOLCANO, article

from crosswire.model import Analysis, Article
from crosswire.stories.buckets import BucketCodec
from crosswire.stories.cluster import StoryClusterer
from crosswire.stories.dedup import DuplicateIndex
from crosswire.stories.records import (
    BOOL,
    INT,
    TEXT,
    Array,
    Entries,
    PlainKey,
    StateFormatError,
    pack,
    unpack,
)
from crosswire.stories.schedule import StoryBuilds
from crosswire.stories.state import JournaledState


def stages() -> list[JournaledState]:
    """The three stages after a few articles: copies, joins, a merge, a revision."""
    index, clusterer, builds = DuplicateIndex(), StoryClusterer(), StoryBuilds()
    opening = (
        "Engineers in Valparaiso finished the dredging of the harbour channel on Monday, "
        "the port authority said, ahead of the opening of its new container terminal."
    )
    items = [
        article("a", opening),
        article("b", HARBOUR_OTHER_OUTLET),
        article("c", f"{opening} {HARBOUR_OTHER_OUTLET}"),  # bridges a and b: a merge
        article("d", VOLCANO, published=None),
        article("e", VOLCANO + " Source: Java Wire.", url="https://wire.example/v"),
        article("f", ELECTION, published="2021-03-09"),
        *[article(f"h{i}", f"{HARBOUR} Update {i}.") for i in range(3)],
        *unrelated(10),  # ten stories under one key: a bucket that is a set
    ]
    for item in items:
        copies = index.add(item)
        item.duplicate_of = None if item.id == "c" else copies  # c bridges as an original
        story = clusterer.add(item, Analysis(item.id))
        builds.due(story, 1) or builds.rebuilt(story, 1)
    builds.due(clusterer.story_id("a"), 1)  # stale
    clusterer.revise(article("d", VOLCANO, published="2021-03-04"), Analysis("d"))
    assert clusterer.merged() and any(isinstance(b, set) for b in clusterer.index.values())
    return [index, clusterer, builds]


def unrelated(n: int) -> list[Article]:
    """n articles of made-up words, with one word in common."""
    vocabulary = [f"w{k}x" for k in range(3000)]
    texts = [" ".join(["zanzibar", *random.Random(i).sample(vocabulary, 40)]) for i in range(n)]
    return [article(f"u{i}", text) for i, text in enumerate(texts)]


def same(a: Any, b: Any) -> bool:
    """Equal, and of the same types all the way down (a tuple is no list)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, np.ndarray):
        return a.dtype == b.dtype and a.tolist() == b.tolist()
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if hasattr(a, "__slots__") or hasattr(a, "__dataclass_fields__"):
        names = getattr(a, "__dataclass_fields__", None) or a.__slots__
        return all(same(getattr(a, n), getattr(b, n)) for n in names)
    return bool(a == b)


def test_every_declared_entry_reads_back_as_it_was_with_its_types() -> None:
    checked = 0
    for stage in stages():
        declared = {**stage.JOURNALED, **stage.SPILLED}
        for name, entries in declared.items():
            for key, value in dict(getattr(stage, name)).items():
                assert same(entries.key_of(entries.key_bytes(key), name), key), (name, key)
                assert same(entries.value_of(entries.value_bytes(value), name), value), name
                checked += 1
    assert checked > 500


def test_a_base_and_a_delta_are_primitive_data_only() -> None:
    def primitive(data: Any) -> bool:
        if isinstance(data, list):
            return all(primitive(v) for v in data)
        if isinstance(data, dict):
            return all(isinstance(k, str) and primitive(v) for k, v in data.items())
        return data is None or isinstance(data, bool | int | float | str | bytes)

    for stage in stages():
        for data in (stage.delta(), stage.to_state()):
            assert primitive(msgpack.unpackb(data, raw=False, strict_map_key=False))


def test_a_stage_round_trips_through_its_base_with_its_types() -> None:
    for stage in stages():
        loaded = type(stage).from_state(stage.to_state())
        for name in [*stage.SCALARS, *stage.JOURNALED, *stage.SPILLED]:
            assert same(dict_of(getattr(loaded, name)), dict_of(getattr(stage, name))), name


def dict_of(value: Any) -> Any:
    return dict(value) if hasattr(value, "items") and not isinstance(value, Counter) else value


@pytest.mark.parametrize(
    ("codec", "wrong"),
    [(INT, True), (INT, "1"), (INT, 1.0), (TEXT, b"x"), (TEXT, 1), (BOOL, 1), (BOOL, None)],
)
def test_a_primitive_of_the_wrong_type_is_refused(codec: Any, wrong: Any) -> None:
    with pytest.raises(StateFormatError, match="expected"):
        codec.decode(wrong)
    with pytest.raises(StateFormatError):
        codec.encode(wrong)  # never written either


def test_an_array_keeps_its_type_and_refuses_another() -> None:
    codec = Array("uint32")
    values = np.array([0, 1, 2**32 - 1], dtype=np.uint32)
    assert same(codec.decode(codec.encode(values)), values)
    with pytest.raises(StateFormatError):
        codec.encode(values.astype(np.int64))
    with pytest.raises(StateFormatError):
        codec.decode(b"\x00" * 5)  # not whole values
    with pytest.raises(StateFormatError):
        codec.decode([1, 2])


@FAST
@given(
    st.one_of(
        st.text(min_size=1),
        st.lists(st.text(), max_size=8).map(tuple),
        st.sets(st.text(), min_size=2),
    )
)
def test_a_bucket_keeps_its_kind(bucket: Any) -> None:
    codec = BucketCodec()
    assert same(codec.decode(unpack(pack(codec.encode(bucket)), "test")), bucket)


@FAST
@given(
    st.recursive(
        st.one_of(st.text(), st.integers(-(2**63), 2**64 - 1)),
        lambda inner: st.lists(inner, max_size=3).map(tuple),
        max_leaves=8,
    )
)
def test_a_plain_key_reads_back_as_written(key: Any) -> None:
    entries = Entries(PlainKey(), INT)
    assert same(entries.key_of(entries.key_bytes(key), "test"), key)


@pytest.mark.parametrize(
    "data",
    [
        msgpack.packb(msgpack.ExtType(5, b"code")),
        msgpack.packb({1: "an integer key"}),
        msgpack.packb([1]) + b"trailing",
        b"\x80\x05\x95",  # a pickle's start
        b"",
    ],
)
def test_what_is_not_plain_data_is_refused(data: bytes) -> None:
    with pytest.raises(StateFormatError, match="not a state record"):
        unpack(data, "test")
