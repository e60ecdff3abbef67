"""The purpose of a visit: what the visitor came to do ("visited the church to apologize",
"flew to Kabul to meet the president") is done where the visit went. An act in a visit's
purpose clause that names no one it is done to is done to the one visited; one that names
its own ("to meet the president") keeps it."""

from __future__ import annotations

from spacy.tokens import Token

from crosswire.events.content import Coded
from crosswire.events.patterns import VISIT
from crosswire.model import EventMention

PURPOSE_LINKS = {"advcl", "xcomp"}  # "visited the church to apologize"


def visits_purposes(found: Coded) -> Coded:
    """The sentence's events, an untargeted act in a visit's purpose clause given the
    visit's host as its target."""
    by_token = {token.i: event for token, event in found}
    for token, event in found:
        visit = _visit_above(token, by_token)
        if visit is not None and event.target is None and _same_doer(visit, event):
            event.target = visit.target
    return found


def _visit_above(token: Token, by_token: dict[int, EventMention]) -> EventMention | None:
    """The visit whose purpose clause the token's infinitive is, where it has a host."""
    if token.dep_ not in PURPOSE_LINKS or token.tag_ != "VB":
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return None
    visit = by_token.get(token.head.i)
    if visit is None or visit.mode != VISIT or visit.target is None:
        return None
    return visit


def _same_doer(visit: EventMention, act: EventMention) -> bool:
    """The act is the visitor's own (its source is the visit's, or unnamed)."""
    return act.source is None or visit.source is None or act.source.key == visit.source.key
