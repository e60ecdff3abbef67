"""Whether an event happened: negation, modality ("will meet", "planned to meet", "refused
to meet") and stated intent, which PLOVER codes by what is promised or threatened."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from crosswire.actors.data import reporting
from crosswire.events.clause_links import (
    NOUN_SUBJECTS,
    bounded_by_until,
    first_conjunct,
    higher_governors,
    modal_governor,
    purpose_host,
    scheduling_participle,
    temporal_host,
)
from crosswire.events.codes import EventCode
from crosswire.events.data import Recode, frames, modality
from crosswire.events.syntax import TENSED, infinitive_marker, predicated_infinitive
from crosswire.events.unverified import (
    alleged_by,
    cites_reports,
    reported_content_of,
    unverified_by,
)
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


def modality_of(trigger: Token) -> tuple[bool, Modality, bool]:
    """(negated, modality, intent): intent is True when the cue is the subject's own
    commitment ("will meet", "is ready to send"), not a condition or someone's plan.
    The cues are read on the trigger's own clause: its auxiliaries, adverbs, subordinator
    and conditional clause; the verb a noun or a clause trigger is the subject of ("the
    talks did not take place", "attacking the ports would not work"); the word whose
    complement it is ("refused [to meet]", "accused of [shooting]"), and above it where
    that word states nothing ("tried to get him [to agree]"), whose negation carries over
    only to an infinitive or a support verb's object, not to a reported clause ("did not
    say that ...") or to a participation ("was not on the call"); an allegation or a
    report it is the content of; and a question. A clause with no cue of its own takes
    the modality of the clause it hangs on (`clause_links`): the first of conjoined
    predicates, or the main clause of a present-tense temporal clause."""
    if predicated_infinitive(trigger):
        # "Japan will be the first country to send aid": the copula's mood is the act's;
        # its negation is not ("was not the first to condemn it": she did condemn it)
        _, status, intent = modality_of(trigger.head.head)
        return _own_reading(trigger).negated, status, intent
    reading = _own_reading(trigger)
    if reading.status == "asserted" and not reading.negated:
        _read_host_clause(trigger, reading)
    if reading.status == "denied":
        reading.negated = True
    return reading.negated, reading.status, reading.intent and not reading.conditional


def _read_host_clause(trigger: Token, reading: _Reading) -> None:
    """A conjoined predicate shares the first one's modality and, unless the conjunction
    contrasts ("did not resign but fled"), its negation; a temporal clause takes only a
    future or a condition from its main clause, never its negation or refusal ("will not
    reopen the border until the troops withdraw")."""
    conjunct = first_conjunct(trigger)
    if conjunct is not None and _tense_of_its_own(trigger, conjunct):
        return  # "would not sign the bill and invited the protesters": a clause of its own
    if conjunct is not None:
        negated, status, intent = modality_of(conjunct)
        reading.status, reading.intent = status, intent
        reading.negated = negated and _shares_negation(conjunct, trigger)
        return
    host = temporal_host(trigger) or purpose_host(trigger)
    if host is not None:
        _, status, _ = modality_of(host)
        if status in {"planned", "hypothetical"}:
            reading.status = status


def _tense_of_its_own(trigger: Token, conjunct: Token) -> bool:
    """A joined predicate with a tense of its own ("invited", "called") after a bare form an
    auxiliary governs ("would not sign", "did not resign"): the auxiliary, its negation and
    its future are the first predicate's alone."""
    return trigger.tag_ in TENSED and conjunct.tag_ == "VB"


def _shares_negation(conjunct: Token, trigger: Token) -> bool:
    """'did not meet or talk': a negation word on the first predicate, the conjunction
    between them not a contrast; a negative object ("arrested no one and released ...")
    stays with its own predicate."""
    cues = modality()
    negation = any(c.dep_ == "neg" or c.lower_ in cues.negations for c in conjunct.children)
    between = [c for c in conjunct.children if c.dep_ == "cc" and c.i < trigger.i]
    return negation and not any(c.lower_ in cues.contrasts for c in between)


def _own_reading(trigger: Token) -> _Reading:
    """The cues of the trigger's own clause, its subject's, its governors' and its
    sentence's (a question)."""
    reading = _Reading(negated=_negated(trigger))
    for child in trigger.children:
        _read_cue(child, trigger, reading)
    _read_noun_clause(trigger, reading)
    _read_clausal_subject(trigger, reading)
    governor = modal_governor(trigger)
    if governor is not None:
        _read_governor(governor, trigger, reading)
    if reported_content_of(trigger):
        reading.unverified()
    if reading.status == "asserted" and _future_time(trigger):
        reading.status = "planned"  # "a meeting next month", "the summit opens tomorrow"
    if _question(trigger) or _said_of_anyone(trigger) or _subjunctive(trigger):
        reading.hypothetical()
    if reading.conditional or reading.consequence:
        reading.status = "hypothetical"  # over a "will" read after the condition
    if reading.negated and bounded_by_until(trigger):
        reading.negated = False  # "did not meet him until March": they met in March
    return reading


def _negated(trigger: Token) -> bool:
    """A negation on the trigger ("did not meet", "no talks"), or a negative subject or
    object ("nobody was arrested", "arrested no protesters")."""
    negations = modality().negations
    return any(
        c.dep_ == "neg"
        or (c.lower_ in negations and c.dep_ in {"neg", "advmod", "det"})
        or (c.dep_ in ARGUMENTS and _negative(c))
        for c in trigger.children
    ) or _beyond_degree(trigger)


def _beyond_degree(trigger: Token) -> bool:
    """An infinitive hung on a word "too" modifies, itself or through its own modifier
    ("too afraid to testify", "too much common sense to point a gun"): not done."""
    if infinitive_marker(trigger) is None or trigger.dep_ not in {"xcomp", "acl", "advcl", "ccomp"}:
        return False
    words = [trigger.head, *(c for c in trigger.head.children if c.dep_ in {"amod", "advmod"})]
    return any(
        c.dep_ == "advmod" and c.lower_ in modality().excess_degrees
        for word in words
        for c in word.children
    )


def _subjunctive(verb: Token) -> bool:
    """A that-clause in the mandative subjunctive: a bare verb, or a bare "be" of its
    passive, with a subject and no modal ("recommended that he be executed", "insisted
    that the prisoners be released"): what someone wants done, not what was."""
    if verb.dep_ != "ccomp" or not any(c.dep_ in NOUN_SUBJECTS for c in verb.children):
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if not auxiliaries:
        return verb.tag_ == "VB"
    return all(c.dep_ == "auxpass" and c.lemma_ == "be" and c.tag_ == "VB" for c in auxiliaries)


def _undergone(clause: Token) -> bool:
    """A passive with no doer named and no condition ("he will be sentenced May 3"): its
    subject is the one it is done to, so its "will" states no one's commitment ("he will be
    arrested if he returns" is still a threat: a condition is put to him)."""
    deps = {c.dep_ for c in clause.children}
    passive = bool(deps & {"auxpass", "nsubjpass"}) and "agent" not in deps
    conditioned = any(c.dep_ == "advcl" and _conditional(c) for c in clause.children)
    return passive and not conditioned


def _negative(argument: Token) -> bool:
    """ "nobody", "no protesters", "neither X nor Y", "not X nor Y": an argument that
    names no one it holds for."""
    children = {(c.dep_, c.lower_) for c in argument.children}
    excluded = ("cc", "nor") in children and bool(
        children & {("neg", "not"), ("preconj", "neither")}
    )
    return excluded or argument.lower_ in modality().negative_arguments or ("det", "no") in children


def _read_cue(child: Token, clause: Token, reading: _Reading, intent: bool = True) -> None:
    """An auxiliary ("will"), an adjective on an event noun ("planned"), a subordinator or
    a conditional clause ("if"), an adverb ("reportedly") or "according to reports" on
    `clause`; `intent`: whether an auxiliary may state the subject's commitment."""
    cues = modality()
    if child.dep_ in {"aux", "auxpass"} and child.lower_ in cues.auxiliaries:
        reading.status = _auxiliary(child, clause)
        committed = intent and not _undergone(clause) and not _perfect_modal(child, clause)
        reading.intent = committed and child.lower_ in cues.intent_auxiliaries
    if child.dep_ == "amod" and child.lower_ in cues.noun_modifiers:
        reading.status = cues.noun_modifiers[child.lower_]
    if child.dep_ == "acl" and child == scheduling_participle(clause):
        reading.status = "planned"  # "a summit set for April", "talks scheduled for Monday"
    if child.dep_ == "mark" and child.lower_ in cues.conditional_marks:
        reading.hypothetical()
    if child.dep_ in {"aux", "auxpass"} and _inverted_condition(child, clause):
        reading.hypothetical()  # "should the House vote to impeach"
    if child.dep_ == "advcl" and _conditional(child) and not _performed(clause):
        reading.on_condition()  # "if talks fail, they will impose sanctions"
    if child.dep_ == "advmod" and child.lower_ in cues.reported_adverbs:
        reading.unverified()
    if child.dep_ == "prep" and child.lower_ == "according" and cites_reports(child):
        reading.unverified()


def _auxiliary(aux: Token, clause: Token) -> Modality:
    """The modality an auxiliary gives; "would" in reported speech is the future told, "would
    have arrested" what did not happen."""
    cues = modality()
    if _perfect_modal(aux, clause):
        return "hypothetical"
    if aux.lower_ in cues.reported_future and _reported_speech(clause):
        return "planned"
    return cues.auxiliaries[aux.lower_]


def _perfect_modal(aux: Token, clause: Token) -> bool:
    """A modal with a perfect after it ("would have arrested", "could have prevented"):
    what might have been, no plan and no one's commitment."""
    if aux.tag_ != "MD" or clause.tag_ != "VBN":
        return False
    return any(c.dep_ == "aux" and c.lemma_ == "have" and c.i > aux.i for c in clause.children)


def _reported_speech(clause: Token) -> bool:
    return clause.dep_ == "ccomp" and clause.head.lemma_.lower() in reporting().verbs


def _performed(clause: Token) -> bool:
    """'She apologized if anyone was offended': with a verb of apology the if-clause is
    what the apology is for, not a condition on it; the act is performed, unless a modal
    makes it conditional ("she would apologize if ...")."""
    cues = modality()
    modal = any(c.dep_ == "aux" and c.lower_ in cues.auxiliaries for c in clause.children)
    return clause.lemma_.lower() in cues.performed_under_condition and not modal


def _said_of_anyone(trigger: Token) -> bool:
    """A relative clause on "anyone" ("anyone who attacks Iran"): a condition on whoever
    it may be, not an act done."""
    return trigger.dep_ == "relcl" and trigger.head.lower_ in modality().generic_pronouns


def _conditional(clause: Token) -> bool:
    marks = modality().conditional_marks
    if any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children):
        return True
    auxiliaries = [c for c in clause.children if c.dep_ in {"aux", "auxpass"}]
    return any(_inverted_condition(c, clause) for c in auxiliaries)


def _inverted_condition(aux: Token, clause: Token) -> bool:
    """A subordinate clause whose auxiliary of condition comes before its subject ("should
    the House vote", not "the House should vote" nor the question "Should we talk?")."""
    if aux.lower_ not in modality().inverted_conditionals or clause.dep_ not in {"advcl", "ccomp"}:
        return False
    # the parse may take the subject for a compound of the verb ("should the House vote")
    subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass", "compound"}]
    return any(aux.i < s.i < clause.i for s in subjects)


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
    predicate = next((c for c in verb.children if c.dep_ in {"acomp", "attr"}), None)
    if predicate is not None and predicate.lower_ in governors and reading.status == "asserted":
        reading.status = governors[predicate.lower_]  # "the talks are due to start"


def _read_clausal_subject(trigger: Token, reading: _Reading) -> None:
    """A clause that is the subject of a modal or future predicate is an option weighed
    ("attacking the ports would not stop piracy", "attacking them will not help"): it is
    hypothetical, and the predicate's negation denies the predicate, not the option."""
    auxiliaries = modality().auxiliaries
    if trigger.dep_ in {"csubj", "csubjpass"} and any(
        c.dep_ == "aux" and c.lower_ in auxiliaries for c in trigger.head.children
    ):
        reading.hypothetical()


def _read_governor(governor: Token, trigger: Token, reading: _Reading) -> None:
    """The word whose complement the trigger is ("refused [to meet]", "plans [to meet]",
    "was going [to be shot]"), then its clause (`_read_governor_clause`), then, where it
    states nothing, the governors above it."""
    cues = modality()
    lemma = governor.lemma_.lower()
    governed = _governing(lemma)
    if governed is None and trigger.dep_ in {"xcomp", "ccomp"} and trigger.head.i == governor.i:
        governed = cues.verbal_governors.get(lemma)  # "face being driven back", not "face
        # life in prison for killing"
    if governed is None and counselled_against(trigger):
        governed = "hypothetical"  # "warned against raising tariffs"
    if governed is not None:
        reading.status = governed
        reading.intent = lemma in cues.intent_governors  # "his intention to lift sanctions"
    if cancelled(governor):
        reading.negated = True  # "suspended a plan to accept migrants"
    infinitive = _infinitive(trigger)
    if infinitive and lemma in cues.infinitive_governors:
        reading.status = cues.infinitive_governors[lemma]  # "was to visit"
    if infinitive and _progressive(governor) and lemma in cues.future_progressives:
        reading.status = cues.future_progressives[lemma]  # "was going to be shot"
    _read_governor_clause(governor, trigger, reading)
    clause = trigger.dep_ in {"xcomp", "ccomp", "acl"}
    if clause and reading.status == "asserted" and not reading.negated and governed is None:
        _read_higher_governors(governor, reading)  # not for an object ("tried to block the
        # investigation") nor a preposition's clause ("failed to dissuade them from striking")


def counselled_against(word: Token, to_no_one: bool = False) -> bool:
    """Whether `word` is what a verb of counsel warns "against" ("warned against raising
    tariffs", "cautioned against premature reopenings"); `to_no_one`: with no one warned
    (not "warned the US against sending troops")."""
    prep = word.head
    verb = prep.head
    return (
        prep.dep_ == "prep"
        and prep.lower_ == "against"
        and verb.lemma_.lower() in modality().counsel_verbs
        and not (to_no_one and any(c.dep_ in {"dobj", "obj"} for c in verb.children))
    )


def cancelled(noun: Token) -> bool:
    """Whether a plan, offer or bid is the object of a verb that undoes it (`cancelling_verbs`:
    "suspended a plan to", "abandoned its bid to")."""
    verb, cues = noun.head, modality()
    objects = {"dobj", "obj", "nsubjpass"}
    undone = verb.lemma_.lower() in cues.cancelling_verbs
    return noun.lemma_.lower() in cues.governing_nouns and noun.dep_ in objects and undone


def _read_governor_clause(governor: Token, trigger: Token, reading: _Reading) -> None:
    """The governor's allegation or report, condition, negation and auxiliary ("accused
    of", "if he didn't, he was going to", "did not try to", "will try to")."""
    cues = modality()
    if unverified_by(governor, trigger) or alleged_by(governor, trigger):
        reading.unverified()  # "accused of shooting", "police allege he opened fire"
    if trigger.dep_ == "xcomp" and any(_conditional_on(c, governor) for c in governor.children):
        reading.on_condition()  # "if he didn't, he was going to be shot"
    avoided = governor.lemma_.lower() in cues.negating_governors
    if (avoided and trigger.dep_ in {"dobj", "obj", "xcomp"}) or _negation_carries(
        governor, trigger
    ):
        reading.negated = True  # "avoided a meeting", "did not try to meet"
    aux = modal_auxiliary(governor) if _shares_mood(trigger) else None
    if aux is not None and reading.status == "asserted":
        reading.status = _auxiliary(aux, governor)
        reading.intent = aux.lower_ in cues.intent_auxiliaries


def _shares_mood(trigger: Token) -> bool:
    """A preposition's clause is part of its verb's act, and shares its auxiliary, only
    when it says how the act is done ("could retaliate by attacking", "could have acted
    without consulting"); a reason or a time has its own ("could face life in prison for
    killing the protester": the killing is no option)."""
    return trigger.dep_ != "pcomp" or trigger.head.lower_ in modality().manner_preps


def _read_higher_governors(governor: Token, reading: _Reading) -> None:
    """A governor that states nothing passes on the mood of the one above: "tried to get
    him to agree" (hypothetical), "would like to see China agree", "the need for a policy
    ratified by Congress". Through a noun only a governing word counts: "condemned the
    policy ratified by Congress" leaves the ratification asserted whatever the
    condemnation's auxiliary. A refusal's polarity does not pass through another verb
    ("failed to stop them striking")."""
    for higher, through_noun in higher_governors(governor):
        governed = _governing(higher.lemma_.lower())
        if governed is not None:
            reading.status = governed if governed != "denied" else reading.status
            return
        if higher.lemma_.lower() in modality().allegations:  # "accused of trying to kill"
            reading.unverified()
            return
        aux = None if through_noun else modal_auxiliary(higher)
        if aux is not None:
            reading.status = _auxiliary(aux, higher)
            return


def _governing(lemma: str) -> Modality | None:
    """The modality a governing verb or noun gives its complement ("plan", "effort")."""
    cues = modality()
    return cues.governors.get(lemma, cues.governing_nouns.get(lemma))


def modal_auxiliary(verb: Token) -> Token | None:
    """The verb's modal or future auxiliary ("will", "could"), if it has one."""
    auxiliaries = modality().auxiliaries
    return next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in auxiliaries), None)


