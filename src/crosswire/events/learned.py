"""How an event the learned decision finds is coded: the pattern it is coded with where no
pattern of the files held (data/events/learned.yaml), and a proposed event given the type
the model decided."""

from __future__ import annotations

import dataclasses
from functools import cache

from spacy.tokens import Token

from crosswire.datafiles import Cameo, DataModel, load
from crosswire.events.data import TypeKey, frames
from crosswire.events.patterns import Pattern, noun_patterns, verb_lemma, verb_patterns
from crosswire.model import EventMention

# What a pattern may demand of a sentence; a learned event was decided without them. (A
# doer that must be a weapon, `by_means`, stays: it is the word's sense, "hit by a car" no
# attack whatever the model says.)
CONSTRAINTS = {
    "object": (),
    "object_types": (),
    "object_not": (),
    "particle": None,
    "transitive": False,
    "requires_target": False,
    "requires_phone": False,
    "requires_content": False,
    "requires_actor_pair": False,
}


class LearnedCoding(DataModel):
    cameo: dict[TypeKey, Cameo]
    noun_participant_preps: frozenset[str]
    noun_target_preps: frozenset[str]
    type_target_preps: dict[TypeKey, frozenset[str]]
    own_act_nouns: frozenset[str]
    two_sided_types: frozenset[TypeKey]


@cache
def learned_coding() -> LearnedCoding:
    return load("events/learned.yaml", LearnedCoding)


def learned_pattern(token: Token, event_type: str) -> Pattern:
    """The word's own pattern of that type without its constraints (its mode, code and
    prepositions), else a generic one for the type."""
    verb = token.pos_ in {"VERB", "AUX"}
    lemma = verb_lemma(token) if verb else token.lemma_.lower()
    patterns = (verb_patterns() if verb else noun_patterns()).get(lemma, ())
    # a phrase's or a complement's pattern ("take into custody", "set ablaze") tells nothing
    # of the word without it; of one that codes the word only with an object ("imposed a
    # curfew": a curfew), the mode is the object's, which the learned word lacks
    typed = [p for p in patterns if p.type == event_type and not (p.phrase or p.complement)]
    same = next((p for p in typed if not p.object), None)
    if same is not None:
        return same.model_copy(update=CONSTRAINTS)
    if typed:
        return typed[0].model_copy(update={**CONSTRAINTS, "mode": None})
    coding = learned_coding()
    own_preps = coding.type_target_preps.get(event_type, frozenset())
    if verb:
        return Pattern.model_validate(
            {
                "lemma": lemma,
                "type": event_type,
                "example": "",
                "cameo": coding.cameo[event_type],
                "target_preps": tuple(sorted(frames().verb_target_preps | own_preps)),
                "requires_actor_pair": event_type in coding.two_sided_types,
                "reciprocal": event_type in coding.two_sided_types,
            }
        )
    participant_preps = coding.noun_participant_preps
    if lemma in frames().possessor_undergoes:
        own_preps = frozenset()  # "his trial for rape": what it is for, not whom
    target_preps = coding.noun_target_preps | own_preps
    if lemma in coding.own_act_nouns:  # "the resignation of President Nixon": his own act
        participant_preps, target_preps = participant_preps | {"of"}, target_preps - {"of"}
    return Pattern.model_validate(
        {
            "lemma": lemma,
            "type": event_type,
            "example": "",
            "cameo": coding.cameo[event_type],
            "participant_preps": tuple(sorted(participant_preps)),
            "target_preps": tuple(sorted(target_preps)),
        }
    )


def retyped(token: Token, event: EventMention, event_type: str) -> EventMention:
    """The proposed event with the decided type: unchanged where the types agree, else with
    the mode and code of the word's pattern of that type (`learned_pattern`)."""
    if event.type == event_type:
        return event
    pattern = learned_pattern(token, event_type)
    return dataclasses.replace(event, type=event_type, mode=pattern.mode, cameo=pattern.cameo)
