"""One coded event put together: its actors in their roles, its code after modality and
stance, and the attributes it carries."""

from __future__ import annotations

from spacy.tokens import Span, Token

from crosswire.events.attributes import attribution, event_date, numbers
from crosswire.events.codes import EventCode, pattern_code
from crosswire.events.context import Context
from crosswire.events.data import Recode, frames
from crosswire.events.harmed import (
    a_hazard_warning,
    done_by_a_thing,
    harmed,
    harmed_without_doer,
    warned_conduct,
)
from crosswire.events.modality import modality_of, stance
from crosswire.events.participants import actors_of, unique
from crosswire.events.patterns import Pattern
from crosswire.events.syntax import direct_object, participle_noun, passive_subject
from crosswire.events.targets import complete_roles, is_state, moved_forces, only_vague
from crosswire.model import ActorRef, DateFrom, EventMention, Modality, Place


def build(
    trigger: Token,
    pattern: Pattern,
    sentence: Span,
    context: Context,
    subjects: list[ActorRef],
    targets: list[ActorRef],
    places: list[Place],
    heads: list[Token],
) -> EventMention | None:
    """The event `pattern` codes at `trigger`, or None where its actors do not make one."""
    if not subjects and done_by_a_thing(trigger, pattern, context):
        return None  # "a slab of hillside could destroy the neighbourhood": no attack
    if not subjects and _doers_only(pattern) and _thing_subject(trigger, context):
        return None  # "the Watergate tapes captured the chief of staff": recorded him
    if a_hazard_warning(trigger, pattern):
        return None  # "warned residents that the rains will cause landslides": no threat
    keys = {s.key for s in subjects}
    blamed = [a for a in warned_conduct(trigger, pattern, context) if a.key not in keys]
    if blamed:  # "warning that the administration is brushing aside workers"
        pattern, targets = _recoded(pattern, harmed().warned_conduct), targets or blamed
    if not subjects and not targets:
        targets = harmed_without_doer(trigger, pattern, context)
        if not targets:
            return None
    if pattern.requires_actor_pair and not _a_pair(pattern, subjects, targets):
        return None
    targets = [t for t in targets if t.key not in {s.key for s in subjects}]
    subjects, targets = _mobilised(trigger, pattern, subjects, targets, context)
    if pattern.type in frames().verbal_types and only_vague(subjects + targets, places):
        # "the two leaders agreed", "lawmakers urged": a statement is only news by whom it
        # names; an act ("gunmen killed 12") is kept for its place and date
        return None
    subjects, targets = complete_roles(trigger, pattern, subjects, targets, places, context)
    targets = _not_moved(pattern, targets)  # nor are the forces completing the roles finds
    pattern = _officially(_as_trial(_by_state(pattern, subjects), trigger), subjects, trigger)
    dating = event_date(heads, context)
    ahead = _scheduled_ahead(trigger, dating, context)
    code, negated, status = _code(trigger, pattern, len(subjects + targets), ahead)
    event = _mention(trigger, sentence, context, heads, code, dating)
    event.source = subjects[0] if subjects else None
    event.target = _target(trigger, pattern, subjects, targets)
    event.participants = unique(subjects + targets)
    event.location = places[0] if places else None
    event.negated, event.modality = negated, status
    event.numbers = numbers(trigger, pattern)
    return event


def _doers_only(pattern: Pattern) -> bool:
    """Acts only people do (frames.yaml ``doer_only_acts``): an arrest is made by someone."""
    return f"{pattern.type}/{pattern.mode}" in frames().doer_only_acts


def _thing_subject(trigger: Token, context: Context) -> bool:
    """An active verb whose own subject is a recording that names no actor ("the tapes
    captured him", "security cameras captured the gunman": frames.yaml ``recordings``)."""
    own = [c for c in trigger.children if c.dep_ == "nsubj"]
    return bool(own) and all(
        c.lemma_.lower() in frames().recordings and not actors_of(c, context) for c in own
    )


def _a_pair(pattern: Pattern, subjects: list[ActorRef], targets: list[ActorRef]) -> bool:
    """Two sides named: a doer and a target, or two doers of a reciprocal act ("South Korea
    and the United States began joint drills")."""
    return bool(subjects) and (bool(targets) or (pattern.reciprocal and len(subjects) > 1))


def _by_state(pattern: Pattern, subjects: list[ActorRef]) -> Pattern:
    """The pattern as a state's office does its act (frames.yaml `state_acts`: "police
    blocked the street" restricts, it is no protest), or as criminals or armed irregulars
    do it (`irregular_acts`: "pirates seized a tanker" is a hijacking, no seizure)."""
    act = f"{pattern.type}/{pattern.mode}"
    for recodes, sectors in (
        (frames().state_acts, frames().state_sectors),
        (frames().irregular_acts, frames().irregular_sectors),
    ):
        recode = recodes.get(act)
        if recode is not None and subjects and all(s.sector in sectors for s in subjects):
            return _recoded(pattern, recode)
    return pattern


def _officially(pattern: Pattern, subjects: list[ActorRef], trigger: Token) -> Pattern:
    """A protest a state makes (frames.yaml ``official_protest``: "China protested the
    transit", "the ministry protested to Washington", "lodged a protest"; a country named
    for its state as well) is an official complaint, no demonstration."""
    protest = frames().official_protest
    if pattern.type != "PROTEST" or trigger.lemma_.lower() not in protest.words:
        return pattern
    told = {"dobj", "obj", "prep", "ccomp"}  # what or to whom: "protested the transit"
    verbal = trigger.pos_ == "VERB" and any(c.dep_ in told for c in trigger.rights)
    if not verbal and trigger.dep_ not in {"dobj", "obj"}:
        return pattern  # "Hong Kong protests: ...", a heading; "lodged a protest" is one
    official = bool(subjects) and all(is_state(s) for s in subjects)
    return _recoded(pattern, protest.code) if official else pattern


