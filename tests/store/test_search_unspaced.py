"""Search in scripts written without spaces (Chinese, Japanese, Korean, Thai): a word inside
a run of characters is found through the pair index, on both backends."""

from __future__ import annotations

import sqlite3

import pytest
from tests.store.articles import add, fill

from crosswire.store import open_store
from crosswire.store.grams import gram_clauses, gram_text, snippet
from crosswire.store.search import fts5_query, parse_query, tsquery

# Written for the test (fictional reports): a Chinese, a Japanese, a Korean, a Thai article,
# and an English one that must never match a query in another script
PUBLISHED = "2024-05-15"
ARTICLES = {
    "zh": ("外长会谈", "俄罗斯外长拉夫罗夫星期三在北京大学与学生座谈。"),
    "ja": ("外相会談", "ラブロフ外相は東京で記者会見を開いた。"),
    "ko": ("외교장관 회담", "라브로프 장관은 서울에서 기자회견을 열었다."),
    "th": ("การประชุม", "รัฐมนตรีต่างประเทศพบกันที่กรุงเทพฯ เมื่อวันพุธ"),
    "en": ("Talks in Oslo", "The foreign ministers met in Oslo on Wednesday."),
}


@pytest.fixture
def filled(store):
    return fill(store, ARTICLES, PUBLISHED)


def ids(store, query: str) -> list[str]:
    return sorted(h.article_id for h in store.search_articles(query))


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("北京", ["zh"]),  # inside a run: 星期三在北京大学与
        ("北京大学", ["zh"]),
        ("大学", ["zh"]),
        ("拉夫罗夫", ["zh"]),
        ("东京", []),  # simplified characters are not the Japanese text's 東京
        ("東京", ["ja"]),
        ("外长", ["zh"]),  # the title
        ("ラブロフ", ["ja"]),
        ("서울", ["ko"]),  # with its particle: 서울에서
        ("กรุงเทพ", ["th"]),  # Thai vowel signs and marks belong to their consonants
        ("京", ["ja", "zh"]),  # one character: every pair it begins, and a run's end
        ("学生 -东京", ["zh"]),
        ("北京 or 東京", ["ja", "zh"]),
        ("北大", []),  # the characters, but not side by side
    ],
)
def test_words_inside_runs_are_found(filled, query: str, found: list[str]) -> None:
    assert ids(filled, query) == found


def test_spaced_scripts_still_use_the_word_index(filled) -> None:
    assert ids(filled, "ministers") == ["en"]
    assert ids(filled, "minister") == ["en"]  # stemmed, as before


def test_the_snippet_marks_the_word(filled) -> None:
    [hit] = filled.search_articles("大学")
    assert "北京大学" in hit.snippet
    assert ("大学", True) in hit.segments
    assert "".join(text for text, _ in hit.segments) == hit.snippet


def test_counts_and_facets_follow_the_pair_index(filled) -> None:
    page = filled.search("서울")
    assert page.total == 1
    assert [(f.value, f.count) for f in page.facets["outlet"]] == [("Wire", 1)]


def test_articles_stored_before_the_index_are_indexed_when_it_is_added(tmp_path) -> None:
    path = tmp_path / "old.db"
    store = open_store(path)
    with store.transaction():
        add(store, "zh", *ARTICLES["zh"], PUBLISHED)
    store.close()
    db = sqlite3.connect(path)  # the store as version 6 left it: no pair index
    db.execute("DROP TABLE article_grams")
    db.execute("PRAGMA user_version = 6")
    db.commit()
    db.close()
    store = open_store(path)
    try:
        assert ids(store, "北京") == ["zh"]
    finally:
        store.close()


def test_pairs_overlap_and_the_run_ends_alone() -> None:
    assert gram_text("在北京 met") == " 在北 北京 京  met"
    assert gram_text("no such script") == ""


def test_query_words_become_phrases_of_pairs() -> None:
    clauses = gram_clauses(parse_query("北京大学 Lavrov -上海"))
    assert fts5_query(clauses) == '(("北京 京大 大学" AND "lavrov") NOT "上海")'
    assert tsquery(clauses) == "(('北京' <-> '京大' <-> '大学') & ('lavrov') & !('上海'))"
    assert tsquery(gram_clauses(parse_query("京"))) == "(('京':*))"


def test_snippet_cuts_around_the_first_match() -> None:
    text = "甲" * 200 + "北京" + "乙" * 200
    plain, marked = snippet(text, ["北京"], ("<", ">"))
    assert plain.startswith("…") and plain.endswith("…") and "北京" in plain
    assert "<北京>" in marked
    assert snippet("nothing here", ["北京"], ("<", ">")) == ("", "")
