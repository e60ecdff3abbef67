"""Story briefs: a few sentences chosen for coverage of the story's events and for
agreement across sources, each with the articles that support it; and the timeline.

Selection is greedy (maximal marginal relevance): a candidate sentence scores for the
events it reports that no chosen sentence covers yet (weighted by their independent
sources), for the number of articles carrying a sentence that says the same, and a little
for coming early in its article; a sentence too similar to a chosen one is skipped. The
chosen sentences are shown in time order (the date of the event they report, else their
article's date), then in text order.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from crosswire.datafiles import DataModel, load
from crosswire.model import Analysis, Article, BriefSentence, Event, Story, TimelineEntry
from crosswire.settings import DEFAULT
from crosswire.stories import calendar_day, days_apart

MAX_SENTENCES = 8
MAX_TIMELINE = 20  # events listed in a story's timeline
MIN_SENTENCES = 3
MIN_WORDS = 6
MAX_WORDS = 70  # longer "sentences" are usually lists or scraper residue
SIMILAR = 0.5  # content-word overlap above which two sentences say the same thing
_WORD = re.compile(r"\w+")


@dataclass
class Candidate:
    text: str
    article_id: str
    position: int
    words: set[str]
    when: str
    events: dict[str, float] = field(default_factory=dict)  # event id -> weight
    support: list[str] = field(default_factory=list)


def timeline(events: list[Event]) -> list[Event]:
    """Events in date order, undated last."""
    return sorted(events, key=lambda e: (e.date is None, e.date or "", e.id))


def story_timeline(events: list[Event], limit: int = MAX_TIMELINE) -> list[TimelineEntry]:
    """The story's timeline: its best-supported reported events in date order.

    Events reported as happening (asserted, not negated) come first; a story of many
    articles has hundreds of coded events, so only the ``limit`` best supported (independent
    sources, then reporting articles) are listed, which keeps the timeline a reading aid.
    """
    happened = [e for e in events if e.modality == "asserted" and not e.negated] or events
    best = sorted(happened, key=lambda e: (-e.n_sources, -len(e.article_ids), e.id))[:limit]
    return [
        TimelineEntry(
            event_id=e.id,
            date=e.date,
            what=event_summary(e),
            n_sources=e.n_sources,
            article_ids=e.article_ids,
        )
        for e in timeline(best)
    ]


def event_summary(event: Event) -> str:
    """One line: type/mode, the actors, the place ("CONSULT: Lavrov – Kim, in Pyongyang")."""
    sides = [a for a in (event.source, event.target) if a is not None]
    names = list(dict.fromkeys(a.name for a in [*sides, *event.participants]))
    mode = f"/{event.mode}" if event.mode else ""
    where = f", in {event.location.name}" if event.location else ""
    return f"{event.type}{mode}: {' – '.join(names) or '?'}{where}"


def brief_size(articles: list[Article]) -> int:
    """5-8 sentences for a story with several independent articles, fewer when small."""
    originals = sum(1 for a in articles if not a.duplicate_of)
    return max(MIN_SENTENCES, min(MAX_SENTENCES, 2 * originals + 1))


def write_brief(
    story: Story,
    articles: list[Article],
    analyses: list[Analysis],
    events: list[Event],
    window_days: int = DEFAULT.stories.date_window_days,
) -> list[BriefSentence]:
    """The story's brief: extractive, each sentence with its supporting articles, in the
    order of the days they report within `window_days` of their article's date."""
    candidates = _candidates(articles, analyses, events, window_days)
    _add_support(candidates)
    chosen = _chosen(candidates, brief_size(articles))
    chosen.sort(key=lambda c: (c.when, c.article_id, c.position))
    return [BriefSentence(text=c.text, article_ids=list(c.support)) for c in chosen]


def _candidates(
    articles: list[Article], analyses: list[Analysis], events: list[Event], window_days: int
) -> list[Candidate]:
    by_id = {a.id: a for a in articles}
    reported = _events_by_sentence(events)
    found = []
    for analysis in sorted(analyses, key=lambda a: a.article_id):
        article = by_id.get(analysis.article_id)
        if article is None or article.duplicate_of:  # a copy adds no sentence of its own
            continue
        for position, (start, end) in enumerate(analysis.sentences):
            text = " ".join(article.text[start:end].split())
            words = set(_WORD.findall(text.lower())) - ENGLISH_STOP_WORDS
            if not MIN_WORDS <= len(text.split()) <= MAX_WORDS or _dangling(text):
                continue
            events_here = reported.get((article.id, start), {})
            dates = sorted(d for d in events_here.values() if isinstance(d, str))
            when = _when(dates, article.published, window_days)
            weights = {e: w for e, w in events_here.items() if not isinstance(w, str)}
            found.append(Candidate(text, article.id, position, words, when, weights))
    return found


