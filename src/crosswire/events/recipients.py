"""Recipients a preposition names, by event type ("pleaded with the administration",
"protested against the government", "screaming at the police"), and the destinations of a
movement of a person ("taken to the county jail"), which are never the target
(data/events/recipients.yaml)."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from crosswire.actors.keys import fold
from crosswire.datafiles import DataModel, load
from crosswire.events.context import Context
from crosswire.events.data import frames
from crosswire.events.owners import recipient_actors
from crosswire.events.participants import actors_of, agent_kind, named_place
from crosswire.events.patterns import verb_lemma
from crosswire.events.syntax import SUBJECTS, direct_object, passive_subject, prepositional_objects
from crosswire.model import ActorRef, PloverType

Words = frozenset[str]
CASE_DEPTH = 2  # cases inside cases: "an inquiry into an allegation against the mayor"
CONVEYED_DEPTH = 2  # "requested [$50 million] in [funding] from Congress"


class Recipients(DataModel):
    by_type: dict[PloverType, Words]
    movements: Words
    conveying_verbs: Words
    destination_preps: Words
    exchanges: Words
    conveyed_types: frozenset[PloverType]
    cases: Words
    case_preps: Words
    abroad_sectors: frozenset[str]
    spoken: frozenset[str]
    refusals: frozenset[PloverType]
    forum_sectors: frozenset[str]


@cache
def recipients() -> Recipients:
    return load("events/recipients.yaml", Recipients)


def prepositional_recipients(trigger: Token, event_type: str, context: Context) -> list[ActorRef]:
    """The actors named by the objects of the trigger's prepositions that mark the
    recipient of an event of `event_type`, else by those the parse hung on what is asked
    or given (`conveyed`); a place or a thing is none ("protested at the embassy",
    "protested against the tuition increase")."""
    preps = recipients().by_type.get(event_type, frozenset())  # type: ignore[call-overload]
    for head in [trigger, *_conveyed(trigger, event_type, context)]:
        found = [
            a
            for g in prepositional_objects(head, preps)
            if not named_place(g, context)
            for a in recipient_actors(g, context)
            if not _forum(a, g)
        ]
        if found:
            return found
    return []


def _forum(actor: ActorRef, noun: Token) -> bool:
    """A court a case is brought to or at ("filed a case at the International Court of
    Justice"), not the one it is against."""
    return actor.sector in recipients().forum_sectors and noun.head.lower_ != "against"


def _conveyed(trigger: Token, event_type: str, context: Context) -> list[Token]:
    """What a verb of a type that conveys something asks, gives, offers or fires, where it
    names no actor: its object, those joined to it ("drones and missiles") and the nouns
    of their phrases ("$50 million in funding")."""
    if event_type not in recipients().conveyed_types or trigger.pos_ not in {"VERB", "AUX"}:
        return []
    obj = direct_object(trigger)
    objects = [obj, *obj.conjuncts] if obj is not None else []
    return [noun for o in objects for noun in _phrase_chain(o, context)]


def _phrase_chain(noun: Token | None, context: Context) -> list[Token]:
    """A noun naming no actor and the nouns of its first phrase, down to `CONVEYED_DEPTH`
    ("$50 million" and the "funding" it is "in")."""
    found: list[Token] = []
    for _ in range(CONVEYED_DEPTH):
        if noun is None or actors_of(noun, context):
            break
        found.append(noun)
        inner = [g for p in noun.children if p.dep_ == "prep" for g in p.children]
        noun = next((g for g in inner if g.dep_ == "pobj"), None)
    return found


def refused(trigger: Token, event_type: str, context: Context) -> list[ActorRef]:
    """Whom a refusal answers: the actors the subject of the clause it is coordinated with
    by "but" names ("police tried to stop him, but he would not pull over": police)."""
    if event_type not in recipients().refusals or trigger.dep_ != "conj":
        return []
    head = trigger.head
    if not any(c.dep_ == "cc" and c.lower_ == "but" for c in head.children):
        return []
    return [a for s in head.children if s.dep_ in SUBJECTS for a in actors_of(s, context)]


def moves_a_person(trigger: Token, context: Context) -> bool:
    """Whether `trigger` takes a person somewhere ("was taken to the county jail", "took him
    to a hospital in San Diego"): that is done to the person, never to the country or the
    place of the destination ("flew troops to Syria" moves no person)."""
    if trigger.pos_ not in {"VERB", "AUX"} or verb_lemma(trigger) not in recipients().movements:
        return False
    moved = direct_object(trigger) or passive_subject(trigger)
    led = any(
        c.dep_ == "prep" and c.lower_ in recipients().destination_preps for c in trigger.children
    )
    return led and moved is not None and _person(moved, context)


def accused(noun: Token, context: Context, depth: int = 0) -> list[ActorRef]:
    """Whom a case `noun` names is against: an investigation, a charge, a sentence ("dropped
    the charges against him", "reopened its investigation into the minister", "an inquiry
    into an allegation made against the mayor"): the actors its `case_preps` name, or those
    of a case noun inside them or of a participle on it. Nothing for other nouns."""
    if fold(noun.lemma_) not in recipients().cases or depth > CASE_DEPTH:
        return []
    heads = [noun, *(c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN")]
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in recipients().case_preps:
                continue
            for g in (g for g in prep.children if g.dep_ == "pobj"):
                found = actors_of(g, context) or accused(g, context, depth + 1)
                if found:
                    return found
    return []


def is_case(noun: Token | None) -> bool:
    return noun is not None and fold(noun.lemma_) in recipients().cases


def mutual(trigger: Token) -> bool:
    """Whether `trigger` is an act its subjects do to each other: a verb of exchange ("traded
    threats", "exchanged fire") or one whose object says so ("accused each other", "fought
    with one another", "attacked each other's policies")."""
    if trigger.pos_ in {"VERB", "AUX"} and verb_lemma(trigger) in recipients().exchanges:
        return True
    objects = [c for c in trigger.children if c.dep_ in {"dobj", "obj", "dative"}]
    objects += [g for c in trigger.children if c.dep_ == "prep" for g in c.children]
    # "attacked each other's policies": the owner of what is acted on
    objects += [m for o in objects for m in o.children if m.dep_ in {"poss", "amod"}]
    return any(_each_other(o) for o in objects)


def _each_other(token: Token) -> bool:
    """ "each other", "one another" (the parse hangs "each", "one" on the noun or before it)."""
    if token.lower_ not in {"other", "another"}:
        return False
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is not None and before.lower_ in {"each", "one"}


def _person(token: Token, context: Context) -> bool:
    """A personal pronoun, a named person or an unnamed one ("him", "Jackson", "the
    suspect"); not a body of people ("troops", "police")."""
    if token.pos_ == "PRON":
        return token.lower_ in frames().person_pronouns
    return any(
        a.key.startswith("person:") or (a.key.startswith("agent:") and agent_kind(a.key))
        for a in actors_of(token, context)
    )
