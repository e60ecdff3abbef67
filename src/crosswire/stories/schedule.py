"""When a story is rebuilt (its events fused, its brief written) as articles arrive.

Rebuilding reads every article of the story, so rebuilding each story a batch touches
would cost O(story size) per arriving article, and a long-running story would make a run
grow quadratically. Instead a touched story is rebuilt at once only while it is new or
once it has grown by the growth factor G since it was last built (``stories.rebuild_growth``
in `crosswire.settings`, 1.5); otherwise it is marked stale, and every stale story is
rebuilt when the run ends. The sizes at which one story is rebuilt grow geometrically, so
all its rebuilds together read at most G / (G - 1) times its final size in articles; while
a run goes on, a stored story lacks at most a third (1 - 1 / G) of its articles. A story
built while the run goes on that dated an article whose analysis is to be redone against
that date stays stale too: the build at the end redoes it, once (crosscheck.py).
"""

from __future__ import annotations

from typing import Any, ClassVar

from crosswire.settings import DEFAULT
from crosswire.stories.records import BOOL, INT, TEXT, Entries
from crosswire.stories.state import JournaledState


class StoryBuilds(JournaledState):
    """Each story's size when it was last built, and the stories touched since then."""

    JOURNALED: ClassVar[dict[str, Entries[Any, Any]]] = {
        "built": Entries(TEXT, INT),
        "stale": Entries(TEXT, BOOL),
    }

    def __init__(self) -> None:
        self.built: dict[str, int] = {}
        self.stale: dict[str, bool] = {}  # a set, kept as a dict because journals save dicts
        self._changed: dict[str, set[Any]] = {}

    def due(self, story_id: str, size: int, growth: float = DEFAULT.stories.rebuild_growth) -> bool:
        """Whether a story touched now that it has `size` articles is to be rebuilt now
        (new, or grown by `growth` since it was built); if not, it is marked stale."""
        built = self.built.get(story_id, 0)
        if not built or size < built or size >= growth * built:
            return True
        self._set("stale", story_id, True)
        return False

    def changed(self, story_id: str) -> None:
        """A story whose articles changed outside a batch (consolidation): stale."""
        self._set("stale", story_id, True)

    def rebuilt(self, story_id: str, size: int) -> None:
        self._set("built", story_id, size)
        self._drop("stale", story_id)

    def deleted(self, story_id: str) -> None:
        self._drop("built", story_id)
        self._drop("stale", story_id)

    def stale_ids(self) -> list[str]:
        return sorted(self.stale)

    def is_stale(self, story_id: str) -> bool:
        return story_id in self.stale

    def _set(self, attribute: str, key: str, value: Any) -> None:
        getattr(self, attribute)[key] = value
        self._touch(attribute, key)

    def _drop(self, attribute: str, key: str) -> None:
        if getattr(self, attribute).pop(key, None) is not None:
            self._touch(attribute, key)
