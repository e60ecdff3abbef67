"""The learned decision where the patterns cannot tell: for every candidate of an article
(`candidates`), whether it is an event and of which PLOVER type (`model.EventModel`).

A candidate the patterns code keeps the patterns' event (type, mode, arguments) unless the
model finds it unlikely an event (a word in another sense: "beat Croatia 3-1", "offered
shoppers a discount"), or another type likelier by a wide margin (a noun pattern's event
is kept as it is: `model.EventModel.verdict`); a candidate no pattern codes becomes an
event where the model is confident, with its arguments found as the patterns find them
(`triggers.code_learned`). A nominal event that is the object of
another event ("condemned the attack", "held talks") is part of that event."""

from __future__ import annotations

from spacy.tokens import Span, Token

from crosswire.events.candidates import Candidate
from crosswire.events.content import Coded
from crosswire.events.context import Context
from crosswire.events.data import frames
from crosswire.events.features import candidate_features, hashed
from crosswire.events.harmed import harm_told_of
from crosswire.events.learned import retyped
from crosswire.events.model import event_model
from crosswire.events.triggers import code_learned
from crosswire.model import EventMention

# Links from a noun to the predicate whose object it is ("condemned [the attack]",
# "called for [an inquiry]")
OBJECT_LINKS = {"dobj", "obj", "pobj", "nsubjpass", "attr"}
NOUNS = {"NOUN", "PROPN"}


def decide(sentences: list[Span], found: list[list[Candidate]], context: Context) -> list[Coded]:
    """Each sentence's events by trigger token, after the model's verdict on its candidates
    (`found`, per sentence)."""
    flat = [c for candidates in found for c in candidates]
    if not flat:
        return [[] for _ in sentences]
    model = event_model()
    rows = iter(model.probabilities(hashed([candidate_features(c, context) for c in flat])))
    decided: list[Coded] = []
    for sentence, candidates in zip(sentences, found, strict=True):
        verdicts = [
            (c, model.verdict(next(rows), _type(c.proposed), c.token.pos_ in NOUNS))
            for c in candidates
        ]
        decided.append(_events(sentence, verdicts, context))
    return decided


def _type(event: EventMention | None) -> str | None:
    return event.type if event is not None else None


def _events(
    sentence: Span, verdicts: list[tuple[Candidate, str | None]], context: Context
) -> Coded:
    kept: Coded = []
    for candidate, verdict in verdicts:
        if verdict is None:
            continue
        if candidate.proposed is not None:
            kept.append((candidate.token, retyped(candidate.token, candidate.proposed, verdict)))
    taken = {token.i for token, _ in kept}
    types = {token.i: event.type for token, event in kept}
    for candidate, verdict in verdicts:
        if verdict is None or candidate.proposed is not None:
            continue
        if _object_of(candidate.token, taken) or candidate.token.i in context.vetoed:
            continue
        if _carries_event(candidate.token, taken) or _told_by_its_result(
            candidate.token, verdict, types
        ):
            continue
        harm = _harm_type(candidate.token, types)
        if said_as(candidate.token, verdict) or harm not in {None, verdict}:
            continue  # "Israeli strikes on Rafah killed 35" (an assault): no labour strike
        # "the explosion killed an officer", the killing coded: the noun adds an event only
        # with actors of its own ("the bombings at the embassies"), not by borrowing the
        # killed
        event = code_learned(candidate.token, verdict, sentence, context, harm != verdict)
        if event is not None:
            kept.append((candidate.token, event))
            taken.add(candidate.token.i)
    return sorted(kept, key=lambda pair: pair[0].i)


def _carries_event(token: Token, taken: set[int]) -> bool:
    """A support verb whose object is an event already coded ("the government has held
    such rallies"): the noun's event is the one, the verb adds no other (it was a
    detention). A verb no pattern codes whose infinitive or gerund is an event ("started
    firing at Kimani", "managed to escape"), with no object, only says when or how that
    event happened."""
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    objects = {"dobj", "obj", "dative"}
    if any(c.dep_ == "xcomp" and c.i in taken for c in token.children):
        # not one acting on someone to do it ("joined Canadian authorities to investigate")
        return not any(c.dep_ in objects for c in token.children)
    if token.lemma_.lower() not in frames().support_verbs:
        return False
    return any(c.dep_ in {"dobj", "obj"} and c.i in taken for c in token.children)


def _told_by_its_result(token: Token, verdict: str, types: dict[int, str]) -> bool:
    """A verb whose participle clause codes the same act already ("opened fire on Monday,
    killing a student"): the act is that event, not a second one."""
    return any(
        c.dep_ == "advcl" and c.tag_ == "VBG" and types.get(c.i) == verdict for c in token.children
    )


def said_as(token: Token, verdict: str) -> bool:
    """A verb of saying decided an event of a type no saying can be ("two rebel commanders
    told AFP": no attack, whatever the sentence around it tells; frames.yaml
    ``said_types``)."""
    return token.lemma_.lower() in frames().saying_verbs and verdict not in frames().said_types


def _harm_type(token: Token, types: dict[int, str]) -> str | None:
    """The type a noun's verb of harm is coded as, where the noun did or named that harm
    ("the explosion killed an officer", "Israeli strikes on Rafah killed 35 people"): the
    noun names the same act, in the sense the verb gives it."""
    harm = harm_told_of(token) if token.pos_ in NOUNS else None
    return types.get(harm.i) if harm is not None else None


def _object_of(token: Token, taken: set[int]) -> bool:
    """A noun that is the object of an event's trigger, directly or through its
    preposition ("called for an inquiry")."""
    if token.pos_ not in {"NOUN", "PROPN"} or token.dep_ not in OBJECT_LINKS:
        return False
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    return head.i in taken
