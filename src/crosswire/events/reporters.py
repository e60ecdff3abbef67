"""The doer of a passive event that its reporter's office does ("X was charged, the
district attorney said": the district attorney charged X), per data/events/reporters.yaml."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from crosswire.actors.lexicon import reporting_verbs
from crosswire.datafiles import DataModel, Sector, load
from crosswire.events.context import Context
from crosswire.events.data import TypeKey
from crosswire.events.participants import actors_of
from crosswire.events.syntax import SUBJECTS
from crosswire.model import ActorRef

MAX_CONJUNCTS = 3  # "was arrested, charged and held, the DA said"


class Reporters(DataModel):
    sectors: dict[Sector, frozenset[TypeKey]]


@cache
def reporters() -> Reporters:
    return load("events/reporters.yaml", Reporters)


def reporting_doers(verb: Token, event_type: str, context: Context) -> list[ActorRef]:
    """The actors that report the clause of `verb` (the subject of the verb of saying it
    is the complement of) whose sector does events of `event_type`."""
    clause = verb
    for _ in range(MAX_CONJUNCTS):
        if clause.dep_ != "conj":
            break
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in reporting_verbs():
        return []
    speakers = [c for c in clause.head.children if c.dep_ in SUBJECTS]
    return [
        actor
        for speaker in speakers
        for actor in actors_of(speaker, context)
        if event_type in reporters().sectors.get(actor.sector or "", frozenset())
    ]
