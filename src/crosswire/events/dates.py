"""Which time expression dates an event, read on the parse (the labelling guideline's
section 6): one attached to the event's own words ("met on Monday", "Tuesday's attack"),
else one the sentence applies to it (a conjoined or simultaneous clause: "was shot and
killed on Saturday", "killed three Wednesday as police fought protesters"); never one in
another sentence, in a reported clause ("officials said Monday that ..."), in a relative
clause, or one that bounds the event instead of dating it ("the first visit since 2009").
Whether the publication date may stand in is `recent_report`'s question."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Token

from crosswire.events.context import Context
from crosswire.events.data import dates
from crosswire.model import Modality, TimeExpr
from crosswire.timex.values import contract_date

# Links up the tree along which a clause shares its time with the one above it (see
# `_shares_time_upward`); anything else (a reported, relative or object clause) stops.
MAX_LEVELS = 3  # how many clauses up a date is looked for
NOUN_SUBJECTS = {"nsubj", "nsubjpass"}
# A news report tells the past few days' events; a date the article gives that ends more
# than this many days before its publication places the story it tells in that past
RECENT_DAYS = 7
RECENT_ASPECT_AUXILIARIES = {"has", "have", "'ve", "'s", "is", "are", "am", "'re", "'m"}


@dataclass(frozen=True, slots=True)
class Dating:
    """A time expression attached to an event: the date it fixes in the exported form
    (None: it fixes none, "recently", "for years", or an unresolved "Monday")."""

    time: TimeExpr
    date: str | None


def clause_dating(heads: list[Token], context: Context) -> list[Dating]:
    """The time expressions attached to the event's own words (`heads`: the trigger first,
    then its light-verb noun), in text order."""
    return [d for head in heads for d in attached(head, context)]


def sentence_date(trigger: Token, context: Context) -> str | None:
    """The date of the nearest clause that shares its time with the trigger's: its
    conjuncts, then the clauses above it (`MAX_LEVELS`), first one that fixes a date."""
    for token in _sharing(trigger):
        if not _same_line(context.text, token.idx, trigger.idx):
            continue
        for dating in attached(token, context):
            if dating.date is not None:
                return dating.date
    return None


def attached(head: Token, context: Context) -> list[Dating]:
    """The time expressions that date `head`: its own dependents ("Monday", "Tuesday's"),
    or the objects of its dating prepositions ("on Monday", "in May 2015"; not "since
    2009", nor "as a 2013 model"), in the same sentence and on the same line."""
    found = []
    for time in _near(head, context):
        if (time.value or "") in dates().present_values:
            continue  # "now": the time of the report, which the publication date gives
        root = _root(time, context)
        if root is not None and _dates(root, head):
            found.append(Dating(time, _fixed(time)))
    return found


def recent_report(trigger: Token, status: Modality) -> bool:
    """Whether the publication date may stand in for a date the text does not give: a
    report of something that happened or happens (past, present perfect, ongoing, a
    headline), not a planned or hypothetical event, background in the past perfect
    ("had been arrested") or a relative clause about a participant ("the official who
    served a prison term")."""
    if status in {"planned", "hypothetical"}:
        return False
    verb = _clause_verb(trigger)
    if verb is None:
        return True  # a nominal headline: "Rebel attack on border town"
    if verb.dep_ == "relcl":
        return False
    perfect = dates().past_perfect_auxiliaries
    background = any(c.dep_ in {"aux", "auxpass"} and c.lower_ in perfect for c in verb.children)
    return not background or verb.dep_ in {"ccomp", "parataxis"}


def dated_elsewhere(trigger: Token, context: Context, published: str) -> bool:
    """Whether a past event the text does not date is placed away from the publication day
    by the article itself, so that the publication date would mislead: a present, present
    perfect or progressive report never is ("has arrested", "are protesting"); a past one
    is when its sentence dates another of its clauses ("went on trial Wednesday for
    killing"; not the saying of a reported one, nor a relative clause about a participant)
    or when an earlier sentence dates what the article tells more than
    `RECENT_DAYS` before publication ("the shooting in October 2011 ... Lopez fired")."""
    verb = _clause_verb(trigger)
    if verb is None:
        return False
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head  # "are beginning to lift": the aspect is the governing verb's
    if _recent_aspect(verb):
        return False
    sentence = context.sentence_of(trigger)
    reporting = _reporting_heads(verb)
    for time, head in _dating_times(context):
        if sentence.start_char <= time.start < sentence.end_char:
            describing = head.dep_ in {"relcl", "acl"}  # "actions launched on Sept. 27"
            if describing or head.i in reporting:
                continue
            if _same_line(context.text, time.start, trigger.idx):
                return True
        elif time.start < sentence.start_char and _older(_fixed(time), published):
            return True
    return False


def _recent_aspect(verb: Token) -> bool:
    """A present, present perfect or progressive clause: it reports what is so now."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    return verb.tag_ in {"VBZ", "VBP"} or bool(auxiliaries & RECENT_ASPECT_AUXILIARIES)


def _reporting_heads(verb: Token) -> set[int]:
    """The verbs a reported clause hangs on ("officials said Monday that ..."), whose
    date is the saying's, not the event's."""
    heads: set[int] = set()
    current = verb
    while current.dep_ in {"ccomp", "parataxis"} and current.head.i != current.i:
        current = current.head
        heads.add(current.i)
    return heads


def _dating_times(context: Context) -> list[tuple[TimeExpr, Token]]:
    """The article's time expressions that fix a date and date a clause of the text (not
    a bound, "since 2009", nor a noun, "a 2013 Toyota"), with the verb each dates."""
    found = []
    for time in context.times:
        if _fixed(time) is None:
            continue
        root = _root(time, context)
        if root is None or root.head.i == root.i:
            continue
        head = root.head.head if root.head.dep_ in {"prep", "agent"} else root.head
        if head.pos_ in {"VERB", "AUX"} and _dates(root, head):
            found.append((time, head))
    return found


def _older(date: str | None, published: str) -> bool:
    """Whether `date` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) ends more than
    `RECENT_DAYS` before the day `published`."""
    if date is None:
        return False
    try:
        day = _last_day(date)
        publication = dt.date.fromisoformat(published[:10])
    except ValueError:
        return False
    return (publication - day).days > RECENT_DAYS


def _last_day(date: str) -> dt.date:
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 3:
        return dt.date(parts[0], parts[1], parts[2])
    if len(parts) == 2:
        following = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(parts[0], 12, 31)


def _near(head: Token, context: Context) -> list[TimeExpr]:
    """The time expressions in `head`'s sentence with no line break between them and it."""
    sentence = context.sentence_of(head)
    return [
        time
        for time in context.times
        if sentence.start_char <= time.start and time.end <= sentence.end_char
        and _same_line(context.text, time.start, head.idx)
    ]  # fmt: skip


