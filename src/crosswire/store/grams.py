"""Full-text search in scripts written without spaces between words (Chinese, Japanese,
Korean, Thai ...).

Both full-text engines cut text into words at spaces and punctuation, so "北京大学的学生"
is one word to them and "大学" inside it is never found. Articles holding such text get a
second index: the text with every run of those scripts replaced by its overlapping pairs of
characters ("北京 京大 大学 学的 的学 学生 生", the run's last character alone at its end),
everything else kept as it is. A query word in those scripts becomes the phrase of its pairs,
which matches exactly where the word's characters stand in a row; a one-character word
matches every pair it begins (and a run's last character). Which scripts count is data
(``data/search/unspaced_scripts.yaml``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING, Annotated

from pydantic import StringConstraints

from crosswire.datafiles import DataModel, load

if TYPE_CHECKING:  # search.py reads `unspaced_class` from here: types only, no circle
    from crosswire.store.search import Clause, Term

CodeRange = Annotated[str, StringConstraints(pattern=r"^[0-9A-F]{4,5}-[0-9A-F]{4,5}$")]


class Script(DataModel):
    name: str
    ranges: list[CodeRange]


class UnspacedScripts(DataModel):
    scripts: list[Script]


def scripts_file() -> UnspacedScripts:
    return load("search/unspaced_scripts.yaml", UnspacedScripts)


@cache
def unspaced_class() -> str:
    """The characters of the unspaced scripts, as the inside of a regex character class."""
    spans = []
    for script in scripts_file().scripts:
        for span in script.ranges:
            start, end = (chr(int(bound, 16)) for bound in span.split("-"))
            spans.append(f"{re.escape(start)}-{re.escape(end)}")
    return "".join(spans)


@cache
def _run() -> re.Pattern[str]:
    """A run of characters of the unspaced scripts."""
    return re.compile(f"[{unspaced_class()}]+")


def has_unspaced(text: str) -> bool:
    return _run().search(text) is not None


def gram_text(text: str) -> str:
    """What the pair index holds for `text`: its runs of unspaced script as pairs, the rest
    unchanged; empty when `text` has no such run (the article needs no second index)."""
    if not has_unspaced(text):
        return ""
    return _run().sub(lambda run: " " + " ".join(_pairs(run.group())) + " ", text)


def gram_clauses(clauses: list[Clause]) -> list[Clause]:
    """The parsed query for the pair index: every run of unspaced script in a word becomes
    the phrase of its pairs; other words stay as they are."""
    return [
        replace(clause, terms=[_gram_term(term) for term in clause.terms]) for clause in clauses
    ]


def _gram_term(term: Term) -> Term:
    words: list[str] = []
    prefix = False
    for word in term.words:
        pieces = gram_text(word).split() or [word]
        prefix = False
        if (last := _last_run(word)) is not None:
            if len(_units(last)) > 1:
                # the document's run may go on after the word: its last character is then
                # paired with the next one, not alone
                pieces = pieces[:-1]
            else:  # a lone last character: any pair it begins (or a run's end) matches
                prefix = True
        words += pieces
    return replace(term, words=tuple(words), prefix=prefix)


def _last_run(word: str) -> str | None:
    """The run of unspaced script `word` ends with, if it ends with one."""
    runs = list(_run().finditer(word))
    return runs[-1].group() if runs and runs[-1].end() == len(word) else None


def _pairs(run: str) -> list[str]:
    units = _units(run)
    return [a + b for a, b in pairwise(units)] + [units[-1]]


def _units(run: str) -> list[str]:
    """The run's characters, each with the combining marks that follow it (Thai vowels and
    tone marks belong to their consonant)."""
    units: list[str] = []
    for char in run:
        if units and unicodedata.category(char).startswith("M"):
            units[-1] += char
        else:
            units.append(char)
    return units


def snippet(
    text: str, words: list[str], marks: tuple[str, str], width: int = 160
) -> tuple[str, str]:
    """(plain, marked): about `width` characters of `text` around the first place one of
    the query's `words` stands, and the same with each of their occurrences between
    `marks`. The engines' own snippet functions only know the words they indexed; for the
    pair index those are pairs, so the snippet is cut here, from the text."""
    found = _occurrences(words)
    if found is None or (first := found.search(text)) is None:
        return "", ""
    start = max(0, first.start() - width // 3)
    end = min(len(text), start + width)
    window = text[start:end].replace(marks[0], "").replace(marks[1], "")
    before, after = ("…" if start > 0 else ""), ("…" if end < len(text) else "")
    marked = found.sub(lambda m: marks[0] + m.group() + marks[1], window)
    return before + window + after, before + marked + after


def _occurrences(words: list[str]) -> re.Pattern[str] | None:
    """Where any of `words` stands: words in unspaced script anywhere, others as words."""
    parts = [
        re.escape(word) if has_unspaced(word) else rf"\b{re.escape(word)}\b"
        for word in sorted(set(words), key=len, reverse=True)
    ]
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None
