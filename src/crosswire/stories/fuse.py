"""Event fusion: mentions in one story that report the same happening become one `Event`,
with its independent-source count and the fields on which the sources disagree.

Two mentions report the same happening when (all of):
- same PLOVER type, same negation, and both asserted or both planned/hypothetical;
- the same canonical participants (``ActorRef.key``): the same source and target (a missing
  one matches), or, for reciprocal types (CONSULT, AGREE, COOPERATE), the same set in either
  role. A country stands for its own actors ("the United States" for Pompeo), and a
  surname-only person key for the full name in the same country ("Biden", "Joe Biden");
  an actor's country missing in one mention is taken from the story's other mentions;
- compatible places: not apart (places.py: different countries, or cities in different
  regions of one country); places apart fuse only for the same sides on the same day in
  different articles -- one meeting reported in two places -- and are a contradiction;
- compatible dates: different precision is compatible (2018-05 vs 2018-05-31); dates taken
  from the text that name different days fuse only when the rest of the evidence is strong
  (the participants agree, a place is given or both sides are named, the reports come from
  different articles or from a caption against the text, and the days are at most
  ``max_day_gap`` apart, a setting: `crosswire.settings.FusionSettings`) and are then
  reported as a contradiction; dates that are only the publication date are no evidence
  either way.
Reciprocal mentions sharing only some participants fuse when they name the same day and
place: the differing participants are then a contradiction. The fused event takes the most
reported source and target, never one actor on both sides (`_dyad`).

Grouping: a mention joins the first group (earliest article first) in which it matches a
member and conflicts with none, so fusion never chains two incompatible reports together;
a pair of mentions naming one different actor each and no disagreeing dates is no conflict
(it says nothing either way). Members from other articles that agree in every field the
comparison reads are compared once (`_Group`), so a story of thousands of articles repeating
a few reports costs about as many comparisons as it has distinct reports.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date

from crosswire.actors.countries import country_code
from crosswire.actors.story import canonical_ref, story_actors
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
from crosswire.provenance import independent_sources
from crosswire.settings import DEFAULT, FusionSettings
from crosswire.stories.places import places_apart, places_compatible
from crosswire.timex.values import calendar_day

RECIPROCAL = {"CONSULT", "AGREE", "COOPERATE"}  # participants may appear in either role
COUNT_FIELDS = ("killed", "injured", "arrested", "amount")


def fuse_events(
    story_id: str,
    articles: list[Article],
    analyses: list[Analysis],
    settings: FusionSettings = DEFAULT.fusion,
) -> tuple[list[Event], list[Contradiction]]:
    """The story's events, each fused from every mention reporting it, and the fields on
    which the mentions of one event disagree."""
    by_id = {a.id: a for a in articles}
    mentions = sorted(
        (m for analysis in analyses for m in analysis.events), key=lambda m: _arrival(m, by_id)
    )
    mentions = with_story_actors(mentions)
    groups: list[_Group] = []
    # a group's members all match in type, negation and planning (joining takes a match),
    # so a mention only ever joins a group of its own kind: the others are not tried
    of_kind: dict[tuple[str, bool, bool], list[_Group]] = {}
    for mention in mentions:
        candidates = of_kind.setdefault(_kind(mention), [])
        wanted = _ActorTokens.wanted(mention)
        group = next((g for g in candidates if g.may_join(wanted) and g.joins(mention)), None)
        if group is None:
            group = _Group(settings.max_day_gap)
            groups.append(group)
            candidates.append(group)
        group.add(mention)
    events = [_event(story_id, group.members, by_id) for group in groups]
    contradictions = [
        c for event in sorted(events, key=_event_order) for c in contradictions_of(event)
    ]
    return sorted(events, key=_event_order), contradictions


def with_story_actors(mentions: list[EventMention]) -> list[EventMention]:
    """Copies of the mentions with every actor replaced by its canonical actor across the
    story (`actors.story.story_actors`): one key and one name per person, and the country
    one article did not find taken from the story's other mentions of the same actor."""
    table = story_actors(a for m in mentions for a in _actors(m).values())

    def participants(mention: EventMention) -> list[ActorRef]:
        found = (canonical_ref(p, table) for p in mention.participants)
        return list({p.key: p for p in found if p is not None}.values())

    return [
        replace(
            m,
            source=(source := canonical_ref(m.source, table)),
            target=_other_than(canonical_ref(m.target, table), source),
            participants=participants(m),
        )
        for m in mentions
    ]


