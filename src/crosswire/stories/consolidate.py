"""Consolidation: once a run (or a batch job) is done, each article of the stories it touched
is examined again against the stories that exist by then, and moves to the one it fits best.

Clustering as articles arrive is greedy: an article joins the best story there is when it
arrives, so which story it ends in depends on what arrived before it (an article that came
before its own event's first report joins a look-alike event's story, or opens a story that
later ones split from). Once the run is done, every story it made exists, and each article
is scored against them with the clusterer's own `score`: against its own story without it,
and against the stories the blocking index gives for it. It moves when another story fits
it better and would have taken it (`joins`); a copy goes where its original goes. Rounds are
computed from one picture of the stories (every article decided before any moves, in a
fixed order: article ids), so the outcome of a round does not depend on the order the
articles arrived in.

Only stories small enough to keep their articles' signals (split.SPLIT_MAX) take part: a
larger story is settled, and one article would not change it. A run that grew more than
``CONSOLIDATE_MAX_STORIES`` stories consolidates the ones it grew last.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping

from crosswire.settings import DEFAULT, StoriesSettings
from crosswire.stories.leave_one_out import Part, folded, without_each
from crosswire.stories.scoring import StoryState, joins, score
from crosswire.stories.split import Signal

# Rounds of moves at most: on the ECB+ dev benchmark (benchmarks/stories_ecb.py) one round
# moves most of the articles that move at all, and the later rounds a few more each (moves
# change the stories the next round scores against); the passes stop early when nothing
# moves. Each round costs about as much as clustering the run's articles once.
CONSOLIDATE_ROUNDS = 4
# Stories examined at most, the most recently grown: their articles' signals are held in
# memory while the pass runs (about 1 KB each, up to split.SPLIT_MAX per story), so a run of
# any size consolidates in bounded memory; a longer run consolidates its latest stories.
CONSOLIDATE_MAX_STORIES = 5_000


# Each article's signal as the scoring needs it: its unit vector and its actors, made once
# per round (a round scores each article's story without it: its members again and again)
Seen = Mapping[str, tuple[Signal, dict[int, float], Counter[str]]]


def state_of(members: list[str], seen: Seen) -> StoryState:
    """A story's evidence made from its members' signals."""
    return folded([_part(seen[article_id]) for article_id in members])


def _part(seen: tuple[Signal, dict[int, float], Counter[str]]) -> Part:
    signal, vector, actors = seen
    return vector, actors, signal.day, signal.places


class Folds:
    """Each story's evidence, and its evidence without each of its members, made once per
    membership: a round scores every article against its own story without it (and the
    surest moves again once the moves before them are made), and most stories are as the
    round before left them. Valid while the members' signals stay as they are: for the
    rounds of one consolidation."""

    def __init__(self) -> None:
        self._seen: dict[str, tuple[Signal, dict[int, float], Counter[str]]] = {}
        self._whole: dict[tuple[str, ...], StoryState] = {}
        self._without: dict[tuple[str, ...], dict[str, StoryState]] = {}

    def seen(
        self, article_id: str, signals: Mapping[str, Signal]
    ) -> tuple[Signal, dict[int, float], Counter[str]]:
        """An article's signal with its unit vector and actors, made once."""
        if article_id not in self._seen:
            signal = signals[article_id]
            self._seen[article_id] = (signal, signal.vector(), Counter(signal.actors))
        return self._seen[article_id]

    def whole(self, members: list[str], seen: Seen) -> StoryState:
        key = tuple(members)
        if key not in self._whole:
            self._whole[key] = state_of(members, seen)
        return self._whole[key]

    def without(self, article_id: str, members: list[str], seen: Seen) -> StoryState:
        key = tuple(members)
        if key not in self._without:
            states = without_each([_part(seen[m]) for m in key])
            self._without[key] = dict(zip(key, states, strict=True))
        return self._without[key][article_id]


