"""Headline recasing: an ALL-CAPS headline takes the casing its article body gives each
word, else general rules (acronyms stay upper-case, minor words go lower-case)."""

from __future__ import annotations

import re
from collections import Counter

from crosswire.clean.phrases import words_of

ALL_CAPITALS = 0.8  # share of a line's letters in capitals that makes it an all-capital line


def all_capitals(line: str) -> bool:
    """Whether `line` is written in capitals (at least `ALL_CAPITALS` of its letters)."""
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) >= ALL_CAPITALS


def recase_headline(line: str, body: str | None = None) -> str:
    """Title-case an ALL-CAPS headline; other headlines are returned unchanged.

    A word takes the casing the article body gives it where it is not sentence-initial
    (names, acronyms); words the body does not show follow general rules: acronyms (short
    non-words, words no English word could spell) stay upper-case, minor words are
    lower-case, others are capitalised."""
    if not all_capitals(line):
        return line
    casing = body_casing(body or "")
    words = []
    starts_phrase = True
    for word in line.split():
        words.append(_recase_word(word, starts_phrase, casing))
        starts_phrase = word.endswith((":", "|", "—", "–")) or word in ("-", "|")
    return " ".join(words)


def _recase_word(word: str, first: bool, casing: dict[str, str]) -> str:
    parts = re.split(r"([^\w]+|_)", word)
    out = []
    for i, part in enumerate(parts):
        if not part or not part[0].isalpha():
            out.append(part)
        elif i >= 2 and parts[i - 1] in ("'", "’") and len(part) <= 2:
            out.append(part.lower())  # KIM'S -> Kim's, DON'T -> Don't
        else:
            out.append(_recase_token(part, first, casing))
            first = False  # only the first word part after opening quotes starts a phrase
    return "".join(out)


def _recase_token(token: str, first: bool, casing: dict[str, str]) -> str:
    key = token.lower()
    seen = casing.get(key)
    if seen is not None and not seen.islower():
        return seen  # the body writes it as a name or an acronym
    if seen is None and looks_like_acronym(token):
        return token
    if key in words_of("minor_words") and not first:
        return key
    return token.capitalize()


def looks_like_acronym(token: str) -> bool:
    """An all-caps token that cannot be an English word: short and not a common word, no
    vowel, a consonant cluster no English word starts with, or a vowel run in a short token."""
    key = token.lower()
    if not token.isupper() or key in words_of("minor_words"):
        return False
    if len(key) <= 3:
        return key not in words_of("short_words")
    if not re.search("[aeiouy]", key):
        return True
    onset = re.split("[aeiouy]", key, maxsplit=1)[0]  # the consonants before the first vowel
    if len(onset) >= 2 and onset not in words_of("onsets"):
        return True
    return len(key) <= 4 and re.search("[aeiou]{3}", key) is not None


def body_casing(body: str) -> dict[str, str]:
    """Each word's commonest written form in `body`, counting only occurrences that do not
    start a sentence (where capitals say nothing)."""
    forms: dict[str, Counter[str]] = {}
    for match in re.finditer(r"[^\W\d_]+", body):
        before = body[max(0, match.start() - 12) : match.start()].rstrip(" \t\"'“‘(«")
        if not before or before[-1] in ".!?:\n" or body[match.start() - 1 : match.start()] in "’'":
            continue
        word = match.group(0)
        forms.setdefault(word.lower(), Counter())[word] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in forms.items()}
