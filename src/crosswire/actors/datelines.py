"""Datelines: "HANOI —", "MOSCOW (Reuters) -", "SAN DIEGO, Calif. —", "WASHINGTON, Dec 3
(Reuters) -" opening a wire story say where it was filed. The place is no actor: neither the
subject the parser may take it for nor a capital acting for its state."""

from __future__ import annotations

import re
from collections.abc import Iterable

_UPPER_WORD = r"[A-Z][A-Z.'’-]+"  # "HANOI", "ST.", "N'DJAMENA"
_NAME_WORD = r"[A-Z][a-zA-Z.'’-]+"  # "Paris", a dateline written in title case
_REGION = r"(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)"  # ", Calif.", ", New Mexico"
_DATE = r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})"  # ", Dec 3", " Dec. 3"
_SOURCE = r"(?:\s*\([^()\n]{1,40}\))"  # "(Reuters)"
_DASH = r"\s*(?:[—–]|--?)(?=\s)"

# Upper-case place words need only the dash; title-case ones also the agency in brackets
# ("Paris (AFP) -"): "Merkel - who ..." is no dateline
_DATELINE = re.compile(
    rf"\s*(?:{_UPPER_WORD}(?:\s+{_UPPER_WORD})*{_REGION}?{_DATE}?{_SOURCE}?{_DASH}"
    rf"|{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}{_REGION}?{_DATE}?{_SOURCE}{_DASH})"
)


def dateline_end(text: str, opening: int) -> int | None:
    """The end of the dateline that opens `text` at offset `opening`, or None."""
    found = _DATELINE.match(text, opening)
    return found.end() if found else None


def in_dateline(text: str, offset: int, openings: Iterable[int] = ()) -> bool:
    """Whether `offset` lies in a dateline opening its line or one of `openings` (the
    starts of its sentence, say) before it."""
    line_start = text.rfind("\n", 0, offset) + 1
    for opening in {line_start, *openings}:
        if opening > offset:
            continue
        end = dateline_end(text, opening)
        if end is not None and offset < end:
            return True
    return False