def _other_than(target: ActorRef | None, source: ActorRef | None) -> ActorRef | None:
    """The target, unless the story's actors make it the source itself: two names an
    article kept apart that the story finds to be one person make no event of its own doing
    to itself (an event the text tells so keeps its reflexive target: none is coded)."""
    if target is not None and source is not None and target.key == source.key:
        return None
    return target


def _arrival(
    mention: EventMention, articles: dict[str, Article]
) -> tuple[bool, str, bool, str, int, int]:
    """Earliest article first (a known date before an inferred one), then text order: the
    first mention names the event."""
    article = articles.get(mention.article_id)
    published = article.published if article else None
    inferred = bool(article and article.published_inferred)
    order = {"body": 0, "headline": 1, "caption": 2}.get(mention.section, 3)
    return (published is None, published or "", inferred, mention.article_id, order, mention.start)


def _kind(mention: EventMention) -> tuple[str, bool, bool]:
    """What two mentions of one happening share (the first test of `same_event`)."""
    return mention.type, mention.negated, _planned(mention)


class _Group:
    """The mentions of one happening. A story of a thousand articles has thousands of
    mentions, most of them reporting a few happenings in the same words: a mention is
    compared with each of the group's distinct reports (`_report`) from other articles
    once, which gives `_joins`'s answer against all of them, since nothing else of a
    member from another article enters the comparison."""

    def __init__(self, max_day_gap: int) -> None:
        self.max_day_gap = max_day_gap
        self.members: list[EventMention] = []
        self.by_report: dict[tuple[object, ...], list[EventMention]] = {}
        self.by_article: dict[str, list[EventMention]] = {}
        self.actors = _ActorTokens()

    def add(self, mention: EventMention) -> None:
        self.members.append(mention)
        self.by_report.setdefault(_report(mention), []).append(mention)
        self.by_article.setdefault(mention.article_id, []).append(mention)
        self.actors.add(mention)

    def may_join(self, wanted: frozenset[tuple[str, str]] | None) -> bool:
        """False when no member can be the same event as a mention wanting these actor
        tokens (`_ActorTokens`): `joins` would say no, so it is not asked."""
        return self.actors.may_match(wanted)

    def joins(self, mention: EventMention) -> bool:
        compared = list(self.by_article.get(mention.article_id, []))
        for members in self.by_report.values():
            other = next((o for o in members if o.article_id != mention.article_id), None)
            if other is not None:
                compared.append(other)
        return _joins(mention, compared, self.max_day_gap)


class _ActorTokens:
    """What a group's members offer to `_same_actor`, so that a group none of whose members
    can be the same event as a mention is skipped without comparing them (a story of many
    articles has many events of one type, each between its own actors).

    Two actors are the same (`_same_actor`) only if what one wants meets what the other
    offers: the key ("k"); a country actor's country meets any actor of that country ("c");
    an actor's country meets a country actor of it ("C"); a person's last name word meets
    another person's ("p"). Every way `same_event` says yes needs a pair of the same actors,
    except a non-reciprocal type where one side names no actor at all, which this keeps
    apart (`actorless`): an exact filter, which never changes what `joins` answers."""

    def __init__(self) -> None:
        self.offered: set[tuple[str, str]] = set()
        self.actorless = False  # a member of a non-reciprocal type that names no actor

    def add(self, mention: EventMention) -> None:
        actors = _actors(mention).values()
        self.actorless |= not actors and mention.type not in RECIPROCAL
        self.offered.update(t for actor in actors for t in _actor_tokens(actor, "C", "c"))

    @staticmethod
    def wanted(mention: EventMention) -> frozenset[tuple[str, str]] | None:
        """The tokens a mention's actors want; None for a mention that may match a member
        whatever its actors (a non-reciprocal type, and no actor named)."""
        actors = _actors(mention).values()
        if not actors and mention.type not in RECIPROCAL:
            return None
        return frozenset(t for actor in actors for t in _actor_tokens(actor, "c", "C"))

    def may_match(self, wanted: frozenset[tuple[str, str]] | None) -> bool:
        return wanted is None or self.actorless or not self.offered.isdisjoint(wanted)


