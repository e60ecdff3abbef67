"""Resolvers: one per kind of expression, from a rule's match to (TIMEX3 type, value)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

Resolved = tuple[str, str | None] | None
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def resolve(
    kind: str | dict[str, str],
    match: re.Match[str],
    anchor: date | None,
    future: bool,
    data: dict[str, Any],
) -> Resolved:
    if isinstance(kind, dict):  # a fixed value, e.g. {ref: PRESENT_REF}
        return "DATE", kind["ref"]
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    return RESOLVERS[kind](groups, anchor, future, data)


def _month(name: str) -> int:
    return MONTHS.index(name.lower().rstrip(".")[:3]) + 1


def _number(text: str, data: dict[str, Any]) -> float | None:
    text = " ".join(text.lower().replace("-", " ").split())
    if text in data["numbers"]:
        return data["numbers"][text]
    parts = text.split()
    if len(parts) == 2 and all(part in data["numbers"] for part in parts):
        return data["numbers"][parts[0]] + data["numbers"][parts[1]]  # "twenty four"
    try:
        return float(text)
    except ValueError:
        return None  # "several", "a few": a duration of unknown length


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def full_date(
    g: dict[str, str], anchor: date | None, future: bool, data: dict[str, Any]
) -> Resolved:
    month = int(g["month"]) if "month" in g else _month(g["monthname"])
    found = _safe_date(int(g["year"]), month, int(g["day"]))
    return None if found is None else ("DATE", found.isoformat())


def date_near(
    g: dict[str, str], anchor: date | None, future: bool, data: dict[str, Any]
) -> Resolved:
    """'June 12': the year that puts the date nearest the publication date."""
    month, day = _month(g["monthname"]), int(g["day"])
    if not 1 <= day <= 31:
        return None
    if anchor is None:
        return "DATE", None
    options = [
        d
        for y in (anchor.year - 1, anchor.year, anchor.year + 1)
        if (d := _safe_date(y, month, day))
    ]
    if not options:
        return None
    return "DATE", min(options, key=lambda d: abs((d - anchor).days)).isoformat()


def month(g: dict[str, str], anchor: date | None, future: bool, data: dict[str, Any]) -> Resolved:
    return "DATE", f"{int(g['year']):04d}-{_month(g['monthname']):02d}"


def month_near(
    g: dict[str, str], anchor: date | None, future: bool, data: dict[str, Any]
) -> Resolved:
    """'in May': this year's May, or the nearest one in the direction the tense points."""
    if anchor is None:
        return "DATE", None
    wanted = _month(g["monthname"])
    year = anchor.year
    if wanted > anchor.month and not future:
        year -= 1
    elif wanted < anchor.month and future:
        year += 1
    return "DATE", f"{year:04d}-{wanted:02d}"


def season(g: dict[str, str], anchor: date | None, future: bool, data: dict[str, Any]) -> Resolved:
    return "DATE", f"{g['year']}-{data['season_codes'][g['season'].lower()]}"


def decade(g: dict[str, str], anchor: date | None, future: bool, data: dict[str, Any]) -> Resolved:
    return "DATE", g["decade"][:3]


def year(g: dict[str, str], anchor: date | None, future: bool, data: dict[str, Any]) -> Resolved:
    return "DATE", g["year"]


def quarter(g: dict[str, str], anchor: date | None, future: bool, data: dict[str, Any]) -> Resolved:
    """'the third quarter': this year's, unless it has not begun yet and nothing points to
    the future (then it is last year's, as in January's reports on 'the fourth quarter')."""
    if anchor is None:
        return "DATE", None
    number = ORDINALS[g["ordinal"].lower()]
    year = anchor.year + {"last": -1, "next": 1}.get((g.get("rel") or "").lower(), 0)
    if "rel" not in g and number > _quarter_of(anchor) and not future:
        year -= 1
    return "DATE", f"{year:04d}-Q{number}"


