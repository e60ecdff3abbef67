"""Time evidence from an article's text: the years of the dates it states bound the stories
an undated article may join."""

from __future__ import annotations

from tests.stories.factory import CHILE, HARBOUR, HARBOUR_OTHER_OUTLET, analysis, article

from crosswire.model import Analysis, Article, TimeExpr
from crosswire.stories.cluster import StoryClusterer
from crosswire.stories.evidence import stated_year, stated_years
from crosswire.stories.scoring import day_of


def date(text: str, value: str | None, kind: str = "DATE") -> TimeExpr:
    return TimeExpr(0, len(text), text, kind, value)


def test_the_years_of_written_dates_count_and_bare_or_resolved_years_do_not() -> None:
    times = [
        date("May 2, 2013", "2013-05-02"),
        date("in March 2011", "2011-03"),
        date("31.05.2018", "2018-05-31"),
        date("since 2000", "2000"),  # a bare year: background as often as not
        date("last Friday", "2019-04-26"),  # resolved against a guessed date
        date("2014", "P1Y", "DURATION"),
    ]
    assert stated_years(times) == [2011, 2013, 2018]
    assert stated_year(Analysis("a", times=times)) == 2018
    assert stated_year(Analysis("b", times=[date("since 2000", "2000")])) is None


def dated_story(clusterer: StoryClusterer) -> str:
    first = article("a", HARBOUR, published="2012-06-11")
    return clusterer.add(first, analysis(first, CHILE))


def undated(year: str) -> tuple[Article, Analysis]:
    item = article("u", HARBOUR_OTHER_OUTLET, published=None)
    found = analysis(item, CHILE)
    found.times = [date(f"January 6, {year}", f"{year}-01-06")]
    return item, found


def test_an_undated_article_stating_another_years_date_opens_its_own_story() -> None:
    clusterer = StoryClusterer()
    story = dated_story(clusterer)
    item, found = undated("2009")
    assert clusterer.add(item, found) != story


def test_an_undated_article_stating_a_date_of_its_storys_time_joins_it() -> None:
    for year in ("2011", "2012", "2013"):  # a year either side: December's news in January
        clusterer = StoryClusterer()
        story = dated_story(clusterer)
        item, found = undated(year)
        assert clusterer.add(item, found) == story, year


def test_the_stated_year_survives_a_save_and_bars_a_split_replay() -> None:
    clusterer = StoryClusterer()
    story = dated_story(clusterer)
    item, found = undated("2012")
    clusterer.add(item, found)
    loaded = StoryClusterer.from_state(clusterer.to_state())
    assert loaded.signals["u"].year == 2012
    assert day_of("2012-06-11") in loaded.stories[story].days
