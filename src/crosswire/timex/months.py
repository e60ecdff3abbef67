"""Month names, read once from ``data/months.yaml`` for every part that needs them: the
dateline parser (`pubdate`), the time rules' word lists and resolvers, and story dating."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pydantic import StrictBool, field_validator

from crosswire.datafiles import DataModel, load

MONTHS_FILE = "months.yaml"


class MonthEntry(DataModel):
    name: str
    short: tuple[str, ...] = ()
    common_word: StrictBool = False  # a quoted "yes" is no answer


class MonthsFile(DataModel):
    months: list[MonthEntry]

    @field_validator("months")
    @classmethod
    def _twelve(cls, value: list[MonthEntry]) -> list[MonthEntry]:
        if len(value) != 12:
            raise ValueError("must list the 12 months in calendar order")
        return value


@dataclass(frozen=True, slots=True)
class Month:
    number: int  # 1 is January
    name: str  # lower case, as the rules match it (case-insensitively)
    short: tuple[str, ...] = ()  # abbreviations, longest reading first
    common_word: bool = False  # also an everyday word ("may"): never a month on its own


@cache
def months() -> tuple[Month, ...]:
    """The twelve months in calendar order; a malformed file fails at load, naming the file
    and line (`crosswire.datafiles`)."""
    entries = load(MONTHS_FILE, MonthsFile).months
    return tuple(
        Month(number, e.name.lower(), tuple(w.lower() for w in e.short), e.common_word)
        for number, e in enumerate(entries, 1)
    )


@cache
def _by_prefix() -> dict[str, int]:
    return {month.name[:3]: month.number for month in months()}


def month_number(word: str) -> int | None:
    """The month a name or an abbreviation stands for, told by its first three letters
    ('Sept.', 'sep' and 'September' are 9); None when they start no month's name."""
    return _by_prefix().get(word.lower().rstrip(".")[:3])


@cache
def month_words() -> dict[str, str]:
    """The month word lists of the time rules, as regular-expression alternations:
    ``month`` (names, then abbreviations with an optional full stop), ``month_name`` (names)
    and ``bare_month_name`` (names that are no everyday word, safe to match on their own)."""
    names = [month.name for month in months()]
    short = [rf"{word}\.?" for month in months() for word in month.short]
    return {
        "month": "|".join(names + short),
        "month_name": "|".join(names),
        "bare_month_name": "|".join(m.name for m in months() if not m.common_word),
    }
