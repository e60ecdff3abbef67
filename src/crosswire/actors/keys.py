"""Cross-article actor keys: the same actor gets the same key string in every article.

Person keys fold case, accents, hyphens and interchangeable transliteration pieces
(data/actors/transliteration.tsv), so "Sergey Lavrov", "SERGEI LAVROV" and "Sergei Lavrov"
all become ``person:sergei lavrov``; "Kim Jong-un" and "Kim Jong Un" become
``person:kim jong un``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from crosswire.actors.data import transliteration

_NON_WORD = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")
_INITIAL = re.compile(r"^[a-z]$")


# Caches of words are bounded: every article brings new ones (see countries.country_code)
@lru_cache(maxsize=2**16)
def fold(text: str) -> str:
    """Lowercase, strip accents, turn hyphens/dashes into spaces, drop other punctuation."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = re.sub(r"[-‐‑‒–—_/]", " ", plain.lower())
    plain = plain.replace("'", "").replace("’", "")
    plain = _NON_WORD.sub(" ", plain)
    return _SPACES.sub(" ", plain).strip()


@cache
def _rules() -> list[tuple[re.Pattern[str], str]]:
    return [(row.pattern, row.replacement) for row in transliteration()]


@lru_cache(maxsize=2**16)
def fold_name_word(word: str) -> str:
    """One folded name word with transliteration pieces made uniform."""
    for pattern, replacement in _rules():
        word = pattern.sub(replacement, word)
    return word


def person_words(name: str) -> list[str]:
    """The folded words of a person name, middle initials dropped ("Donald J. Trump")."""
    words = fold(name).split()
    kept = [w for i, w in enumerate(words) if not (_INITIAL.match(w) and 0 < i < len(words) - 1)]
    return [fold_name_word(w) for w in kept]


def person_key(name: str) -> str:
    return "person:" + " ".join(person_words(name))


def country_key(code: str) -> str:
    return f"country:{code}"


def org_key(name: str, country: str | None) -> str:
    return f"org:{country}:{fold(name)}" if country else f"org:{fold(name)}"


def media_key(name: str) -> str:
    return "media:" + fold(name)


def place_key(name: str, country: str | None) -> str:
    return f"place:{country}:{fold(name)}" if country else f"place:{fold(name)}"


def group_key(name: str, country: str | None) -> str:
    return f"group:{country}:{fold(name)}" if country else f"group:{fold(name)}"


def people_key(country: str) -> str:
    """A country's people named by their plural demonym ("Nigerians"): civilians of the
    country, keyed as the events stage keys an unnamed agent (`agent:NGA:CVL`), so the
    mention and the event participant are one actor."""
    return f"agent:{country}:CVL"
