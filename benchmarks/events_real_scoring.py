"""Scoring crosswire's coded events against the labelled real-news sentences (issue 19).

Pure functions over plain data, so that tests can check them on hand-written fixtures;
`benchmarks/events_real.py` builds the data from the labels and a crosswire run. Every
offset here is a character offset into the article text (a label's sentence offsets plus
the sentence's start).

**Which coded events count.** A coded event belongs to the labelled sentence whose
``[start, end)`` holds its trigger's first character; events elsewhere are ignored.

**Matching** (per sentence, one-to-one). A coded event and a labelled event are a
candidate pair when their triggers overlap (``a.start < b.end and b.start < a.end``) or
their types are equal. Pairs are taken greedily in this order, each event in at most one
pair (ties broken left to right by the later keys):
1. triggers overlap and types equal, 2. triggers overlap only, 3. types equal only;
then the distance between the triggers' starts, the coded trigger's start, the labelled
trigger's start, the coded type.

**Arguments.** A coded actor (an ``ActorRef``) is *right* for a labelled argument when:
- the label gives no span (note ``other-sentence``, ``unstated`` or ``none``): the coded
  actor is None too;
- the label gives a span: the coded actor is not None and
  (a) a crosswire mention with the actor's ``key`` overlaps the span, and, when mentions
      of several actors overlap the span, one of the actor's mentions overlaps the span's
      *core* (its head words: the parse root of the span and the root's conjuncts inside
      it; "Sen. Smith" is Smith's span, not Senegal's), unless no mention touches the
      core at all; or
  (b) the actor's name and the core share a content word (``\\w+``, lower-cased, not a
      spaCy English stop word): generic actors such as "police" are named by their words;
  (c) for a span noted ``pronoun`` (the label does not say whom it refers to): (a) or
      (b), or the actor is named in the text from the start of the crosswire sentence
      `PRONOUN_WINDOW` sentences before the pronoun's up to the pronoun, by a mention of
      a fitting kind: a PERSON mention for a personal pronoun (`PERSON_PRONOUNS`), any
      other mention, or a content word of the actor's name, for the others. This is
      lenient where several fitting actors are named there; the figures count the
      pronoun arguments (``pronoun_arguments``) so that their weight is visible.
The core is the whole span when the label's sentence was not parsed (the test fixtures).

**Reciprocal events** compare the dyad unordered (either orientation may be right): the
labelled type is CONSULT (not mode ``visit``: visitor and host are ordered) or COOPERATE,
or the parse joins the labelled source and target as conjuncts ("A and B clashed").
With three or more parties the label spans them all as the source and gives the target
``none``: the coded source must be right for that span, and the coded target must be None
or another actor right for that span.

**Figures** (each a rate with its counts; a rate of nothing is None):
- usable precision: coded events matched with type, source and target right / coded events;
- strict recall: labelled events matched with type, source and target right / labelled;
- type precision / type recall: matched with the same type / coded, resp. labelled;
- source right, target right, dyad right: over matched pairs of the same type;
- date right: over matched pairs of the same type whose label has a date (equal strings);
- modality and negation right: over matched pairs of the same type;
- false events per 100 sentences: coded events in sentences labelled ``out`` or
  ``other-language``, per 100 such sentences, overall, per scope and per page kind
  (source: extraction, pubdate, ecb); and on *pages* labelled out or other-language,
  unmatched coded events per 100 of their labelled sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from crosswire.model import ActorRef, EventMention, Mention

Span = tuple[int, int]
PRONOUN_WINDOW = 2  # crosswire sentences before the pronoun's that may name its antecedent
PERSON_PRONOUNS = frozenset(
    [
        "i",
        "me",
        "my",
        "mine",
        "myself",
        "he",
        "him",
        "his",
        "himself",
        "she",
        "her",
        "hers",
        "herself",
    ]
)
RECIPROCAL_TYPES = frozenset({"CONSULT", "COOPERATE"})
ORDERED_MODES = frozenset({"visit"})
NOT_IN_SCOPE = ("out", "other-language")
PAGE_KINDS = ("extraction", "pubdate", "ecb")


@dataclass(frozen=True, slots=True)
class Argument:
    """A labelled source or target: its span (None: see the note) and its core words."""

    span: Span | None
    note: str | None = None  # the label's note: pronoun, other-sentence, unstated, none
    core: tuple[Span, ...] = ()  # head words (root and its conjuncts); () = the whole span


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """A labelled event, in article offsets."""

    type: str
    trigger: Span
    source: Argument
    target: Argument
    mode: str | None = None
    date: str | None = None
    date_from: str | None = None  # the label's: clause, sentence, publication
    modality: str = "asserted"
    negated: bool = False
    conjoined: bool = False  # the parse joins source and target as conjuncts

    @property
    def unordered(self) -> bool:
        reciprocal_type = self.type in RECIPROCAL_TYPES and self.mode not in ORDERED_MODES
        return reciprocal_type or self.conjoined

    @property
    def multiparty(self) -> bool:
        return self.target.span is None and self.target.note == "none" and len(self.source.core) > 1


@dataclass(frozen=True, slots=True)
class Case:
    """One labelled sentence and the events crosswire coded in it."""

    id: str
    article: str
    page: str  # the source kind: extraction, pubdate, ecb
    split: str
    scope: str
    bounds: Span
    gold: tuple[GoldEvent, ...] = ()
    coded: tuple[EventMention, ...] = ()
    disputed: bool = False
    page_scope: str | None = None  # the article label's scope, when there is one


@dataclass(frozen=True, slots=True)
class Found:
    """What crosswire found in one article that the argument rules read."""

    text: str
    mentions: tuple[Mention, ...] = ()
    sentences: tuple[Span, ...] = ()  # crosswire's sentence spans


@dataclass(frozen=True, slots=True)
class Judged:
    """A matched pair and what is right in it."""

    coded: EventMention
    gold: GoldEvent
    type: bool
    source: bool
    target: bool

    @property
    def usable(self) -> bool:
        return self.type and self.source and self.target


# ------------------------------------------------------------------ matching


def overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def trigger(event: EventMention) -> Span:
    return event.start, event.end


def match(
    coded: Iterable[EventMention], gold: Iterable[GoldEvent]
) -> list[tuple[EventMention, GoldEvent]]:
    """The one-to-one pairs of a sentence's coded and labelled events (module docstring)."""
    candidates = []
    for c in coded:
        for g in gold:
            touching, same = overlap(trigger(c), g.trigger), c.type == g.type
            if touching or same:
                tier = 0 if touching and same else 1 if touching else 2
                key = (tier, abs(c.start - g.trigger[0]), c.start, g.trigger[0], c.type)
                candidates.append((key, c, g))
    pairs: list[tuple[EventMention, GoldEvent]] = []
    used_coded: set[int] = set()
    used_gold: set[int] = set()
    for _, c, g in sorted(candidates, key=lambda item: item[0]):
        if id(c) not in used_coded and id(g) not in used_gold:
            used_coded.add(id(c))
            used_gold.add(id(g))
            pairs.append((c, g))
    return pairs


