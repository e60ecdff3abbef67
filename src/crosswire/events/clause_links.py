"""Which clause a trigger's clause takes its modality from, by English grammar: a conjoined
predicate shares the auxiliaries and adverbs of the first ("allegedly stormed the town and
fired on protesters"); a present-tense temporal clause takes the time of its main clause
("will reopen the border after the troops withdraw"); a non-finite complement whose
governor states nothing takes the mood of the governor above ("tried to get him to agree").
`crosswire.events.modality` reads the cues; this module only finds the clauses."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from crosswire.events.data import modality
from crosswire.events.syntax import infinitive_marker

NOUN_SUBJECTS = {"nsubj", "nsubjpass"}
SUBJECTS = NOUN_SUBJECTS | {"csubj", "csubjpass", "expl"}
AUXILIARIES = {"aux", "auxpass"}
NOUNS = {"NOUN", "PROPN"}
PRESENT_TAGS = {"VBZ", "VBP", "VB"}
COMPLEMENTS = {"xcomp", "dobj", "obj", "pobj", "pcomp", "acl", "ccomp"}
HIGHEST = 3  # governors climbed above the first: "tried to get him to persuade them to meet"


def modal_governor(trigger: Token) -> Token | None:
    """The word whose complement the trigger is: "planned [to meet]", "efforts [to
    salvage]", "accused of [shooting]", "the intention of [attacking]". A clause with a
    subject of its own hanging on a noun is no complement of it (a headline's "attempt
    foiled, 26 pirates arrested"), unless it is what a report or an allegation says."""
    noun = governing_object(trigger)
    if noun is not None:
        return noun
    if trigger.dep_ not in COMPLEMENTS and not _infinitive_on_noun(trigger):
        return None
    governor = trigger.head
    if governor.dep_ == "prep":
        governor = governor.head
    if governor.i == trigger.i:
        return None
    if governor.pos_ in NOUNS and trigger.dep_ == "acl" and _own_subject(trigger):
        return None
    return governor


def reported_content(trigger: Token) -> Token | None:
    """The report or allegation noun whose content the trigger's clause is: "allegations
    (that) he had destroyed documents", which the parser may attach as a relative clause;
    a true relative clause ("the report which accused ...") has a relative pronoun."""
    if trigger.dep_ not in {"relcl", "acl", "ccomp"} or trigger.head.pos_ not in NOUNS:
        return None
    if any(c.tag_ in {"WDT", "WP", "WP$"} for c in trigger.children):
        return None
    return trigger.head if _own_subject(trigger) else None  # "reports urging ...": the
    # reports' own act


def first_conjunct(trigger: Token) -> Token | None:
    """The first of the conjoined predicates the trigger shares its subject and
    auxiliaries with ("stormed the town and fired", "will impose sanctions and expel the
    envoys"); None when the trigger has a subject or an auxiliary of its own ("Police
    arrested ten and will charge them")."""
    if trigger.dep_ != "conj" or any(c.dep_ in SUBJECTS | AUXILIARIES for c in trigger.children):
        return None
    head = trigger.head
    if head.pos_ in NOUNS and trigger.pos_ not in NOUNS:
        return None  # a verb conjoined to a noun: a parse across clauses
    while head.dep_ == "conj":
        head = head.head
    return head


def temporal_host(trigger: Token) -> Token | None:
    """The main clause of a temporal clause in the present tense ("after the troops
    withdraw", "once he is charged"): English puts the future in such clauses in the
    present, so the clause is as planned or as hypothetical as its main clause."""
    if trigger.dep_ != "advcl":
        return None
    marks = modality().temporal_marks
    if not any(c.dep_ == "mark" and c.lower_ in marks for c in trigger.children):
        return None
    finite = [c for c in trigger.children if c.dep_ in AUXILIARIES] or [trigger]
    return trigger.head if all(t.tag_ in PRESENT_TAGS for t in finite) else None


def purpose_host(trigger: Token) -> Token | None:
    """The clause a purpose infinitive without a subject of its own serves ("had planned
    to meet in Singapore to discuss ..."): what is done for a purpose is as planned or as
    hypothetical as the act done for it."""
    if trigger.dep_ != "advcl" or infinitive_marker(trigger) is None:
        return None
    if any(c.dep_ in SUBJECTS for c in trigger.children):
        return None
    return trigger.head


def higher_governors(governor: Token) -> Iterator[tuple[Token, bool]]:
    """The governors above a complement's governor, as long as each complement is open (a
    non-finite verb, "get him to agree", or a noun, "the need for a policy ratified by
    Congress"): each with whether a noun stands between (then only a governing word
    counts, not the auxiliary of a clause the noun is merely an object in)."""
    node, through_noun = governor, governor.pos_ in NOUNS
    for _ in range(HIGHEST):
        if not _open(node):
            return
        higher = modal_governor(node)
        if higher is None:
            return
        yield higher, through_noun
        through_noun = through_noun or higher.pos_ in NOUNS
        node = higher


def _open(node: Token) -> bool:
    if node.pos_ in NOUNS:
        return node.dep_ in {"dobj", "obj", "pobj"}
    return node.dep_ == "xcomp" and not _own_subject(node)


def governing_object(trigger: Token) -> Token | None:
    """ "foiled a plot to bomb the embassy": an infinitive the parser hung on the verb as
    its purpose or its complement, right after the verb's object, a noun of plan or attempt
    whose complement it is (`governing_nouns`): that noun."""
    if trigger.dep_ not in {"advcl", "xcomp"} or _own_subject(trigger):
        return None
    to = infinitive_marker(trigger)
    objects = [c for c in trigger.head.children if c.dep_ in {"dobj", "obj"}]
    if to is None or not objects or objects[0].right_edge.i + 1 != to.i:
        return None
    noun = objects[0]
    return noun if noun.lemma_.lower() in modality().governing_nouns else None


def _infinitive_on_noun(trigger: Token) -> bool:
    """ "a rescue mission to free the hostages": an infinitive without a subject that the
    parser hung on a noun as a relative clause is the noun's complement."""
    if trigger.dep_ != "relcl" or trigger.head.pos_ not in NOUNS or _own_subject(trigger):
        return False
    return infinitive_marker(trigger) is not None


def _own_subject(clause: Token) -> bool:
    return any(c.dep_ in NOUN_SUBJECTS for c in clause.children)


def bounded_by_until(verb: Token) -> bool:
    """'did not meet him until March': the negation bounds the time, the meeting took
    place (then)."""
    bounds = modality().negation_bounds
    return any(
        (c.dep_ == "prep" and c.lower_ in bounds)
        or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in bounds for m in c.children))
        for c in verb.children
    )


def scheduling_participle(noun: Token) -> Token | None:
    """The participle that plans an event noun ("the summit set for April", "talks
    scheduled for Monday"): its time is the event's, its plan the event's modality."""
    if noun.pos_ not in NOUNS:
        return None
    governors = modality().governors
    planning = (
        c
        for c in noun.children
        if c.dep_ == "acl" and c.tag_ == "VBN" and governors.get(c.lemma_.lower()) == "planned"
    )
    return next(planning, None)
