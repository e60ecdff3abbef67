"""Event fusion: mentions in one story that report the same happening become one `Event`,
with its independent-source count and the fields on which the sources disagree."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from crosswire.model import (
    ActorRef,
    Analysis,
    Article,
    Contradiction,
    Event,
    EventMention,
    Place,
    ValueSupport,
    stable_id,
)

RECIPROCAL = {"CONSULT", "AGREE", "COOPERATE"}  # participants may appear in either role
COUNT_FIELDS = ("killed", "injured", "arrested", "amount")


def fuse_events(
    story_id: str, articles: list[Article], analyses: list[Analysis]
) -> tuple[list[Event], list[Contradiction]]:
    by_id = {a.id: a for a in articles}
    mentions = [m for analysis in analyses for m in analysis.events]
    groups: list[list[EventMention]] = []
    for mention in mentions:
        group = next((g for g in groups if all(_same_event(mention, other) for other in g)), None)
        if group is None:
            groups.append([mention])
        else:
            group.append(mention)
    events = [_event(story_id, group, by_id) for group in groups]
    contradictions = [c for event in events for c in contradictions_of(event)]
    return sorted(events, key=_event_order), contradictions


def _event_order(event: Event) -> tuple[bool, str, str]:
    return (event.date is None, event.date or "", event.id)


# ------------------------------------------------------------------ same event?


def _keys(mention: EventMention) -> set[str]:
    keys = {p.key for p in mention.participants}
    keys |= {a.key for a in (mention.source, mention.target) if a}
    return keys


def _same_event(a: EventMention, b: EventMention) -> bool:
    if a.type != b.type or a.negated != b.negated or _planned(a) != _planned(b):
        return False
    if a.type in RECIPROCAL:
        keys_a, keys_b = _keys(a), _keys(b)
        shared = keys_a & keys_b
        if not shared or len(shared) < min(2, len(keys_a), len(keys_b)):
            return False
    elif not _same_role(a.source, b.source) or not _same_role(a.target, b.target):
        return False
    if a.article_id == b.article_id:  # one article reports one happening once per sentence
        return (
            _dates_compatible(a, b)
            and _places_compatible(a.location, b.location)
            and a.sentence_start != b.sentence_start
        )
    return _places_compatible(a.location, b.location)


def _planned(mention: EventMention) -> bool:
    return mention.modality in {"planned", "hypothetical"}


def _same_role(a: ActorRef | None, b: ActorRef | None) -> bool:
    return a is None or b is None or a.key == b.key


def _dates_compatible(a: EventMention, b: EventMention) -> bool:
    if not a.date or not b.date:
        return True
    return a.date.startswith(b.date) or b.date.startswith(a.date)


def _places_compatible(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return True
    return a.country is None or b.country is None or a.country == b.country


# ------------------------------------------------------------------ the fused event


def _event(story_id: str, group: list[EventMention], articles: dict[str, Article]) -> Event:
    group = sorted(group, key=lambda m: (m.article_id, m.start))
    dated = (  # the text's own dates first, the main text before captions
        [m for m in group if m.date and m.date_from == "text" and m.section == "body"]
        or [m for m in group if m.date and m.date_from == "text"]
        or [m for m in group if m.date]
    )
    participants = {p.key: p for m in group for p in m.participants}
    return Event(
        id=stable_id("v", story_id, *sorted(m.id for m in group)),
        story_id=story_id,
        type=group[0].type,
        mode=_majority(m.mode for m in group),
        cameo=_majority(m.cameo for m in group),
        source=_majority_actor(m.source for m in group),
        target=_majority_actor(m.target for m in group),
        participants=sorted(participants.values(), key=lambda p: p.key),
        location=_most_specific_place([m.location for m in group]),
        date=_most_specific(m.date for m in dated),
        date_from=dated[0].date_from if dated else None,
        negated=group[0].negated,
        modality=Counter(m.modality for m in group).most_common(1)[0][0],
        article_ids=sorted({m.article_id for m in group}),
        n_sources=independent_sources(group, articles),
        mentions=group,
    )


def independent_sources(group: list[EventMention], articles: dict[str, Article]) -> int:
    """Copies of one article count once; articles relaying one primary source count once."""
    units = set()
    for mention in group:
        article = articles.get(mention.article_id)
        if mention.attributed_to is not None:
            units.add(("source", mention.attributed_to.key))
        else:
            units.add(
                (
                    "article",
                    (
                        article.duplicate_of
                        if article and article.duplicate_of
                        else mention.article_id
                    ),
                )
            )
    return len(units)


def _majority(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return None if not counts else max(counts, key=lambda v: (counts[v], len(v), v))


def _majority_actor(actors: Iterable[ActorRef | None]) -> ActorRef | None:
    found = [a for a in actors if a is not None]
    key = _majority(a.key for a in found)
    return next((a for a in found if a.key == key), None)


def _most_specific(values: Iterable[str | None]) -> str | None:
    found = [v for v in values if v]
    if not found:
        return None
    counts = Counter(found)
    return max(found, key=lambda v: (counts[v], len(v), v))


def _most_specific_place(places: list[Place | None]) -> Place | None:
    found = [p for p in places if p is not None]
    if not found:
        return None
    counts = Counter(p.name for p in found)
    name = max(counts, key=lambda n: (counts[n], n))
    return next(p for p in found if p.name == name)


# ------------------------------------------------------------------ disagreements


def contradictions_of(event: Event) -> list[Contradiction]:
    found = []
    dates = _values(
        event, lambda m: m.date if m.date_from == "text" and m.date and len(m.date) >= 10 else None
    )
    if len({v[:10] for v in dates}) > 1:
        found.append(_contradiction(event, "date", dates))
    places = _values(event, lambda m: m.location.name if m.location else None)
    countries = {m.location.country for m in event.mentions if m.location and m.location.country}
    if len(places) > 1 and len(countries) > 1:
        found.append(_contradiction(event, "location", places))
    for name in COUNT_FIELDS:
        counts = _values(event, lambda m, n=name: str(m.numbers[n]) if n in m.numbers else None)
        if len(counts) > 1:
            found.append(_contradiction(event, name, counts))
    return found


def _values(event: Event, pick) -> dict[str, set[str]]:  # type: ignore[no-untyped-def]
    values: dict[str, set[str]] = {}
    for mention in event.mentions:
        value = pick(mention)
        if value:
            values.setdefault(value, set()).add(mention.article_id)
    return values


def _contradiction(event: Event, field: str, values: dict[str, set[str]]) -> Contradiction:
    return Contradiction(
        event_id=event.id,
        field=field,
        values=[
            ValueSupport(value=v, article_ids=sorted(ids)) for v, ids in sorted(values.items())
        ],
    )
