"""Whether an event happened: negation, modality ("will meet", "planned to meet", "refused
to meet") and stated intent, which PLOVER codes by what is promised or threatened."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from crosswire.events.codes import EventCode
from crosswire.events.data import Recode, modality
from crosswire.model import Modality


@dataclass
class _Reading:
    """The cues read so far around one trigger."""

    negated: bool
    status: Modality = "asserted"
    intent: bool = False  # the subject's own commitment ("will meet", "is ready to send")
    conditional: bool = False


def modality_of(trigger: Token) -> tuple[bool, Modality, bool]:
    """(negated, modality, intent): intent is True when the cue is the subject's own
    commitment ("will meet", "is ready to send"), not a condition or someone's plan."""
    reading = _Reading(negated=_negated(trigger))
    for child in trigger.children:
        _read_cue(child, reading)
    governor = modal_governor(trigger)
    if governor is not None:
        _read_governor(governor, reading)
    if reading.status == "denied":
        reading.negated = True
    return reading.negated, reading.status, reading.intent and not reading.conditional


def _negated(trigger: Token) -> bool:
    negations = modality().negations
    return any(
        c.dep_ == "neg" or (c.lower_ in negations and c.dep_ in {"neg", "advmod", "det"})
        for c in trigger.children
    )


def _read_cue(child: Token, reading: _Reading) -> None:
    """An auxiliary ("will"), an adjective on an event noun ("planned") or a conditional
    ("if") on the trigger."""
    cues = modality()
    if child.dep_ in {"aux", "auxpass"} and child.lower_ in cues.auxiliaries:
        reading.status = cues.auxiliaries[child.lower_]
        reading.intent = child.lower_ in cues.intent_auxiliaries
    if child.dep_ == "amod" and child.lower_ in cues.noun_modifiers:
        reading.status = cues.noun_modifiers[child.lower_]
    if child.dep_ == "mark" and child.lower_ in cues.conditional_marks:
        reading.status, reading.conditional = "hypothetical", True


def _read_governor(governor: Token, reading: _Reading) -> None:
    """The word whose complement the trigger is ("refused [to meet]", "plans [to meet]"),
    with its own negation and auxiliary ("did not refuse", "will try")."""
    cues = modality()
    lemma = governor.lemma_.lower()
    table = cues.governors if lemma in cues.governors else cues.governing_nouns
    if lemma in table:
        reading.status = table[lemma]
        reading.intent = lemma in cues.intent_governors  # "his intention to lift sanctions"
    if any(c.dep_ == "neg" for c in governor.children):
        reading.negated = True
    aux = next(
        (c.lower_ for c in governor.children if c.dep_ == "aux" and c.lower_ in cues.auxiliaries),
        None,
    )
    if aux is not None and reading.status == "asserted":
        reading.status = cues.auxiliaries[aux]
        reading.intent = aux in cues.intent_auxiliaries


def modal_governor(trigger: Token) -> Token | None:
    """The word whose complement the trigger is: "planned [to meet]", "efforts [to salvage]"."""
    if trigger.dep_ not in {"xcomp", "dobj", "obj", "pobj", "acl", "ccomp"}:
        return None
    governor = trigger.head
    if governor.dep_ == "prep":
        governor = governor.head
    return governor if governor.i != trigger.i else None


def stance(
    trigger: Token, code: EventCode, negated: bool, status: Modality, intent: bool
) -> tuple[EventCode, bool, Modality]:
    """PLOVER codes what an actor states it will do by its content: a stated future
    CONSULT/AID/RETREAT is an AGREE, a stated future SANCTION/COERCE/ASSAULT (or one the
    actor plans or prepares) a THREATEN, and "will not accept/allow/meet" a REJECT. The
    statement is the event; what it promises or refuses stays planned."""
    cues = modality()
    refusals = cues.content_codes["REJECT"]
    if intent and negated and code.type in refusals:
        refused = refusals[code.type]
        return EventCode("REJECT", refused.mode, refused.cameo), False, "asserted"
    by_code = cues.intent_cameo_codes.get((code.cameo or "")[:3])
    recode = by_code if by_code is not None else cues.intent_codes.get(code.type)
    if recode is None or negated:
        return code, negated, status
    if intent or _planned_threat(trigger, code, status, recode):
        return EventCode(recode.type, recode.mode, recode.cameo), negated, status
    return code, negated, status


def _planned_threat(trigger: Token, code: EventCode, status: Modality, recode: Recode) -> bool:
    """Coercion the actor plans or prepares ("plans to impose restrictions") is a threat."""
    governor = modal_governor(trigger)
    return (
        status == "planned"
        and code.type in modality().planned_threats
        and governor is not None
        and governor.lemma_.lower() in modality().governors
        and recode.type == "THREATEN"
    )
