"""Incremental story clustering: joining, opening, stability, state, merges."""

from __future__ import annotations

import random
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st
from tests.fuzz.strategies import FAST
from tests.stories.factory import (
    CHILE,
    ELECTION,
    HARBOUR,
    HARBOUR_OTHER_OUTLET,
    ROJAS,
    VOLCANO,
    analysis,
    article,
)

from crosswire.model import Analysis, Article, stable_id
from crosswire.stories.buckets import MAX_CANDIDATES, Bucket, bucket_stories, with_, without
from crosswire.stories.cluster import StoryClusterer, term_counts


def test_a_later_article_joins_and_an_unrelated_one_opens_a_story() -> None:
    clusterer = StoryClusterer()
    first = article("a", HARBOUR)
    harbour = clusterer.add(first, analysis(first, CHILE, ROJAS))
    volcano = clusterer.add(article("b", VOLCANO), Analysis("b"))
    follow_up = article("c", HARBOUR_OTHER_OUTLET, published="2021-03-02")
    assert clusterer.add(follow_up, analysis(follow_up, CHILE)) == harbour
    assert volcano != harbour
    assert harbour == stable_id("s", "a")  # the story id comes from its first article
    assert clusterer.add(article("d", ELECTION), Analysis("d")) not in {harbour, volcano}


def test_adding_an_article_again_gives_its_story() -> None:
    clusterer = StoryClusterer()
    story = clusterer.add(article("a", HARBOUR), Analysis("a"))
    clusterer.add(article("b", VOLCANO), Analysis("b"))
    assert clusterer.add(article("a", HARBOUR), Analysis("a")) == story


def test_articles_far_apart_in_time_are_different_stories() -> None:
    clusterer = StoryClusterer()
    story = clusterer.add(article("a", HARBOUR), Analysis("a"))
    later = article("b", HARBOUR_OTHER_OUTLET, published="2022-06-01")
    assert clusterer.add(later, Analysis("b")) != story


def test_an_undated_article_joins_a_matching_story() -> None:
    clusterer = StoryClusterer()
    story = clusterer.add(article("a", HARBOUR), Analysis("a"))
    clusterer.add(article("b", VOLCANO), Analysis("b"))
    undated = article("c", HARBOUR_OTHER_OUTLET, published=None)
    assert clusterer.add(undated, Analysis("c")) == story


def test_a_duplicate_joins_its_originals_story_whatever_its_text() -> None:
    clusterer = StoryClusterer()
    story = clusterer.add(article("a", HARBOUR), Analysis("a"))
    copy = article("b", VOLCANO, duplicate_of="a")
    assert clusterer.add(copy, Analysis("b")) == story


def test_state_round_trip_continues_like_an_uninterrupted_run() -> None:
    stream = [
        article("a", HARBOUR),
        article("b", VOLCANO, published="2021-03-02"),
        article("c", HARBOUR_OTHER_OUTLET, published="2021-03-02"),
        article("d", ELECTION, published="2021-03-03"),
        article("e", VOLCANO + " Ash fell on the towns below.", published="2021-03-03"),
    ]
    whole = StoryClusterer()
    expected = [whole.add(item, Analysis(item.id)) for item in stream]
    first = StoryClusterer()
    answers = [first.add(item, Analysis(item.id)) for item in stream[:2]]
    resumed = StoryClusterer.from_state(first.to_state())
    answers += [resumed.add(item, Analysis(item.id)) for item in stream[2:]]
    assert answers == expected
    assert len(set(answers)) == 3


def test_an_article_bridging_two_stories_merges_them_into_the_older() -> None:
    clusterer = StoryClusterer()
    opening = (
        "Engineers in Valparaiso finished the dredging of the harbour channel on Monday, "
        "the port authority said, ahead of the opening of its new container terminal."
    )
    older = clusterer.add(article("a", opening), Analysis("a"))
    younger = clusterer.add(article("b", HARBOUR_OTHER_OUTLET), Analysis("b"))
    assert older != younger  # too little in common on their own
    bridge = article("c", f"{opening} {HARBOUR_OTHER_OUTLET}")
    joined = clusterer.add(bridge, Analysis("c"))
    assert joined == older
    assert clusterer.merged() == {younger: older}
    assert clusterer.story_id("b") == older
    restored = StoryClusterer.from_state(clusterer.to_state())
    assert restored.merged() == {}  # reported once, by the object that merged
    assert restored.story_id("b") == older


