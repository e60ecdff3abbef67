"""An event's type, mode and CAMEO code from its pattern, refined by its words: what a
request asks for, an attack in words or by bomb, an appeal rather than a demand."""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Token

from crosswire.events.data import Bombing, frames, modality
from crosswire.events.patterns import Pattern, verb_lemma
from crosswire.events.syntax import PASSIVE_SUBJECTS, object_matches
from crosswire.model import EventMention, PloverType


class EventCode(NamedTuple):
    type: PloverType
    mode: str | None
    cameo: str | None


def pattern_code(trigger: Token, pattern: Pattern) -> EventCode:
    """The pattern's code, with a request's content and an attack's means."""
    mode, cameo = pattern.mode, pattern.cameo
    if pattern.type == "REQUEST":
        mode, cameo = request_content(trigger, mode, cameo)
    if pattern.type == "ASSAULT" and criticism(trigger):
        # "attacked the agreement", "attacks on the plan": criticism, not violence
        return EventCode("ACCUSE", "disapprove", "111")
    if pattern.type == "ASSAULT" and (means := bombing(trigger)) is not None:
        return EventCode(pattern.type, means.mode, means.cameo)
    return EventCode(pattern.type, mode, cameo)


def request_content(
    trigger: Token, mode: str | None, cameo: str | None
) -> tuple[str | None, str | None]:
    lemmas = {t.lemma_.lower() for t in trigger.subtree} | {t.lower_ for t in trigger.subtree}
    for rule in modality().request_content:
        if lemmas & rule.nouns and (lemmas & rule.verbs or trigger.lemma_.lower() in {"invite"}):
            return rule.mode, rule.cameo
    for rule in modality().request_content:
        if lemmas & rule.nouns:
            return rule.mode, rule.cameo
    return mode, cameo


def bombing(trigger: Token) -> Bombing | None:
    """'killed in a car bomb explosion', 'suicide bombers killed': a killing or wounding done
    with a bomb is CAMEO 183 (non-military bombing), by its kind where the text says it."""
    words: set[str] = set()
    for token in trigger.subtree:
        if token.i == trigger.i:
            continue
        lemma = token.lemma_.lower()
        words.add(lemma)
        words.update(f"{c.lemma_.lower()} {lemma}" for c in token.children if c.dep_ == "compound")
    return next((m for m in frames().bombings if words & m.words), None)


def criticism(trigger: Token) -> bool:
    """A verb or noun of attack on a text, plan or stance ("attacked the agreement")."""
    lemma = trigger.lemma_.lower() if trigger.pos_ in {"NOUN", "PROPN"} else verb_lemma(trigger)
    return lemma in frames().criticism_verbs and verbal_attack(trigger)


def verbal_attack(trigger: Token) -> bool:
    """The thing attacked, or what it is attacked over, is a text, plan or stance
    (frames.yaml verbal_objects): "attacked the agreement", "attacked Biden over his
    handling of the border", "came under attack over the budget"; or the attack is made
    in a setting of words with no weapon (``verbal_settings``: "during the debate")."""
    words = frames().verbal_objects
    attacked = [c for c in trigger.children if c.dep_ in {"dobj", "obj"} | PASSIVE_SUBJECTS]
    attacked += _prep_objects(trigger, {"on", "against"})
    # the reason, on the attack or on the verb whose object it is ("came under attack")
    holders = [trigger, trigger.head.head] if trigger.head.dep_ == "prep" else [trigger]
    reasons = [g for h in holders for g in _prep_objects(h, {"over", "for"})]
    if any(object_matches(token, words) for token in attacked + reasons):
        return True
    settings = [g for h in holders for g in _prep_objects(h, {"during", "in"})]
    armed = any(c.dep_ == "prep" and c.lower_ == "with" for c in trigger.children)
    return not armed and any(object_matches(t, frames().verbal_settings) for t in settings)


def _prep_objects(head: Token, preps: set[str]) -> list[Token]:
    return [
        g
        for c in head.children
        if c.dep_ == "prep" and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]


def appeal_code(token: Token, event: EventMention) -> EventMention:
    """CAMEO tells an appeal ("urged", "called for", "asked": 02x) from a demand
    ("demanded", "must": 10x) with the same content digits; PLOVER's REQUEST is both."""
    lemma = token.lemma_.lower() if token.pos_ in {"NOUN", "PROPN"} else verb_lemma(token)
    appeal = lemma in modality().appeal_verbs
    if event.type == "REQUEST" and appeal and event.cameo and event.cameo.startswith("10"):
        event.cameo = "02" + event.cameo[2:]
    return event
