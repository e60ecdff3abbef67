"""KB names in the text that spaCy did not tag: runs of capitalised tokens (small words such
as "of" allowed inside, hyphens without spaces joining) whose longest sub-span of two or more
words is a KB alias of a person, organisation or group.

Only names of two or more words are matched: one-word aliases ("PRI", "Merkel") are common
words or acronyms too often to be found without spaCy's say-so (the stage still resolves them
when spaCy tags them)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from crosswire.actors import countries
from crosswire.actors.keys import fold
from crosswire.actors.lexicon import roles
from crosswire.kb.base import KnowledgeBase, knowledge_base

MAX_WORDS = 7  # "Revolutionary Armed Forces of Colombia People's Army"
_INNER = frozenset({"of", "the", "and", "for", "de", "al", "el", "la", "del", "bin"})
LABELS = {"person": "PERSON", "organisation": "ORG", "group": "GROUP"}


@dataclass(frozen=True, slots=True)
class KbSpan:
    start: int
    end: int
    label: str  # PERSON, ORG or GROUP


def _capitalised(token: Token) -> bool:
    return token.is_alpha and (token.is_title or token.is_upper)


def _runs(doc: Doc) -> list[list[Token]]:
    """Maximal runs of name-like tokens."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    for token in doc:
        joiner = bool(current) and token.text in {"-", "'", "’"} and not current[-1].whitespace_
        # "Kim Jong-il": the word after a hyphen need not be capitalised
        joined = bool(current) and current[-1].text == "-" and not current[-1].whitespace_
        inner = bool(current) and token.lower_ in _INNER
        if _capitalised(token) or joiner or (joined and token.is_alpha) or inner:
            current.append(token)
            continue
        if len(current) >= 2:
            runs.append(current)
        current = []
    if len(current) >= 2:
        runs.append(current)
    return runs


def _label(kb: KnowledgeBase, key: str) -> str | None:
    """The mention label of a KB alias: one type among its entries (countries excluded)."""
    if not kb.has(key):
        return None
    types = {e.type for e in kb.lookup(key)}
    if len(types) != 1:
        return None
    return LABELS.get(types.pop())


def kb_spans(doc: Doc, kb: KnowledgeBase | None = None) -> list[KbSpan]:
    """KB names in the document, longest first within each run, left to right."""
    kb = kb or knowledge_base()
    text = doc.text
    found: list[KbSpan] = []
    for run in _runs(doc):
        index = 0
        while index < len(run) - 1:
            match = _longest(kb, text, run, index)
            if match is None:
                index += 1
                continue
            found.append(match[0])
            index = match[1]
    return found


def _longest(
    kb: KnowledgeBase, text: str, run: list[Token], index: int
) -> tuple[KbSpan, int] | None:
    if not _capitalised(run[index]):
        return None
    for stop in range(min(len(run), index + MAX_WORDS), index + 1, -1):
        last = run[stop - 1]
        if not last.is_alpha or last.lower_ in _INNER:
            continue
        start, end = run[index].idx, last.idx + len(last.text)
        label = _label(kb, fold(text[start:end]))
        if label == "PERSON":
            start = min(_without_title(kb, text, run[index : stop - 1], start, end), last.idx)
        if label is not None:
            return KbSpan(start, end, label), stop
    return None


def _without_title(kb: KnowledgeBase, text: str, head: list[Token], start: int, end: int) -> int:
    """ "President Bill Clinton" -> where "Bill Clinton" starts: the shortest ending of the
    name (two words or more) that is still a person's alias, else the name after its leading
    title and country words ("Foreign Minister Lavrov" -> "Lavrov"): titles are no name."""
    for token in reversed(head[1:]):
        if _capitalised(token) and _label(kb, fold(text[token.idx : end])) == "PERSON":
            return token.idx
    for token in head:
        if token.lower_ not in _title_words() and countries.country_code(token.text) is None:
            return token.idx
    return end  # nothing but title words: the last word stands alone (end - its length)


@cache
def _title_words() -> frozenset[str]:
    return frozenset(w for role in roles() for w in role.split())