def moves(
    groups: Mapping[str, list[str]],
    signals: Mapping[str, Signal],
    candidates: Callable[[Signal], list[str]],
    settings: StoriesSettings = DEFAULT.stories,
    folds: Folds | None = None,
) -> dict[str, str]:
    """One round: article id -> the story (a key of `groups`) it moves to. `groups` are
    stories and their members, each with a signal; `candidates` gives the stories worth
    scoring an article against (the blocking index).

    Every article's best move is found on the stories as they are; then the moves are made
    one at a time, the largest gain first (ties: article ids), each checked again against
    the stories as the moves before it left them: two articles each fitting the other's
    story do not swap, the surer one moves and the other then fits its own story.
    `folds` keeps the stories' evidence from one round to the next (the same signals)."""
    folds = folds or Folds()
    seen = {
        article_id: folds.seen(article_id, signals)
        for members in groups.values()
        for article_id in members
    }
    live = {story_id: list(members) for story_id, members in groups.items()}
    states = {story_id: folds.whole(members, seen) for story_id, members in live.items()}
    near = {a: set(candidates(seen[a][0])) & states.keys() for a in seen}
    story_of = {a: story_id for story_id, members in live.items() for a in members}
    proposed = [
        (gain, article_id)
        for article_id in sorted(seen)
        if not _follows_original(article_id, story_of, seen)
        and (
            gain := _best_move(
                article_id, story_of[article_id], live, seen, folds, states, near, settings
            )[0]
        )
    ]
    found: dict[str, str] = {}
    for _, article_id in sorted(proposed, key=lambda p: (-p[0], p[1])):
        old = story_of[article_id]
        gain, new = _best_move(article_id, old, live, seen, folds, states, near, settings)
        if new is None:
            continue
        for follower in [article_id, *_copies_of(article_id, live[old], seen)]:
            live[old].remove(follower)
            live[new].append(follower)
            story_of[follower] = found[follower] = new
        states[old], states[new] = folds.whole(live[old], seen), folds.whole(live[new], seen)
    return {a: s for a, s in found.items() if s != _first_story(a, groups)}


def _follows_original(article_id: str, story_of: Mapping[str, str], seen: Seen) -> bool:
    """A copy in its original's story goes where its original goes."""
    original = seen[article_id][0].original
    return original is not None and story_of.get(original) == story_of[article_id]


def _copies_of(article_id: str, members: list[str], seen: Seen) -> list[str]:
    return [m for m in members if seen[m][0].original == article_id]


def _first_story(article_id: str, groups: Mapping[str, list[str]]) -> str | None:
    return next((s for s, members in groups.items() if article_id in members), None)


def _best_move(
    article_id: str,
    story_id: str,
    live: Mapping[str, list[str]],
    seen: Seen,
    folds: Folds,
    states: Mapping[str, StoryState],
    near: Mapping[str, set[str]],
    settings: StoriesSettings,
) -> tuple[float, str | None]:
    """The story that fits the article better than its own story without it, and by how
    much (ties: the smaller story id, so the answer does not depend on the order stories
    were made); (0, None) when none does. A lone article moves to a story it would join."""
    signal, vector, actors = seen[article_id]
    own = _own_fit(article_id, live[story_id], seen, folds, settings)
    best: tuple[float, str | None] = (0.0, None)
    for other_id in sorted(near[article_id] - {story_id}):
        fit = score(
            states[other_id], vector, actors, signal.day, settings, signal.year, signal.places
        )
        if fit is None or not joins(fit, settings) or not states[other_id].size:
            continue
        gain = fit - own
        if gain > best[0]:
            best = (gain, other_id)
    return best


def drawn(
    members: list[str],
    other: StoryState,
    signals: Mapping[str, Signal],
    settings: StoriesSettings = DEFAULT.stories,
    folds: Folds | None = None,
) -> tuple[int, float]:
    """How many of a story's `members` would each move to `other` by a round's rule (it
    would take the article, and fits it better than the article's own story without it,
    `_best_move`), and their gains summed: what tells whether a story is, article by
    article, part of another one (the stitch of a partitioned batch, batch/partition.py).
    A copy counts with its original, as it moves with it."""
    folds = folds or Folds()
    seen = {article_id: folds.seen(article_id, signals) for article_id in members}
    story_of = dict.fromkeys(members, "")
    count, gains = 0, 0.0
    for article_id in members:
        if _follows_original(article_id, story_of, seen):
            continue
        signal, vector, actors = seen[article_id]
        fit = score(other, vector, actors, signal.day, settings, signal.year, signal.places)
        if fit is None or not joins(fit, settings):
            continue
        gain = fit - _own_fit(article_id, members, seen, folds, settings)
        if gain > 0:
            followers = 1 + len(_copies_of(article_id, members, seen))
            count, gains = count + followers, gains + gain
    return count, gains


def _own_fit(
    article_id: str, members: list[str], seen: Seen, folds: Folds, settings: StoriesSettings
) -> float:
    """How well the article fits its own story without it (0 for a story of one)."""
    if len(members) <= 1:
        return 0.0
    signal, vector, actors = seen[article_id]
    fit = score(
        folds.without(article_id, members, seen),
        vector,
        actors,
        signal.day,
        settings,
        signal.year,
        signal.places,
    )
    return fit or 0.0
