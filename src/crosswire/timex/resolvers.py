"""Resolvers: one per kind of expression, from a rule's match to (TIMEX3 type, value)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from dateutil.easter import easter

from crosswire.timex.months import month_number

Resolved = tuple[str, str | None] | None
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def resolve(
    kind: str | dict[str, str],
    match: re.Match[str],
    anchor: date | None,
    tense: str | None,
    data: dict[str, Any],
) -> Resolved:
    if isinstance(kind, dict):  # a fixed value, e.g. {ref: PRESENT_REF}
        return "DATE", kind["ref"]
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    return RESOLVERS[kind](groups, anchor, tense, data)


def _month(name: str) -> int:
    number = month_number(name)
    if number is None:  # the rules match month names only
        raise ValueError(f"not a month: {name!r}")
    return number


def _number(text: str, data: dict[str, Any]) -> float | None:
    text = " ".join(text.lower().replace("-", " ").split())
    numbers: dict[str, int] = data["numbers"]
    if text in numbers:
        return numbers[text]
    parts = text.split()
    if len(parts) == 2 and all(part in numbers for part in parts):
        return numbers[parts[0]] + numbers[parts[1]]  # "twenty four"
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
    g: dict[str, str], anchor: date | None, tense: str | None, data: dict[str, Any]
) -> Resolved:
    month = int(g["month"]) if "month" in g else _month(g["monthname"])
    found = _safe_date(int(g["year"]), month, int(g["day"]))
    return None if found is None else ("DATE", found.isoformat())


def date_near(
    g: dict[str, str], anchor: date | None, tense: str | None, data: dict[str, Any]
) -> Resolved:
    """'June 12': the occurrence before or after publication, whichever is nearer once the
    tense has weighed in (see `_later`)."""
    month, day = _month(g["monthname"]), _day(g["day"], data)
    if day is None or not 1 <= day <= 31:
        return None
    if "year" in g:  # "Friday, Oct. 23, 1998"
        found = _safe_date(int(g["year"]), month, day)
        return None if found is None else ("DATE", found.isoformat())
    if anchor is None:
        return "DATE", None
    before = _occurrence(anchor, month, day, -1)
    after = _occurrence(anchor, month, day, 1)
    if before is None or after is None:
        return None
    later = _later((anchor - before).days, (after - anchor).days, tense, data)
    return "DATE", (after if later else before).isoformat()


def _later(back: int, ahead: int, tense: str | None, data: dict[str, Any]) -> bool:
    """Whether a date without a year lies after publication rather than before: the nearer
    occurrence, where the distance against the tense counts `tense_weight` times and,
    without a cue, the later one counts `future_bias` times (news reports mostly what has
    happened)."""
    if back == 0 or ahead == 0:
        return back != 0
    weights = data["date_weights"]
    if tense == "past":
        ahead *= weights["tense"]
    elif tense == "future":
        back *= weights["tense"]
    else:
        ahead *= weights["future_bias"]
    return ahead < back


def _day(text: str, data: dict[str, Any]) -> int | None:
    """A day of the month in figures or words ("31", "eighth")."""
    text = text.lower()
    if text.isdigit():
        return int(text)
    days: dict[str, int] = data["ordinal_days"]
    return days.get(text)


def _occurrence(anchor: date, month: int, day: int, direction: int) -> date | None:
    """The nearest (month, day) on or before (-1) / on or after (1) the anchor."""
    for year in (anchor.year, anchor.year + direction, anchor.year + 2 * direction):
        found = _safe_date(year, month, day)
        if found and (found - anchor).days * direction >= 0:
            return found
    return None


def month(
    g: dict[str, str], anchor: date | None, tense: str | None, data: dict[str, Any]
) -> Resolved:
    year = _year_of(g, data)
    return None if year is None else ("DATE", f"{year}-{_month(g['monthname']):02d}")


def _year_of(g: dict[str, str], data: dict[str, Any]) -> str | None:
    """The year in figures or said aloud ("nineteen ninety-four")."""
    if "year" in g:
        return f"{int(g['year']):04d}"
    resolved = spoken_year(g, None, None, data)
    return resolved[1] if resolved else None


def month_near(
    g: dict[str, str], anchor: date | None, tense: str | None, data: dict[str, Any]
) -> Resolved:
    """'in May': the publication month itself, else the May before or after publication as
    `_later` decides; 'this May' is the publication year's, 'last'/'next May' the one
    before/after the publication month."""
    if anchor is None:
        return "DATE", None
    wanted = _month(g["monthname"])
    rel = (g.get("rel") or "").lower()
    back = (anchor.month - wanted) % 12 or 12
    ahead = (wanted - anchor.month) % 12 or 12
    if rel == "this" or (not rel and wanted == anchor.month):
        year = anchor.year
    elif rel == "last" or (rel != "next" and not _later(back, ahead, tense, data)):
        year = anchor.year - (wanted >= anchor.month)
    else:
        year = anchor.year + (wanted <= anchor.month)
    return "DATE", f"{year:04d}-{wanted:02d}"


def season(
    g: dict[str, str], anchor: date | None, tense: str | None, data: dict[str, Any]
) -> Resolved:
    year = _year_of(g, data)
    return None if year is None else ("DATE", f"{year}-{data['season_codes'][g['season'].lower()]}")


def decade(
    g: dict[str, str], anchor: date | None, tense: str | None, data: dict[str, Any]
) -> Resolved:
    return "DATE", g["decade"][:3]


def year(
    g: dict[str, str], anchor: date | None, tense: str | None, data: dict[str, Any]
) -> Resolved:
    return "DATE", g["year"]


def quarter(
    g: dict[str, str], anchor: date | None, tense: str | None, data: dict[str, Any]
) -> Resolved:
    """'the third quarter': this year's, unless it has not begun yet and nothing points to
    the future (then it is last year's, as in January's reports on 'the fourth quarter')."""
    if anchor is None:
        return "DATE", None
    number = ORDINALS[g["ordinal"].lower()]
    year = anchor.year + {"last": -1, "next": 1}.get((g.get("rel") or "").lower(), 0)
    if "rel" not in g and number > _quarter_of(anchor) and tense != "future":
        year -= 1
    return "DATE", f"{year:04d}-Q{number}"


def _quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def reference_quarter(
    g: dict[str, str], anchor: date | None, tense: str | None, data: dict[str, Any]
) -> Resolved:
    """'the quarter', 'the latest quarter': the last quarter to end before publication;
    'the current quarter': the publication's own."""
    if anchor is None:
        return "DATE", None
    step = 0 if (g.get("rel") or "").lower() == "current" else -1
    return "DATE", _shift(anchor, "quarter", step)


