"""User search queries, parsed once and written out for each backend's full-text engine.

What a user types is never handed to FTS5 or PostgreSQL as query syntax: it is parsed here
into words and phrases (web-search style: ``"a phrase"``, ``or``, ``-word``) and rebuilt
from quoted word tokens, so stray quotes, brackets or operator words cannot make a query
invalid. Both backends get the same parse, so they agree on what a query means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from crosswire.store.grams import unspaced_class

# A word as the engines cut text: a run of letters and digits, what both FTS5's unicode61
# tokenizer and PostgreSQL's parser treat as one token (underscores and apostrophes
# separate words).
WORD = re.compile(r"[^\W_]+")


@cache
def _word() -> re.Pattern[str]:
    """A word of a query: a `WORD`, or a run of characters of a script written without
    spaces, combining marks included (a Thai vowel sign is no word break there: such words
    are looked up in the pair index)."""
    return re.compile(rf"(?:[^\W_]|[{unspaced_class()}])+")


PIECE = re.compile(r'(-?)"([^"]*)"?|(\S+)')
MAX_TERMS = 32  # longer queries are cut: no user needs more, and it bounds the work


@dataclass(slots=True)
class Term:
    words: tuple[str, ...]  # one word, or a phrase
    negated: bool = False
    prefix: bool = False  # the last word also matches longer words it begins


@dataclass(slots=True)
class Clause:
    """Terms that must all hold (negated ones must not)."""

    terms: list[Term] = field(default_factory=list)

    @property
    def positive(self) -> list[Term]:
        return [t for t in self.terms if not t.negated]


def parse_query(text: str) -> list[Clause]:
    """The query as alternatives (``or``) of clauses; clauses with nothing to find dropped."""
    clauses = [Clause()]
    n_terms = 0
    for match in PIECE.finditer(text):
        negated, phrase, bare = match.group(1) == "-", match.group(2), match.group(3)
        if bare is not None:
            if bare.lower() == "or" and clauses[-1].terms:
                clauses.append(Clause())
                continue
            negated = bare.startswith("-")
        words = tuple(w.lower() for w in _word().findall(phrase if bare is None else bare))
        if words and n_terms < MAX_TERMS:
            clauses[-1].terms.append(Term(words, negated))
            n_terms += 1
    return [c for c in clauses if c.positive]


def fts5_query(clauses: list[Clause]) -> str:
    """FTS5 MATCH syntax: every word double-quoted, so none is read as an operator."""

    def quoted(term: Term) -> str:
        return '"' + " ".join(term.words) + '"' + (" *" if term.prefix else "")

    parts = []
    for clause in clauses:
        expr = "(" + " AND ".join(quoted(t) for t in clause.positive) + ")"
        for term in clause.terms:
            if term.negated:
                expr = f"({expr} NOT {quoted(term)})"
        parts.append(expr)
    return " OR ".join(parts)


def websearch_query(clauses: list[Clause]) -> str:
    """Input for PostgreSQL's ``websearch_to_tsquery``, rebuilt from the parsed words."""

    def written(term: Term) -> str:
        body = term.words[0] if len(term.words) == 1 else '"' + " ".join(term.words) + '"'
        return ("-" if term.negated else "") + body

    return " or ".join(" ".join(written(t) for t in clause.terms) for clause in clauses)


def tsquery(clauses: list[Clause]) -> str:
    """Input for PostgreSQL's ``to_tsquery`` (which, unlike ``websearch_to_tsquery``, can
    say "prefix"): every word single-quoted, so none is read as an operator."""

    def lexeme(word: str) -> str:
        return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"

    def written(term: Term) -> str:
        body = " <-> ".join(lexeme(w) for w in term.words) + (":*" if term.prefix else "")
        return ("!" if term.negated else "") + "(" + body + ")"

    return " | ".join(
        "(" + " & ".join(written(t) for t in clause.terms) + ")" for clause in clauses
    )


def check_page(limit: int, offset: int, max_limit: int = 1000) -> None:
    """Refuse page sizes and offsets a caller cannot have meant."""
    if not 1 <= limit <= max_limit:
        raise ValueError(f"search limit must be between 1 and {max_limit}, got {limit}")
    if offset < 0:
        raise ValueError(f"search offset must not be negative, got {offset}")