@FAST
@given(st.lists(st.tuples(st.booleans(), st.sampled_from([f"s{i}" for i in range(12)]))))
def test_a_bucket_holds_the_stories_added_and_not_removed(
    changes: list[tuple[bool, str]],
) -> None:
    bucket: Bucket | None = None
    expected: set[str] = set()
    for adding, story_id in changes:
        if adding:
            bucket, expected = with_(bucket, story_id), expected | {story_id}
        elif bucket is not None:
            bucket, expected = without(bucket, story_id), expected - {story_id}
        stories = list(bucket_stories(bucket))
        assert sorted(stories) == sorted(expected)  # each story once
        assert isinstance(bucket, str) == (len(expected) == 1)  # one story: the id itself


@FAST
@given(hits=st.lists(st.integers(1, 4), max_size=120), seed=st.integers(0, 1000))
def test_the_candidates_are_the_most_hit_stories_the_older_first_among_equals(
    hits: list[int], seed: int
) -> None:
    clusterer = StoryClusterer()
    orders = list(range(len(hits)))
    random.Random(seed).shuffle(orders)
    for i, order in enumerate(orders):
        clusterer.orders[f"s{i}"] = order
    counted = Counter({f"s{i}": n for i, n in enumerate(hits)})
    ranked = sorted(counted, key=lambda s: (-counted[s], clusterer.orders[s]))
    assert set(clusterer.story_index.most_hit(counted)) == set(ranked[:MAX_CANDIDATES])


def test_a_merged_story_keeps_its_members_signals_for_later_revisions() -> None:
    clusterer = StoryClusterer()
    opening = (
        "Engineers in Valparaiso finished the dredging of the harbour channel on Monday, "
        "the port authority said, ahead of the opening of its new container terminal."
    )
    older = clusterer.add(article("a", opening), Analysis("a"))
    clusterer.add(article("b", HARBOUR_OTHER_OUTLET), Analysis("b"))
    assert clusterer.add(article("c", f"{opening} {HARBOUR_OTHER_OUTLET}"), Analysis("c")) == older
    assert sorted(clusterer.story_members(older)) == ["a", "b", "c"]
    # an article's evidence changes (a date from its story): the merged story is checked
    # again, which replays every member's signal, the younger story's "b" among them
    moved = article("a", opening, published="2021-03-09")
    assert clusterer.revise(moved, Analysis("a")) is not None


def test_a_story_missing_a_members_signal_settles_instead_of_failing() -> None:
    clusterer = StoryClusterer()
    story = clusterer.add(article("a", HARBOUR), Analysis("a"))
    assert clusterer.add(article("c", HARBOUR_OTHER_OUTLET), Analysis("c")) == story
    del clusterer.signals["c"]  # as a store saved by an older version could hold it
    moved = article("a", HARBOUR, published="2021-03-09")
    assert clusterer.revise(moved, Analysis("a")) == story
    assert clusterer.story_members(story) == []  # settled


def test_a_story_decided_elsewhere_is_drawn_to_the_one_its_articles_would_move_to() -> None:
    """The stitch of a partitioned batch: a story is part of an older one when most of
    its articles would each move there by the consolidation's rule."""
    clusterer = StoryClusterer()

    def place(item: Article, parsed: Analysis, story_id: str | None = None) -> str:
        return clusterer.place(item, parsed, term_counts(item), None, story_id)

    first = article("h1", HARBOUR, published="2021-02-27")
    harbour = place(first, analysis(first, CHILE))
    later = article("h2", HARBOUR_OTHER_OUTLET, published="2021-03-01")
    other_outlet = place(later, analysis(later, CHILE))
    volcano = place(article("v", VOLCANO, "2021-03-01"), Analysis("v"))
    assert clusterer.drawn_to(other_outlet, [harbour, volcano]) == harbour
    assert clusterer.drawn_to(volcano, [harbour, other_outlet]) is None
    # a story without its articles' signals (too large to keep them) is scored whole
    del clusterer.signals["h2"]
    assert clusterer.drawn_to(other_outlet, [harbour, volcano]) == harbour
    del clusterer.signals["v"]
    assert clusterer.drawn_to(volcano, [harbour, other_outlet]) is None


def test_stories_decided_elsewhere_are_consolidated_as_the_run_s_own() -> None:
    """An article placed in a story (by a partition) is examined by the consolidation at
    the end of the run, as one that joined it here."""
    clusterer = StoryClusterer()

    def place(item: Article, parsed: Analysis, story_id: str | None = None) -> str:
        return clusterer.place(item, parsed, term_counts(item), None, story_id)

    first = article("h", HARBOUR, published="2021-03-01")
    harbour = place(first, analysis(first, CHILE))
    volcano = place(article("v", VOLCANO, "2021-03-01"), Analysis("v"))
    misplaced = article("o", HARBOUR_OTHER_OUTLET, published="2021-03-01")
    assert place(misplaced, analysis(misplaced, CHILE), volcano)
    assert clusterer.story_id("o") == volcano
    clusterer.consolidate()
    assert clusterer.story_id("o") == harbour