def _quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def reference_quarter(
    g: dict[str, str], anchor: date | None, future: bool, data: dict[str, Any]
) -> Resolved:
    """'the quarter', 'the latest quarter': the last quarter to end before publication;
    'the current quarter': the publication's own."""
    if anchor is None:
        return "DATE", None
    step = 0 if (g.get("rel") or "").lower() == "current" else -1
    return "DATE", _shift(anchor, "quarter", step)


def season_relative(
    g: dict[str, str], anchor: date | None, future: bool, data: dict[str, Any]
) -> Resolved:
    """'last fall', 'this summer', 'next spring': the season of the publication year, moved a
    year when 'last' or 'next' names one that is not behind or ahead of the publication."""
    if anchor is None:
        return "DATE", None
    code = data["season_codes"][g["season"].lower()]
    order = ["WI", "SP", "SU", "FA"]
    current = order[(anchor.month % 12) // 3]
    rel, year = g["rel"].lower(), anchor.year
    if rel in {"last", "past"} and order.index(code) >= order.index(current):
        year -= 1
    elif rel in {"next", "coming"} and order.index(code) <= order.index(current):
        year += 1
    return "DATE", f"{year:04d}-{code}"


def century(g: dict[str, str], anchor: date | None, future: bool, data: dict[str, Any]) -> Resolved:
    """'the 20th century' is 1900-1999, TIMEX3 '19'."""
    return "DATE", f"{int(g['ordinal']) - 1:02d}"


def vague_duration(
    g: dict[str, str], anchor: date | None, future: bool, data: dict[str, Any]
) -> Resolved:
    """'for years': a duration of the unit, length unknown (PXY)."""
    letter = data["units"][_unit_name(g["unit"])][0]
    return "DURATION", ("PTX" if letter == "H" else "PX") + letter


def anaphor(
    kind: str, match: re.Match[str], anchor: date | None, reference: str | None
) -> str | None:
    """The value of an anaphoric expression, given the reference time (None: not yet set)."""
    if kind == "reference_quarter":
        return _reference_quarter(match, anchor, reference)
    return _year_earlier(match, anchor, reference)


def _reference_quarter(
    match: re.Match[str], anchor: date | None, reference: str | None
) -> str | None:
    """'the quarter' after 'the third quarter' is that quarter."""
    if reference and re.fullmatch(r"\d{4}-Q\d", reference) and not match.group("rel"):
        return reference
    resolved = reference_quarter(match.groupdict(), anchor, False, {})
    return resolved[1] if resolved else None


def _year_earlier(match: re.Match[str], anchor: date | None, reference: str | None) -> str | None:
    """'a year earlier' / 'the year-ago quarter': a year before the reference time, at its
    precision. 'a year ago' counts from publication, at the reference's precision when the
    reference lies in the publication year (quarterly reports compare quarters)."""
    if anchor is None:
        return None
    words = match.group(0).lower()
    if reference is None or (words.endswith("ago") and reference[:4] != f"{anchor.year:04d}"):
        reference = f"{anchor.year:04d}"
        if "quarter" in words or "period" in words:
            reference = _shift(anchor, "quarter", -1)
    return f"{int(reference[:4]) - 1:04d}{reference[4:]}"


def weekday(g: dict[str, str], anchor: date | None, future: bool, data: dict[str, Any]) -> Resolved:
    """A weekday in news is the most recent such day (the publication day included),
    unless the words before it point to the future."""
    if anchor is None:
        return "DATE", None
    target = WEEKDAYS.index(g["weekday"].lower())
    modifier = (g.get("mod") or "").lower()
    if modifier == "next" or (future and modifier != "last"):
        delta = (target - anchor.weekday()) % 7 or 7
        day = anchor + timedelta(days=delta)
    else:
        day = anchor - timedelta(days=(anchor.weekday() - target) % 7)
    value = day.isoformat()
    if part := g.get("part"):
        value += "T" + data["part_of_day_codes"][part.lower()]
    return "DATE", value


def named_day(
    g: dict[str, str], anchor: date | None, future: bool, data: dict[str, Any]
) -> Resolved:
    named = g["named"].lower()
    if anchor is None:
        return "DATE", None
    offset = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "tomorrow": 1}[named]
    value = (anchor + timedelta(days=offset)).isoformat()
    part = g.get("part") or ("night" if named == "tonight" else None)
    if part:
        return "TIME", value + "T" + data["part_of_day_codes"][part.lower()]
    return "DATE", value