def season_relative(
    g: dict[str, str], anchor: date | None, tense: str | None, data: dict[str, Any]
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


def century(
    g: dict[str, str], anchor: date | None, tense: str | None, data: dict[str, Any]
) -> Resolved:
    """'the 20th century' is 1900-1999, TIMEX3 '19'."""
    return "DATE", f"{int(g['ordinal']) - 1:02d}"


def vague_duration(
    g: dict[str, str], anchor: date | None, tense: str | None, data: dict[str, Any]
) -> Resolved:
    """'for years', 'in coming weeks': a duration of the unit, length unknown (PXY)."""
    return duration({"number": "", "unit": g.get("unit") or g["unit2"]}, anchor, tense, data)


def anaphor(
    kind: str,
    match: re.Match[str],
    anchor: date | None,
    reference: str | None,
    value: str | None,
    data: dict[str, Any],
) -> str | None:
    """The value of an anaphoric expression, given the reference time (None: not yet set)
    and the value it got on its own."""
    if reference:
        reference = reference.split("T")[0]  # a year before "Monday morning" is a date
    if kind == "reference_quarter":
        return _reference_quarter(match, anchor, reference)
    if kind == "reference_year":
        return _reference_year(match, anchor, reference)
    if kind == "year_period":
        return _year_period(match, reference)
    if kind == "clock_time":
        return _clock_on_reference_day(match, reference, value, data)
    return _year_earlier(match, anchor, reference)


def _year_period(match: re.Match[str], reference: str | None) -> str:
    """'the 1988 quarter' after 'the third quarter': 1988-Q3; else the year."""
    year = match.group("year")
    if reference and re.fullmatch(r"\d{4}-Q\d", reference):
        return f"{year}{reference[4:]}"
    return year


def _clock_on_reference_day(
    match: re.Match[str], reference: str | None, value: str | None, data: dict[str, Any]
) -> str | None:
    """'at 10 p.m.' with no day named is on the day the text is talking about."""
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    if {"weekday", "monthname", "named_day"} & groups.keys() or not reference:
        return value
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", reference):
        return value
    resolved = clock_time(groups, date.fromisoformat(reference), None, data)
    return resolved[1] if resolved else value


def _reference_year(match: re.Match[str], anchor: date | None, reference: str | None) -> str | None:
    """'that year', 'the following month': the year (month) of the last date the text named
    (of the publication when it named none), moved by 'following'/'previous'."""
    unit = (match.groupdict().get("unit") or "year").lower()
    size = 7 if unit == "month" else 4
    if reference and re.match(r"\d{4}-\d{2}" if size == 7 else r"\d{4}", reference):
        base = date(int(reference[:4]), int(reference[5:7]) if size == 7 else 1, 1)
    elif anchor is not None:
        base = anchor
    else:
        return None
    step = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1}
    which = (match.groupdict().get("which") or "").lower()
    return _shift(base, unit, step.get(which, 0))


