"""Story briefs: a few sentences chosen for coverage of the story's events and for
agreement across sources, each with the articles that support it; and the timeline."""

from __future__ import annotations

from crosswire.clean import normalise_text
from crosswire.model import Analysis, Article, BriefSentence, Event, Story

MAX_SENTENCES = 8
MIN_WORDS = 6
SIMILAR = 0.5  # word-overlap above which two sentences say the same thing


def timeline(events: list[Event]) -> list[Event]:
    """Events in date order, undated last."""
    return sorted(events, key=lambda e: (e.date is None, e.date or "", e.id))


def write_brief(
    story: Story, articles: list[Article], analyses: list[Analysis], events: list[Event]
) -> list[BriefSentence]:
    by_id = {a.id: a for a in articles}
    candidates = []  # (score, position, text, words)
    event_weight = {}
    for event in events:
        for mention in event.mentions:
            if mention.section == "body":
                key = (mention.article_id, mention.sentence_start)
                event_weight[key] = max(
                    event_weight.get(key, 0), event.n_sources + (event.modality == "asserted")
                )
    for analysis in analyses:
        article = by_id[analysis.article_id]
        if article.duplicate_of:
            continue
        for position, (start, end) in enumerate(analysis.sentences):
            text = " ".join(article.text[start:end].split())
            words = set(normalise_text(text).split())
            if len(words) < MIN_WORDS:
                continue
            score = event_weight.get((article.id, start), 0) + 1.0 / (1 + position)
            candidates.append((score, position, text, words, article.id))
    chosen: list[tuple[int, str, set[str], list[str]]] = []
    for _score, position, text, words, _ in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if len(chosen) >= min(MAX_SENTENCES, max(3, len(articles) + 2)):
            break
        if any(_overlap(words, w) > SIMILAR for _, _, w, _ in chosen):
            continue
        support = sorted({c[4] for c in candidates if _overlap(words, c[3]) > SIMILAR})
        chosen.append((position, text, words, support))
    chosen.sort(key=lambda c: c[0])
    return [BriefSentence(text=text, article_ids=support) for _, text, _, support in chosen]


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / (min(len(a), len(b)) or 1)
