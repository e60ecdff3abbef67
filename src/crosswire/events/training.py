"""Training examples for the learned event decision, from coded articles and gold events.

Every candidate (`candidates`) of a labelled sentence is one example: the PLOVER type of
the labelled event whose trigger it anchors, else ``none``. A labelled trigger of several
words ("held talks", "opened fire") overlaps several candidates: the one the patterns
code with the labelled type anchors it, else the highest in the parse, else the first;
the others are left out (neither event nor non-event). A gold sentence of the shared sets
(PLOVER GSR, CAMEO codebook examples) gives one positive: the candidate its marked event
words anchor (GSR), else the one the patterns code with the gold type; its other
candidates are left out, since the gold marks one event per sentence, not all.

The shared gold sets are split in two halves by a fixed hash of each record's id
(`gold_half`): ``train`` records may be used for training, ``report`` records only for the
figures (`benchmarks/events.py` reports both halves)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from crosswire.events.candidates import Candidate, candidates
from crosswire.events.coder import proposals
from crosswire.events.context import Context
from crosswire.events.features import candidate_features
from crosswire.events.learned import learned_coding
from crosswire.events.triggers import code_learned

NONE = "none"
Bounds = tuple[int, int]  # character offsets into the article text, end exclusive


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """A labelled event: its trigger's offsets in the article and its PLOVER type."""

    start: int
    end: int
    type: str


@dataclass(frozen=True, slots=True)
class Example:
    features: list[str]
    label: str  # a PLOVER type or NONE
    sentence: str  # where it comes from: the article id and the sentence's offsets
    # For a candidate no pattern codes: the types the coder can make an event of there
    # (`buildable`); None: every type (a pattern's event, a gold or pattern example)
    builds: frozenset[str] | None = None


def buildable(candidate: Candidate, context: Context) -> frozenset[str] | None:
    """The types of which the learned decision's event at an unproposed candidate would
    be coded (`triggers.code_learned` finds its actors): deciding any other type there
    changes nothing in the output, so choosing thresholds should not count it."""
    if candidate.proposed is not None:
        return None
    sentence = context.sentence_of(candidate.token)
    return frozenset(
        t
        for t in learned_coding().cameo
        if code_learned(candidate.token, t, sentence, context) is not None
    )


@dataclass(slots=True)
class Tally:
    """How the labelled events met the candidates: anchored, or missed by every one."""

    anchored: int = 0
    missed: int = 0


def gold_half(record_id: str) -> str:
    """``train`` or ``report``: the half of the shared gold sets a record belongs to."""
    return "train" if hashlib.sha1(record_id.encode()).digest()[0] % 2 == 0 else "report"


def labelled_examples(
    context: Context, labelled: dict[Bounds, list[GoldEvent]], tally: Tally
) -> list[Example]:
    """Examples from every candidate in the article's labelled sentences (`labelled`: each
    sentence's bounds and its events)."""
    examples: list[Example] = []
    for sentence in context.doc.sents:
        inside = [b for b in labelled if b[0] < sentence.end_char and sentence.start_char < b[1]]
        if not inside:
            continue
        found = candidates(sentence, proposals(sentence, context))
        for bounds in inside:
            mine = [c for c in found if bounds[0] <= c.token.idx < bounds[1]]
            examples += _sentence_examples(mine, labelled[bounds], context, bounds, tally)
    return examples


def _sentence_examples(
    found: list[Candidate],
    events: list[GoldEvent],
    context: Context,
    bounds: Bounds,
    tally: Tally,
) -> list[Example]:
    labels: dict[int, str] = {}
    left_out: set[int] = set()
    for event in events:
        overlapping = [c for c in found if _overlaps(c.token, event.start, event.end)]
        anchor = choose_anchor(overlapping, event.type)
        if anchor is None:
            tally.missed += 1
            continue
        tally.anchored += 1
        labels[anchor.token.i] = event.type
        left_out.update(c.token.i for c in overlapping if c is not anchor)
    where = f"{context.article.id}:{bounds[0]}-{bounds[1]}"
    return [
        Example(
            candidate_features(c, context),
            labels.get(c.token.i, NONE),
            where,
            buildable(c, context),
        )
        for c in found
        if c.token.i in labels or c.token.i not in left_out
    ]


def gold_example(
    sentence: Span, context: Context, gold_type: str, event_words: Iterable[str] = ()
) -> Example | None:
    """The one positive of a gold sentence (module docstring), or None when no candidate
    is its event."""
    found = candidates(sentence, proposals(sentence, context))
    words = {w.lower() for w in event_words}
    marked = [c for c in found if c.token.lower_ in words]
    anchor = choose_anchor(marked, gold_type) or choose_anchor(
        [c for c in found if c.proposed is not None and c.proposed.type == gold_type], gold_type
    )
    if anchor is None:
        return None
    return Example(candidate_features(anchor, context), gold_type, context.article.id)


def choose_anchor(overlapping: list[Candidate], gold_type: str) -> Candidate | None:
    """The candidate a labelled trigger's type is learned on (module docstring)."""
    if not overlapping:
        return None
    coded = [c for c in overlapping if c.proposed is not None and c.proposed.type == gold_type]
    if coded:
        return coded[0]
    indices = {c.token.i for c in overlapping}
    highest = [c for c in overlapping if c.token.head.i not in indices or c.token.head == c.token]
    return (highest or overlapping)[0]


def _overlaps(token: Token, start: int, end: int) -> bool:
    return token.idx < end and start < token.idx + len(token.text)
