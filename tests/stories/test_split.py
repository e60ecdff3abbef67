"""Story splits when a member's evidence changes; ids stay for the unchanged part."""

from __future__ import annotations

from dataclasses import replace

from tests.stories.factory import HARBOUR, HARBOUR_OTHER_OUTLET, VOLCANO, article

from crosswire.model import Analysis, stable_id
from crosswire.stories.cluster import StoryClusterer
from crosswire.stories.split import SPLIT_MAX, components


def harbour_story() -> tuple[StoryClusterer, str, str]:
    """Two harbour reports and an undated third one that joined them; a volcano story."""
    clusterer = StoryClusterer()
    story = clusterer.add(article("a", HARBOUR), Analysis("a"))
    clusterer.add(article("b", HARBOUR_OTHER_OUTLET, published="2021-03-02"), Analysis("b"))
    volcano = clusterer.add(article("v", VOLCANO), Analysis("v"))
    late = article("c", HARBOUR.replace("Monday", "Friday"), published=None)
    assert clusterer.add(late, Analysis("c")) == story
    return clusterer, story, volcano


def test_an_article_dated_far_from_its_story_splits_off() -> None:
    clusterer, story, volcano = harbour_story()
    dated = article("c", HARBOUR.replace("Monday", "Friday"), published="2021-09-10")
    new = clusterer.revise(dated, Analysis("c"))
    assert new == stable_id("s", "c") != story
    assert clusterer.splits() == {new: story}
    assert clusterer.splits() == {}  # reported once
    assert clusterer.story_id("a") == clusterer.story_id("b") == story  # the id stays
    assert clusterer.story_id("v") == volcano  # an unchanged story is untouched
    assert clusterer.story_members(story) == ["a", "b"]
    assert clusterer.story_members(new) == ["c"]
    follow_up = article("d", HARBOUR.replace("Monday", "Saturday"), published="2021-09-11")
    assert clusterer.add(follow_up, Analysis("d")) == new  # the split story lives on


def test_a_date_near_the_story_keeps_it_whole() -> None:
    clusterer, story, _ = harbour_story()
    dated = article("c", HARBOUR.replace("Monday", "Friday"), published="2021-03-03")
    assert clusterer.revise(dated, Analysis("c")) == story
    assert clusterer.splits() == {}
    assert clusterer.story_members(story) == ["a", "b", "c"]


def test_revising_an_unknown_article_changes_nothing() -> None:
    clusterer = harbour_story()[0]
    assert clusterer.revise(article("zz", VOLCANO), Analysis("zz")) is None
    assert "zz" not in clusterer.story_of and clusterer.splits() == {}


def test_a_large_story_is_settled_and_keeps_no_signals() -> None:
    clusterer = StoryClusterer()
    items = [
        article(f"a{i}", f"{HARBOUR} Update {i}.", published="2021-03-01")
        for i in range(SPLIT_MAX + 3)
    ]
    stories = {clusterer.add(item, Analysis(item.id)) for item in items}
    [story] = stories
    assert clusterer.story_members(story) == [] and not clusterer.signals
    moved = replace(items[0], published="2021-09-01")
    assert clusterer.revise(moved, Analysis(moved.id)) == story  # learns the day, no split


def test_a_split_survives_a_state_round_trip() -> None:
    clusterer, story, _ = harbour_story()
    clusterer.revise(article("c", HARBOUR, published="2021-09-10"), Analysis("c"))
    restored = StoryClusterer.from_state(clusterer.to_state())
    assert restored.story_id("c") == clusterer.story_id("c") != story
    assert restored.index == clusterer.index


def test_components_are_connected_groups_in_member_order() -> None:
    links = {("a", "c"), ("b", "d")}
    groups = components(["a", "b", "c", "d", "e"], lambda x, y: (x, y) in links)
    assert groups == [["a", "c"], ["b", "d"], ["e"]]
