"""The French coder's knowledge, typed: its triggers (data/events/fr/triggers.yaml), its
actor names (actors.yaml) and the words it reads modality, negation and dates by
(grammar.yaml). Each field is explained where the data file sets it."""

from __future__ import annotations

from functools import cache

from pydantic import model_validator

from crosswire.actors.keys import fold
from crosswire.datafiles import Cameo, Code, DataModel, Sector, load
from crosswire.events.data import TypeKey

ActorType = str  # a mention type (PERSON, COUNTRY, ORG, GROUP, PLACE) or AGENT (unnamed)
ACTOR_TYPES = frozenset({"PERSON", "COUNTRY", "ORG", "GROUP", "PLACE", "AGENT"})


class Trigger(DataModel):
    """One French predicate and the event it codes."""

    lemma: str
    type: TypeKey
    mode: str | None = None
    cameo: Cameo
    reflexive: bool = False
    object: frozenset[str] | None = None
    object_types: frozenset[str] | None = None
    complement: frozenset[str] | None = None
    target_preps: frozenset[str] = frozenset()
    target_object: bool = True
    requires_target: bool = False
    content_preps: frozenset[str] = frozenset()
    reciprocal: bool = False
    host: bool = False
    example: str

    @model_validator(mode="after")
    def _known_types(self) -> Trigger:
        unknown = (self.object_types or frozenset()) - ACTOR_TYPES
        if unknown:
            raise ValueError(f"object_types: unknown {sorted(unknown)}")
        return self


class NounTrigger(DataModel):
    """A French event noun, coded where its sentence has no verb (a headline)."""

    lemma: str
    type: TypeKey
    mode: str | None = None
    cameo: Cameo
    source_preps: frozenset[str] = frozenset()
    target_preps: frozenset[str] = frozenset()
    reciprocal: bool = False
    example: str


class TriggerFile(DataModel):
    triggers: tuple[Trigger, ...]
    nouns: tuple[NounTrigger, ...] = ()


class Country(DataModel):
    names: tuple[str, ...]
    adjectives: tuple[str, ...] = ()


class ActorNames(DataModel):
    countries: dict[Code, Country]
    capitals: dict[str, Code]
    agents: dict[str, Sector]
    keyed_by_noun: frozenset[Sector]
    quantities: frozenset[str]

    @model_validator(mode="after")
    def _folded(self) -> ActorNames:
        """Names are matched folded: a name written otherwise could never match."""
        written = [n for c in self.countries.values() for n in (*c.names, *c.adjectives)]
        written += [*self.capitals, *self.agents]
        unfolded = [n for n in written if fold(n) != n]
        if unfolded:
            raise ValueError(f"names must be written folded: {unfolded}")
        return self


class Recode(DataModel):
    """What a planned event of a type is coded as."""

    type: TypeKey
    cameo: Cameo


class Grammar(DataModel):
    negation: frozenset[str]
    reported: frozenset[str]
    attribution_preps: frozenset[str]
    reporting_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    hypothetical_verbs: frozenset[str]
    planned_verbs: frozenset[str]
    conditions: frozenset[str]
    future_recode: dict[TypeKey, Recode]
    weekdays: tuple[str, str, str, str, str, str, str]
    months: tuple[str, str, str, str, str, str, str, str, str, str, str, str]
    relative_days: dict[str, int]
    auxiliaries: frozenset[str]
    participles: dict[str, str]


@cache
def triggers() -> TriggerFile:
    return load("events/fr/triggers.yaml", TriggerFile)


@cache
def by_lemma() -> dict[str, tuple[Trigger, ...]]:
    """The triggers of each lemma, in the file's order (the first that fits wins)."""
    found: dict[str, list[Trigger]] = {}
    for trigger in triggers().triggers:
        found.setdefault(trigger.lemma, []).append(trigger)
    return {lemma: tuple(entries) for lemma, entries in found.items()}


@cache
def nouns() -> dict[str, NounTrigger]:
    """The event nouns by lemma."""
    return {noun.lemma: noun for noun in triggers().nouns}


@cache
def actor_names() -> ActorNames:
    return load("events/fr/actors.yaml", ActorNames)


@cache
def country_words() -> dict[str, Code]:
    """Every folded French country name and adjective -> its code."""
    table: dict[str, Code] = {}
    for code, country in actor_names().countries.items():
        for word in (*country.names, *country.adjectives):
            table[word] = code
    return table


@cache
def grammar() -> Grammar:
    return load("events/fr/grammar.yaml", Grammar)