def _actor_tokens(actor: ActorRef, as_country: str, of_country: str) -> list[tuple[str, str]]:
    """An actor's tokens (`_ActorTokens`): its key, its country marked `as_country` when it
    is a country actor and `of_country` whenever it has one, and a person's last name word."""
    tokens = [("k", actor.key)]
    if actor.country:
        tokens.append((of_country, actor.country))
        if _is_country(actor):
            tokens.append((as_country, actor.country))
    if _is_person(actor) and (words := actor.key.split(":", 1)[1].split()):
        tokens.append(("p", words[-1]))
    return tokens


def _report(mention: EventMention) -> tuple[object, ...]:
    """Every field of a mention that `same_event` and `_informative` read, but its article
    and position."""

    def actor(ref: ActorRef | None) -> tuple[str, str | None] | None:
        return None if ref is None else (ref.key, ref.country)

    place = mention.location
    return (
        _kind(mention),
        mention.section,
        actor(mention.source),
        actor(mention.target),
        tuple(actor(p) for p in mention.participants),
        None if place is None else (place.name, place.country),
        mention.date,
        mention.date_from,
    )


def _joins(mention: EventMention, group: list[EventMention], max_day_gap: int) -> bool:
    """Same event as some member and in conflict with none (whatever their order). Two
    mentions that each name one actor, different ones, and no dates that disagree say
    nothing about each other."""
    linked = False
    for other in group:
        if same_event(mention, other, max_day_gap):
            linked = True
        elif _informative(mention, other):
            return False
    return linked


def _informative(a: EventMention, b: EventMention) -> bool:
    actors_a, actors_b = _actors(a), _actors(b)
    lone = len(actors_a) <= 1 and len(actors_b) <= 1 and not set(actors_a) & set(actors_b)
    days = _text_days(a), _text_days(b)
    return not lone or bool(days[0] and days[1] and days[0] != days[1])


def _event_order(event: Event) -> tuple[bool, str, str]:
    return (event.date is None, event.date or "", event.id)


# ------------------------------------------------------------------ same event?


def participant_keys(mention: EventMention) -> set[str]:
    keys = {p.key for p in mention.participants}
    keys |= {a.key for a in (mention.source, mention.target) if a}
    return keys


def _actors(mention: EventMention) -> dict[str, ActorRef]:
    found = {p.key: p for p in mention.participants}
    found.update({a.key: a for a in (mention.source, mention.target) if a})
    return found


def same_event(a: EventMention, b: EventMention, max_day_gap: int) -> bool:
    if _kind(a) != _kind(b):
        return False
    if a.article_id == b.article_id and a.sentence_start == b.sentence_start:
        return False  # one sentence reports one happening per trigger
    full, partial = _participants_agree(a, b)
    days = _text_days(a), _text_days(b)
    if not places_compatible(a.location, b.location):
        # the same sides on the same day in two places: one meeting, reported in two places
        return full and days[0] is not None and days[0] == days[1] and a.article_id != b.article_id
    if days[0] and days[1] and days[0] != days[1]:
        gap = abs((date.fromisoformat(days[0]) - date.fromisoformat(days[1])).days)
        # one article gives one date per happening, unless a caption disagrees with the text
        separately_written = a.article_id != b.article_id or a.section != b.section
        placed = a.location is not None or b.location is not None
        strong = full and (placed or _both_sides_named(a, b))
        return separately_written and strong and gap <= max_day_gap
    if full:
        return _dates_compatible(a, b)
    same_day = days[0] is not None and days[0] == days[1]
    same_place = (
        a.location is not None and b.location is not None and a.location.name == b.location.name
    )
    return partial and same_day and same_place


def _participants_agree(a: EventMention, b: EventMention) -> tuple[bool, bool]:
    """(the same participants, some shared participants only). A country stands for its
    own officials: "the United States" and "Mike Pompeo" (USA) are one side."""
    actors_a, actors_b = _actors(a), _actors(b)
    if a.type not in RECIPROCAL:
        same = _same_role(a.source, b.source) and _same_role(a.target, b.target)
        return same and (_matched(actors_a, actors_b) > 0 or not actors_a or not actors_b), False
    if not actors_a or not actors_b:
        return False, False
    in_a, in_b = _matched(actors_a, actors_b), _matched(actors_b, actors_a)
    enough = min(in_a, in_b) >= min(2, len(actors_a), len(actors_b))
    full = enough and (in_a == len(actors_a) or in_b == len(actors_b))
    return full, not full and min(in_a, in_b) > 0


