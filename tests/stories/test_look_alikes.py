"""Look-alike events stay apart: one wording of a fire in four towns is four stories, while
one event reported from several places stays one."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.stories.factory import article, parsed

from crosswire.model import Article
from crosswire.pipeline import Pipeline
from crosswire.stories.cluster import StoryClusterer
from crosswire.stories.dedup import DuplicateIndex

# each town as the small English parser reads it: two of them as people
TOWNS = {"Lyon": "PERSON", "Porto": "PLACE", "Graz": "PLACE", "Cork": "PERSON"}
FIRE = "A fire destroyed a warehouse in {} on Sunday night, the fire brigade said. Nobody was hurt."


def fires() -> list[Article]:
    return [
        article(town, FIRE.format(town), published=f"2023-06-0{day}", title=f"Fire in {town}")
        for day, town in enumerate(TOWNS, 1)
    ]


def test_one_wording_of_fires_in_four_countries_is_four_stories() -> None:
    clusterer = StoryClusterer()
    stories = {clusterer.add(a, parsed(a, {a.id: TOWNS[a.id]})) for a in fires()}
    clusterer.consolidate()
    assert len(stories) == len({clusterer.story_id(town) for town in TOWNS}) == 4


def test_fires_in_four_towns_are_not_copies_of_one_another() -> None:
    index = DuplicateIndex()
    assert [index.add(a) for a in fires()] == [None] * 4
    repost = article("repost", "Advertisement\n" + FIRE.format("Lyon") + "\nShare this story.")
    assert index.add(repost) == "Lyon"  # a copy keeps its original's place


SUMMIT = (
    "The leaders of the two countries met in Geneva on Tuesday for talks on arms control, "
    "the first summit between them in three years. They agreed to resume talks on "
    "nuclear weapons and to return ambassadors to their posts."
)
SUMMIT_OTHER_OUTLET = (
    "WASHINGTON (Wire) - Two presidents held a summit in Geneva on Tuesday, agreeing to "
    "resume arms control talks and to send ambassadors back. Talks on nuclear weapons will "
    "resume within weeks, officials said."
)
REACTION = (
    "Officials in Moscow welcomed the agreement reached at the Geneva summit on arms "
    "control talks and nuclear weapons, saying ambassadors would return within weeks."
)


def test_an_event_told_from_other_capitals_stays_one_story() -> None:
    clusterer = StoryClusterer()
    summit = article("a", SUMMIT, published="2021-06-16", title="Summit in Geneva")
    other = article("b", SUMMIT_OTHER_OUTLET, published="2021-06-16")
    reaction = article("c", REACTION, published="2021-06-17")
    story = clusterer.add(summit, parsed(summit, {"Geneva": "PLACE"}))
    names = {"WASHINGTON": "PLACE", "Geneva": "PLACE"}
    assert clusterer.add(other, parsed(other, names)) == story
    names = {"Moscow": "PLACE", "Geneva": "PLACE"}
    assert clusterer.add(reaction, parsed(reaction, names)) == story
    clusterer.consolidate()
    assert {clusterer.story_id(a) for a in "abc"} == {story}


@pytest.mark.slow
def test_the_fires_through_the_pipeline_are_four_stories(tmp_path: Path) -> None:
    folder = tmp_path / "fires"
    folder.mkdir()
    for fire in fires():
        day = fire.published and fire.published[8:]
        (folder / f"{fire.id}.txt").write_text(f"{fire.title}\n\n{day}.06.2023\n\n{fire.text}\n")
    pipeline = Pipeline(tmp_path / "fires.db")
    assert pipeline.run([str(folder)]).ok
    stories = pipeline.store.stories()
    assert sorted(len(s.article_ids) for s in stories) == [1, 1, 1, 1]
    assert not any(a.duplicate_of for a in pipeline.store.articles())
