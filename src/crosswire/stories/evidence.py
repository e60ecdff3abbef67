"""Time evidence from an article's own text: the years it states.

Half the articles of a real stream may carry no publication date (a wire text, a page whose
date line was lost), and two events of one kind (two earthquakes in one region, two product
launches at the same trade fair) then look alike to text and actors alone. What such an
article writes still places it in time: a dateline "May 2, 2013", "in March 2011". The
latest year of the dates it states is its likely year of publication (on the dated ECB+ dev
articles that state a year, the latest one is their publication year for 276 of 300), give
or take a year (a report in January looks back on December; a preview names next year).

The years come from the time stage (`Analysis.times`): DATE expressions of month precision or
finer whose text writes the year out in digits. A year resolved from a relative expression
("last May", "on Friday") against a guessed date is no evidence, and a bare year ("since
2000", "Macworld Expo 2009") is left out: it names background as often as the article's own
time, and taking it barred a report of a 2018 meeting that recalls a 2000 summit from its
story.
"""

from __future__ import annotations

from datetime import date

from crosswire.model import Analysis, TimeExpr
from crosswire.timex.values import written_with_year

# A story's years are the likely years of its articles; an article fits a story whose years
# reach within this many years of its own (a January report on December's events, a
# preview of next year's fair), not one wholly before or after that.
YEAR_SLACK = 1


def stated_years(times: list[TimeExpr]) -> list[int]:
    """The years of the calendar dates the article writes out with their year ("May 2,
    2013", "in March 2011", "31.05.2018"), sorted, each once. A bare year ("since 2000",
    "the 1987 quake") is not among them: it is as often background as the article's own
    time."""
    return sorted({int((time.value or "")[:4]) for time in times if written_with_year(time)})


def stated_year(analysis: Analysis) -> int | None:
    """The latest year of the dates the article states: its likely year of publication
    (None if it states none)."""
    years = stated_years(analysis.times)
    return years[-1] if years else None


def fits_years(year: int | None, days: list[int]) -> bool:
    """Whether an undated article stating `year` may belong to a story whose dated articles
    are of `days` (day numbers, sorted): either unknown, or within ``YEAR_SLACK`` years of
    the story's span. Only dated articles give a story its years: a year an undated article
    states may be background ("since the 1987 quake"), too weak to bar others."""
    if year is None or not days:
        return True
    first, last = date.fromordinal(days[0]).year, date.fromordinal(days[-1]).year
    return first - YEAR_SLACK <= year <= last + YEAR_SLACK
