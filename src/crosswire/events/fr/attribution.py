"""Who a French sentence attributes an event to: "selon X" / "d'après X" in the event's
sentence, or the subject of a reporting verb that governs the event's clause ("X a
annoncé que ...") or that follows it inverted ("..., a affirmé le porte-parole"). As in
the English coder, an attribution leaves the event asserted; it tells the sources apart
(`crosswire.provenance`)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from crosswire.events.fr.actors import Resolver, capital_country, country_ref
from crosswire.events.fr.arguments import preposition
from crosswire.events.fr.data import grammar
from crosswire.model import ActorRef

GOVERNED = frozenset({"ccomp", "parataxis", "xcomp"})
SUBJECTS = frozenset({"nsubj"})


def attributed_to(verb: Token, sentence: Span, resolver: Resolver) -> ActorRef | None:
    """The actor the sentence attributes the predicate's event to, or None."""
    g = grammar()
    preps = {preposition(p) for p in g.attribution_preps}
    for token in sentence:
        if token.dep_ == "case" and preposition(token.text) in preps and token.head.i != token.i:
            actor = resolver.actor(token.head)
            if actor is not None:
                return _speaking(actor)
    for reporter in _reporting_verbs(verb):
        subjects = [c for c in reporter.children if c.dep_ in SUBJECTS]
        actor = resolver.actor(subjects[0]) if subjects else None
        if actor is not None:
            return actor
    return None


def _speaking(actor: ActorRef) -> ActorRef:
    """A capital that speaks stands for its government ("selon Séoul")."""
    capital = capital_country(actor.name) if actor.key.startswith("place:") else None
    return replace(country_ref(capital), sector="GOV") if capital else actor


def _reporting_verbs(verb: Token) -> list[Token]:
    """The reporting verb over the event's clause, and one that hangs from it inverted."""
    verbs = grammar().reporting_verbs
    found = []
    if verb.dep_ in GOVERNED and verb.head.lemma_.lower() in verbs:
        found.append(verb.head)
    found += [c for c in verb.children if c.dep_ in GOVERNED and c.lemma_.lower() in verbs]
    # "..., a affirmé le porte-parole": the small parser often conjoins the inverted
    # reporting verb; its subject after it tells it from a second event ("et a affirmé")
    found += [
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.lemma_.lower() in verbs
        and any(s.dep_ in SUBJECTS and s.i > c.i for s in c.children)
    ]
    return found