def _same_line(text: str, a: int, b: int) -> bool:
    """No line break between offsets `a` and `b`: a headline or a paragraph the parse ran
    into the next line's sentence dates nothing there."""
    return "\n" not in text[min(a, b) : max(a, b)]


def _root(time: TimeExpr, context: Context) -> Token | None:
    span = context.doc.char_span(time.start, time.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _dates(root: Token, head: Token) -> bool:
    """Whether the time expression whose root is `root` modifies `head` as its date."""
    if root.i == head.i:
        return False
    if root.head.i == head.i:
        return True
    link = root.head
    if link.dep_ not in {"prep", "agent"} or link.head.i != head.i:
        return False
    cues = dates()
    if link.lower_ in cues.dating_preps:
        return True
    near = any(c.lower_ in cues.near_bounds for c in link.children)
    return link.lower_ in cues.bounding_preps and near  # "shortly after 8 p.m. Thursday"


def _fixed(time: TimeExpr) -> str | None:
    cues = dates()
    if time.type in cues.vague_types or (time.value or "") in cues.vague_values:
        return None
    return contract_date(time.value)


def _sharing(trigger: Token) -> list[Token]:
    """The words whose date the trigger's event shares, nearest first: its conjuncts, then
    up the tree the clauses it is a subject, a participle, a simultaneous clause or a
    complement of, with their conjuncts."""
    found: list[Token] = []
    current = trigger
    for _ in range(MAX_LEVELS):
        group = sorted([current, *current.conjuncts], key=lambda t: t.i)
        found.extend(t for t in group if t.i != trigger.i and t not in found)
        first = next(t for t in group if t.dep_ != "conj" or t.head not in group)
        if not _shares_time_upward(first):
            break
        current = first.head
    return found


def _shares_time_upward(token: Token) -> bool:
    """A noun event that is the subject of its clause ("the shootings happened Thursday"),
    an infinitive complement ("tried to storm"), or an adverbial clause that is not
    introduced by a bounding subordinator ("as police fought", a participle) takes the
    date of the clause above; an object, a reported or a relative clause does not."""
    if token.head.i == token.i:
        return False
    if token.dep_ in NOUN_SUBJECTS:
        return token.pos_ in {"NOUN", "PROPN"}
    if token.dep_ == "xcomp":
        return True
    if token.dep_ != "advcl":
        return False
    marks = dates().bounding_marks
    return not any(c.dep_ == "mark" and c.lower_ in marks for c in token.children)


def _clause_verb(trigger: Token) -> Token | None:
    """The verb of the trigger's clause: the trigger, or the verb a noun trigger belongs to."""
    current = trigger
    for _ in range(MAX_LEVELS + 1):
        if current.pos_ in {"VERB", "AUX"}:
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None
