"""When two labels of one sentence say the same: shared by the merge rule and agreement.

Events match when they have the same type and overlapping triggers (one-to-one, in
trigger order). An argument (source or target) agrees when both labels give no span, or
both give spans that overlap.
"""

from __future__ import annotations

from tools.labelling.schema import EventLabel, SentenceLabel, Span


def overlap(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def argument_agrees(a: Span | None, b: Span | None) -> bool:
    return (a is None and b is None) or overlap(a, b)


def match_events(
    a: list[EventLabel], b: list[EventLabel], same_type: bool = True
) -> list[tuple[EventLabel, EventLabel]]:
    """Pairs of matching events, each event in at most one pair."""
    pairs: list[tuple[EventLabel, EventLabel]] = []
    free = sorted(b, key=lambda e: e.trigger)
    for event in sorted(a, key=lambda e: e.trigger):
        partner = next(
            (
                other
                for other in free
                if overlap(event.trigger, other.trigger)
                and (not same_type or other.type == event.type)
            ),
            None,
        )
        if partner is not None:
            free.remove(partner)
            pairs.append((event, partner))
    return pairs


def events_agree(a: EventLabel, b: EventLabel) -> bool:
    """Same event for the merge rule: type, trigger, both arguments, modality, negation."""
    return (
        a.type == b.type
        and overlap(a.trigger, b.trigger)
        and argument_agrees(a.source, b.source)
        and argument_agrees(a.target, b.target)
        and a.modality == b.modality
        and a.negated == b.negated
    )


def labels_agree(a: SentenceLabel, b: SentenceLabel) -> bool:
    """Two labels of a sentence say the same: scope, and events pairing up one-to-one."""
    if a.scope != b.scope or len(a.events) != len(b.events):
        return False
    pairs = match_events(a.events, b.events)
    return len(pairs) == len(a.events) and all(events_agree(x, y) for x, y in pairs)
