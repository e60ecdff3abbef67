"""Reading the TIMEX3 values the time stage makes: only some of them name a calendar day."""

from __future__ import annotations

import re
from datetime import date

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


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