def _progressive(verb: Token) -> bool:
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)


def _conditional_on(child: Token, clause: Token) -> bool:
    return child.dep_ == "advcl" and _conditional(child) and not _performed(clause)


def _infinitive(trigger: Token) -> bool:
    return trigger.dep_ == "xcomp" and infinitive_marker(trigger) is not None


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


def _future_time(trigger: Token) -> bool:
    """An event noun or a present-tense verb dated by a time ahead of now ("talks next
    week", "the summit opens tomorrow": English states the scheduled future so); a past
    verb is not ("the talks set for next week were cancelled" keeps its own time)."""
    if trigger.tag_ in {"VBD", "VBN"}:
        return False
    cues = modality()
    return any(
        c.dep_ in {"npadvmod", "tmod"}
        and (
            c.lower_ in cues.future_times
            or any(m.lower_ in cues.future_modifiers for m in c.children)
        )
        for c in trigger.children
    )


def _question(trigger: Token) -> bool:
    """A direct question about the trigger's clause ("Will Russia attack?", "Who attacked
    the convoy?"): the sentence ends in "?" and the clause is not a statement (its subject
    is a wh-word, follows an auxiliary, or is missing). "X was arrested, so why ...?"
    asks about something else."""
    if not trigger.sent.text.rstrip(" \"'”’)").endswith("?"):
        return _indirect_question(trigger)
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    subject = next((c for c in verb.children if c.dep_ in NOUN_SUBJECTS), None)
    if subject is None or subject.tag_ in {"WP", "WDT"}:
        return True
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    inverted = verb.pos_ == "AUX" and verb.i < subject.i  # "What was the investigation about?"
    return inverted or any(a.i < subject.i for a in auxiliaries)


