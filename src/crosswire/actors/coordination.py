"""Coordinated country words sharing one head noun: "US and British forces", "French and
Egyptian warships", "Sierra Leonean and Liberian refugees". spaCy tags each demonym; the
repair step joins only the last one to the head ("British forces"); the first is as much a
body of its own country as the second, so it gets the same head, with its own country."""

from __future__ import annotations

import re
from datetime import date

from crosswire.actors import countries
from crosswire.actors.classify import Typed, classify
from crosswire.actors.keys import fold

_JOINED = re.compile(r"^\s*(?:,\s*)?(?:and|or|&)\s+$|^\s*,\s*$")
MAX_COUNTRY_WORDS = 3  # "Sierra Leonean": a country word of up to three words


def share_heads(text: str, typed: list[Typed], day: date | None) -> None:
    """Gives each country word coordinated with a following "<country word> <head>" body
    or group that head (in place): its type, sector and a key of its own country."""
    for index in range(len(typed) - 2, -1, -1):  # from the end: "A, B and C troops"
        first, body = typed[index], typed[index + 1]
        if first.type != "COUNTRY" or body.type not in {"GROUP", "ORG"}:
            continue
        if not body.actor.sector or not _JOINED.match(text[first.end : body.start]):
            continue
        head = _head_after_country(body.text)
        if head is None:
            continue
        shared = classify(f"{first.text} {head}", first.start, first.end, body.label, set(), day)
        if shared.actor.sector != body.actor.sector or shared.actor.country is None:
            continue
        first.type, first.actor = shared.type, shared.actor


def _head_after_country(name: str) -> str | None:
    """The words after the leading country word of `name` ("British forces" -> "forces");
    None when it does not start with one or nothing follows."""
    words = name.split()
    for size in range(min(MAX_COUNTRY_WORDS, len(words) - 1), 0, -1):
        if countries.country_code(" ".join(words[:size])):
            rest = " ".join(words[size:])
            return rest if fold(rest) else None
    return None
