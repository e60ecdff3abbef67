"""Recipients a preposition names, by event type ("pleaded with the administration",
"protested against the government", "screaming at the police"), and the destinations of a
movement of a person ("taken to the county jail"), which are never the target
(data/events/recipients.yaml)."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from crosswire.datafiles import DataModel, load
from crosswire.events.context import Context
from crosswire.events.data import frames
from crosswire.events.participants import actors_of, agent_kind
from crosswire.events.patterns import verb_lemma
from crosswire.events.syntax import direct_object, passive_subject
from crosswire.model import ActorRef, PloverType

Words = frozenset[str]


class Recipients(DataModel):
    by_type: dict[PloverType, Words]
    movements: Words
    destination_preps: Words


@cache
def recipients() -> Recipients:
    return load("events/recipients.yaml", Recipients)


def prepositional_recipients(trigger: Token, event_type: str, context: Context) -> list[ActorRef]:
    """The actors named by the objects of the trigger's prepositions that mark the
    recipient of an event of `event_type`; a place or a thing is none ("protested at the
    embassy", "protested against the tuition increase")."""
    preps = recipients().by_type.get(event_type, frozenset())  # type: ignore[call-overload]
    return [
        a
        for prep in trigger.children
        if prep.dep_ == "prep" and prep.lower_ in preps
        for g in prep.children
        if g.dep_ == "pobj" and not _place(g, context)
        for a in actors_of(g, context)
    ]


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


def _place(token: Token, context: Context) -> bool:
    """A named place that is not a state ("the San Diego County Jail", not "China")."""
    mention = context.mention_at(token)
    return mention is not None and mention.type == "PLACE"


def _person(token: Token, context: Context) -> bool:
    """A personal pronoun, a named person or an unnamed one ("him", "Jackson", "the
    suspect"); not a body of people ("troops", "police")."""
    if token.pos_ == "PRON":
        return token.lower_ in frames().person_pronouns
    return any(
        a.key.startswith("person:") or (a.key.startswith("agent:") and agent_kind(a.key))
        for a in actors_of(token, context)
    )