def _indirect_question(trigger: Token) -> bool:
    """A question reported in a statement, written as asked ("asked the holdouts how many
    people would Nichols have to kill"): a complement clause with a wh-word before its
    subject and an auxiliary before the subject."""
    clause = trigger
    while clause.dep_ == "xcomp" and clause.head is not clause:
        clause = clause.head
    subject = next((c for c in clause.children if c.dep_ in NOUN_SUBJECTS), None)
    if clause.dep_ not in {"ccomp", "advcl"} or subject is None:
        return False
    start = clause.left_edge.i
    asked = any(t.tag_ in {"WRB", "WP", "WDT"} for t in clause.doc[start : subject.i])
    inverted = any(c.dep_ in {"aux", "auxpass"} and c.i < subject.i for c in clause.children)
    return asked and inverted


def stance(
    trigger: Token, code: EventCode, negated: bool, status: Modality, intent: bool
) -> tuple[EventCode, bool, Modality]:
    """PLOVER codes what an actor states it will do by its content: a stated future
    CONSULT/AID is an AGREE, a future RETREAT an AGREE or a CONCEDE (`_recode`), a stated
    future SANCTION/COERCE/ASSAULT (or one the actor plans or prepares) a THREATEN, and
    "will not accept/allow/meet" a REJECT, as is an acceptance withheld ("did not accept
    the offer": a refusal, asserted, not a negated agreement). The statement is the event;
    what it promises or refuses stays planned."""
    cues = modality()
    refusals = cues.content_codes["REJECT"]
    withheld = negated and status == "asserted" and trigger.lemma_.lower() in cues.acceptances
    governor = modal_governor(trigger)
    declined = governor is not None and governor.lemma_.lower() in cues.refusal_governors
    if (intent or withheld or declined) and negated and code.type in refusals:
        refused = refusals[code.type]
        return EventCode("REJECT", refused.mode, refused.cameo), False, "asserted"
    by_code = cues.intent_cameo_codes.get((code.cameo or "")[:3])
    recode = by_code if by_code is not None else _recode(trigger, code.type)
    if recode is not None and not negated and (intent or _planned(trigger, code, status, recode)):
        code = EventCode(recode.type, recode.mode, recode.cameo)
    return code, negated, _stated(code, status, intent)