# ------------------------------------------------------------------ arguments


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if w not in STOP_WORDS}


def actor_right(actor: ActorRef | None, argument: Argument, found: Found) -> bool:
    """Whether `actor` is the labelled argument's actor (module docstring)."""
    if argument.span is None:
        return actor is None
    if actor is None:
        return False
    if _named_in_span(actor, argument, found):
        return True
    return argument.note == "pronoun" and _named_before(actor, argument.span, found)


def _named_in_span(actor: ActorRef, argument: Argument, found: Found) -> bool:
    assert argument.span is not None
    core = argument.core or (argument.span,)
    in_span = [m for m in found.mentions if overlap((m.start, m.end), argument.span)]
    keys = {m.actor.key for m in in_span}
    if actor.key in keys:
        on_core = {m.actor.key for m in in_span if any(overlap((m.start, m.end), c) for c in core)}
        if len(keys) == 1 or not on_core or actor.key in on_core:
            return True
    core_words = set().union(*(content_words(found.text[a:b]) for a, b in core))
    return bool(content_words(actor.name) & core_words)


def _named_before(actor: ActorRef, pronoun: Span, found: Found) -> bool:
    """The actor is named shortly before the pronoun, as a kind the pronoun fits (rule (c))."""
    start = window_start(pronoun[0], found.sentences)
    personal = found.text[pronoun[0] : pronoun[1]].lower() in PERSON_PRONOUNS
    named = [
        m for m in found.mentions
        if m.actor.key == actor.key and start <= m.start < pronoun[0]
    ]  # fmt: skip
    if any((m.type == "PERSON") == personal for m in named):
        return True
    words = content_words(found.text[start : pronoun[0]])
    return not personal and bool(content_words(actor.name) & words)


def window_start(offset: int, sentences: tuple[Span, ...]) -> int:
    """The start of the crosswire sentence `PRONOUN_WINDOW` sentences before `offset`'s."""
    index = next((i for i, (a, b) in enumerate(sentences) if a <= offset < b), None)
    if index is None:
        before = [i for i, (a, _) in enumerate(sentences) if a <= offset]
        index = before[-1] if before else 0
    return sentences[max(0, index - PRONOUN_WINDOW)][0] if sentences else 0


