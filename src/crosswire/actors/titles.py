"""Abbreviated titles before names ("Sen. Mark Warner", "Lt. Gen. Jane Doe"), from
data/actors/titles.yaml: a title is never a country or a name of its own, the name after
it is a person, and the title says the role it abbreviates."""

from __future__ import annotations

import re
from functools import cache

from crosswire.actors.data import titles

MAX_TITLE_CHARS = 12  # the longest title with its spaces ("Atty. Gen.  ")


@cache
def _alternatives() -> str:
    forms = sorted(titles().abbreviations, key=len, reverse=True)
    return "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in forms)


@cache
def _title() -> re.Pattern[str]:
    """A title as a whole word: not the end of "U.S." nor the start of a longer word."""
    return re.compile(rf"(?<![\w.])(?:{_alternatives()})(?=\s|$)")


@cache
def _title_at_end() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.])(?:{_alternatives()})\s+$")


def is_title(text: str) -> bool:
    return _title().fullmatch(text.strip()) is not None


def expand_titles(text: str) -> str:
    """`text` with each title written as the role it abbreviates ("Sen." -> "senator"); a
    courtesy title ("Mr.") says no role and is left out."""
    roles = titles().abbreviations
    return _title().sub(lambda m: roles[" ".join(m.group().split())] or "", text).strip()


def title_before(text: str, start: int) -> str | None:
    """The title written right before offset `start` (where a name begins), if any."""
    found = _title_at_end().search(text[max(0, start - MAX_TITLE_CHARS) : start])
    return found.group().strip() if found else None


def leading_title(text: str) -> int:
    """The length of the title (with the spaces after it) that `text` opens with, else 0."""
    found = _title().match(text)
    if found is None:
        return 0
    return found.end() + len(text[found.end() :]) - len(text[found.end() :].lstrip())
