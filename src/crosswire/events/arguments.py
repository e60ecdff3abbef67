"""Who does what to whom: a predicate's subjects and objects as actors, with passives
turned round, datelines skipped and subjects inherited from the clause above."""

from __future__ import annotations

from spacy.tokens import Token

from crosswire.events.context import Context
from crosswire.events.participants import actors_of, dateline, unique
from crosswire.events.syntax import PASSIVE_SUBJECTS, SUBJECTS, direct_object
from crosswire.model import ActorRef


def arguments(verb: Token, context: Context) -> tuple[list[ActorRef], list[ActorRef]]:
    """(subjects, objects) as actors, passives turned round: 'X was met by Y' -> ([Y], [X])."""
    subject_tokens = [t for c in verb.children if c.dep_ in SUBJECTS for t in _undated_subject(c)]
    passive = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECTS]
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not passive:
        passive = [verb.head]  # "citizens abducted by North Korea": the noun is the patient
    if not subject_tokens and not passive:
        subject_tokens = _inherited_subject(verb)
    obj = direct_object(verb)
    subjects = [a for t in subject_tokens + agents for a in actors_of(t, context)]
    objects = [a for t in passive for a in actors_of(t, context)]
    if obj is not None:
        objects += actors_of(obj, context)
    return unique(subjects), unique(objects)


def _undated_subject(subject: Token) -> list[Token]:
    """A dateline parsed as the subject hands over to the names set beside it."""
    if not dateline(subject):
        return [subject]
    return [
        a
        for a in subject.children
        if a.dep_ in {"appos", "conj"} and a.i > 0 and a.nbor(-1).text != "(" and not dateline(a)
    ]


def _inherited_subject(verb: Token, depth: int = 0) -> list[Token]:
    """The subject of 'urged X to lift' (X), of 'planned to meet', of 'met and talked', of
    'opened fire, killing one and arresting 12' and of 'a declaration demanding ...'."""
    head = verb.head
    if depth > 3 or head.i == verb.i:
        return []
    found: list[Token] = []
    if verb.dep_ == "xcomp":
        objects = [c for c in head.children if c.dep_ in {"dobj", "obj"}]
        if objects:
            return objects
        found = [c for c in head.children if c.dep_ in SUBJECTS]
        if not found and head.dep_ in {"acomp", "xcomp"} and head.head.i != head.i:
            # "Israel is prepared [to impose]": the adjective's clause holds the subject
            return [c for c in head.head.children if c.dep_ in SUBJECTS]
    elif verb.dep_ == "advcl" and verb.tag_ == "VBN":
        return []  # "Asked whether ..., Biden said": the main subject was asked, not asking
    elif verb.dep_ in {"conj", "advcl"}:
        found = [c for c in head.children if c.dep_ in SUBJECTS]
    elif verb.dep_ == "acl" and head.dep_ in {"dobj", "obj"}:
        # "issued a declaration demanding ...": the issuer demands
        return [c for c in head.head.children if c.dep_ in SUBJECTS]
    else:
        return []
    if not found and head.pos_ in {"VERB", "AUX"}:
        return _inherited_subject(head, depth + 1)
    return found
