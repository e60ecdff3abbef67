"""A story's evidence folded in plain dictionaries is the one `scoring.grow` makes, and the
evidence without each member is the fold of the others."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.stories.leave_one_out import Part, folded, strongest, without_each
from crosswire.stories.scoring import StoryState, grow
from crosswire.stories.vectors import top

# few terms and weights, so that sums tie and stories outgrow the kept terms and actors
TERMS = st.integers(min_value=0, max_value=90)
WEIGHTS = st.sampled_from([0.05, 0.1, 0.125, 0.2, 0.25, 0.3, 0.5])
VECTORS = st.dictionaries(TERMS, WEIGHTS, max_size=70)
ACTORS = st.lists(st.sampled_from([f"p:{i}" for i in range(40)]), max_size=12)
DAYS = st.one_of(st.none(), st.integers(min_value=730_000, max_value=730_040))
PLACES = st.lists(st.sampled_from(["fr.lyon", "ie.cork", "also:pt.porto"]), max_size=2)
PARTS = st.lists(st.tuples(VECTORS, ACTORS, DAYS, PLACES), min_size=1, max_size=8)


def as_part(
    vector: dict[int, float], actors: list[str], day: int | None, places: list[str]
) -> Part:
    return vector, Counter(actors), day, tuple(places)


def grown(parts: list[Part]) -> StoryState:
    story = StoryState(id="", order=0)
    for vector, actors, day, places in parts:
        grow(story, vector, Counter(actors), day, places)
    return story


def same(one: StoryState, other: StoryState) -> bool:
    """The same evidence: the centroid's terms and weights in the same order, the same
    actors (a set when scored), days, buckets, size and places."""
    return (
        one.centroid.items() == other.centroid.items()
        and one.centroid.norm == other.centroid.norm
        and one.actors == other.actors
        and (one.days, one.dated_buckets, one.size) == (other.days, other.dated_buckets, other.size)
        and one.places == other.places
    )


@settings(max_examples=150, deadline=None)
@given(PARTS)
def test_folding_gives_what_grow_gives(raw: list[tuple]) -> None:
    parts = [as_part(*p) for p in raw]
    assert same(folded(parts), grown(parts))


@settings(max_examples=100, deadline=None)
@given(PARTS)
def test_without_each_is_the_fold_of_the_others(raw: list[tuple]) -> None:
    parts = [as_part(*p) for p in raw]
    for i, state in enumerate(without_each(parts)):
        assert same(state, grown(parts[:i] + parts[i + 1 :]))


@given(st.dictionaries(TERMS, WEIGHTS), st.integers(min_value=1, max_value=60))
def test_strongest_orders_as_top(counts: dict[int, float], n: int) -> None:
    assert strongest(counts, n) == top(Counter(counts), n)
