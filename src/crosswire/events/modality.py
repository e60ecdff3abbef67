"""Whether an event happened: negation, modality ("will meet", "planned to meet", "refused
to meet") and stated intent, which PLOVER codes by what is promised or threatened."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from crosswire.actors.data import reporting
from crosswire.events.codes import EventCode
from crosswire.events.data import Recode, frames, modality
from crosswire.model import Modality


@dataclass
class _Reading:
    """The cues read so far around one trigger."""

    negated: bool
    status: Modality = "asserted"
    intent: bool = False  # the subject's own commitment ("will meet", "is ready to send")
    conditional: bool = False  # it is the condition or the question: no one's commitment
    consequence: bool = False  # it hangs on a condition: a conditional promise or threat

    def unverified(self) -> None:
        """The text marks it unverified ("reportedly"): reported, unless a stronger cue
        (a plan, a condition, a denial) has spoken."""
        if self.status == "asserted":
            self.status = "reported"

    def hypothetical(self) -> None:
        self.status, self.conditional = "hypothetical", True

    def on_condition(self) -> None:
        """'if talks fail, they will impose sanctions': hypothetical, and still the
        speaker's stated intent (PLOVER's conditional threat)."""
        self.status, self.consequence = "hypothetical", True


ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "obj"}
NOUN_SUBJECTS = {"nsubj", "nsubjpass"}


def modality_of(trigger: Token) -> tuple[bool, Modality, bool]:
    """(negated, modality, intent): intent is True when the cue is the subject's own
    commitment ("will meet", "is ready to send"), not a condition or someone's plan.
    The cues are read on the trigger's own clause: its auxiliaries, adverbs, subordinator
    and conditional clause; the verb a noun trigger is the subject of ("the talks did not
    take place"); the word whose complement it is ("refused [to meet]"), whose negation
    carries over only to an infinitive or a support verb's object, not to a reported
    clause ("did not say that ...") or to a participation ("was not on the call"); and a
    question."""
    reading = _Reading(negated=_negated(trigger))
    for child in trigger.children:
        _read_cue(child, trigger, reading)
    _read_noun_clause(trigger, reading)
    governor = modal_governor(trigger)
    if governor is not None:
        _read_governor(governor, trigger, reading)
    if _question(trigger):
        reading.hypothetical()
    if reading.conditional or reading.consequence:
        reading.status = "hypothetical"  # over a "will" read after the condition
    if reading.status == "denied":
        reading.negated = True
    return reading.negated, reading.status, reading.intent and not reading.conditional


def _negated(trigger: Token) -> bool:
    """A negation on the trigger ("did not meet", "no talks"), or a negative subject or
    object ("nobody was arrested", "arrested no protesters")."""
    negations = modality().negations
    return any(
        c.dep_ == "neg"
        or (c.lower_ in negations and c.dep_ in {"neg", "advmod", "det"})
        or (c.dep_ in ARGUMENTS and _negative(c))
        for c in trigger.children
    )


def _negative(argument: Token) -> bool:
    return argument.lower_ in modality().negative_arguments or any(
        c.dep_ == "det" and c.lower_ == "no" for c in argument.children
    )


def _read_cue(child: Token, clause: Token, reading: _Reading, intent: bool = True) -> None:
    """An auxiliary ("will"), an adjective on an event noun ("planned"), a subordinator or
    a conditional clause ("if"), an adverb ("reportedly") or "according to reports" on
    `clause`; `intent`: whether an auxiliary may state the subject's commitment."""
    cues = modality()
    if child.dep_ in {"aux", "auxpass"} and child.lower_ in cues.auxiliaries:
        reading.status = _auxiliary(child, clause)
        reading.intent = intent and child.lower_ in cues.intent_auxiliaries
    if child.dep_ == "amod" and child.lower_ in cues.noun_modifiers:
        reading.status = cues.noun_modifiers[child.lower_]
    if child.dep_ == "mark" and child.lower_ in cues.conditional_marks:
        reading.hypothetical()
    if child.dep_ == "advcl" and _conditional(child):
        reading.on_condition()  # "if talks fail, they will impose sanctions"
    if child.dep_ == "advmod" and child.lower_ in cues.reported_adverbs:
        reading.unverified()
    if child.dep_ == "prep" and child.lower_ == "according" and _cites_reports(child):
        reading.unverified()


def _auxiliary(aux: Token, clause: Token) -> Modality:
    """The modality an auxiliary gives; "would" in reported speech is the future told."""
    cues = modality()
    if aux.lower_ in cues.reported_future and _reported_speech(clause):
        return "planned"
    return cues.auxiliaries[aux.lower_]


def _reported_speech(clause: Token) -> bool:
    return clause.dep_ == "ccomp" and clause.head.lemma_.lower() in reporting().verbs


def _conditional(clause: Token) -> bool:
    marks = modality().conditional_marks
    return any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)


