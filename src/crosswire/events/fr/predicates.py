"""Which words of a French sentence are predicates a trigger may name, and which word's
dependents hold their arguments. A verb the parser tagged as one is a predicate by its
lemma; a past participle right after "avoir" or "être" is one too whatever tag the small
model gave it ("a visité" tagged a noun, "a expulsé" an adverb fixed to "a"), by its
form: "-er" verbs' participles by rule, the others from data/events/fr/grammar.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from crosswire.events.fr.data import by_lemma, grammar

# A participle used as an adjective ("le village attaqué") describes, it does not report;
# a "verb" the small parser makes a subject or object is a noun ("le manifestant")
NOT_PREDICATES = frozenset(
    {"amod", "acl", "case", "nsubj", "nsubj:pass", "obj", "iobj", "nmod", "appos"}
    | {"obl", "obl:arg", "obl:mod", "obl:agent"}
)
# Words that may stand between an auxiliary and its participle ("n'a pas encore signé")
BETWEEN = frozenset({"ne", "n'", "n’", "pas", "plus", "jamais", "déjà", "encore", "été", "aussi"})
MAX_GAP = 3
ARGUMENT_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "obl:agent", "obl:arg", "iobj"})


@dataclass(frozen=True, slots=True)
class Predicate:
    word: Token  # the trigger word
    lemma: str  # its verb
    clause: Token  # the word whose dependents are its arguments


def predicate(token: Token) -> Predicate | None:
    """The predicate `token` is, or None."""
    if token.dep_ in NOT_PREDICATES and token.pos_ != "VERB":
        return None
    if token.pos_ == "VERB" and token.dep_ not in NOT_PREDICATES:
        lemma = token.lemma_.lower()
        if lemma in by_lemma():
            return Predicate(token, lemma, token)
    verb = participle_lemma(token.lower_)
    if verb is None or not _after_auxiliary(token):
        return None
    return Predicate(token, verb, _clause(token))


@cache
def participles() -> dict[str, str]:
    """Every past participle form of the triggers' verbs -> the verb."""
    forms: dict[str, str] = {}
    for lemma in by_lemma():
        if lemma.endswith("er"):
            stem = lemma[:-2] + "é"
            forms |= {stem + ending: lemma for ending in ("", "e", "s", "es")}
    for form, lemma in grammar().participles.items():
        forms |= {form + ending: lemma for ending in ("", "e", "s", "es")}
    return forms


def participle_lemma(word: str) -> str | None:
    return participles().get(word)


def _after_auxiliary(token: Token) -> bool:
    auxiliaries = grammar().auxiliaries
    for offset in range(1, MAX_GAP + 2):
        if token.i - offset < token.sent.start:
            return False
        before = token.doc[token.i - offset]
        if before.lemma_.lower() in auxiliaries:
            return True
        if before.lower_ not in BETWEEN:
            return False
    return False


def _clause(token: Token) -> Token:
    """The participle itself when it holds arguments, else the word the parser hung them
    from (the auxiliary it fixed the participle to)."""
    if any(c.dep_ in ARGUMENT_DEPS for c in token.children) or token.head.i == token.i:
        return token
    return token.head
