"""A story's title: the title of its most representative article."""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

import numpy as np

from crosswire.model import CODED_LANGUAGES, Article
from crosswire.stories.vectors import words_term_counts

# Articles whose term vectors are kept between builds: a story is rebuilt as it grows, and
# each build reads all its articles again (about 5 KB each, so some 20 MB at most)
KEPT_VECTORS = 4096


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
    vectors = {a.id: _vector(a) for a in articles}
    total: Counter[int] = Counter()
    for article in sorted(articles, key=lambda a: a.id):  # a fixed order: equal sums
        total.update(vectors[article.id])
    central = _centralities(vectors, total)
    days = Counter(a.published for a in articles if a.published)
    copies = Counter(a.duplicate_of for a in articles if a.duplicate_of)
    ranked = sorted(
        articles,
        key=lambda a: (
            a.duplicate_of is not None,
            not a.title,
            a.language is not None and a.language not in CODED_LANGUAGES,
            -round(central[a.id], 9),
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


def _vector(article: Article) -> dict[int, float]:
    """`_unit` of the article's term counts."""
    terms, weights = _kept_vector(article.title, article.text)
    return dict(zip(terms.tolist(), weights.tolist(), strict=True))


@lru_cache(maxsize=KEPT_VECTORS)
def _kept_vector(title: str | None, text: str) -> tuple[np.ndarray, np.ndarray]:
    """The unit vector of an article's words as two arrays (a fifth of a dict's memory)."""
    vector = _unit(words_term_counts(title, text))
    return np.fromiter(vector, np.int64, len(vector)), np.fromiter(vector.values(), float)


def _centralities(vectors: dict[str, dict[int, float]], total: Counter[int]) -> dict[str, float]:
    """Each article's cosine to the sum of all the others' vectors.

    Made over arrays: the others' sum has every term of the story, so a dictionary of it
    per article made a story's title cost its size squared in Python. The floats are the
    same as adding term by term in `total`'s order: each difference and square is the same
    operation, and a cumulative sum adds in order (unlike ``sum`` of an array, pairwise).
    """
    position = {term: i for i, term in enumerate(total)}
    totals = np.fromiter(total.values(), float, len(total))
    return {
        article_id: _centrality(vector, total, totals, position)
        for article_id, vector in vectors.items()
    }


def _centrality(
    vector: dict[int, float], total: Counter[int], totals: np.ndarray, position: dict[int, int]
) -> float:
    """Cosine between an article's vector and the sum of all the others' (`totals`, the
    story's sum as an array in `total`'s order, less this article's own weights)."""
    others = totals.copy()
    if vector:
        at = np.fromiter((position[term] for term in vector), np.intp, len(vector))
        others[at] -= np.fromiter(vector.values(), float, len(vector))
    norm = math.sqrt(float(np.cumsum(others * others)[-1])) if len(others) else 0.0
    if not norm or not vector:
        return 0.0
    return sum(w * (total[term] - w) for term, w in vector.items()) / norm
