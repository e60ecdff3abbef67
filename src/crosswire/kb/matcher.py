"""KB names in the text that spaCy did not tag: runs of capitalised words (small words such
as "of" allowed inside, "Kim Jong-il" one word) whose longest sub-span of two or more words is
a KB alias of a person, organisation or group.

Only names of two or more words are matched, and acronyms of an organisation in four or more
capitals on a line written in mixed case ("ECOWAS condemned the coup", which spaCy may tag as
a plural noun): other one-word aliases ("PRI", "Merkel") are common words or short acronyms
too often to be found without spaCy's say-so (the stage still resolves them when spaCy tags
them). The runs are found by one regular expression over the text, not by
walking spaCy's tokens: the matcher must cost little next to the stage (benchmarks/kb.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from crosswire.actors import countries
from crosswire.actors.keys import fold
from crosswire.actors.lexicon import roles
from crosswire.kb.base import KnowledgeBase, knowledge_base

MAX_WORDS = 7  # "Revolutionary Armed Forces of Colombia People's Army"
_INNER = ("of", "the", "and", "for", "de", "al", "el", "la", "del", "bin")
_WORD = r"[A-Z](?:[\w'’]|\.(?=\w))*(?:-\w+)*"
_RUN = re.compile(
    rf"(?<![\w-]){_WORD}(?:[ ]+(?:(?:{'|'.join(_INNER)})[ ]+)*{_WORD})+", flags=re.UNICODE
)
_ACRONYM = re.compile(r"(?<![\w.-])[A-Z]{4,}(?![\w.-])")
_PIECE = re.compile(rf"{_WORD}|\b(?:{'|'.join(_INNER)})\b")
LABELS = {"person": "PERSON", "organisation": "ORG", "group": "GROUP"}

Word = tuple[int, int, bool]  # start, end, capitalised


@dataclass(frozen=True, slots=True)
class KbSpan:
    start: int
    end: int
    label: str  # PERSON, ORG or GROUP


def _label(kb: KnowledgeBase, key: str) -> str | None:
    """The mention label of a KB alias: one type among its entries (countries excluded)."""
    if not kb.has(key):
        return None
    types = {e.type for e in kb.lookup(key)}
    if len(types) != 1:
        return None
    return LABELS.get(types.pop())


def kb_spans(text: str, kb: KnowledgeBase | None = None) -> list[KbSpan]:
    """KB names in the text, the longest first within each run, left to right."""
    kb = kb or knowledge_base()
    found: list[KbSpan] = []
    for run in _RUN.finditer(text):
        words: list[Word] = [
            (run.start() + m.start(), run.start() + m.end(), m.group()[:1].isupper())
            for m in _PIECE.finditer(run.group())
        ]
        index = 0
        while index < len(words) - 1:
            match = _longest(kb, text, words, index)
            if match is None:
                index += 1
                continue
            found.append(match[0])
            index = match[1]
    taken = [(m.start, m.end) for m in found]
    found += [
        a for a in _acronyms(text, kb) if not any(s < a.end and a.start < e for s, e in taken)
    ]
    return sorted(found, key=lambda m: m.start)


def _acronyms(text: str, kb: KnowledgeBase) -> list[KbSpan]:
    """Organisations' acronyms of four or more capitals on a line with lower-case letters
    (in a line all in capitals, "TARGET" or "SHELL" is a word, not a company)."""
    found = []
    for match in _ACRONYM.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if not any(c.islower() for c in line):
            continue
        if _label(kb, fold(match.group())) == "ORG":
            found.append(KbSpan(match.start(), match.end(), "ORG"))
    return found


def _longest(
    kb: KnowledgeBase, text: str, words: list[Word], index: int
) -> tuple[KbSpan, int] | None:
    if not words[index][2]:
        return None
    for stop in range(min(len(words), index + MAX_WORDS), index + 1, -1):
        if not words[stop - 1][2]:
            continue
        start, end = words[index][0], words[stop - 1][1]
        label = _label(kb, fold(text[start:end]))
        if label is None:
            continue
        if label == "PERSON":
            start = _without_title(kb, text, words[index : stop - 1], start, end)
            start = min(start, words[stop - 1][0])
        return KbSpan(start, end, label), stop
    return None


def _without_title(kb: KnowledgeBase, text: str, head: list[Word], start: int, end: int) -> int:
    """ "President Bill Clinton" -> where "Bill Clinton" starts: the shortest ending of the
    name (two words or more) that is still a person's alias, else the name after its leading
    title and country words ("Foreign Minister Lavrov" -> "Lavrov"): titles are no name."""
    for word_start, _, capital in reversed(head[1:]):
        if capital and _label(kb, fold(text[word_start:end])) == "PERSON":
            return word_start
    for word_start, word_end, _ in head:
        word = text[word_start:word_end]
        if word.lower() not in _title_words() and countries.country_code(word) is None:
            return word_start
    return end  # nothing but title words: the caller keeps the last word alone


@cache
def _title_words() -> frozenset[str]:
    return frozenset(w for role in roles() for w in role.split())
