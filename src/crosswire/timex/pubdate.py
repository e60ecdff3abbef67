"""Publication dates as a page or its container gives them, as YYYY-MM-DD.

A dateline ("31.05.2018", "StraitsTimes (31 May 2018)") is read by `parse_date`, a
container's field (JSONL, feed) by `container_date`, an HTML page's metadata by
`page_date` (htmldate). Each gives a full calendar day or None, never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from itertools import chain

import htmldate

from crosswire.timex.months import month_number

NUMERIC_DATE = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b")
DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
MONTH_DAY_YEAR = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b")
ISO_DATE_START = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")


def parse_date(text: str) -> str | None:
    """The first full calendar date written in `text`: numeric dates first, then "31 May
    2018", then "May 31, 2018"."""
    found = chain(_numeric_dates(text), _day_month_year_dates(text), _month_day_year_dates(text))
    return next((day for day in found if day), None)


def _numeric_dates(text: str) -> Iterator[str | None]:
    for match in NUMERIC_DATE.finditer(text):
        if match.group(1):  # day first: 31.05.2018 (the European and Asian dateline order)
            yield _valid(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        else:
            yield _valid(int(match.group(4)), int(match.group(5)), int(match.group(6)))


def _day_month_year_dates(text: str) -> Iterator[str | None]:
    for match in DAY_MONTH_YEAR.finditer(text):
        month = month_number(match.group(2))
        yield _valid(int(match.group(3)), month, int(match.group(1))) if month else None


def _month_day_year_dates(text: str) -> Iterator[str | None]:
    for match in MONTH_DAY_YEAR.finditer(text):
        month = month_number(match.group(1))
        yield _valid(int(match.group(3)), month, int(match.group(2))) if month else None


def container_date(value: str) -> str | None:
    """A date given by a container (JSONL field, feed); None when it does not name a full
    day. ISO timestamps keep the date as written, whatever the time zone."""
    iso = ISO_DATE_START.match(value)
    if iso:
        return _valid(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    return parse_date(value) or _any_written_date(value)


def _any_written_date(value: str) -> str | None:
    """Other ways of writing a full date ("Tue, 12 Mar 2024 08:00:00 GMT"), by dateparser."""
    import dateparser  # slow to import; rarely needed

    try:
        parsed = dateparser.parse(value, settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date().isoformat() if parsed else None


def page_date(html: str, url: str | None) -> str | None:
    """The publication date an HTML page states (metadata, markup, URL), by htmldate."""
    try:
        found = htmldate.find_date(
            html, url=url, original_date=True, extensive_search=True, outputformat="%Y-%m-%d"
        )
    except Exception:  # htmldate raises assorted errors on odd pages; a date is optional
        return None
    return found or None


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