def _cites_reports(according: Token) -> bool:
    """'according to (unconfirmed) reports', not 'according to credible reports'."""
    return any(
        g.dep_ == "pobj" and _unverified_source(g)
        for c in according.children
        if c.dep_ == "prep"
        for g in c.children
    )


def _unverified_source(noun: Token) -> bool:
    cues = modality()
    vouched = any(c.lower_ in cues.vouching_modifiers for c in noun.children)
    return noun.lemma_.lower() in cues.report_nouns and not vouched


def _read_noun_clause(trigger: Token, reading: _Reading) -> None:
    """A noun trigger that is the subject of its verb takes the verb's cues: "the talks did
    not take place" (negated), "the talks will resume" (planned, but no one's commitment),
    "if the talks collapse" (hypothetical), "protests are planned" (planned)."""
    verb = trigger.head
    if trigger.dep_ not in NOUN_SUBJECTS or trigger.pos_ not in {"NOUN", "PROPN"}:
        return
    if verb.pos_ not in {"VERB", "AUX"} or verb.i == trigger.i:
        return
    if any(c.dep_ == "neg" for c in verb.children):
        reading.negated = True
    for child in verb.children:
        _read_cue(child, verb, reading, intent=False)
    governors = modality().governors
    if trigger.dep_ == "nsubjpass" and verb.lemma_.lower() in governors:
        reading.status = governors[verb.lemma_.lower()]


def _read_governor(governor: Token, trigger: Token, reading: _Reading) -> None:
    """The word whose complement the trigger is ("refused [to meet]", "plans [to meet]"),
    with its own negation and auxiliary ("did not refuse", "will try")."""
    cues = modality()
    lemma = governor.lemma_.lower()
    table = cues.governors if lemma in cues.governors else cues.governing_nouns
    if lemma in table:
        reading.status = table[lemma]
        reading.intent = lemma in cues.intent_governors  # "his intention to lift sanctions"
    if _infinitive(trigger) and lemma in cues.infinitive_governors:
        reading.status = cues.infinitive_governors[lemma]  # "was to visit"
    if _unverified_by(governor, trigger):
        reading.unverified()
    avoided = lemma in cues.negating_governors and trigger.dep_ in {"dobj", "obj", "xcomp"}
    if avoided or _negation_carries(governor, trigger):
        reading.negated = True  # "avoided a meeting", "did not try to meet"
    aux = next(
        (c for c in governor.children if c.dep_ == "aux" and c.lower_ in cues.auxiliaries),
        None,
    )
    if aux is not None and reading.status == "asserted":
        reading.status = _auxiliary(aux, governor)
        reading.intent = aux.lower_ in cues.intent_auxiliaries


def _infinitive(trigger: Token) -> bool:
    return trigger.dep_ == "xcomp" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children
    )


def _unverified_by(governor: Token, trigger: Token) -> bool:
    """'is said to have fired' (a passive verb of saying), 'reports say that ...'."""
    cues = modality()
    lemma = governor.lemma_.lower()
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in governor.children)
    if trigger.dep_ == "xcomp" and passive and lemma in cues.reported_passives:
        return True
    return trigger.dep_ == "ccomp" and any(
        c.dep_ in NOUN_SUBJECTS and _unverified_source(c) for c in governor.children
    )


def _negation_carries(governor: Token, trigger: Token) -> bool:
    """A negated governor negates an infinitive ("did not try to meet") and a support
    verb's event noun ("did not launch an attack"), not a reported clause ("did not say
    that ...") nor what someone did not take part in ("was not on the call")."""
    if not any(c.dep_ == "neg" for c in governor.children):
        return False
    if trigger.dep_ in {"xcomp", "acl"}:
        return True
    support = governor.lemma_.lower() in frames().support_verbs
    return trigger.dep_ in {"dobj", "obj"} and support


def _question(trigger: Token) -> bool:
    """A direct question about the trigger's clause ("Will Russia attack?", "Who attacked
    the convoy?"): the sentence ends in "?" and the clause is not a statement (its subject
    is a wh-word, follows an auxiliary, or is missing). "X was arrested, so why ...?"
    asks about something else."""
    if not trigger.sent.text.rstrip(" \"'”’)").endswith("?"):
        return False
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    subject = next((c for c in verb.children if c.dep_ in NOUN_SUBJECTS), None)
    if subject is None or subject.tag_ in {"WP", "WDT"}:
        return True
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    return any(a.i < subject.i for a in auxiliaries)


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
    actor plans or prepares) a THREATEN, and "will not accept/allow/meet" a REJECT, as is
    an acceptance withheld ("did not accept the offer": a refusal, asserted, not a negated
    agreement). The statement is the event; what it promises or refuses stays planned."""
    cues = modality()
    refusals = cues.content_codes["REJECT"]
    withheld = negated and status == "asserted" and trigger.lemma_.lower() in cues.acceptances
    if (intent or withheld) and negated and code.type in refusals:
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
