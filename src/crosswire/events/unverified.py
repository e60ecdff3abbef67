"""What the text marks unverified, which makes an event `reported`: "according to
(unconfirmed) reports", "is said to have fired", "reports say that ...", and what a word of
allegation alleges ("accused of shooting", "police allege he opened fire", "allegations he
had destroyed documents"). An attributed statement ("police said ...") stays asserted."""

from __future__ import annotations

from spacy.tokens import Token

from crosswire.events.clause_links import NOUN_SUBJECTS, reported_content
from crosswire.events.data import modality


def cites_reports(according: Token) -> bool:
    """'according to (unconfirmed) reports', not 'according to credible reports'."""
    return any(
        g.dep_ == "pobj" and unverified_source(g)
        for c in according.children
        if c.dep_ == "prep"
        for g in c.children
    )


def unverified_source(noun: Token) -> bool:
    cues = modality()
    vouched = any(c.lower_ in cues.vouching_modifiers for c in noun.children)
    return noun.lemma_.lower() in cues.report_nouns and not vouched


def alleged_by(governor: Token, trigger: Token) -> bool:
    """The trigger is what a word of allegation alleges: its clause ("police allege he
    opened fire") or the object of its preposition ("accused of shooting", "charged with
    murder", "allegations of torture"), not a phrase about where or when ("the allegation
    in this impeachment")."""
    if governor.lemma_.lower() not in modality().allegations or _in_charge(governor):
        return False
    if trigger.dep_ in {"ccomp", "xcomp"}:
        return True
    preposition = trigger.head if trigger.head.dep_ == "prep" else None
    return preposition is not None and preposition.lower_ in modality().allegation_preps


def reported_content_of(trigger: Token) -> bool:
    """'allegations (that) he had destroyed documents', 'reports that troops fired'."""
    noun = reported_content(trigger)
    return noun is not None and (
        unverified_source(noun) or noun.lemma_.lower() in modality().allegations
    )


def unverified_by(governor: Token, trigger: Token) -> bool:
    """'is said to have fired' (a passive verb of saying), 'reports say that ...'."""
    cues = modality()
    lemma = governor.lemma_.lower()
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in governor.children)
    if trigger.dep_ == "xcomp" and passive and lemma in cues.reported_passives:
        return True
    return trigger.dep_ == "ccomp" and any(
        c.dep_ in NOUN_SUBJECTS and unverified_source(c) for c in governor.children
    )


def _in_charge(noun: Token) -> bool:
    """'the detective in charge of the investigation' names who leads it: a bare word of
    allegation after these prepositions is no allegation ("under suspicion of killing"
    still is one)."""
    bare = not any(c.dep_ in {"det", "poss", "amod"} for c in noun.children)
    return noun.dep_ == "pobj" and noun.head.lower_ in modality().not_alleging_preps and bare
