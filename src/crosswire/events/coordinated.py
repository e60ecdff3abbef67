"""Coordinated verbs that name one act: "officers shot and killed the teen", "was stabbed
and wounded" tell an attack and the harm it did, one occurrence in two words, so they are
one event (the labelled sets' "shot and killed"). Two acts stay two, though they share
an object ("was hauled out and taken into custody", "convicted and sentenced": guideline
section 2, one event per predicate), as do verbs that each take an object of their own
("raided the office and arrested three men") or differ in type ("arrested and charged
him"). Which verbs tell harm done is data: frames.yaml `harm_results`."""

from __future__ import annotations

from spacy.tokens import Token

from crosswire.actors.keys import fold
from crosswire.events.content import Coded
from crosswire.events.harmed import tells_harm_done
from crosswire.events.operations import ACT_PREPS
from crosswire.events.syntax import PASSIVE_SUBJECTS, SUBJECTS, direct_object
from crosswire.model import ActorRef, EventMention

OWN_CLAUSE = SUBJECTS | PASSIVE_SUBJECTS | {"aux", "auxpass"}  # a verb telling its own act
JOINING = {"and", "&"}  # "shot but did not kill" tells two things


def one_act(found: Coded) -> Coded:
    """The sentence's events with each later verb of a shared act folded into the first
    (whose trigger and code stay): its counts, and its actors where they say more; and
    the noun of the act a harm happened in folded into the harm's verb."""
    by_token = {token.i: event for token, event in found}
    kept: Coded = []
    for token, event in found:
        first = by_token.get(token.head.i) if _shares_the_act(token) else None
        if first is not None and _same_act(first, event):
            _fold(first, event)
            continue
        harm = _harm_it_is_in(token, event, by_token)
        if harm is not None:
            _fold_act_noun(harm, event)
            continue
        kept.append((token, event))
    return kept


def _fold_act_noun(harm: EventMention, act: EventMention) -> None:
    """The act's doer and its own date ("killed in an attack on Monday") where the harm's
    verb has none of its own."""
    harm.source = harm.source or act.source
    if harm.date_from != "text" and act.date_from == "text":
        harm.date, harm.date_from = act.date, act.date_from


def _harm_it_is_in(
    noun: Token, event: EventMention, by_token: dict[int, EventMention]
) -> EventMention | None:
    """The event of the verb whose "in" phrase names the act, of the same type ("were
    killed in an attack by rebels", "were arrested in a police raid"), or whose passive's
    agent it is ("the school was hit by an Israeli airstrike"): one occurrence, told by its
    result and by its name."""
    prep = noun.head
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj":
        return None
    if prep.lower_ not in ACT_PREPS and prep.dep_ != "agent":
        return None
    harm = by_token.get(prep.head.i)
    if harm is None or harm.type != event.type or prep.head.pos_ != "VERB":
        return None
    return harm


def _shares_the_act(verb: Token) -> bool:
    """A verb of harm done coordinated by "and" with the one before it, neither taking its
    own object, the later naming no subject or auxiliary of its own: "shot and killed the
    teen", "was shot and killed"; not "was shot and was killed"."""
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or verb.head.pos_ != "VERB":
        return False
    if not tells_harm_done(verb):
        return False
    joined = any(c.dep_ == "cc" and c.lower_ in JOINING for c in verb.head.children)
    own_clause = any(c.dep_ in OWN_CLAUSE for c in verb.children)
    return joined and not own_clause and direct_object(verb.head) is None


def _same_act(first: EventMention, later: EventMention) -> bool:
    return (
        first.type == later.type
        and _same_actor(first.source, later.source)
        and _same_actor(first.target, later.target)
        and first.negated == later.negated
        and first.modality == later.modality
    )


def _same_actor(one: ActorRef | None, other: ActorRef | None) -> bool:
    """The same actor, though a place only one verb carries may have given it a country
    ("shot and killed three villagers near Goma": the villagers of Goma)."""
    if one is None or other is None:
        return one is other
    return one.key == other.key or fold(one.name) == fold(other.name)


def _fold(first: EventMention, later: EventMention) -> None:
    """The later verb's counts join the first's, and its actors and place replace the
    first's where they say more (a country, a place)."""
    for kind, count in later.numbers.items():
        first.numbers.setdefault(kind, count)
    if _specificity(later) > _specificity(first):
        first.source, first.target = later.source, later.target
        first.participants, first.location = later.participants, later.location


def _specificity(event: EventMention) -> int:
    located = sum(a is not None and a.country is not None for a in (event.source, event.target))
    return located + (event.location is not None)
