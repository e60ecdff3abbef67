"""Which time expression dates an event, read on the parse (the labelling guideline's
section 6): one attached to the event's own words ("met on Monday", "Tuesday's attack"),
else one the sentence applies to it (a conjoined or simultaneous clause: "was shot and
killed on Saturday", "killed three Wednesday as police fought protesters"); never one in
another sentence, in a reported clause ("officials said Monday that ..."), in a relative
clause, or one that bounds the event instead of dating it ("the first visit since 2009").
Whether the publication date may stand in is `recent_report`'s question."""

from __future__ import annotations

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