def _as_trial(pattern: Pattern, trigger: Token) -> Pattern:
    """An attack fired as a test ("test-fired a ballistic missile", "fired a test missile"):
    a show of force, coded as frames.yaml ``trials`` says."""
    trials = frames().trials
    obj = direct_object(trigger)
    words = [*trigger.children, *(obj.children if obj is not None else ())]
    if pattern.type != "ASSAULT" or not any(w.lower_ in trials.words for w in words):
        return pattern
    return _recoded(pattern, trials.code)


def _recoded(pattern: Pattern, recode: Recode) -> Pattern:
    return pattern.model_copy(
        update={"type": recode.type, "mode": recode.mode, "cameo": recode.cameo}
    )


def _mobilised(
    trigger: Token,
    pattern: Pattern,
    subjects: list[ActorRef],
    targets: list[ActorRef],
    context: Context,
) -> tuple[list[ActorRef], list[ActorRef]]:
    """(subjects, targets) with a mobilisation's object, or its passive's subject, taken as
    the force it moves, its means, never whom it is aimed at ("is likely to deploy People's
    Liberation Army forces onto the streets"), nor are unnamed forces ("sent troops to the
    border": `_not_moved`); moved with no one named moving it, the force mobilises ("the
    People's Liberation Army could be deployed")."""
    if pattern.type != "MOBILIZE":
        return subjects, targets
    # ... or the subject of a passive without its auxiliary, or the noun its participle
    # describes ("riot police deployed in Lagos"), which the arguments turned round
    moved = [direct_object(trigger) or passive_subject(trigger), participle_noun(trigger)]
    moved += [c for c in trigger.children if c.dep_ == "nsubj"]
    keys = {a.key for m in moved if m is not None for a in actors_of(m, context)}
    forces = [t for t in targets if t.key in keys]
    return subjects or forces, _not_moved(pattern, [t for t in targets if t.key not in keys])


def _not_moved(pattern: Pattern, targets: list[ActorRef]) -> list[ActorRef]:
    """The targets less the forces a mobilisation moves, which are its means."""
    if pattern.type != "MOBILIZE":
        return targets
    return [t for t in targets if not moved_forces(t)]


def _target(
    trigger: Token, pattern: Pattern, subjects: list[ActorRef], targets: list[ActorRef]
) -> ActorRef | None:
    """The first target; for a reciprocal act of two sides named as its doers, the second
    ("Chile and Peru signed": Peru); none for one of three sides or more, as PLOVER codes
    a multilateral act ("the three foreign ministers signed": not one of them)."""
    if targets:
        return targets[0]
    two_sides = len(subjects) == 2 and not _many_doers(trigger)
    return subjects[1] if pattern.reciprocal and two_sides else None


FEW = {"one", "two", "1", "2", "a", "an"}  # counts of doers that leave two sides at most


def _many_doers(trigger: Token) -> bool:
    """The subject counts three doers or more ("the three foreign ministers", "27 EU
    leaders"), whoever of them the parse names."""
    subjects = [c for c in trigger.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(n.dep_ == "nummod" and n.lower_ not in FEW for s in subjects for n in s.children)


def _scheduled_ahead(
    trigger: Token, dating: tuple[str | None, DateFrom | None], context: Context
) -> bool:
    """A verb in the simple present that its own text dates after the publication day
    ("he and Arafat meet Monday with Albright", "the court rules on Friday"): scheduled,
    not yet done. (A past-tense verb dated ahead is the time stage's misreading, not a
    plan.)"""
    date, source = dating
    published = context.article.published
    if date is None or source != "text" or not published:
        return False
    return trigger.tag_ in {"VBP", "VBZ"} and date > published[: len(date)]


def _code(
    trigger: Token, pattern: Pattern, parties: int, ahead: bool = False
) -> tuple[EventCode, bool, Modality]:
    """(code, negated, modality) after the trigger's modality and the speaker's stance; a
    scheduled act (`_scheduled_ahead`) is planned."""
    negated, status, intent = modality_of(trigger)
    if ahead and status == "asserted":
        status = "planned"
    code, negated, status = stance(trigger, pattern_code(trigger, pattern), negated, status, intent)
    if code.type == "CONSULT" and code.mode == "multilateral" and parties < 3:
        code = code._replace(mode=None)
    return code, negated, status


def _mention(
    trigger: Token,
    sentence: Span,
    context: Context,
    heads: list[Token],
    code: EventCode,
    dating: tuple[str | None, DateFrom | None],
) -> EventMention:
    """The event's words, sentence, code, date and attribution; its actors are set after."""
    date, date_from = dating
    start = min(h.idx for h in heads)
    end = max(h.idx + len(h.text) for h in heads)
    return EventMention(
        article_id=context.article.id,
        type=code.type,
        start=start,
        end=end,
        sentence_start=sentence.start_char,
        sentence_end=sentence.end_char,
        mode=code.mode,
        cameo=code.cameo,
        date=date,
        date_from=date_from,
        attributed_to=attribution(sentence, context),
        trigger=context.text[start:end],
    )
