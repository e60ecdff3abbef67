"""Verbs whose subject undergoes the event rather than doing it ("X faces charges", "the
plan drew criticism"): the subject is the target, and the doer is unstated or named in a
"from" phrase (data/events/undergoers.yaml)."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from crosswire.datafiles import DataModel, load
from crosswire.events.context import Context
from crosswire.events.data import TypeKey
from crosswire.events.participants import actors_under
from crosswire.events.syntax import direct_object
from crosswire.model import ActorRef


class Undergoers(DataModel):
    verbs: dict[str, frozenset[TypeKey]]
    doer_preps: frozenset[str]


@cache
def undergoers() -> Undergoers:
    return load("events/undergoers.yaml", Undergoers)


def undergoes(verb: Token, event_type: str) -> bool:
    """Whether the subject of `verb` undergoes an event of `event_type` at it."""
    return event_type in undergoers().verbs.get(verb.lemma_.lower(), frozenset())


def undergone_from(verb: Token, context: Context) -> list[ActorRef]:
    """The doers a "from" or "by" phrase on the verb or its object names ("drew criticism
    from rights groups")."""
    obj = direct_object(verb)
    heads = [verb] + ([obj] if obj is not None else [])
    return [
        actor
        for head in heads
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in undergoers().doer_preps
        for actor in actors_under(prep, context)
    ]