def _when(event_dates: list[str], published: str | None, window_days: int) -> str:
    """Where a sentence goes in the brief's time order: the first day it reports near its
    article's date; background ("since 2000") goes by the article's date instead."""
    near = [d for d in event_dates if calendar_day(d) and _near_enough(d, published, window_days)]
    return near[0] if near else (published or "")


def _near_enough(day: str, published: str | None, window_days: int) -> bool:
    """Near the article's date; an article with no usable date keeps every day it gives."""
    apart = days_apart(day, published) if calendar_day(published) else 0
    return apart is not None and apart <= window_days


class BriefWords(DataModel):
    """data/stories/brief.yaml: lower-case first words that point back ("he", "but")."""

    dangling_openers: tuple[str, ...]


@cache
def _dangling_openers() -> frozenset[str]:
    return frozenset(load("stories/brief.yaml", BriefWords).dangling_openers)


def _dangling(text: str) -> bool:
    """The sentence opens by pointing back at one the brief does not have."""
    first = _WORD.match(text)
    return first is not None and first.group().lower() in _dangling_openers()


def _events_by_sentence(events: list[Event]) -> dict[tuple[str, int], dict[str, float | str]]:
    """(article id, sentence start) -> {event id: weight, and "date:ID": event date}."""
    found: dict[tuple[str, int], dict[str, float | str]] = {}
    for event in events:
        weight = event.n_sources + (0.5 if event.modality == "asserted" else 0.0)
        for mention in event.mentions:
            if mention.section != "body":
                continue
            here = found.setdefault((mention.article_id, mention.sentence_start), {})
            here[event.id] = max(float(here.get(event.id, 0.0)), weight)
            if event.date:
                here[f"date:{event.id}"] = event.date
    return found


def _add_support(candidates: list[Candidate]) -> None:
    """Every article with a sentence saying the same thing (word overlap above SIMILAR)
    supports a candidate. Exact, without comparing every pair, so that a story of
    thousands of articles stays cheap: sentences with the same words are compared once, and
    a pair is compared only when the smaller sentence has one of its rarest words in the
    other, which every pair above SIMILAR does (prefix filtering, as in set-similarity
    joins)."""
    groups: dict[frozenset[str], list[Candidate]] = {}
    for candidate in candidates:
        groups.setdefault(frozenset(candidate.words), []).append(candidate)
    sets = [words for words in groups if words]  # no words: similar to nothing
    similar = _similar_sets(sets)
    for i, words in enumerate(sets):
        support = sorted({c.article_id for j in similar[i] for c in groups[sets[j]]})
        for candidate in groups[words]:
            candidate.support = support  # one list for the group: the brief copies it
    for candidate in groups.get(frozenset(), []):
        candidate.support = [candidate.article_id]


def _similar_sets(sets: list[frozenset[str]]) -> list[set[int]]:
    """For each set, the sets (itself included) whose overlap with it is above SIMILAR."""
    df = Counter(word for words in sets for word in words)
    by_word: dict[str, list[int]] = {}
    for i, words in enumerate(sets):
        for word in words:
            by_word.setdefault(word, []).append(i)
    similar = [{i} for i in range(len(sets))]
    for i, words in enumerate(sets):
        # a larger set shares more than SIMILAR of this one's words only if it has one of
        # the first len - floor(SIMILAR * len) of them (the rarest first)
        rarest = sorted(words, key=lambda w: (df[w], w))[: len(words) - int(SIMILAR * len(words))]
        partners = {j for word in rarest for j in by_word[word]}
        for j in partners:
            larger = (len(sets[j]), j) > (len(words), i)
            if larger and _overlap(words, sets[j]) > SIMILAR:
                similar[i].add(j)
                similar[j].add(i)
    return similar


def _chosen(candidates: list[Candidate], size: int) -> list[Candidate]:
    """Up to `size` candidates, greedily: each the best (`_best`) of those neither chosen
    nor too similar to one chosen (word overlap above SIMILAR)."""
    chosen: list[Candidate] = []
    covered: set[str] = set()
    # the candidates still open, each compared once with each sentence chosen (not with all
    # of them on every pick: a story of many articles has thousands of candidates)
    open_ = list(candidates)
    while len(chosen) < size:
        best = _best(open_, covered)
        if best is None:
            break
        chosen.append(best)
        covered |= set(best.events)
        open_ = [c for c in open_ if c != best and _overlap(c.words, best.words) <= SIMILAR]
    return chosen


def _best(candidates: list[Candidate], covered: set[str]) -> Candidate | None:
    """The open candidate of the highest score (the first of equals)."""
    best, best_score = None, float("-inf")
    for candidate in candidates:
        new_events = sum(w for e, w in candidate.events.items() if e not in covered)
        score = new_events + 0.75 * len(candidate.support) + 1.0 / (1 + candidate.position)
        if score > best_score:
            best, best_score = candidate, score
    return best


def _overlap(a: AbstractSet[str], b: AbstractSet[str]) -> float:
    return len(a & b) / (min(len(a), len(b)) or 1)
