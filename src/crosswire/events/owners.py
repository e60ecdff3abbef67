"""Whose an act or a thing is: the actor its possessor or a modifier names ("Russia's
attack", "Israeli strikes", "the EU decision"), or an act's "by" phrase ("the arrest by
police"). Arguments read an act's doers here when the act is a verb's subject, targets when
a judgement or a request is about it."""

from __future__ import annotations

from spacy.tokens import Token

from crosswire.events.context import Context
from crosswire.events.participants import (
    actors_of,
    actors_under_prep,
    generic_actor,
    modifier_actor,
    owned_thing,
    possessor_actors,
)
from crosswire.events.patterns import told_act
from crosswire.model import ActorRef

OWNING_TYPES = {"ORG", "GROUP"}  # a name written before a thing that says whose it is


def named_owner(child: Token, context: Context) -> list[ActorRef]:
    """The actor a noun's possessor or modifier names ("Russia's", "Israeli", "the EU
    decision", "a Hamas attack"; not a person or a place written before it: "the Trump
    era", "the Gaza hospital")."""
    if child.dep_ == "poss":
        return actors_of(child, context)
    mention = context.mention_at(child) if child.dep_ == "compound" else None
    if mention is not None and mention.type in OWNING_TYPES and mention.end <= child.head.idx:
        # of a thing only: "People's Liberation Army forces" are that army, owned by no one
        return [] if generic_actor(child.head, context) else actors_of(child, context)
    if child.dep_ in {"amod", "compound", "nmod"}:
        actor = modifier_actor(child, context)
        return [actor] if actor is not None else []
    return []


def act_doers(noun: Token, context: Context) -> list[ActorRef]:
    """The doers an act's noun names: its possessor or an actor modifier ("Russia's attack",
    "Israeli strikes"), or its "by" phrase ("the arrest by police")."""
    found = [a for child in noun.children for a in named_owner(child, context)]
    return found or actors_under_prep(noun, "by", context)


def recipient_actors(noun: Token, context: Context) -> list[ActorRef]:
    """The actors a recipient phrase's noun names: for a harmful act's noun, its doers
    ("protested against the arrest of Navalny" is aimed at whoever arrested him, not at
    him; "against the killing of Floyd by police": the police), else the actors the noun
    names, else the owner of the thing it names ("an attack on Ukraine's energy
    infrastructure": Ukraine's)."""
    if told_act(noun):
        return act_doers(noun, context)
    return actors_of(noun, context) or _thing_owners(noun, context)


def _thing_owners(noun: Token, context: Context) -> list[ActorRef]:
    """The actors a common noun's possessor names ("Ukraine's power grid")."""
    owned = noun.pos_ == "NOUN" and owned_thing(noun, context)
    return possessor_actors(noun, context) if owned else []
