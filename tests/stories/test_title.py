"""A story's title: the centrality of each article, made over arrays, is the same float as
adding term by term."""

from __future__ import annotations

import math
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st
from tests.fuzz.strategies import FAST
from tests.stories.factory import article

from crosswire.stories.title import _centralities, _kept_vector, _unit, _vector
from crosswire.stories.vectors import term_counts


def reference(vector: dict[int, float], total: Counter[int]) -> float:
    """The centrality as it was first written: a dictionary of the others' sum."""
    others = {term: total[term] - vector.get(term, 0.0) for term in total}
    norm = math.sqrt(sum(w * w for w in others.values()))
    if not norm or not vector:
        return 0.0
    return sum(w * others[term] for term, w in vector.items()) / norm


COUNTS = st.dictionaries(st.integers(0, 40), st.integers(1, 9), max_size=25)


@FAST
@given(st.lists(COUNTS, min_size=1, max_size=8))
def test_centralities_are_the_same_floats_as_term_by_term(counts: list[dict[int, int]]) -> None:
    vectors = {f"a{i}": _unit(Counter(c)) for i, c in enumerate(counts)}
    total: Counter[int] = Counter()
    for vector in vectors.values():
        total.update(vector)
    found = _centralities(vectors, total)
    assert found == {a: reference(v, total) for a, v in vectors.items()}


def test_an_articles_vector_is_kept_and_the_same_as_made_anew() -> None:
    item = article("a", "Rojas met Soto in Lima on Monday to talk about the harbour.")
    _kept_vector.cache_clear()
    assert _vector(item) == _unit(term_counts(item)) == _vector(item)
    assert _kept_vector.cache_info().hits == 1
