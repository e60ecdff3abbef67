"""When stories are rebuilt: at once while new, then each time they grow by the growth
setting (``stories.rebuild_growth``)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from crosswire.settings import DEFAULT
from crosswire.store import open_store
from crosswire.stories.schedule import StoryBuilds
from crosswire.stories.state import Journal

GROWTH = DEFAULT.stories.rebuild_growth


def rebuild_sizes(final: int, growth: float = GROWTH) -> list[int]:
    """The sizes at which a story growing one article at a time is rebuilt."""
    builds, sizes = StoryBuilds(), []
    for size in range(1, final + 1):
        if builds.due("s", size, growth):
            builds.rebuilt("s", size)
            sizes.append(size)
    return sizes


@pytest.mark.parametrize("growth", [GROWTH, 2.0, 1.1])
def test_a_growing_story_is_rebuilt_at_geometric_sizes(growth: float) -> None:
    sizes = rebuild_sizes(1000, growth)
    assert all(later >= growth * earlier for earlier, later in pairwise(sizes))
    # all rebuilds together read a bounded multiple of the story's size, not ~n²/2
    assert sum(sizes) <= growth / (growth - 1) * 1000


def test_the_default_growth_rebuilds_at_half_again() -> None:
    assert rebuild_sizes(5) == [1, 2, 3, 5]
    assert rebuild_sizes(8, 2.0) == [1, 2, 4, 8]


def test_a_story_not_due_is_stale_until_rebuilt() -> None:
    builds = StoryBuilds()
    builds.rebuilt("s", 10)
    assert not builds.due("s", 11)
    assert builds.stale_ids() == ["s"] and builds.is_stale("s")
    assert builds.due("s", 15)  # grown by half
    builds.rebuilt("s", 15)
    assert builds.stale_ids() == []


def test_a_story_that_shrank_is_due_and_a_deleted_one_forgotten() -> None:
    builds = StoryBuilds()
    builds.rebuilt("s", 10)
    assert builds.due("s", 9)
    builds.due("t", 1)
    builds.rebuilt("t", 4)
    builds.due("t", 5)
    builds.deleted("t")
    assert builds.stale_ids() == [] and "t" not in builds.built


def test_the_schedule_is_saved_with_the_store(tmp_path: Path) -> None:
    store = open_store(tmp_path / "x.db")
    journal = Journal("story-builds", StoryBuilds)
    with store.transaction():
        builds = journal.load(store)
        builds.rebuilt("s", 10)
        builds.due("s", 12)
        journal.save(store, builds)
    reloaded = Journal("story-builds", StoryBuilds).load(store)
    assert reloaded.built == {"s": 10} and reloaded.stale_ids() == ["s"]
    store.close()
