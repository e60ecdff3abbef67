"""How well an article fits a story: the weighted sum of the text cosine with the story's
centroid, the overlap of their actors, and their closeness in time (exponential decay
within ``WINDOW_DAYS``); and a story's evidence (`StoryState`) as articles join it. The
weights, the decay and the join threshold are settings (`crosswire.settings.StoriesSettings`).

Thresholds were set on the clustering benchmark (benchmarks/stories.py), which mixes
unrelated pages, their re-posts, and several outlets' articles on the same events: BCubed F1
is flat (0.975-0.983) for a join score between 0.25 and 0.40; below 0.30 the example corpus's
colour and reaction pieces join their stories, above 0.30 they open stories of their own, so
0.27 is used.
"""

from __future__ import annotations

import math
from bisect import bisect_left, insort
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from crosswire.model import Analysis
from crosswire.settings import StoriesSettings
from crosswire.stories.event_places import apart, where
from crosswire.stories.evidence import fits_years
from crosswire.stories.records import INT, TEXT, CounterOf, Fields, ListOf, SetOf
from crosswire.stories.vectors import CENTROID, Centroid, cosine, top

TOP_ACTORS = 30
# stories further apart in time are never candidates; not a setting: it shapes the stored
# story index's time buckets (a store indexed with one window cannot be read with another)
WINDOW_DAYS = 10
ACTOR_TYPES = {"PERSON", "ORG", "GROUP", "PLACE", "COUNTRY"}
UNDATED = -1  # the time bucket of stories with no dated article

Key = int | str  # a hashed term or an actor key: what stories are indexed by


@dataclass
class StoryState:
    id: str
    order: int  # when the story was opened: the older story survives a merge
    centroid: Centroid = field(default_factory=Centroid)
    actors: Counter[str] = field(default_factory=Counter)
    days: list[int] = field(default_factory=list)  # sorted
    dated_buckets: set[int] = field(default_factory=set)
    size: int = 0
    places: Counter[str] = field(default_factory=Counter)  # its articles' event places

    def keys(self) -> set[Key]:
        return {*self.centroid, *self.actors}

    def buckets(self) -> set[int]:
        return self.dated_buckets or {UNDATED}


STORY = Fields(
    "a story",
    [
        ("id", TEXT),
        ("order", INT),
        ("centroid", CENTROID),
        ("actors", CounterOf(TEXT)),
        ("days", ListOf(INT)),
        ("dated_buckets", SetOf(INT)),
        ("size", INT),
        ("places", CounterOf(TEXT)),  # absent from stories saved before it: none
    ],
    StoryState,
    least=7,
)


def joins(score: float | None, settings: StoriesSettings) -> bool:
    """Whether an article (or a story) scoring this joins the story it was scored with."""
    return score is not None and score >= settings.join_score


def score(
    story: StoryState,
    vector: dict[int, float],
    actors: Counter[str],
    day: int | None,
    settings: StoriesSettings,
    year: int | None = None,
    places: tuple[str, ...] = (),
) -> float | None:
    """How well an article fits a story; None outside the story's time window, or, for an
    undated article, when the year its text states (`evidence.stated_year`) is outside the
    years of the story's dated articles. An article whose event places (`event_places`)
    are apart from the story's scores `place_apart_penalty` less."""
    closeness = _closeness(day, story.days, settings.decay_days)
    if closeness is None or (day is None and not fits_years(year, story.days)):
        return None
    weights = settings.weights
    penalty = settings.place_apart_penalty if apart(places, story.places) else 0.0
    return (
        weights.text * cosine(vector, story.centroid)
        + weights.actors * _overlap(actors, story.actors)
        + weights.time * closeness
        - penalty
    )


def grow(
    story: StoryState,
    vector: dict[int, float],
    actors: Counter[str],
    day: int | None,
    places: tuple[str, ...] = (),
) -> None:
    """Add one article's evidence to a story (its index entries are the caller's task)."""
    story.centroid = story.centroid.plus(vector.items())
    story.actors.update(actors)
    story.actors = Counter(dict(top(story.actors, TOP_ACTORS)))
    story.places.update(where(places))
    if day is not None:
        insort(story.days, day)
        story.dated_buckets.add(day // WINDOW_DAYS)
    story.size += 1


def set_days(story: StoryState, days: list[int]) -> None:
    story.days = sorted(days)
    story.dated_buckets = {d // WINDOW_DAYS for d in story.days}


def actor_counts(analysis: Analysis) -> Counter[str]:
    """The article's actors that count for clustering, by canonical key."""
    return Counter(m.actor.key for m in analysis.mentions if m.type in ACTOR_TYPES)


def day_of(published: str | None) -> int | None:
    """A publication date as a day number (None when missing or malformed)."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def days(day: int | None) -> list[int]:
    return [] if day is None else [day]


def _overlap(actors: Counter[str], story_actors: Counter[str]) -> float:
    if not actors or not story_actors:
        return 0.0
    shared = set(actors) & set(story_actors)
    return len(shared) / min(len(actors), len(story_actors))


def _closeness(day: int | None, story_days: list[int], decay_days: float) -> float | None:
    """1 for the same day, decaying with distance; None outside the window; 0.5 when
    either side has no date."""
    if day is None or not story_days:
        return 0.5
    at = bisect_left(story_days, day)
    distance = min(abs(day - story_days[i]) for i in (at - 1, at) if 0 <= i < len(story_days))
    if distance > WINDOW_DAYS:
        return None
    return math.exp(-distance / decay_days)