def _both_sides_named(a: EventMention, b: EventMention) -> bool:
    """Both mentions name at least two participants, all matching."""
    actors_a, actors_b = _actors(a), _actors(b)
    return min(_matched(actors_a, actors_b), _matched(actors_b, actors_a)) >= 2


def _matched(these: dict[str, ActorRef], those: dict[str, ActorRef]) -> int:
    """How many of these actors have a counterpart among those."""
    return sum(1 for actor in these.values() if any(_same_actor(actor, o) for o in those.values()))


def _same_actor(a: ActorRef, b: ActorRef) -> bool:
    """Equal keys; a country and one of its own actors; or a person's surname-only key
    and the full one ("Biden", "Joe Biden") -- the actors stage keys each article alone."""
    if a.key == b.key:
        return True
    if a.country and a.country == b.country and (_is_country(a) or _is_country(b)):
        return True
    return _is_person(a) and _is_person(b) and _name_within(a, b)


def _is_person(actor: ActorRef) -> bool:
    return actor.key.startswith("person:")


def _name_within(a: ActorRef, b: ActorRef) -> bool:
    words_a, words_b = a.key.split(":", 1)[1].split(), b.key.split(":", 1)[1].split()
    short, long = sorted((words_a, words_b), key=len)
    same_country = not a.country or not b.country or a.country == b.country
    return bool(short) and long[-len(short) :] == short and same_country


def _is_country(actor: ActorRef) -> bool:
    return actor.key.startswith("country:")


def _planned(mention: EventMention) -> bool:
    return mention.modality in {"planned", "hypothetical"}


def _same_role(a: ActorRef | None, b: ActorRef | None) -> bool:
    return a is None or b is None or _same_actor(a, b)


def _text_days(mention: EventMention) -> str | None:
    """The day the text itself gives (not the publication date), if it gives one."""
    day = calendar_day(mention.date) if mention.date_from == "text" else None
    return day.isoformat() if day else None


def _dates_compatible(a: EventMention, b: EventMention) -> bool:
    if not a.date or not b.date or "published" in (a.date_from, b.date_from):
        return True
    return a.date.startswith(b.date) or b.date.startswith(a.date)


# ------------------------------------------------------------------ the fused event


def _event(story_id: str, group: list[EventMention], articles: dict[str, Article]) -> Event:
    first = group[0]  # the earliest article's first mention: new reports keep the id
    ordered = sorted(group, key=lambda m: (m.article_id, m.section, m.start))
    main = [m for m in ordered if m.modality == "asserted"] or ordered
    dated = (  # the text's own dates first, the main text before captions
        [m for m in ordered if m.date and m.date_from == "text" and m.section == "body"]
        or [m for m in ordered if m.date and m.date_from == "text"]
        or [m for m in ordered if m.date]
    )
    participants = {p.key: p for m in ordered for p in m.participants}
    source, target = _dyad(main)
    return Event(
        id=stable_id("v", story_id, first.id),
        story_id=story_id,
        type=first.type,
        mode=_majority(m.mode for m in main),
        cameo=_most_specific_code(m.cameo for m in main),
        source=source,
        target=target,
        participants=sorted(participants.values(), key=lambda p: p.key),
        location=_most_specific_place([m.location for m in main]),
        date=_most_specific(m.date for m in dated),
        date_from=dated[0].date_from if dated else None,
        negated=first.negated,
        modality=Counter(m.modality for m in ordered).most_common(1)[0][0],
        article_ids=sorted({m.article_id for m in ordered}),
        n_sources=independent_sources(ordered, articles),
        mentions=ordered,
    )


