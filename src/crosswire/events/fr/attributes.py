"""Negation and modality of a French predicate, read on its parse: "ne ... pas" (the
negating adverb on the verb), the future tense and "va/doit/prévoit de" + infinitive
(planned), "pourrait" and a "si" clause (hypothetical), the journalistic conditional
("aurait attaqué": the text does not vouch for it) and "prétendument" (reported); a
denial ("a démenti avoir attaqué": denied and negated)."""

from __future__ import annotations

from spacy.tokens import Token

from crosswire.events.fr.data import grammar
from crosswire.model import Modality


def negated(verb: Token) -> bool:
    """Whether the predicate is negated by an adverb of its own ("ne condamnera pas") or
    denied ("a démenti avoir attaqué")."""
    words = grammar().negation
    own = any(c.dep_ == "advmod" and c.lower_ in words for c in _clause_words(verb))
    return own or denied(verb)


def modality(verb: Token) -> Modality:
    """How the text presents the predicate's event."""
    g = grammar()
    governor = verb.head if verb.dep_ == "xcomp" and verb.head.i != verb.i else None
    if any(c.dep_ == "mark" and c.lower_ in g.conditions for c in verb.children):
        return "hypothetical"
    if denied(verb):
        return "denied"
    if governor is not None and governor.lemma_ in g.hypothetical_verbs:
        return "hypothetical"
    if governor is not None and governor.lemma_ in g.planned_verbs:
        return "planned"
    moods = [m for t in _clause_words(verb) for m in t.morph.get("Mood", [])]
    tenses = [m for t in _clause_words(verb) for m in t.morph.get("Tense", [])]
    if "Cnd" in moods:
        return "reported"  # the conditional of news: "aurait tiré"
    if "Fut" in tenses:
        return "planned"
    if any(t.lower_ in g.reported for t in verb.sent):
        return "reported"
    return "asserted"


def denied(verb: Token) -> bool:
    """Whether the predicate is what a denial verb governs ("a nié avoir bombardé")."""
    head = verb.head
    return (
        verb.dep_ in {"xcomp", "ccomp", "obj"}
        and head.i != verb.i
        and head.lemma_.lower() in grammar().denial_verbs
    )


def _clause_words(verb: Token) -> list[Token]:
    """The predicate and its auxiliaries and adverbs ("a été", "ne ... pas")."""
    return [verb, *(c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "advmod")]
