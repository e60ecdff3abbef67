"""Story merges: when an article matches two stories strongly (both ≥ the merge score) and
those stories match each other, the article showed they are one, and the younger story is
merged into the older one (the clusterer moves its index entries, members and alias)."""

from __future__ import annotations

from collections import Counter

from crosswire.settings import StoriesSettings
from crosswire.stories.scoring import TOP_ACTORS, StoryState, joins, score
from crosswire.stories.vectors import normalised, top


def strong(found: float, settings: StoriesSettings) -> bool:
    """Whether an article matching a story this well may bridge it to another."""
    return found >= settings.merge_score


def bridged(story: StoryState, other: StoryState, settings: StoriesSettings) -> bool:
    """Whether two stories one article matched strongly match each other (the other story
    scored as an article on its median day)."""
    day = other.days[len(other.days) // 2] if other.days else None
    vector = dict(normalised(other.centroid))
    found = score(story, vector, other.actors, day, settings, places=tuple(other.places))
    return joins(found, settings)


def combine(older: StoryState, younger: StoryState) -> None:
    """Add the younger story's evidence to the older one it is merged into."""
    older.centroid = older.centroid.plus(younger.centroid.items())
    older.actors.update(younger.actors)
    older.actors = Counter(dict(top(older.actors, TOP_ACTORS)))
    older.days = sorted(older.days + younger.days)
    older.dated_buckets |= younger.dated_buckets
    older.size += younger.size
    older.places.update(younger.places)
