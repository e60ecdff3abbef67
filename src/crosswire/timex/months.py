"""Month names, read once from ``data/months.yaml`` for every part that needs them: the
dateline parser (`pubdate`), the time rules' word lists and resolvers, and story dating."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from crosswire.datafiles import read_yaml

MONTHS_FILE = "months.yaml"
FIELDS = frozenset({"name", "short", "common_word"})


@dataclass(frozen=True, slots=True)
class Month:
    number: int  # 1 is January
    name: str  # lower case, as the rules match it (case-insensitively)
    short: tuple[str, ...] = ()  # abbreviations, longest reading first
    common_word: bool = False  # also an everyday word ("may"): never a month on its own


@cache
def months() -> tuple[Month, ...]:
    """The twelve months in calendar order; a malformed file fails here, naming the entry."""
    entries = read_yaml(MONTHS_FILE).get("months")
    if not isinstance(entries, list) or len(entries) != 12:
        raise ValueError(f"{MONTHS_FILE}: `months` must list the 12 months in calendar order")
    return tuple(_month(number, entry) for number, entry in enumerate(entries, 1))


def _month(number: int, entry: Any) -> Month:
    if not isinstance(entry, dict) or not _well_formed(entry):
        raise ValueError(
            f"{MONTHS_FILE}: month {number} must be {{name: str, short: [str, ...],"
            f" common_word: bool}}, not {entry!r}"
        )
    short = tuple(word.lower() for word in entry.get("short", []))
    return Month(number, entry["name"].lower(), short, entry.get("common_word", False))


def _well_formed(entry: dict[str, Any]) -> bool:
    short = entry.get("short", [])
    return (
        set(entry) <= FIELDS
        and isinstance(entry.get("name"), str)
        and isinstance(short, list)
        and all(isinstance(word, str) for word in short)
        and isinstance(entry.get("common_word", False), bool)
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