def _dyad(mentions: list[EventMention]) -> tuple[ActorRef | None, ActorRef | None]:
    """The most reported source and target, never one actor on both sides: mentions that
    each name one side fuse ("Nixon resigned", "the resignation of Nixon"), and the actor
    keeps the role more of them give it (the source on a tie); the other side is the next
    most reported actor there, if any."""
    sources = [m.source for m in mentions if m.source is not None]
    targets = [m.target for m in mentions if m.target is not None]
    source, target = _majority_actor(sources), _majority_actor(targets)
    if source is None or target is None or source.key != target.key:
        return source, target
    key = source.key
    if sum(a.key == key for a in sources) >= sum(a.key == key for a in targets):
        return source, _majority_actor(a for a in targets if a.key != key)
    return _majority_actor(a for a in sources if a.key != key), target


def _majority(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return None if not counts else max(counts, key=lambda v: (counts[v], len(v), v))


def _most_specific_code(values: Iterable[str | None]) -> str | None:
    """The longest CAMEO code that the others are prefixes of; else the majority."""
    found = sorted({v for v in values if v}, key=lambda v: (-len(v), v))
    for code in found:
        if all(code.startswith(other) for other in found):
            return code
    return _majority(found)


def _majority_actor(actors: Iterable[ActorRef | None]) -> ActorRef | None:
    found = [a for a in actors if a is not None]
    key = _majority(a.key for a in found)
    return next((a for a in found if a.key == key), None)


def _most_specific(values: Iterable[str | None]) -> str | None:
    """The most reported value; among equals the most precise (longest)."""
    found = [v for v in values if v]
    if not found:
        return None
    counts = Counter(found)
    return max(found, key=lambda v: (counts[v], len(v), v))


def _most_specific_place(places: list[Place | None]) -> Place | None:
    """The most reported place, a city before its country."""
    found = [p for p in places if p is not None]
    if not found:
        return None
    counts = Counter(p.name for p in found)
    countries = {country_code(p.name) for p in found} - {None}
    name = max(counts, key=lambda n: (counts[n], country_code(n) not in countries, n))
    return next(p for p in found if p.name == name)


# ------------------------------------------------------------------ disagreements


def contradictions_of(event: Event) -> list[Contradiction]:
    """Dates on different days, places apart (places.py), different counts, different
    participants -- each value with the articles behind it."""
    found = []
    dates = _values(event, _text_days)
    if len(dates) > 1:
        found.append(_contradiction(event, "date", dates))
    places = _values(event, lambda m: m.location.name if m.location else None)
    named = {m.location.name: m.location for m in event.mentions if m.location}
    if any(places_apart(named[a], named[b]) for a in places for b in places if a < b):
        found.append(_contradiction(event, "location", places))
    for name in COUNT_FIELDS:
        counts = _values(event, _count_of(name))
        if len(counts) > 1:
            found.append(_contradiction(event, name, counts))
    participants = _participant_sets(event)
    if len(participants) > 1:
        found.append(_contradiction(event, "participants", participants))
    return found


def _participant_sets(event: Event) -> dict[str, set[str]]:
    """The participant sets of the mentions when two of them each name an actor the other
    has no counterpart for (a different person met, not a country for its minister)."""
    sets: dict[frozenset[str], set[str]] = {}
    actors: dict[str, ActorRef] = {}
    for mention in event.mentions:
        found = _actors(mention)
        actors.update(found)
        if len(found) >= 2:
            sets.setdefault(frozenset(found), set()).add(mention.article_id)
    keys = sorted(sets, key=sorted)
    conflicting = {
        k
        for i, a in enumerate(keys)
        for b in keys[i + 1 :]
        if _substituted(a, b, actors)
        for k in (a, b)
    }
    return {
        " – ".join(sorted(actors[k].name for k in group)): sets[group]
        for group in sorted(conflicting, key=sorted)
    }


def _substituted(a: frozenset[str], b: frozenset[str], actors: dict[str, ActorRef]) -> bool:
    """Each set names an actor without counterpart in the other."""
    side_a, side_b = {k: actors[k] for k in a}, {k: actors[k] for k in b}
    return _matched(side_a, side_b) < len(side_a) and _matched(side_b, side_a) < len(side_b)


def _count_of(name: str) -> Callable[[EventMention], str | None]:
    """A mention's count of `name` ("killed") as text, or None where it gives none."""
    return lambda mention: str(mention.numbers[name]) if name in mention.numbers else None


def _values(event: Event, pick: Callable[[EventMention], str | None]) -> dict[str, set[str]]:
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