def relative_unit(
    g: dict[str, str], anchor: date | None, future: bool, data: dict[str, Any]
) -> Resolved:
    if anchor is None:
        return "DATE", None
    rel, unit = g["rel"].lower(), g["unit"].lower()
    step = -1 if rel in {"last", "past", "previous"} else 1 if rel in {"next", "coming"} else 0
    return "DATE", _shift(anchor, unit, step)


def _shift(anchor: date, unit: str, step: int) -> str:
    if unit in {"week", "weekend"}:
        year, week, _ = (anchor + timedelta(weeks=step)).isocalendar()
        return f"{year:04d}-W{week:02d}" + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + step
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + step
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit == "decade":
        return str(anchor.year // 10 + step)
    if unit == "century":
        return str(anchor.year // 100 + step)
    return f"{anchor.year + step:04d}"


def ago(g: dict[str, str], anchor: date | None, future: bool, data: dict[str, Any]) -> Resolved:
    amount = _number(g["number"], data)
    if anchor is None or amount is None:
        return "DATE", None
    unit = _unit_name(g["unit"])
    if unit == "day":
        return "DATE", (anchor - timedelta(days=int(amount))).isoformat()
    if unit == "week":
        return "DATE", _shift(anchor, "week", -int(amount))
    if unit in {"month", "year", "decade", "century", "quarter"}:
        return "DATE", _shift(anchor, unit, -int(amount))
    return "TIME", None


def _unit_name(word: str) -> str:
    word = word.lower()
    return "century" if word.startswith("centur") else word.rstrip("s")


def duration(
    g: dict[str, str], anchor: date | None, future: bool, data: dict[str, Any]
) -> Resolved:
    unit = _unit_name(g["unit"])
    letter = data["units"][unit][0]
    amount = _number(g["number"], data)
    count = (
        "X" if amount is None else (str(int(amount)) if float(amount).is_integer() else str(amount))
    )
    if unit == "fortnight" and amount is not None:
        count = str(int(amount * 2))
    prefix = "PT" if letter in {"H", "S"} or unit == "minute" else "P"
    return "DURATION", f"{prefix}{count}{letter}"


def set_(g: dict[str, str], anchor: date | None, future: bool, data: dict[str, Any]) -> Resolved:
    words = g["set"].lower().split()
    fixed = {
        "daily": "P1D",
        "weekly": "P1W",
        "monthly": "P1M",
        "annually": "P1Y",
        "yearly": "P1Y",
        "hourly": "PT1H",
    }
    if words[0] in fixed:
        return "SET", fixed[words[0]]
    unit = words[-1]
    if unit in WEEKDAYS:
        return "SET", "XXXX-WXX-" + str(WEEKDAYS.index(unit) + 1)
    letter = data["units"][_unit_name(unit)][0]
    return "SET", ("PT1" if letter in {"H", "S"} or unit.startswith("minute") else "P1") + letter


RESOLVERS: dict[str, Callable[[dict[str, str], date | None, bool, dict[str, Any]], Resolved]] = {
    "date": full_date,
    "date_near": date_near,
    "month": month,
    "month_near": month_near,
    "season": season,
    "decade": decade,
    "year": year,
    "quarter": quarter,
    "reference_quarter": reference_quarter,
    "season_relative": season_relative,
    "century": century,
    "vague_duration": vague_duration,
    "year_earlier": lambda g, anchor, future, data: ("DATE", None),  # see anaphor()
    "weekday": weekday,
    "named_day": named_day,
    "relative_unit": relative_unit,
    "ago": ago,
    "duration": duration,
    "set": set_,
}
