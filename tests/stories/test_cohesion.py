"""Cohesion: at the end of a run a story holding two groups of articles, each closer within
than across, is cut in two, whatever order its articles arrived in."""

from __future__ import annotations

from itertools import permutations

from tests.stories.factory import CHILE, HARBOUR, HARBOUR_OTHER_OUTLET, VOLCANO, analysis, article

from crosswire.settings import DEFAULT, StoriesSettings
from crosswire.stories.cluster import StoryClusterer
from crosswire.stories.cohesion import Similarity, actor_vectors, cohesive_parts
from crosswire.stories.split import Signal

SETTINGS = DEFAULT.stories


def two_groups(across: float) -> Similarity:
    """Articles a1..a3 alike (0.6), b1..b3 alike (0.5), `across` between the groups."""
    members = ["a1", "a2", "a3", "b1", "b2", "b3"]
    found: Similarity = {}
    for x in members:
        for y in members:
            if x != y:
                found[x, y] = 0.6 if x[0] == y[0] == "a" else 0.5 if x[0] == y[0] else across
    return found


def test_two_groups_apart_are_cut_and_the_part_with_the_first_member_comes_first() -> None:
    members = ["b2", "a1", "b1", "a2", "a3", "b3"]
    parts = cohesive_parts(members, two_groups(0.1), SETTINGS)
    assert parts == [["b2", "b1", "b3"], ["a1", "a2", "a3"]]


def test_groups_almost_as_close_across_as_within_hold() -> None:
    # across 0.4 is 0.8 of the lesser within (0.5): above the ratio of 0.7
    assert cohesive_parts(["a1", "a2", "a3", "b1", "b2", "b3"], two_groups(0.4), SETTINGS) == [
        ["a1", "a2", "a3", "b1", "b2", "b3"]
    ]


def test_a_part_smaller_than_the_least_part_is_not_cut_off() -> None:
    similarity = two_groups(0.1)
    members = ["a1", "a2", "a3", "b1", "b2"]
    assert len(cohesive_parts(members, similarity, SETTINGS)) == 1
    fewer = StoriesSettings(cohesion_min_part=2)
    assert len(cohesive_parts(members, similarity, fewer)) == 2


def test_undated_members_closer_to_one_another_than_to_the_dated_ones_are_cut_apart() -> None:
    # across 0.4 is 0.8 of the lesser within: it holds as two groups of any members, but
    # the undated b's joined on their text alone, and resemble one another more than the
    # dated a's that the time window let in
    members = ["a1", "b1", "a2", "b2", "a3", "b3"]
    parts = cohesive_parts(members, two_groups(0.4), SETTINGS, dated={"a1", "a2", "a3"})
    assert parts == [["a1", "a2", "a3"], ["b1", "b2", "b3"]]


def test_undated_members_as_close_to_the_dated_ones_as_to_one_another_hold() -> None:
    members = ["a1", "b1", "a2", "b2", "a3", "b3"]
    assert len(cohesive_parts(members, two_groups(0.48), SETTINGS, dated={"a1", "a2"})) == 1


def test_an_undated_member_closer_to_the_dated_ones_stays_with_them() -> None:
    similarity = two_groups(0.4)
    for b in ("b1", "b2", "b3"):  # a4, undated, reads like the dated a's
        similarity["a4", b] = similarity[b, "a4"] = 0.4
    for a in ("a1", "a2", "a3"):
        similarity["a4", a] = similarity[a, "a4"] = 0.6
    members = ["a1", "a2", "a3", "a4", "b1", "b2", "b3"]
    parts = cohesive_parts(members, similarity, SETTINGS, dated={"a1", "a2", "a3"})
    assert parts == [["a1", "a2", "a3", "a4"], ["b1", "b2", "b3"]]


def test_the_undated_cut_does_not_depend_on_the_members_order() -> None:
    similarity = two_groups(0.4)
    found = {
        frozenset(map(frozenset, cohesive_parts(list(order), similarity, SETTINGS, {"a2", "a3"})))
        for order in permutations(["a1", "a2", "a3", "b1", "b2", "b3"])
    }
    assert found == {frozenset({frozenset({"a1", "a2", "a3"}), frozenset({"b1", "b2", "b3"})})}


def test_an_undated_ratio_of_zero_never_cuts_so() -> None:
    never = StoriesSettings(cohesion_undated_ratio=0)
    members = ["a1", "a2", "a3", "b1", "b2", "b3"]
    assert len(cohesive_parts(members, two_groups(0.4), never, {"a1", "a2", "a3"})) == 1


def test_a_ratio_of_zero_never_cuts() -> None:
    never = StoriesSettings(cohesion_ratio=0)
    members = ["a1", "a2", "a3", "b1", "b2", "b3"]
    assert len(cohesive_parts(members, two_groups(0.0), never)) == 1