def _stated(code: EventCode, status: Modality, intent: bool) -> Modality:
    """A threat its actor states is made whatever it hangs on: "Trump said he would raise
    tariffs if no deal is reached" is a threat made, asserted; the condition is what is
    threatened (a promise on a condition stays hypothetical, as the labelling guideline
    has it, and so does a threat someone only could make)."""
    return "asserted" if code.type == "THREATEN" and intent and status == "hypothetical" else status


def _recode(trigger: Token, event_type: str) -> Recode | None:
    """How a stated or planned act of this type is coded: a withdrawal or easing someone
    states they are ready for ("is willing to withdraw", "said it would withdraw") is an
    AGREE, one only announced as future ("the army will withdraw next month") a CONCEDE
    (`announced_codes`)."""
    cues = modality()
    announced = cues.announced_codes.get(event_type)
    if announced is None or _stated_readiness(trigger):
        return cues.intent_codes.get(event_type)
    return announced


def _stated_readiness(trigger: Token) -> bool:
    """The actor states it will do it: a governor of intent ("is willing to withdraw"), or
    its own words ("Iraq said it would allow the inspectors back": the clause a verb of
    saying reports, with a pronoun for subject that stands for the one who says it)."""
    governor = modal_governor(trigger)
    if governor is not None and governor.lemma_.lower() in modality().intent_governors:
        return True
    clause = trigger if trigger.dep_ == "ccomp" else trigger.head
    subjects = [c for c in trigger.children if c.dep_ in NOUN_SUBJECTS]
    said = clause.dep_ == "ccomp" and clause.head.lemma_.lower() in frames().saying_verbs
    return said and any(s.lower_ in frames().pronouns for s in subjects)


def _planned(trigger: Token, code: EventCode, status: Modality, recode: Recode) -> bool:
    """What is planned, scheduled or expected is coded as PLOVER codes the future: any
    planned meeting, visit, support or aid ("plans to visit France", "the summit set for
    April", "a meeting next month") is an AGREE (the labelling guideline), and coercion the
    actor plans or prepares ("plans to impose restrictions") a threat. A coercive act is only
    a threat by its actor's own plan (a governor), not by a date ahead: "the trial opens on
    Monday" stays what it is, planned."""
    if status != "planned":
        return False
    if recode.type in {"AGREE", "CONCEDE"}:
        return True  # planned cooperation, an announced withdrawal
    governor = modal_governor(trigger)
    if governor is None or governor.lemma_.lower() not in modality().governors:
        return False
    return code.type in modality().planned_threats and recode.type == "THREATEN"
