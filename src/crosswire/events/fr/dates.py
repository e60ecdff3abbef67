"""An event's date from a French time expression of its own clause ("mardi", "hier",
"le 12 mars 2024", "en mars"), resolved against the publication date; else the
publication date for a past or present report (the guideline's section 6, as the English
coder reads it), else none."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Token

from crosswire.events.fr.data import grammar
from crosswire.model import DateFrom, Modality

# "12 mars 2024", "1er mars", "mars 2024"
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:er)?\s+([a-zéû]+)(?:\s+(\d{4}))?", re.IGNORECASE)
_MONTH_YEAR = re.compile(r"\b([a-zéû]+)\s+(\d{4})\b", re.IGNORECASE)


def event_date(
    verb: Token, published: str | None, modality: Modality
) -> tuple[str | None, DateFrom | None]:
    """The date and where it came from ("text" or "published"), or (None, None)."""
    anchor = _day(published)
    for phrase in _own_phrases(verb):
        value = resolve(phrase, anchor, modality)
        if value is not None:
            return value, "text"
    if published and modality in {"asserted", "reported"}:
        return published, "published"
    return None, None


def _own_phrases(verb: Token) -> list[str]:
    """The words of the verb's own clause, by the noun or adverb each hangs from: its
    dependents' phrases, less any clause of another verb inside them (a small parser
    often hangs "hier" or "le 3 mars" from the object rather than the verb)."""
    phrases = []
    for token in verb.subtree:
        if token.i == verb.i or token.pos_ not in {"NOUN", "ADV", "NUM", "PROPN"}:
            continue
        if _nearest_verb(token) != verb.i:
            continue
        phrases.append(" ".join(t.text for t in token.subtree if _nearest_verb(t) == verb.i))
    return phrases


def _nearest_verb(token: Token) -> int:
    """The index of the nearest verb above a token (itself excluded)."""
    head = token.head
    for _ in range(32):
        if head.pos_ == "VERB" or head.i == head.head.i:
            return head.i
        head = head.head
    return head.i


def resolve(words: str, anchor: dt.date | None, modality: Modality = "asserted") -> str | None:
    """The date a French time expression gives, at its own precision; None: no date."""
    g = grammar()
    lowered = words.lower().strip()
    months = {name: index for index, name in enumerate(g.months, start=1)}
    match = _DAY_MONTH.search(lowered)
    if match and match.group(2) in months:
        year = match.group(3) or (str(anchor.year) if anchor else None)
        month, day = months[match.group(2)], int(match.group(1))
        return f"{year}-{month:02d}-{day:02d}" if year else None
    match = _MONTH_YEAR.search(lowered)
    if match and match.group(1) in months:
        return f"{match.group(2)}-{months[match.group(1)]:02d}"
    if anchor is None:
        return None
    for word in lowered.split():
        if word in g.relative_days:
            return (anchor + dt.timedelta(days=g.relative_days[word])).isoformat()
        if word in g.weekdays:
            return _weekday(anchor, g.weekdays.index(word), future=modality == "planned")
    return None


def _weekday(anchor: dt.date, weekday: int, future: bool) -> str:
    """The named day nearest the anchor: before it for a past event, after for a future."""
    if future:
        ahead = (weekday - anchor.weekday()) % 7 or 7
        return (anchor + dt.timedelta(days=ahead)).isoformat()
    back = (anchor.weekday() - weekday) % 7
    return (anchor - dt.timedelta(days=back)).isoformat()


def _day(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published) if published else None
    except ValueError:
        return None