def test_the_parts_do_not_depend_on_the_members_order() -> None:
    similarity = two_groups(0.2)
    found = {
        frozenset(map(frozenset, cohesive_parts(list(order), similarity, SETTINGS)))
        for order in permutations(["a1", "a2", "a3", "b1", "b2", "b3"])
    }
    assert found == {frozenset({frozenset({"a1", "a2", "a3"}), frozenset({"b1", "b2", "b3"})})}


def test_an_actor_every_article_names_weighs_less_than_one_a_few_name() -> None:
    def signal(*actors: str) -> Signal:
        return Signal.of({1: 1.0}, {a: 1 for a in actors}, None, None)  # type: ignore[arg-type]

    vectors = actor_vectors(
        {"x": signal("region", "ship"), "y": signal("region", "ship"), "z": signal("region")}
    )
    assert vectors["x"]["ship"] > vectors["x"]["region"] > 0


def test_consolidating_cuts_a_story_that_took_in_another_events_reports() -> None:
    clusterer = StoryClusterer()
    texts = [HARBOUR, HARBOUR_OTHER_OUTLET, HARBOUR, VOLCANO, VOLCANO, VOLCANO]
    items = [article(f"{k}", text) for k, text in enumerate(texts)]
    for item in items:
        clusterer.add(item, analysis(item, CHILE))
    # as if the volcano reports, undated, had joined the harbour story one by one
    harbour = clusterer.story_id("0")
    others = {clusterer.story_id(i.id) for i in items} - {harbour}
    groups = {harbour: clusterer.story_members(harbour)} | {
        s: clusterer.story_members(s) for s in others
    }
    clusterer._move(groups, {m: harbour for s in others for m in groups[s]})
    assert {clusterer.story_id(i.id) for i in items} == {harbour}
    changed = clusterer.consolidate()
    assert clusterer.story_id("0") == harbour
    assert {clusterer.story_id(k) for k in "012"} == {harbour}
    volcano = {clusterer.story_id(k) for k in "345"}
    assert len(volcano) == 1 and volcano != {harbour}
    assert sorted(changed[harbour]) == ["0", "1", "2"]
    assert sorted(changed[volcano.pop()]) == ["3", "4", "5"]


def _harbour_and_two_volcano_stories() -> tuple[StoryClusterer, str, str, str]:
    """A dated harbour story and two stories of one volcano's undated reports (3 and 2)."""
    clusterer = StoryClusterer()
    for k in range(3):
        item = article(f"h{k}", HARBOUR)
        clusterer.add(item, analysis(item, CHILE))
    for k in range(5):
        item = article(f"v{k}", VOLCANO, published=None)
        clusterer.add(item, analysis(item))
    harbour, volcano = clusterer.story_id("h0"), clusterer.story_id("v0")
    assert harbour != volcano and clusterer.story_id("v4") == volcano
    other = clusterer._split_off(clusterer.stories[volcano], ["v3", "v4"])
    clusterer._remake(clusterer.stories[volcano], ["v0", "v1", "v2"])
    return clusterer, harbour, volcano, other


def test_an_undated_part_cut_off_joins_the_story_of_its_event() -> None:
    clusterer, harbour, volcano, other = _harbour_and_two_volcano_stories()
    # as if the three volcano reports had just been cut off the harbour story
    changed = clusterer._rejoined({harbour, volcano, other}, {volcano: harbour}, SETTINGS)
    assert changed == {volcano: [], other: ["v3", "v4", "v0", "v1", "v2"]}
    assert {clusterer.story_id(f"v{k}") for k in range(5)} == {other}


def test_a_part_cut_off_does_not_join_the_story_it_was_cut_from() -> None:
    clusterer, harbour, volcano, other = _harbour_and_two_volcano_stories()
    assert clusterer._rejoined({harbour, volcano, other}, {other: volcano}, SETTINGS) == {}
    assert clusterer.story_id("v3") == other


def test_a_part_cut_off_does_not_join_a_story_the_part_it_left_would_join() -> None:
    clusterer = StoryClusterer()
    texts = {"h": HARBOUR, "v": VOLCANO, "m": f"{HARBOUR} {VOLCANO}"}
    for kind, text in texts.items():
        for k in range(3):
            dated = "2021-03-01" if kind == "h" else None
            item = article(f"{kind}{k}", text, published=dated)
            clusterer.add(item, analysis(item, CHILE))
    harbour = clusterer.stories[clusterer.story_id("h0")]
    assert {clusterer.story_id(f"{kind}{k}") for kind in texts for k in range(3)} == {harbour.id}
    volcano = clusterer._split_off(harbour, ["v0", "v1", "v2"])
    mixed = clusterer._split_off(harbour, ["m0", "m1", "m2"])
    clusterer._remake(harbour, ["h0", "h1", "h2"])
    # the volcano reports were cut off the harbour story; the mixed story, which the
    # harbour story would join, would take them too
    block = {harbour.id, volcano, mixed}
    assert clusterer._rejoined(block, {volcano: harbour.id}, SETTINGS) == {}
    assert clusterer.story_id("v0") == volcano