def _reference_quarter(
    match: re.Match[str], anchor: date | None, reference: str | None
) -> str | None:
    """'the quarter' after 'the third quarter' is that quarter."""
    if reference and re.fullmatch(r"\d{4}-Q\d", reference) and not match.group("rel"):
        return reference
    resolved = reference_quarter(match.groupdict(), anchor, None, {})
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
    elif ("quarter" in words or "period" in words) and re.match(r"\d{4}-\d{2}", reference):
        month = int(reference[5:7])  # "the year-ago quarter" after "the quarter ended Sept. 30"
        reference = f"{reference[:4]}-Q{(month - 1) // 3 + 1}"
    return f"{int(reference[:4]) - 1:04d}{reference[4:]}"


def weekday(
    g: dict[str, str], anchor: date | None, tense: str | None, data: dict[str, Any]
) -> Resolved:
    """A weekday in news is the most recent such day (the publication day included),
    unless the tense points to the future (then the next one, the publication day
    included); 'last Monday' is before the publication day, 'next Monday' after it."""
    if anchor is None:
        return "DATE", None
    target = WEEKDAYS.index(g["weekday"].lower())
    modifier = (g.get("mod") or "").lower()
    ahead = (target - anchor.weekday()) % 7
    if modifier == "next":
        day = anchor + timedelta(days=ahead or 7)
    elif modifier == "last":
        day = anchor - timedelta(days=(anchor.weekday() - target) % 7 or 7)
    elif tense == "future" or modifier in {"this", "coming", "this coming"}:
        day = anchor + timedelta(days=ahead)
    else:
        day = anchor - timedelta(days=(anchor.weekday() - target) % 7)
    value = day.isoformat()
    if part := g.get("part"):
        value += "T" + data["part_of_day_codes"][part.lower()]
    return "DATE", value


def named_day(
    g: dict[str, str], anchor: date | None, tense: str | None, data: dict[str, Any]
) -> Resolved:
    named = g["named"].lower()
    if anchor is None:
        return "DATE", None
    offset = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1}[
        named
    ]
    value = (anchor + timedelta(days=offset)).isoformat()
    part = g.get("part") or ("night" if named == "tonight" else None)
    if part:
        return "TIME", value + "T" + data["part_of_day_codes"][part.lower()]
    return "DATE", value


def relative_unit(
    g: dict[str, str], anchor: date | None, tense: str | None, data: dict[str, Any]
) -> Resolved:
    """'last month', 'next week', 'this year'; 'the past year' is last year (TimeBank)."""
    rel, unit = " ".join(g["rel"].lower().split()), g["unit"].lower()
    if anchor is None:
        return "DATE", None
    if unit == "weekend":
        return "DATE", _weekend(anchor, rel, tense)
    step = -1 if rel in {"last", "past", "previous"} else 1 if rel in {"next", "coming"} else 0
    return "DATE", _shift(anchor, unit, step)


def _weekend(anchor: date, rel: str, tense: str | None) -> str:
    """'the weekend' / 'last weekend': the most recent one (the current one on a Saturday or
    Sunday); in the future tense, or 'this'/'next weekend', the coming one."""
    on_weekend = anchor.weekday() >= 5
    if rel == "next":
        step = 1
    elif rel in {"this", "coming"} or (rel == "the" and tense == "future"):
        step = 0
    else:
        step = 0 if on_weekend and rel != "last" else -1
    return _shift(anchor, "weekend", step)


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


def ago(
    g: dict[str, str], anchor: date | None, tense: str | None, data: dict[str, Any]
) -> Resolved:
    amount = _number(g["number"], data)
    if amount is None:  # "several years ago", "a few weeks ago"
        return "DATE", "PAST_REF"
    if anchor is None:
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
    g: dict[str, str], anchor: date | None, tense: str | None, data: dict[str, Any]
) -> Resolved:
    """'three days' P3D, 'two decades' P20Y (TimeBank counts decades and centuries in
    years), '2 1/2 years' P2Y6M, 'a minute and a half' PT1M30S, 'several weeks' PXW."""
    unit = _unit_name(g["unit"])
    amount = _number(g["number"], data)
    if amount is not None and (g.get("half") or g.get("half_after")):
        amount += 0.5
    if unit in data["unit_in_years"]:
        unit, amount = "year", None if amount is None else amount * data["unit_in_years"][unit]
    if unit == "fortnight":
        unit, amount = "week", None if amount is None else amount * 2
    return "DURATION", _period(amount, unit, data)


