"""User search queries: parsed into words, rebuilt for FTS5 and websearch_to_tsquery."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosswire.store.search import check_page, fts5_query, parse_query, websearch_query


def test_words_phrases_or_and_exclusion_are_understood() -> None:
    clauses = parse_query('Kim "foreign minister" -Trump or Lavrov')
    assert [[(t.words, t.negated) for t in c.terms] for c in clauses] == [
        [(("kim",), False), (("foreign", "minister"), False), (("trump",), True)],
        [(("lavrov",), False)],
    ]
    assert fts5_query(clauses) == '(("kim" AND "foreign minister") NOT "trump") OR ("lavrov")'
    assert websearch_query(clauses) == 'kim "foreign minister" -trump or lavrov'


@pytest.mark.parametrize("query", ['"', "", "   ", "-", "-trump", '"" -""', "()*:^"])
def test_queries_without_a_word_to_find_are_empty(query: str) -> None:
    assert parse_query(query) == []


def test_or_is_an_operator_only_between_terms() -> None:
    assert [[t.words for t in c.terms] for c in parse_query("or")] == [[("or",)]]
    assert [[t.words for t in c.terms] for c in parse_query("war or")] == [[("war",)]]


def test_punctuation_splits_words_as_the_engines_do() -> None:
    [clause] = parse_query("Kim's U.S.-led talks_2018")
    assert [t.words for t in clause.terms] == [("kim", "s"), ("u", "s", "led"), ("talks", "2018")]


def test_long_queries_are_cut() -> None:
    [clause] = parse_query(" ".join(f"w{i}" for i in range(100)))
    assert len(clause.terms) == 32


def test_page_bounds() -> None:
    check_page(1, 0)
    with pytest.raises(ValueError, match="between 1 and 1000"):
        check_page(1001, 0)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_any_text_is_a_valid_query_on_every_backend(store, query: str) -> None:
    assert isinstance(store.search_articles(query), list)
