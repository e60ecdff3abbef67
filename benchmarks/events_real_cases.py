"""The labelled sentences as the scoring sees them (`events_real_scoring.Case`): labelled
events in article offsets, each argument with its core words (the parse root of its span and
the root's conjuncts inside it, from a spaCy parse of the sentence alone), and each sentence
with the events crosswire coded whose trigger starts in it."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as DocSpan
from tools.labelling.loader import ADJUDICATOR, LabelledSentence, LabelledSet
from tools.labelling.schema import EventLabel

from crosswire.model import EventMention
from crosswire.nlp import parse
from events_real_scoring import Argument, Case, GoldEvent, Span

# (sentence id, span in sentence offsets) -> the span's core (sentence offsets), its words
Parsed = dict[tuple[str, Span], tuple[tuple[Span, ...], DocSpan | None]]

# ------------------------------------------------------------------ labelled sentences


def bounds(sentence: LabelledSentence) -> Span:
    return sentence.merged.bounds


def page_scopes(data: LabelledSet) -> dict[str, str]:
    """Each labelled page's scope: the adjudicator's, else the first labeller's by name."""
    scopes: dict[str, str] = {}
    for key, labels in data.articles.items():
        ordered = sorted(labels, key=lambda lab: (lab.labeller != ADJUDICATOR, lab.labeller))
        scopes[key] = ordered[0].scope
    return scopes


def cores(data: LabelledSet) -> Parsed:
    """For every labelled argument span (sentence id, span in the sentence): its core words
    in sentence offsets and the span itself, from a parse of the sentence alone."""
    with_events = [s for s in data.sentences if s.merged.events]
    result: Parsed = {}
    for sentence, doc in zip(with_events, parse(s.text for s in with_events), strict=True):
        for event in sentence.merged.events:
            for span in (event.source, event.target):
                if span is not None:
                    result[sentence.id, span] = core_of(doc, span)
    return result


def core_of(doc: Doc, span: Span) -> tuple[tuple[Span, ...], DocSpan | None]:
    words = doc.char_span(span[0], span[1], alignment_mode="expand")
    if words is None or not len(words):
        return (span,), words
    root = words.root
    heads = [root, *(t for t in root.conjuncts if words.start <= t.i < words.end)]
    return tuple((t.idx, t.idx + len(t)) for t in sorted(heads, key=lambda t: t.i)), words


def gold_event(sentence: LabelledSentence, label: EventLabel, parsed: Parsed) -> GoldEvent:
    """A labelled event in article offsets."""
    start = bounds(sentence)[0]

    def shift(span: Span) -> Span:
        return span[0] + start, span[1] + start

    def argument(span: Span | None, note: str | None) -> Argument:
        if span is None:
            return Argument(None, note)
        core, _ = parsed.get((sentence.id, span), ((span,), None))
        return Argument(shift(span), note, tuple(shift(c) for c in core))

    return GoldEvent(
        type=label.type,
        trigger=shift(label.trigger),
        source=argument(label.source, label.source_note),
        target=argument(label.target, label.target_note),
        mode=label.mode,
        date=label.date,
        date_from=label.date_from,
        modality=label.modality,
        negated=label.negated,
        conjoined=conjoined(sentence.id, label, parsed),
    )


def conjoined(sentence_id: str, label: EventLabel, parsed: Parsed) -> bool:
    """The parse joins the labelled source and target as conjuncts ("A and B met")."""
    if label.source is None or label.target is None:
        return False
    source = parsed.get((sentence_id, label.source), ((), None))[1]
    target = parsed.get((sentence_id, label.target), ((), None))[1]
    if source is None or target is None or not len(source) or not len(target):
        return False
    return target.root in source.root.conjuncts


def build_cases(data: LabelledSet, coded: dict[str, list[EventMention]]) -> list[Case]:
    """One case per labelled sentence, with the coded events whose trigger starts in it."""
    parsed = cores(data)
    pages = page_scopes(data)
    cases = []
    for sentence in data.sentences:
        start, end = bounds(sentence)
        cases.append(
            Case(
                id=sentence.id,
                article=sentence.article,
                page=sentence.source,
                split=sentence.split,
                scope=sentence.merged.scope,
                bounds=(start, end),
                gold=tuple(gold_event(sentence, e, parsed) for e in sentence.merged.events),
                coded=tuple(e for e in coded[sentence.article] if start <= e.start < end),
                disputed=sentence.disputed,
                page_scope=pages.get(sentence.article),
            )
        )
    return cases