def _period(amount: float | None, unit: str, data: dict[str, Any]) -> str:
    """An ISO 8601 period; a fraction goes into the next smaller unit (P2Y6M, PT5H30M)."""
    letter = data["units"][unit][0]
    timed = letter in {"H", "S"} or unit == "minute"
    prefix = "PT" if timed else "P"
    if amount is None:
        return f"{prefix}X{letter}"
    whole = int(amount)
    text = f"{prefix}{whole}{letter}" if whole else prefix
    fraction = amount - whole
    smaller = data["smaller_units"].get(unit)
    if fraction and smaller:
        rest = round(fraction * smaller[1])
        text += ("T" if smaller[0] in {"H"} and not timed else "") + f"{rest}{smaller[0]}"
    elif fraction:
        text = f"{prefix}{amount:g}{letter}"
    return text


def set_(
    g: dict[str, str], anchor: date | None, tense: str | None, data: dict[str, Any]
) -> Resolved:
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
    if month_number(unit) is not None:  # "each July"
        return "SET", f"XXXX-{_month(unit):02d}"
    if unit in WEEKDAYS:
        return "SET", "XXXX-WXX-" + str(WEEKDAYS.index(unit) + 1)
    letter = data["units"][_unit_name(unit)][0]
    return "SET", ("PT1" if letter in {"H", "S"} or unit.startswith("minute") else "P1") + letter


def period_end(
    g: dict[str, str], anchor: date | None, tense: str | None, data: dict[str, Any]
) -> Resolved:
    """'by year-end' is the publication year, 'the end of the month' its month."""
    if anchor is None:
        return "DATE", None
    return "DATE", _shift(anchor, (g.get("unit") or "year").lower(), 0)


def decade_word(
    g: dict[str, str], anchor: date | None, tense: str | None, data: dict[str, Any]
) -> Resolved:
    """'the nineties', "the '80s": 199, 198."""
    if word := g.get("word"):
        return "DATE", str(data["decade_words"][word.lower()])
    return "DATE", f"19{g['digits'][0]}"


