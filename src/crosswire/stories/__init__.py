"""Across articles: duplicates, story clusters, fused events, contradictions and briefs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from statistics import median_low

from crosswire.model import Analysis, Article
from crosswire.settings import DEFAULT
from crosswire.stories.evidence import fits_years, stated_year
from crosswire.stories.title import story_title
from crosswire.timex.months import month_words
from crosswire.timex.values import calendar_day, days_apart

__all__ = ["InferredDate", "calendar_day", "days_apart", "infer_published", "story_title"]


@dataclass(frozen=True)
class InferredDate:
    """An inferred publication date and the article's own date that bounded it, as
    written ("May 31"); None when it is the story's median date."""

    day: str
    expression: str | None = None


def infer_published(
    article: Article,
    analysis: Analysis,
    story_articles: list[Article],
    window_days: int = DEFAULT.stories.date_window_days,
) -> str | None:
    """`inferred_date`'s day."""
    found = inferred_date(article, analysis, story_articles, window_days)
    return found.day if found else None


def inferred_date(
    article: Article,
    analysis: Analysis,
    story_articles: list[Article],
    window_days: int = DEFAULT.stories.date_window_days,
) -> InferredDate | None:
    """An undated article's publication date from its story, constrained by its own dates.

    Evidence: the dates of the story's other dated articles. An article is published on or
    after the latest full date it gives itself that lies near the story (within
    `window_days` of its median date: a report of a meeting on May 31 is not out before
    May 31), so the answer is the earliest story date not before that day, else that day
    itself; with no dates of its own, the median story date. None when the story has no
    dated article: never a guess without evidence; and None when that date's year
    contradicts the dates the article writes out with their year (`evidence.stated_year`:
    a report dated "January 6, 2009" is not from 2012, whatever story it sits in).
    """
    story_dates = sorted(
        a.published
        for a in story_articles
        if a.published and a.id != article.id and not a.published_inferred
    )
    if not story_dates:
        return None
    middle = median_low(story_dates)
    own = [(d, text) for d, text in _own_days(analysis) if _near(d, middle, window_days)]
    found = InferredDate(middle)
    if own:
        floor, expression = max(own)
        found = InferredDate(next((d for d in story_dates if d >= floor), floor), expression)
    day = calendar_day(found.day)
    if day is None or not fits_years(stated_year(analysis), [day.toordinal()]):
        return None
    return found


@cache
def _calendar_date() -> re.Pattern[str]:
    """A date written with its month ("May 31", "31 May 2018", "31.05.2018"): its day does
    not depend on the publication date the time stage resolved it against. Month names and
    abbreviations come from ``data/months.yaml``."""
    months = month_words()["month"]
    return re.compile(rf"\b(?:{months})\b|\b\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{1,4}}\b", re.I)


def _own_days(analysis: Analysis) -> list[tuple[str, str]]:
    """Full dates the article states as calendar dates, each with its expression as
    written (relative expressions such as "on Thursday" or "yesterday" were resolved
    against a guess and are no evidence)."""
    days = []
    for time in analysis.times:
        calendar = _calendar_date().search(time.text) is not None
        day = calendar_day(time.value) if calendar and time.type == "DATE" else None
        if day is not None:
            days.append((day.isoformat(), time.text))
    return days


def _near(day: str, other: str, window_days: int) -> bool:
    apart = days_apart(day, other)
    return apart is not None and apart <= window_days
