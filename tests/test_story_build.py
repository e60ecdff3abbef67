"""Building a story: an undated article dated from it has its analysis redone against the
date, or, built with ``reanalyse=False``, keeps it and is listed as deferred."""

from __future__ import annotations

from dataclasses import replace

import pytest
from tests.stories.factory import HARBOUR, HARBOUR_OTHER_OUTLET, analysis, article

from crosswire import story_build
from crosswire.model import Analysis, Article
from crosswire.settings import Settings
from crosswire.stories import InferredDate
from crosswire.story_build import StoryWork, build_work


@pytest.fixture
def redone(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str | None]]:
    """The articles re-analysed, each with the date it had (the analyses faked)."""
    seen: list[tuple[str, str | None]] = []

    def analyse_articles(items: list[Article], settings: Settings) -> list[Analysis]:
        seen.extend((a.id, a.published) for a in items)
        return [replace(analysis(a), anchor=a.published) for a in items]

    monkeypatch.setattr(story_build, "analyse_articles", analyse_articles)
    return seen


def work(reanalyse: bool) -> StoryWork:
    items = [article("a", HARBOUR), article("u", HARBOUR_OTHER_OUTLET, published=None)]
    return StoryWork("s", items, [analysis(a) for a in items], reanalyse=reanalyse)


def test_an_article_dated_from_its_story_is_re_analysed_against_the_date(
    redone: list[tuple[str, str | None]],
) -> None:
    build = build_work(work(reanalyse=True))
    assert isinstance(build, story_build.StoryBuild)
    assert redone == [("u", "2021-03-01")] and build.deferred == []
    [(dated, again)] = build.reanalysed
    assert dated.id == "u" and dated.published_inferred and again.anchor == "2021-03-01"


def test_built_without_re_analysing_it_keeps_its_analysis_and_is_deferred(
    redone: list[tuple[str, str | None]],
) -> None:
    build = build_work(work(reanalyse=False))
    assert isinstance(build, story_build.StoryBuild)
    assert redone == [] and build.reanalysed == []
    [(dated, kept)] = build.deferred
    assert [a.id for a in build.dated] == ["u"] and dated.published == "2021-03-01"
    assert kept.anchor is None and build.story.article_ids == ["a", "u"]


def test_an_analysis_already_against_the_date_is_neither_redone_nor_deferred(
    redone: list[tuple[str, str | None]],
) -> None:
    story = work(reanalyse=False)
    story.analyses[1] = replace(story.analyses[1], anchor="2021-03-01")
    build = build_work(story)
    assert isinstance(build, story_build.StoryBuild)
    assert redone == [] and build.reanalysed == [] and build.deferred == []
    assert [a.published for a in build.dated] == ["2021-03-01"]


def test_a_redone_analysis_that_moves_the_date_is_redone_once_more(
    redone: list[tuple[str, str | None]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Undated, an article's "March 4" has no year; redone against the story's date it has
    one, and bounds the date: the article is dated again, and its analysis redone again."""

    def inferred_date(item: Article, analysis: Analysis, *rest: object) -> InferredDate:
        if analysis.anchor is None:
            return InferredDate("2021-03-01")  # the story's median date
        return InferredDate("2021-03-04", "March 4")

    monkeypatch.setattr(story_build, "inferred_date", inferred_date)
    build = build_work(work(reanalyse=True))
    assert isinstance(build, story_build.StoryBuild)
    assert redone == [("u", "2021-03-01"), ("u", "2021-03-04")]
    [(dated, again)] = build.reanalysed
    assert dated.published == again.anchor == "2021-03-04"
    assert dated.inferred_from_text == "March 4"
    deferred = build_work(work(reanalyse=False))  # one dating, with the analysis as it is
    assert isinstance(deferred, story_build.StoryBuild)
    assert len(redone) == 2 and [a.published for a in deferred.dated] == ["2021-03-01"]