def bare_season(
    g: dict[str, str], anchor: date | None, tense: str | None, data: dict[str, Any]
) -> Resolved:
    """'the summer': this year's, or last year's when it has not come yet and the tense
    does not point ahead."""
    if anchor is None:
        return "DATE", None
    code = data["season_codes"][g["season"].lower()]
    order = ["WI", "SP", "SU", "FA"]
    current = order[(anchor.month % 12) // 3]
    year = anchor.year
    if order.index(code) > order.index(current) and tense != "future":
        year -= 1
    return "DATE", f"{year:04d}-{code}"


def clock_time(
    g: dict[str, str], anchor: date | None, tense: str | None, data: dict[str, Any]
) -> Resolved:
    """'10 p.m. Wednesday', 'noon Thursday', '5 p.m. EST Nov. 9', '10:35 a.m.': a TIME on
    the day named with it, else on the publication day. Midnight is T24:00 (TimeML)."""
    if named := g.get("named"):
        hour, minute = data["named_times"][named.lower()]
    else:
        hour, minute = int(g["hour"]), int(g.get("minute") or 0)
        afternoon = g["ampm"].lower().startswith("p")
        if not (1 <= hour <= 12 and minute < 60):
            return None
        hour = (hour % 12) + (12 if afternoon else 0)
    day = _day_of(g, anchor, tense, data)
    return "TIME", None if day is None else f"{day}T{hour:02d}:{minute:02d}"


def _day_of(
    g: dict[str, str], anchor: date | None, tense: str | None, data: dict[str, Any]
) -> str | None:
    """The calendar day a clock time is attached to ("Wednesday", "Nov. 9", "yesterday")."""
    if "weekday" in g:
        resolved = weekday({"weekday": g["weekday"]}, anchor, tense, data)
    elif "monthname" in g:
        resolved = date_near(g, anchor, tense, data)
    elif "named_day" in g:
        resolved = named_day({"named": g["named_day"]}, anchor, tense, data)
    else:
        resolved = ("TIME", anchor.isoformat() if anchor else None)
    return resolved[1] if resolved else None


def spoken_year(
    g: dict[str, str], anchor: date | None, tense: str | None, data: dict[str, Any]
) -> Resolved:
    """'nineteen ninety-six' 1996, 'nineteen hundred' 1900, 'two thousand and one' 2001."""
    if "millennium" in g:
        rest = _number(g["ones"], data) if g.get("ones") else 0
        return None if rest is None else ("DATE", f"{2000 + int(rest):04d}")
    century = _number(g["hundreds"], data)
    rest = 0 if g["rest"].lower() == "hundred" else _number(g["rest"], data)
    if century is None or rest is None:
        return None
    return "DATE", f"{int(century) * 100 + int(rest):04d}"


def month_of_relative_year(
    g: dict[str, str], anchor: date | None, tense: str | None, data: dict[str, Any]
) -> Resolved:
    """'July last year', 'January this year', 'April next year'."""
    if anchor is None:
        return "DATE", None
    step = {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
    return "DATE", f"{anchor.year + step:04d}-{_month(g['monthname']):02d}"


def quarter_of_year(
    g: dict[str, str], anchor: date | None, tense: str | None, data: dict[str, Any]
) -> Resolved:
    """'the third quarter of 1984', 'the 1988 second quarter'."""
    year, ordinal = g.get("year") or g["year2"], g.get("ordinal") or g["ordinal2"]
    return "DATE", f"{year}-Q{ORDINALS[ordinal.lower()]}"


def half_of_year(
    g: dict[str, str], anchor: date | None, tense: str | None, data: dict[str, Any]
) -> Resolved:
    """'the first half of 1990' 1990-H1, 'the last half of this year' YYYY-H2."""
    half = "H1" if g["half"].lower() == "first" else "H2"
    if "year" in g:
        return "DATE", f"{g['year']}-{half}"
    if anchor is None:
        return "DATE", None
    step = {"last": -1, "next": 1}.get((g.get("rel") or "").lower(), 0)
    return "DATE", f"{anchor.year + step:04d}-{half}"


def holiday(
    g: dict[str, str], anchor: date | None, tense: str | None, data: dict[str, Any]
) -> Resolved:
    """'Thanksgiving Day', 'Christmas', 'Easter': the occurrence before or after publication
    as for any date without a year; 'last'/'next' choose the side."""
    if anchor is None:
        return "DATE", None
    name = " ".join(g["holiday"].lower().replace("\u2019", "'").split())
    rule = data["holidays"][name]
    dates = [_holiday_in(year, rule) for year in range(anchor.year - 1, anchor.year + 2)]
    before = max(d for d in dates if d <= anchor)
    after = min(d for d in dates if d >= anchor)
    rel = (g.get("rel") or "").lower()
    if rel == "last":
        later = False
    elif rel in {"next", "this"}:
        later = True
    else:
        later = _later((anchor - before).days, (after - anchor).days, tense, data)
    return "DATE", (after if later else before).isoformat()


def _holiday_in(year: int, rule: dict[str, Any]) -> date:
    """A holiday's date in a year: fixed (month, day), the nth weekday of a month (n = -1:
    the last), or days after Easter Sunday."""
    if "easter" in rule:
        return easter(year) + timedelta(days=rule["easter"])
    if "day" in rule:
        return date(year, rule["month"], rule["day"])
    first = date(year, rule["month"], 1)
    if rule["nth"] > 0:
        offset = (rule["weekday"] - first.weekday()) % 7 + 7 * (rule["nth"] - 1)
        return first + timedelta(days=offset + rule.get("plus_days", 0))
    last = date(year + rule["month"] // 12, rule["month"] % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - rule["weekday"]) % 7)


Resolver = Callable[[dict[str, str], date | None, str | None, dict[str, Any]], Resolved]
RESOLVERS: dict[str, Resolver] = {
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
    "year_earlier": lambda g, anchor, tense, data: ("DATE", None),  # see anaphor()
    "reference_year": lambda g, anchor, tense, data: ("DATE", None),  # see anaphor()
    "year_period": lambda g, anchor, tense, data: ("DATE", g["year"]),  # see anaphor()
    "weekday": weekday,
    "named_day": named_day,
    "relative_unit": relative_unit,
    "ago": ago,
    "duration": duration,
    "set": set_,
    "clock_time": clock_time,
    "spoken_year": spoken_year,
    "month_of_relative_year": month_of_relative_year,
    "quarter_of_year": quarter_of_year,
    "half_of_year": half_of_year,
    "holiday": holiday,
    "period_end": period_end,
    "decade_word": decade_word,
    "bare_season": bare_season,
}
