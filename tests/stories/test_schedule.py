"""When stories are rebuilt: at once while new, then each time they grow by GROWTH."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from crosswire.store import open_store
from crosswire.stories.schedule import GROWTH, StoryBuilds
from crosswire.stories.state import Journal


def rebuild_sizes(final: int) -> list[int]:
    """The sizes at which a story growing one article at a time is rebuilt."""
    builds, sizes = StoryBuilds(), []
    for size in range(1, final + 1):
        if builds.due("s", size):
            builds.rebuilt("s", size)
            sizes.append(size)
    return sizes


def test_a_growing_story_is_rebuilt_at_geometric_sizes() -> None:
    sizes = rebuild_sizes(1000)
    assert sizes[:4] == [1, 2, 3, 5]
    assert all(later >= GROWTH * earlier for earlier, later in pairwise(sizes))
    # all rebuilds together read a bounded multiple of the story's size, not ~n²/2
    assert sum(sizes) <= GROWTH / (GROWTH - 1) * 1000


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
