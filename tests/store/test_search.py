"""Full-text search over articles: matches, ranking, snippets, hostile queries."""

from __future__ import annotations

import pytest
from tests.store.articles import add, fill

from crosswire.store import ArticleHit

PUBLISHED = "2023-03-14"
ARTICLES = {
    "oslo": (
        "Ministers meet in Oslo",
        "Huitfeldt met Haavisto in Oslo for talks on Arctic energy.",
    ),
    "flood": (
        "Floods in Bangladesh",
        "Monsoon rains flooded Sylhet; rescue teams handed out water.",
    ),
    "arctic": ("Arctic council", "The Arctic council met in Tromsø. Energy was not discussed."),
}


@pytest.fixture
def filled(store):
    return fill(store, ARTICLES, PUBLISHED)


def ids(hits: list[ArticleHit]) -> list[str]:
    return [h.article_id for h in hits]


def test_words_must_all_match_and_stems_count(filled) -> None:
    assert ids(filled.search_articles("oslo talks")) == ["oslo"]
    assert ids(filled.search_articles("meetings")) == ["oslo"]  # stems: meetings ~ meet
    assert ids(filled.search_articles("flooding")) == ["flood"]


def test_hit_carries_metadata_and_a_plain_snippet(filled) -> None:
    [hit] = filled.search_articles("Sylhet")
    assert (hit.title, hit.outlet, hit.published) == ("Floods in Bangladesh", "Wire", "2023-03-14")
    assert "Sylhet" in hit.snippet and "<" not in hit.snippet
    assert hit.score > 0


def test_title_matches_rank_first(filled) -> None:
    hits = filled.search_articles("arctic")
    assert ids(hits) == ["arctic", "oslo"]
    assert hits[0].score >= hits[1].score


def test_phrases_or_and_exclusion(filled) -> None:
    assert ids(filled.search_articles('"arctic council"')) == ["arctic"]
    assert set(ids(filled.search_articles("Sylhet or Tromsø"))) == {"flood", "arctic"}
    assert ids(filled.search_articles("arctic -oslo")) == ["arctic"]


def test_paging(filled) -> None:
    first, second = (
        filled.search_articles("arctic", limit=1),
        filled.search_articles("arctic", limit=1, offset=1),
    )
    assert ids(first) + ids(second) == ids(filled.search_articles("arctic"))
    with pytest.raises(ValueError, match="limit"):
        filled.search_articles("arctic", limit=0)
    with pytest.raises(ValueError, match="offset"):
        filled.search_articles("arctic", offset=-1)


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "AND OR",
        "NOT",
        "(",
        "oslo)",
        "*",
        "a:b",
        "NEAR(x y)",
        "-",
        "'; DROP TABLE articles; --",
        "",
    ],
)
def test_hostile_queries_never_raise_database_errors(filled, query: str) -> None:
    assert isinstance(filled.search_articles(query), list)
    assert filled.counts()["articles"] == 3


def test_index_follows_rolled_back_and_new_writes(filled) -> None:
    with pytest.raises(RuntimeError), filled.transaction():
        add(filled, "ghost", "Ghost story", "A haunted lighthouse.", PUBLISHED)
        raise RuntimeError("killed")
    assert filled.search_articles("lighthouse") == []
    with filled.transaction():
        add(filled, "light", "Lighthouse", "A lighthouse keeper retires.", PUBLISHED)
    assert ids(filled.search_articles("lighthouse")) == ["light"]
