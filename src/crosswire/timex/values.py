"""Reading the TIMEX3 values the time stage makes: only some of them name a calendar day,
and only some fix a date in the exported form (`contract_date`)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from crosswire.model import TimeExpr

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"\d{4}")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?")
# Parts of a year that lie inside it: quarters, halves, and the seasons but winter, which
# runs from one year into the next (TIMEX3 ``2019-WI`` does not say which December)
_PART_OF_YEAR = re.compile(r"(\d{4})-(?:Q[1-4]|H[12]|SP|SU|FA)")
CONTRACT = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")  # YYYY, YYYY-MM, YYYY-MM-DD
_WRITTEN_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2\d\d\d)(?!\d)")


def written_with_year(time: TimeExpr) -> bool:
    """Whether a DATE of month precision or finer is written with its year in digits ("May
    2, 2013", "in March 2011", "31.05.2018"): its year is the text's, not one resolved from
    "last May" against a guessed date. A bare year ("since 2000") is not such a date."""
    value = time.value or ""
    if time.type != "DATE" or len(value) < len("2000-01") or not value[:4].isdigit():
        return False
    return value[:4] in _WRITTEN_YEAR.findall(time.text)


def latest_written_day(times: list[TimeExpr]) -> date | None:
    """The latest calendar day among the dates written out with their year: an undated
    article's likely time (None if it writes none)."""
    days = [calendar_day(time.value) for time in times if written_with_year(time)]
    return max((d for d in days if d is not None), default=None)


def calendar_day(value: str | None) -> date | None:
    """The day a time value names, when it names one: ``2019-05-31``, or a clock time on it
    (``2019-05-31T10:00``). Weeks and weekends (``2011-W44-WE``), months, seasons
    (``2019-SU``), quarters, decades, ``PRESENT_REF``, sets, durations and impossible dates
    (``2018-02-31``) name none."""
    if not value or not _DAY.match(value):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def days_apart(a: str | None, b: str | None) -> int | None:
    """Days between two time values; None unless both name a day (see `calendar_day`)."""
    first, second = calendar_day(a), calendar_day(b)
    if first is None or second is None:
        return None
    return abs((first - second).days)


def contract_date(value: str | None) -> str | None:
    """The date a time value fixes, in the exported form (``YYYY``, ``YYYY-MM`` or
    ``YYYY-MM-DD``: the README's export contract), or None.

    A day, with or without its clock time, is the day; a month the month; a year the year.
    A week or a weekend is the month that holds all its days, else their year (else None).
    A quarter, a half and a season of a year are that year: a season is no month; winter
    runs into the next year and fixes none. Decades, centuries, ``PRESENT_REF``/``PAST_REF``,
    sets, durations and impossible dates fix no date: None, never a partial value."""
    if not value:
        return None
    day = calendar_day(value)
    if day is not None:
        return day.isoformat()
    if _DAY.match(value):
        return None  # an impossible day ("2018-02-31")
    return _month_or_year(value) or _week(value)


def _month_or_year(value: str) -> str | None:
    month = _MONTH.fullmatch(value)
    if month:
        return value if 1 <= int(month.group(2)) <= 12 else None
    if _YEAR.fullmatch(value):
        return value
    part = _PART_OF_YEAR.fullmatch(value)
    return part.group(1) if part else None


def _week(value: str) -> str | None:
    week = _WEEK.fullmatch(value)
    if not week:
        return None
    year, number, weekend = int(week.group(1)), int(week.group(2)), bool(week.group(3))
    try:
        monday = date.fromisocalendar(year, number, 1)
    except ValueError:
        return None
    first = monday + timedelta(days=5) if weekend else monday
    last = monday + timedelta(days=6)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year:04d}-{first.month:02d}"
    return f"{first.year:04d}" if first.year == last.year else None
