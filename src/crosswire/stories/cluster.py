"""Incremental story clustering: each arriving article joins the best matching recent story
or opens a new one; nothing already clustered is revisited.

Signals: TF-IDF cosine between the article and a story's centroid (hashed terms, document
frequencies kept incrementally, so there is no refit), overlap of canonical actors, and time
proximity with exponential decay. Candidate stories come from an inverted index on each
story's top terms and actors, restricted to a time window: the cost per article depends on
the number of candidates, not on the size of the store.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from sklearn.feature_extraction.text import HashingVectorizer

from crosswire.model import Analysis, Article, stable_id
from crosswire.stories.state import PickledState

N_FEATURES = 2**20
TOP_TERMS = 40  # terms per story kept in the inverted index and centroid
WINDOW_DAYS = 10  # stories whose dates are further apart are never candidates
DECAY_DAYS = 4.0
JOIN_SCORE = 0.30
WEIGHTS = {"text": 0.65, "actors": 0.25, "time": 0.10}
ACTOR_TYPES = {"PERSON", "ORG", "GROUP"}

_vectoriser = HashingVectorizer(
    n_features=N_FEATURES, alternate_sign=False, norm=None, stop_words="english", ngram_range=(1, 1)
)


@dataclass
class StoryState:
    id: str
    centroid: Counter[int] = field(default_factory=Counter)
    actors: Counter[str] = field(default_factory=Counter)
    days: list[int] = field(default_factory=list)
    size: int = 0


class StoryClusterer(PickledState):
    def __init__(self) -> None:
        self.df: Counter[int] = Counter()
        self.n_docs = 0
        self.stories: dict[str, StoryState] = {}
        self.story_of: dict[str, str] = {}
        self.by_term: dict[int, set[str]] = defaultdict(set)
        self.by_actor: dict[str, set[str]] = defaultdict(set)

    # ------------------------------------------------------------------ public
    def add(self, article: Article, analysis: Analysis) -> str:
        """The story id the article belongs to (an existing one, or a new one)."""
        if article.id in self.story_of:
            return self.story_of[article.id]
        terms = self._term_counts(article)
        self.n_docs += 1
        self.df.update(terms.keys())
        vector = self._tfidf(terms)
        actors = Counter(m.actor.key for m in analysis.mentions if m.type in ACTOR_TYPES)
        day = _day(article.published)
        story_id = self._story_of_original(article) or self._best_story(vector, actors, day)
        if story_id is None:
            story_id = stable_id("s", article.id)
            self.stories[story_id] = StoryState(id=story_id)
        self._absorb(self.stories[story_id], vector, actors, day)
        self.story_of[article.id] = story_id
        return story_id

    def merged(self) -> dict[str, str]:
        return {}  # stories never merge yet: see the clustering benchmark

    # ------------------------------------------------------------------ scoring
    def _story_of_original(self, article: Article) -> str | None:
        return self.story_of.get(article.duplicate_of) if article.duplicate_of else None

    def _best_story(
        self, vector: dict[int, float], actors: Counter[str], day: int | None
    ) -> str | None:
        best, best_score = None, JOIN_SCORE
        for story_id in sorted(self._candidates(vector, actors)):
            story = self.stories[story_id]
            closeness = _closeness(day, story.days)
            if closeness is None:
                continue
            score = (
                WEIGHTS["text"] * _cosine(vector, story.centroid)
                + WEIGHTS["actors"] * _overlap(actors, story.actors)
                + WEIGHTS["time"] * closeness
            )
            if score > best_score:
                best, best_score = story_id, score
        return best

    def _candidates(self, vector: dict[int, float], actors: Counter[str]) -> set[str]:
        found: set[str] = set()
        for term in sorted(vector, key=vector.__getitem__, reverse=True)[:TOP_TERMS]:
            found |= self.by_term.get(term, set())
        for key in actors:
            found |= self.by_actor.get(key, set())
        return found

    def _absorb(
        self, story: StoryState, vector: dict[int, float], actors: Counter[str], day: int | None
    ) -> None:
        for term in story.centroid:
            self.by_term[term].discard(story.id)
        story.centroid.update(vector)
        story.centroid = Counter(dict(story.centroid.most_common(TOP_TERMS)))
        for term in story.centroid:
            self.by_term[term].add(story.id)
        story.actors.update(actors)
        for key in actors:
            self.by_actor[key].add(story.id)
        if day is not None:
            story.days.append(day)
        story.size += 1

    def _term_counts(self, article: Article) -> Counter[int]:
        text = f"{article.title or ''}\n{article.title or ''}\n{article.text}"
        row = _vectoriser.transform([text])
        return Counter(dict(zip(row.indices.tolist(), row.data.tolist(), strict=True)))

    def _tfidf(self, terms: Counter[int]) -> dict[int, float]:
        weights = {
            t: (1 + math.log(c)) * math.log((1 + self.n_docs) / (1 + self.df[t]) + 1)
            for t, c in terms.items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {t: w / norm for t, w in weights.items()}


def _cosine(vector: dict[int, float], centroid: Counter[int]) -> float:
    norm = math.sqrt(sum(w * w for w in centroid.values())) or 1.0
    return sum(w * centroid.get(t, 0.0) for t, w in vector.items()) / norm


def _overlap(actors: Counter[str], story_actors: Counter[str]) -> float:
    if not actors or not story_actors:
        return 0.0
    shared = set(actors) & set(story_actors)
    return len(shared) / min(len(actors), len(story_actors))


def _closeness(day: int | None, story_days: list[int]) -> float | None:
    """1 for the same day, decaying with distance; None outside the window."""
    if day is None or not story_days:
        return 0.5
    distance = min(abs(day - d) for d in story_days)
    if distance > WINDOW_DAYS:
        return None
    return math.exp(-distance / DECAY_DAYS)


def _day(published: str | None) -> int | None:
    return None if not published else date.fromisoformat(published).toordinal()
