"""Search pages (each test on SQLite and PostgreSQL): total, facets over every match,
facet filters, the stories of the matches, and snippets with the matched words marked."""

from __future__ import annotations

import dataclasses

import pytest
from tests.store.test_lists import LAVROV, event, fill

from crosswire.model import Analysis, Article, Story
from crosswire.store.base import SearchFilter
from crosswire.store.queries import marked_segments


@pytest.fixture
def filled(store):
    fill(store)
    return store


def values(page, kind: str) -> list[tuple[str, int]]:
    return [(f.value, f.count) for f in page.facets[kind]]


def test_search_counts_all_matches_and_pages_them(filled) -> None:
    page = filled.search("Lavrov", limit=2)
    assert page.total == 5 and len(page.hits) == 2
    rest = filled.search("Lavrov", limit=2, offset=4)
    assert len(rest.hits) == 1 and rest.total == 5


def test_facets_cover_every_match(filled) -> None:
    page = filled.search("Lavrov", limit=1)
    assert values(page, "type") == [("CONSULT", 5)]
    assert values(page, "country") == [("RUS", 5), ("PRK", 2)]
    assert values(page, "outlet") == [("Paper B", 2), ("Wire A", 2), ("Daily C", 1)]
    assert values(page, "month") == [("2017-03", 3), ("2018-05", 1), ("2018-06", 1)]
    assert [(s.id, s.n_matched) for s in page.stories] == [("visit", 3), ("meet", 2)]


def test_a_facet_value_filters_the_matches(filled) -> None:
    assert filled.search("Lavrov", SearchFilter(country="prk")).total == 2
    assert filled.search("Lavrov", SearchFilter(month="2017-03", outlet="Wire A")).total == 1
    assert filled.search("Lavrov", SearchFilter(type="protest")).total == 0
    only = filled.search("Minsk", SearchFilter(outlet="Daily C"))
    assert [h.article_id for h in only.hits] == ["v3"] and values(only, "outlet") == [
        ("Daily C", 1)
    ]


def test_snippets_come_with_the_matched_words_flagged(filled) -> None:
    [hit] = filled.search("protest").hits
    assert "".join(text for text, _ in hit.segments) == hit.snippet
    assert [text for text, matched in hit.segments if matched] == ["protest"]


def test_markup_and_marker_characters_in_text_stay_plain_text(store) -> None:
    text = "Riot <b>police</b> \x02met\x03 protesters."
    article = Article(id="x", text=text, path="x.txt", title=None, text_hash="x")
    with store.transaction():
        store.add_article(article, Analysis(article_id="x"))
    [hit] = store.search("police").hits
    assert "<b>police</b>" in hit.snippet or "police" in hit.snippet
    assert "".join(text for text, _ in hit.segments) == hit.snippet
    assert all("\x02" not in t and "\x03" not in t for t, matched in hit.segments if matched)


def test_marked_segments_trust_only_markers_the_engine_set() -> None:
    assert marked_segments("a b c", "a \x02b\x03 c") == [("a ", False), ("b", True), (" c", False)]
    assert marked_segments("a \x02b", "a \x02\x02b\x03") == [("a \x02b", False)]
    assert marked_segments("", "") == []


def test_facets_follow_a_story_rebuilt_or_deleted(filled) -> None:
    meet = next(s for s in filled.stories() if s.id == "meet")
    events = [e for e in filled.events() if e.story_id == "meet"]
    with filled.transaction():
        filled.replace_story(meet, [dataclasses.replace(e, type="PROTEST") for e in events])
    page = filled.search("Lavrov")
    assert values(page, "type") == [("CONSULT", 3), ("PROTEST", 2)]
    assert filled.search("Lavrov", SearchFilter(type="protest")).total == 2
    with filled.transaction():
        filled.delete_story("meet")
    assert values(filled.search("Lavrov"), "type") == [("CONSULT", 3)]
    assert values(filled.search("Lavrov"), "country") == [("RUS", 3)]


def filler(n_chars: int) -> str:
    """Distinct made-up words (none a search term here) of about `n_chars` characters."""
    words, size = [], 0
    while size < n_chars:
        words.append(f"w{len(words)}x")
        size += len(words[-1]) + 1
    return " ".join(words)


def one_hit(store, text: str, query: str):
    article = Article(id="long", text=text, path="long.txt", title="Untitled", text_hash="l")
    with store.transaction():
        store.add_article(article, Analysis(article_id="long"))
    [hit] = store.search(query).hits
    return hit


def matched(hit) -> list[str]:
    return [text.lower() for text, is_match in hit.segments if is_match]


def test_a_snippet_finds_a_match_deep_in_a_long_text(store) -> None:
    hit = one_hit(store, filler(6000) + " Then the minister resigned.", "minister")
    assert matched(hit) == ["minister"] and "resigned" in hit.snippet


def test_a_snippet_is_widened_past_the_first_part_of_a_long_text(store) -> None:
    # PostgreSQL looks for snippets in a text's first 2,000 characters first; a match at
    # that border must still get the words after it, as over the whole text
    after = " ".join(f"after{k}" for k in range(40))
    hit = one_hit(store, filler(1985) + " minister " + after, "minister")
    assert matched(hit) == ["minister"] and "after6" in hit.snippet


def test_stories_among_the_matches_are_those_with_most_matches_then_sources(store) -> None:
    # 14 stories (more than are shown) with 1-3 matched articles from 1-3 outlets: ties in
    # matches are ordered by independent sources, then by id
    with store.transaction():
        for k in range(14):
            ids = [f"a{k}-{j}" for j in range(k % 3 + 1)]
            for j, article_id in enumerate(ids):
                outlet = f"Outlet {j if k % 2 else 0}"
                text = f"Harbour story {k}, report {j}."
                added = Article(id=article_id, text=text, path=f"{article_id}.txt",
                                title=None, outlet=outlet, text_hash=article_id)  # fmt: skip
                store.add_article(added, Analysis(article_id=article_id))
                store.update_article(added, f"s{k:02}")
            found = event(f"e{k}", f"s{k:02}", "CONSULT", "2020-01-01", ids, [LAVROV])
            story = Story(id=f"s{k:02}", title=f"Story {k}", article_ids=ids)
            store.replace_story(story, [found])
    sources = {r["id"]: r["n_independent"] for r in store._query("SELECT * FROM stories", [])}
    matches = {f"s{k:02}": k % 3 + 1 for k in range(14)}
    expected = sorted(matches, key=lambda s: (-matches[s], -sources[s], s))[:10]
    page = store.search("harbour")
    assert [(s.id, s.n_matched) for s in page.stories] == [(s, matches[s]) for s in expected]
    assert len(set(sources.values())) > 1  # the tie-break is exercised
