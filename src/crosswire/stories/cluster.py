"""Incremental story clustering: each arriving article joins the best matching recent story
or opens a new one; nothing already clustered is re-clustered.

The concerns live in their own modules, and `StoryClusterer` ties them together and holds
the state they share:
- vectors.py: hashed terms, TF-IDF against document frequencies kept incrementally, a
  story's centroid;
- scoring.py: how well an article fits a story (text cosine, shared actors and places
  (``Mention.actor.key``), time proximity on ``Article.published``), the join threshold;
- buckets.py: the blocking index that picks the few stories an article is scored against;
- merge.py: an article matching two stories that match each other merges the younger
  into the older; `merged()` lists the merges since this object was created or loaded so
  the store can apply them;
- split.py: a story whose articles no longer hang together after one's evidence changed
  (`revise`) splits; `splits()` lists the new stories.

Story ids never change otherwise: a story keeps the id made from its first article. The
stories, the index and the per-article entries are spilled (spilled.py): in a store, the
stories of months gone by stay on disk until an article of their time arrives. The
thresholds are passed to `add` and `revise` (`crosswire.settings`), never stored with the
state.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any, ClassVar

from crosswire.model import Analysis, Article, stable_id
from crosswire.settings import DEFAULT, StoriesSettings
from crosswire.stories.buckets import KEY, BucketCodec, StoryIndex
from crosswire.stories.cohesion import actor_vectors, cohesive_parts, similarities
from crosswire.stories.consolidate import (
    CONSOLIDATE_MAX_STORIES,
    CONSOLIDATE_ROUNDS,
    Folds,
    drawn,
    moves,
)
from crosswire.stories.crosslingual import (
    ARTICLES,
    MEANING,
    MEANING_KEY,
    Meaning,
    MeaningIndex,
    meaning_of,
    pair_score,
)
from crosswire.stories.event_places import event_places
from crosswire.stories.evidence import stated_year
from crosswire.stories.merge import bridged, combine, strong
from crosswire.stories.records import INT, TEXT, Codec, Entries, ListOf, Pair
from crosswire.stories.scoring import (
    STORY,
    StoryState,
    actor_counts,
    day_of,
    grow,
    joins,
    score,
    set_days,
)
from crosswire.stories.spilled import SpilledDict
from crosswire.stories.split import SIGNAL, Signal, SmallStories, components, parts
from crosswire.stories.state import JournaledState
from crosswire.stories.vectors import Centroid, normalised, term_counts, tfidf

__all__ = ["StoryClusterer", "term_counts"]


class StoryClusterer(JournaledState):
    # saved as declared (see state.py); merges and splits are reported once, by the
    # object that made them
    SCALARS: ClassVar[dict[str, Codec[Any]]] = {"n_docs": INT, "n_opened": INT}
    JOURNALED: ClassVar[dict[str, Entries[Any, Any]]] = {
        "df": Entries(INT, INT),  # hashed term -> the articles it is in
        "alias": Entries(TEXT, TEXT),  # merged story id -> the story it went into
    }
    # one entry per article, story or (key, time bucket): kept in the store
    SPILLED: ClassVar[dict[str, Entries[Any, Any]]] = {
        "stories": Entries(TEXT, STORY),
        "orders": Entries(TEXT, INT),  # story id -> its order, read on its own
        "story_of": Entries(TEXT, TEXT),  # article id -> story id (before merges)
        "signals": Entries(TEXT, SIGNAL),  # article id -> its signal, in small stories
        "members": Entries(TEXT, ListOf(TEXT)),  # small story id -> its articles
        "index": Entries(Pair(KEY, INT), BucketCodec()),  # (key, time bucket) -> stories
        "key_buckets": Entries(KEY, ListOf(INT)),  # key -> its dated time buckets, sorted
        # links across languages (crosslingual.py): article id -> its meaning, and
        # (name or embedding hash, time bucket) -> the articles that have it
        "meanings": Entries(TEXT, MEANING),
        "meaning_index": Entries(MEANING_KEY, ARTICLES),
    }

    def __init__(self) -> None:
        self.df: Counter[int] = Counter()
        self.n_docs = 0
        self.n_opened = 0  # stories ever opened: the next one's order
        self.alias: dict[str, str] = {}
        self.stories: SpilledDict = SpilledDict()
        self.orders: SpilledDict = SpilledDict()
        self.story_of: SpilledDict = SpilledDict()
        self.index: SpilledDict = SpilledDict()
        self.key_buckets: SpilledDict = SpilledDict()
        self.members: SpilledDict = SpilledDict()
        self.signals: SpilledDict = SpilledDict()
        self.meanings: SpilledDict = SpilledDict()
        self.meaning_index: SpilledDict = SpilledDict()
        self.across = MeaningIndex(self.meanings, self.meaning_index)
        self.story_index = StoryIndex(self.index, self.key_buckets, self.orders)
        self.small = SmallStories(self.members, self.signals)
        self._merges: dict[str, str] = {}
        self._splits: dict[str, str] = {}
        # stories grown since the last consolidation, the most recently grown last
        self._unsettled: dict[str, None] = {}
        self._changed: dict[str, set[Any]] = {}

    def _rebuild(self) -> None:
        self._merges, self._splits, self._unsettled = {}, {}, {}

    # ------------------------------------------------------------------ public
    def add(
        self,
        article: Article,
        analysis: Analysis,
        terms: Counter[int] | None = None,
        settings: StoriesSettings = DEFAULT.stories,
        meaning: Meaning | None = None,
    ) -> str:
        """The story id the article belongs to (an existing one, or a new one). `terms` are
        the article's `term_counts`, and `meaning` its `crosslingual.meaning_of`, made here
        when not given."""
        if article.id in self.story_of:
            return self.story_id(article.id)
        vector = self._vector(term_counts(article) if terms is None else terms)
        actors, day = actor_counts(analysis), day_of(article.published)
        year = None if day is not None else stated_year(analysis)
        places = event_places(article, analysis, settings.place_lead_sentences)
        original = self._story_of_original(article)
        meaning = meaning or meaning_of(article, day)
        scored: list[tuple[float, str]] = []
        if original is None:
            scored = self._scored(vector, actors, day, year, places, settings)
            scored = self._with_other_languages(scored, meaning, settings)
        story_id = original or self._best(scored, settings) or self._open_new(article.id)
        self._absorb(self.stories[story_id], vector, actors, day, places)
        self.story_of[article.id] = story_id
        self._touch("story_of", article.id)
        self.across.add(article.id, meaning)
        copied = article.duplicate_of if original is not None else None
        signal = Signal.of(vector, actors, day, copied, year, places)
        self.small.add(story_id, article.id, signal)
        return self._merge_bridged(story_id, scored, settings)

    def place(
        self,
        article: Article,
        analysis: Analysis,
        terms: Counter[int],
        meaning: Meaning | None,
        story_id: str | None,
        settings: StoriesSettings = DEFAULT.stories,
    ) -> str:
        """Add an article to a story decided elsewhere (a partition of a partitioned batch,
        batch/partition.py): `story_id`, or a new story named after the article when None.
        Nothing is scored or merged; the story is consolidated with the others a run grew
        (`consolidate`), as if the article had joined it here."""
        if article.id in self.story_of:
            return self.story_id(article.id)
        vector = self._vector(terms)
        actors, day = actor_counts(analysis), day_of(article.published)
        year = None if day is not None else stated_year(analysis)
        places = event_places(article, analysis, settings.place_lead_sentences)
        story_id = self._resolve(story_id) if story_id else self._open_new(article.id)
        self._absorb(self.stories[story_id], vector, actors, day, places)
        self.story_of[article.id] = story_id
        self._touch("story_of", article.id)
        self.across.add(article.id, meaning or meaning_of(article, day))
        original = self._story_of_original(article)
        copied = article.duplicate_of if original == story_id else None
        signal = Signal.of(vector, actors, day, copied, year, places)
        self.small.add(story_id, article.id, signal)
        return story_id

    def join(self, story_id: str, other_id: str) -> str:
        """Merge two stories found to be one elsewhere (the stitch of a partitioned batch):
        the younger into the older, reported by `merged` like any merge, and the result
        left to the next consolidation. The surviving id."""
        story, other = self.stories[self._resolve(story_id)], self.stories[self._resolve(other_id)]
        if story.id != other.id:
            older, younger = sorted((story, other), key=lambda s: s.order)
            self._merge(younger, older)
            story = older
        self._unsettled[story.id] = None
        return str(story.id)

    def drawn_to(
        self, story_id: str, others: Iterable[str], settings: StoriesSettings = DEFAULT.stories
    ) -> str | None:
        """The story of `others` that `story_id` is part of, article by article, by the
        consolidation's rule: the one that more than half of its articles would each move
        to (`consolidate.drawn`: it would take the article, and fits it better than the
        article's own story without it), the most of them (ties: the larger gain, then the
        smaller id). A story too large to keep its articles' signals (`split.SPLIT_MAX`) is
        scored as one article on its median day, as a merge checks two stories
        (`merge.bridged`), and goes to the story it fits best and would join. None if none
        does."""
        story: StoryState = self.stories[self._resolve(story_id)]
        candidates = sorted({self._resolve(s) for s in others} - {story.id})
        self.stories.fetch(candidates)
        candidates = [s for s in candidates if s in self.stories]
        members = self._with_signals(story.id)
        if members is None:
            vector, day = dict(normalised(story.centroid)), _median(story.days)
            fits = [
                (fit, other_id)
                for other_id in candidates
                if joins(
                    fit := score(
                        self.stories[other_id],
                        vector,
                        story.actors,
                        day,
                        settings,
                        places=tuple(story.places),
                    ),
                    settings,
                )
            ]
            return min(fits, key=lambda f: (-(f[0] or 0.0), f[1]))[1] if fits else None
        folds = Folds()
        best: tuple[tuple[int, float], str] | None = None
        for other_id in candidates:
            other_members = self._with_signals(other_id)
            other = (
                self.stories[other_id]
                if other_members is None
                else folds.whole(
                    other_members, {a: folds.seen(a, self.signals) for a in other_members}
                )
            )
            found = drawn(members, other, self.signals, settings, folds)
            if 2 * found[0] > len(members) and (best is None or found > best[0]):
                best = (found, other_id)
        return best[1] if best else None

    def _with_signals(self, story_id: str) -> list[str] | None:
        """A story's articles, when it is small enough to keep every one's signal."""
        self.members.fetch([story_id])
        members = self.members.get(story_id)
        if not members:
            return None
        self.signals.fetch(members)
        return list(members) if all(self.signals.get(m) is not None for m in members) else None

    def revise(
        self, article: Article, analysis: Analysis, settings: StoriesSettings = DEFAULT.stories
    ) -> str | None:
        """Take in an added article's changed evidence (its inferred date, its redone
        analysis); its story splits if it no longer hangs together. The story id now
        (None for an article never added)."""
        if article.id not in self.story_of:
            return None
        story: StoryState = self.stories[self.story_id(article.id)]
        day = day_of(article.published)
        old = self.signals.get(article.id)
        if old is None:  # a settled story: it only learns the new day
            if day is not None and day not in story.days:
                self._set_days(story, [*story.days, day])
            return story.id
        actors = actor_counts(analysis)
        places = event_places(article, analysis, settings.place_lead_sentences)
        new = Signal(
            old.terms, old.weights, tuple(sorted(actors)), day, old.original, old.year, places
        )
        if (new.day, new.actors, new.places) == (old.day, old.actors, old.places):
            return story.id
        self.signals[article.id] = new
        self._touch("signals", article.id)
        days = list(story.days)
        if old.day is not None and old.day in days:
            days.remove(old.day)
        self._set_days(story, days + ([day] if day is not None else []))
        self._split_if_apart(story, settings)
        return self.story_id(article.id)

    def splits(self) -> dict[str, str]:
        """Stories split off since the last call (or since this object was made or loaded):
        new id -> the story it left (the part with that story's first article keeps its id)."""
        found = dict(sorted(self._splits.items()))
        self._splits = {}
        return found

    def story_members(self, story_id: str) -> list[str]:
        """A story's articles in arrival order, while it is small enough to be checked."""
        return list(self.members.get(story_id, []))

    def story_id(self, article_id: str) -> str:
        """The current story of an article already added (following merges)."""
        return self._resolve(self.story_of[article_id])

    def merged(self) -> dict[str, str]:
        """Stories merged since the last call (or since this object was made or loaded):
        old id -> surviving id."""
        found = {old: self._resolve(new) for old, new in sorted(self._merges.items())}
        self._merges = {}
        return found

    def consolidate(self, settings: StoriesSettings = DEFAULT.stories) -> dict[str, list[str]]:
        """Examine again the articles of the stories grown since the last call, now that
        every story of the run exists, and move each to the story it fits best
        (consolidate.py). The stories whose articles changed -> their articles now (none:
        the story is gone). Like `merged`, it knows the stories grown since this object was
        made or loaded (the cross-article stages keep it loaded through a run); of those,
        the ``CONSOLIDATE_MAX_STORIES`` grown last."""
        changed: dict[str, list[str]] = {}
        recent = list(self._unsettled)[-CONSOLIDATE_MAX_STORIES:]
        block = {self._resolve(s) for s in recent}
        folds = Folds()  # the stories' evidence, kept from round to round
        self._moved_between(block, changed, settings, folds)
        # the cut is the last step: moving its parts' articles one at a time by their fit
        # to a centroid undid it (on ECB+ dev, dated reports of one jewel heist moved back
        # into the story of the look-alike heist's undated reports just cut apart)
        cut, cut_from = self._cut_apart(block, settings)
        changed.update(cut)
        block.update(cut)
        changed.update(self._rejoined(block, cut_from, settings))
        self._unsettled = {}
        return changed

    def _moved_between(
        self,
        block: set[str],
        changed: dict[str, list[str]],
        settings: StoriesSettings,
        folds: Folds,
    ) -> None:
        """Rounds of moves between the stories of `block`; `changed` and `block` learn
        the stories changed."""
        for _ in range(CONSOLIDATE_ROUNDS):
            groups = self._checkable(block)
            moved = moves(groups, self.signals, self._candidates_of, settings, folds)
            story_of = {a: s for s, members in groups.items() for a in members}
            moved = {
                a: s
                for a, s in moved.items()
                if not self._held_across(a, story_of[a], story_of, settings)
            }
            if not moved:
                break
            for story_id, members in self._move(groups, moved).items():
                changed[story_id] = members
                block.add(story_id)

    # ------------------------------------------------------------------ joining
    def _vector(self, terms: Counter[int]) -> dict[int, float]:
        """The article's TF-IDF vector, after counting its terms in."""
        self.n_docs += 1
        self.df.update(terms.keys())
        for term in terms:
            self._touch("df", term)
        return tfidf(terms, self.df, self.n_docs)

    def _story_of_original(self, article: Article) -> str | None:
        if article.duplicate_of and article.duplicate_of in self.story_of:
            return self.story_id(article.duplicate_of)
        return None

    def _scored(
        self,
        vector: dict[int, float],
        actors: Counter[str],
        day: int | None,
        year: int | None,
        places: tuple[str, ...],
        settings: StoriesSettings,
    ) -> list[tuple[float, str]]:
        """Candidate stories with their scores, best first (ties: the older story)."""
        candidates = self.story_index.candidates(vector, actors, day)
        self.stories.fetch(candidates)  # they are scored next
        scored = []
        for story_id in candidates:
            found = score(self.stories[story_id], vector, actors, day, settings, year, places)
            if found is not None:
                scored.append((found, story_id))
        return sorted(scored, key=lambda s: (-s[0], self.stories[s[1]].order))

    def _with_other_languages(
        self, scored: list[tuple[float, str]], meaning: Meaning, settings: StoriesSettings
    ) -> list[tuple[float, str]]:
        """The scores, each story's raised to the article's best link with one of its
        articles in another language (crosslingual.py), stories found only so added."""
        neighbours = [(a, self.story_id(a)) for a in self.across.neighbours(meaning)]
        best = {story_id: found for found, story_id in scored}
        for story_id, found in self.across.fits(meaning, neighbours, settings).items():
            best[story_id] = max(found, best.get(story_id, found))
        self.stories.fetch(list(best))
        return sorted(
            ((found, s) for s, found in best.items() if s in self.stories),
            key=lambda s: (-s[0], self.stories[s[1]].order),
        )

    def _held_across(
        self, article_id: str, story_id: str, story_of: dict[str, str], settings: StoriesSettings
    ) -> bool:
        """Whether an article is held in its story by a link with one of the story's
        articles in another language (which consolidation's scoring does not see)."""
        meaning = self.meanings.get(article_id)
        if meaning is None:
            return False
        neighbours = [
            (a, story_of.get(a) or self.story_id(a)) for a in self.across.neighbours(meaning)
        ]
        fit = self.across.fits(meaning, neighbours, settings).get(story_id)
        return joins(fit, settings)

    @staticmethod
    def _best(scored: list[tuple[float, str]], settings: StoriesSettings) -> str | None:
        return scored[0][1] if scored and joins(scored[0][0], settings) else None

    def _open_new(self, article_id: str) -> str:
        """A new story, named after its first article."""
        story_id = stable_id("s", article_id)
        self._open(story_id)
        self.small.set(story_id, [])
        return story_id

    def _open(self, story_id: str) -> StoryState:
        self.n_opened += 1
        story = StoryState(id=story_id, order=self.n_opened - 1)
        self.stories[story_id] = story
        self.orders[story_id] = story.order
        return story

    def _absorb(
        self,
        story: StoryState,
        vector: dict[int, float],
        actors: Counter[str],
        day: int | None,
        places: tuple[str, ...] = (),
    ) -> None:
        keys, buckets = story.keys(), set(story.buckets())  # a copy: dated_buckets grows
        grow(story, vector, actors, day, places)
        self._touch("stories", story.id)
        self._unsettled.pop(story.id, None)
        self._unsettled[story.id] = None
        # only what changed is re-indexed: the cost does not grow with the story's size
        self.story_index.remove(story, keys, buckets - story.buckets())
        self.story_index.remove(story, keys - story.keys(), buckets)
        self.story_index.add(story, story.keys(), story.buckets() - buckets)
        self.story_index.add(story, story.keys() - keys, story.buckets())

    def _set_days(self, story: StoryState, days: list[int]) -> None:
        self.story_index.remove(story, story.keys(), story.buckets())
        set_days(story, days)
        self.story_index.add(story, story.keys(), story.buckets())
        self._touch("stories", story.id)

    def _resolve(self, story_id: str) -> str:
        while story_id in self.alias:
            story_id = self.alias[story_id]
        return story_id

    # ------------------------------------------------------------------ merges
    def _merge_bridged(
        self, story_id: str, scored: list[tuple[float, str]], settings: StoriesSettings
    ) -> str:
        """Merge into the article's story every other story the article matches strongly
        and which matches that story: the article showed they are one."""
        story: StoryState = self.stories[story_id]
        for found, other_id in scored:
            if other_id == story_id or not strong(found, settings) or other_id not in self.stories:
                continue
            other = self.stories[other_id]
            if not bridged(story, other, settings):
                continue
            older, younger = sorted((story, other), key=lambda s: s.order)
            self._merge(younger, older)
            story = older
        return story.id

    def _merge(self, younger: StoryState, older: StoryState) -> None:
        self.story_index.remove(younger, younger.keys(), younger.buckets())
        self.story_index.remove(older, older.keys(), older.buckets())
        combine(older, younger)
        self.story_index.add(older, older.keys(), older.buckets())
        del self.stories[younger.id], self.orders[younger.id]
        self.small.merge(younger.id, older.id)
        self.alias[younger.id] = older.id
        self._merges[younger.id] = older.id
        for changed in ("stories", "alias"):
            self._touch(changed, younger.id)
        self._touch("stories", older.id)

    # ------------------------------------------------------------------ consolidation
    def _checkable(self, block: set[str]) -> dict[str, list[str]]:
        """The stories of `block` still there and small enough to have every member's
        signal, with their members."""
        self.stories.fetch(block)
        self.members.fetch(block)
        groups = {}
        for story_id in sorted(block):
            members = self.members.get(story_id) if story_id in self.stories else None
            if members:
                self.signals.fetch(members)
                if all(self.signals.get(m) is not None for m in members):
                    groups[story_id] = list(members)
        return groups

    def _cut_apart(
        self, block: set[str], settings: StoriesSettings
    ) -> tuple[dict[str, list[str]], dict[str, str]]:
        """Cut the stories of `block` whose articles fall into groups apart
        (cohesion.py); the stories changed -> their articles now, and each part cut off ->
        the story it was cut from."""
        cut_from: dict[str, str] = {}
        if not (settings.cohesion_ratio or settings.cohesion_undated_ratio):
            return {}, cut_from
        groups = self._checkable(block)
        signals = {a: self.signals[a] for members in groups.values() for a in members}
        terms = {a: signal.vector() for a, signal in signals.items()}
        actors = actor_vectors(signals)
        changed: dict[str, list[str]] = {}
        for story_id, members in groups.items():
            similarity = similarities(members, terms, actors, settings.cohesion_actor_weight)
            dated = {a for a in members if signals[a].day is not None}
            found = cohesive_parts(members, similarity, settings, dated)
            if len(found) == 1:
                continue
            story = self.stories[story_id]
            self._remake(story, found[0])
            changed[story_id] = found[0]
            for part in found[1:]:
                new_id = self._split_off(story, part)
                self._splits.pop(new_id)  # reported here, among the stories changed
                changed[new_id] = part
                cut_from[new_id] = story_id
        return changed, cut_from

    def _rejoined(
        self, block: set[str], cut_from: dict[str, str], settings: StoriesSettings
    ) -> dict[str, list[str]]:
        """Each part just cut off, scored as one undated article (its centroid and
        actors), joins the story of `block` it fits best and would join, other than the
        story it was cut from, that story's other parts, and a story one of those would
        join; the stories changed -> their articles now."""
        groups = self._checkable(block)
        family = {p: {s, *(q for q, t in cut_from.items() if t == s)} for p, s in cut_from.items()}
        moved: dict[str, str] = {}
        for part_id in sorted(cut_from.keys() & groups.keys()):
            members = groups[part_id]
            part = self.stories[part_id]
            vector, actors = dict(normalised(part.centroid)), Counter(part.actors)
            places = tuple(part.places)
            candidates = set(self.story_index.candidates(vector, actors, None)) & groups.keys()
            fits = [
                (fit, other)
                for other in sorted(candidates - family[part_id] - cut_from.keys())
                if joins(
                    fit := score(
                        self.stories[other], vector, actors, None, settings, places=places
                    ),
                    settings,
                )
            ]
            # nor a story that a part it was cut from would join: that is the other event's
            siblings = [self.stories[q] for q in family[part_id] - {part_id} if q in self.stories]
            fits = [
                (fit, other)
                for fit, other in fits
                if not any(bridged(self.stories[other], sibling, settings) for sibling in siblings)
            ]
            if fits:  # the best fit; ties: the smaller story id
                best = min(fits, key=lambda f: (-(f[0] or 0.0), f[1]))
                moved.update({a: best[1] for a in members})
        return self._move(groups, moved) if moved else {}

    def _candidates_of(self, signal: Signal) -> list[str]:
        return self.story_index.candidates(signal.vector(), Counter(signal.actors), signal.day)

    def _move(self, groups: dict[str, list[str]], moved: dict[str, str]) -> dict[str, list[str]]:
        """Move articles between stories; the stories changed -> their members now."""
        now = {story_id: list(members) for story_id, members in groups.items()}
        for story_id, members in groups.items():
            for article_id in members:
                if article_id in moved:
                    now[story_id].remove(article_id)
                    now[moved[article_id]].append(article_id)
                    self.story_of[article_id] = moved[article_id]
                    self._touch("story_of", article_id)
        changed = {s: m for s, m in now.items() if m != groups[s]}
        for story_id, members in changed.items():
            story = self.stories[story_id]
            if members:
                self._remake(story, members)
            else:
                self._drop(story)
        return changed

    def _drop(self, story: StoryState) -> None:
        """A story left without articles."""
        self.story_index.remove(story, story.keys(), story.buckets())
        del self.stories[story.id], self.orders[story.id]
        self.small.set(story.id, None)
        self._touch("stories", story.id)

    # ------------------------------------------------------------------ splits
    def _split_if_apart(self, story: StoryState, settings: StoriesSettings) -> None:
        members = self.members.get(story.id)
        if not members or len(members) < 2:
            return
        if any(self.signals.get(m) is None for m in members):
            # a store saved before merges kept their members' signals: too little evidence
            # left to split it, so it is settled
            self.small.settle(story.id)
            return
        found = parts(members, self.signals, settings)
        if len(found) > 1:
            found = self._joined_across(members, found, settings)
        if len(found) == 1:
            return
        self._remake(story, found[0])
        for part in found[1:]:
            self._split_off(story, part)

    def _joined_across(
        self, members: list[str], found: list[list[str]], settings: StoriesSettings
    ) -> list[list[str]]:
        """The parts of a story, those that a pair of articles in different languages
        links made one again (the split check, like `add`'s own scoring, sees only words),
        each in arrival order, the part with the first article first."""
        part_of = {a: i for i, part in enumerate(found) for a in part}
        self.meanings.fetch(members)
        meanings: dict[str, Meaning | None] = {a: self.meanings.get(a) for a in members}

        def linked(a: str, b: str) -> bool:
            if part_of[a] == part_of[b]:
                return True
            one, other = meanings[a], meanings[b]
            if one is None or other is None or one.language == other.language:
                return False
            return joins(pair_score(one, other, settings), settings)

        return components(members, linked)

    def _split_off(self, story: StoryState, part: list[str]) -> str:
        """A new story of these members of `story`; its id."""
        new_id = stable_id("s", part[0])
        if new_id in self.stories or new_id in self.alias:  # its own story went away
            new_id = stable_id("s", part[0], story.id)
        self._open(new_id)
        self._remake(self.stories[new_id], part)
        for article_id in part:
            self.story_of[article_id] = new_id
            self._touch("story_of", article_id)
        self._splits[new_id] = story.id
        return new_id

    def _remake(self, story: StoryState, members: list[str]) -> None:
        """The story made again from its members' signals."""
        self.story_index.remove(story, story.keys(), story.buckets())
        story.centroid, story.actors, story.days = Centroid(), Counter(), []
        story.dated_buckets, story.size, story.places = set(), 0, Counter()
        self.small.set(story.id, [])
        for article_id in members:
            signal = self.signals[article_id]
            actors = Counter(signal.actors)
            self._absorb(story, signal.vector(), actors, signal.day, signal.places)
            self.small.set(story.id, [*self.members[story.id], article_id])


def _median(days: list[int]) -> int | None:
    """A story's median day (of its sorted days), as a merge scores a story on it."""
    return days[len(days) // 2] if days else None
