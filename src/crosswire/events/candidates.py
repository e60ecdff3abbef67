"""Event candidates: every predicate of a sentence that could report an event (its verbs,
its nouns, and any word a pattern codes), each with what the verb and noun patterns
propose for it, if anything. The learned decision (`decision`) reads them; the patterns
keep proposing types, modes and arguments."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from crosswire.events.content import CONTENT_LINKS
from crosswire.events.patterns import noun_patterns, verb_lemma, verb_patterns
from crosswire.model import EventMention

# Steps up through complement links to the predicate whose content a candidate may be
# ("urged X [to lift]"): as far as `content.absorb_content` looks
CONTENT_DEPTH = 4


@dataclass(slots=True)
class Candidate:
    """One predicate: its token, what the patterns code there (None: no pattern holds),
    and the proposed event above it whose content it may be (None: none)."""

    token: Token
    proposed: EventMention | None
    governor: EventMention | None


def candidates(sentence: Span, proposed: list[tuple[Token, EventMention]]) -> list[Candidate]:
    """The sentence's candidates in text order; `proposed` are the patterns' events by
    trigger token."""
    by_token = {token.i: event for token, event in proposed}
    return [
        Candidate(token, by_token.get(token.i), _governor(token, by_token))
        for token in sentence
        if token.i in by_token or is_predicate(token)
    ]


def is_predicate(token: Token) -> bool:
    """A verb, a common noun, or a word tagged a name whose lemma a pattern file knows
    (headlines in title case: "Police Arrest Protesters")."""
    if token.pos_ in {"VERB", "NOUN"}:
        return token.is_alpha
    if token.pos_ == "PROPN":
        lemma = token.lower_
        return lemma in noun_patterns() or verb_lemma(token) in verb_patterns()
    return False


def _governor(token: Token, by_token: dict[int, EventMention]) -> EventMention | None:
    """The nearest proposed event above `token` through complement links."""
    current = token
    for _ in range(CONTENT_DEPTH):
        if current.dep_ not in CONTENT_LINKS or current.head.i == current.i:
            return None
        current = current.head
        if current.i in by_token:
            return by_token[current.i]
    return None
