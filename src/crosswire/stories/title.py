"""A story's title: the title of its most representative article."""

from __future__ import annotations

import math
from collections import Counter

from crosswire.model import CODED_LANGUAGES, Article
from crosswire.stories.vectors import term_counts


def story_title(articles: list[Article]) -> str:
    """The title of the story's most representative original article: the one whose words
    are closest to the rest of the story's (cosine to the sum of the others' term vectors,
    copies included, so a much-copied report weighs more). A short post or the latest
    arrival does not rename a story; ties go to the article published on the day most of
    the story's articles are, the most copied, then the earliest. Copies and untitled
    articles come last, and articles in a language crosswire does not code after those in
    one it does (the events and the pages are in English)."""
    if not articles:
        return ""
    vectors = {a.id: _unit(term_counts(a)) for a in articles}
    total: Counter[int] = Counter()
    for article in sorted(articles, key=lambda a: a.id):  # a fixed order: equal sums
        total.update(vectors[article.id])
    days = Counter(a.published for a in articles if a.published)
    copies = Counter(a.duplicate_of for a in articles if a.duplicate_of)
    ranked = sorted(
        articles,
        key=lambda a: (
            a.duplicate_of is not None,
            not a.title,
            a.language is not None and a.language not in CODED_LANGUAGES,
            -round(_centrality(vectors[a.id], total), 9),
            -days.get(a.published, 0) if a.published else 1,
            -copies.get(a.id, 0),
            a.published or "9999",
            a.id,
        ),
    )
    best = ranked[0]
    return best.title or " ".join(best.text[:80].split())


def _unit(counts: Counter[int]) -> dict[int, float]:
    """Sublinear term weights (a word said ten times is not ten times the topic), of
    length one."""
    weights = {term: 1.0 + math.log(count) for term, count in counts.items() if count > 0}
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {term: w / norm for term, w in weights.items()} if norm else {}


def _centrality(vector: dict[int, float], total: Counter[int]) -> float:
    """Cosine between an article's vector and the sum of all the others'."""
    others = {term: total[term] - vector.get(term, 0.0) for term in total}
    norm = math.sqrt(sum(w * w for w in others.values()))
    if not norm or not vector:
        return 0.0
    return sum(w * others[term] for term, w in vector.items()) / norm