def judge(coded: EventMention, gold: GoldEvent, found: Found) -> Judged:
    """A matched pair's type, source and target verdicts (orientation rules in the docstring)."""
    source, target = dyad(coded, gold, found)
    return Judged(coded, gold, coded.type == gold.type, source, target)


def dyad(coded: EventMention, gold: GoldEvent, found: Found) -> tuple[bool, bool]:
    if gold.multiparty:
        source = actor_right(coded.source, gold.source, found)
        target = coded.target is None or (
            coded.source is not None
            and coded.target.key != coded.source.key
            and actor_right(coded.target, gold.source, found)
        )
        return source, target
    ordered = (
        actor_right(coded.source, gold.source, found),
        actor_right(coded.target, gold.target, found),
    )
    if all(ordered) or not gold.unordered:
        return ordered
    swapped = (
        actor_right(coded.source, gold.target, found),
        actor_right(coded.target, gold.source, found),
    )
    return swapped if all(swapped) else ordered


# ------------------------------------------------------------------ figures


def rate(n: int, of: int, digits: int = 3) -> dict[str, Any]:
    return {"rate": round(n / of, digits) if of else None, "n": n, "of": of}


def per_100(n: int, sentences: int) -> dict[str, Any]:
    return {"per_100": round(100 * n / sentences, 2) if sentences else None, "events": n,
            "sentences": sentences}  # fmt: skip


def judge_case(case: Case, found: Found) -> list[Judged]:
    return [judge(c, g, found) for c, g in match(case.coded, case.gold)]


def score(cases: list[Case], found: dict[str, Found]) -> dict[str, Any]:
    """Every figure of the module docstring over `cases`."""
    judged = [j for case in cases for j in judge_case(case, found[case.article])]
    coded = sum(len(case.coded) for case in cases)
    labelled = sum(len(case.gold) for case in cases)
    typed = [j for j in judged if j.type]
    dated = [j for j in typed if j.gold.date is not None]
    return {
        "sentences": len(cases),
        "coded_events": coded,
        "labelled_events": labelled,
        "matched": len(judged),
        "usable_precision": rate(sum(j.usable for j in judged), coded),
        "strict_recall": rate(sum(j.usable for j in judged), labelled),
        "type_precision": rate(len(typed), coded),
        "type_recall": rate(len(typed), labelled),
        "source_right": rate(sum(j.source for j in typed), len(typed)),
        "target_right": rate(sum(j.target for j in typed), len(typed)),
        "dyad_right": rate(sum(j.source and j.target for j in typed), len(typed)),
        "date_right": rate(sum(j.coded.date == j.gold.date for j in dated), len(dated)),
        "modality_negation_right": rate(sum(map(attributes_right, typed)), len(typed)),
        "pronoun_arguments": pronoun_arguments(typed),
        "false_events": false_events(cases),
        "false_events_on_out_of_scope_pages": false_events_on_pages(cases),
    }


def pronoun_arguments(typed: list[Judged]) -> dict[str, Any]:
    """Of the sources and targets labelled as pronouns (matched pairs of the right type),
    how many rule (c) counts right."""
    right = total = 0
    for pair in typed:
        for role in ("source", "target"):
            if getattr(pair.gold, role).note == "pronoun":
                total += 1
                right += getattr(pair, role)
    return rate(right, total)


def attributes_right(pair: Judged) -> bool:
    coded, gold = pair.coded, pair.gold
    return coded.modality == gold.modality and coded.negated == gold.negated


def false_events(cases: list[Case]) -> dict[str, Any]:
    """Coded events in sentences labelled out or other-language, per 100 such sentences."""
    outside = [case for case in cases if case.scope in NOT_IN_SCOPE]

    def of(selected: list[Case]) -> dict[str, Any]:
        return per_100(sum(len(c.coded) for c in selected), len(selected))

    return {
        "not_in_scope": of(outside),
        "by_scope": {scope: of([c for c in outside if c.scope == scope]) for scope in NOT_IN_SCOPE},
        "by_page_kind": {kind: of([c for c in outside if c.page == kind]) for kind in PAGE_KINDS},
    }


def false_events_on_pages(cases: list[Case]) -> dict[str, Any]:
    """On pages labelled out or other-language: coded events matching no labelled event,
    per 100 labelled sentences of those pages."""
    pages = [case for case in cases if case.page_scope in NOT_IN_SCOPE]
    unmatched = sum(len(c.coded) - len(match(c.coded, c.gold)) for c in pages)
    return per_100(unmatched, len(pages))
