"""The event list (``/api/events``) and one event's screen: each mention's sentence cut
into highlighted segments, with its attribution (`event_detail`)."""

from __future__ import annotations

from dataclasses import dataclass

from crosswire.graph import event_actors
from crosswire.model import ActorRef, Analysis, Article, Event, EventMention
from crosswire.store.base import EventFilter, Store
from crosswire.views.rows import (
    ActorCount,
    ArticleRow,
    EventRow,
    article_row,
    event_row,
    section_text,
)
from crosswire.views.shared import Page, ViewError, check_date
from crosswire.views.sources import ContradictionView, analysis_reader, contradiction_views


def event_rows(
    store: Store,
    where: EventFilter | None = None,
    until: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page[EventRow]:
    """Fused events as the CLI filters them (actor alias, type, since, story), plus until;
    one page read from the store, the total counted there."""
    where = where or EventFilter()
    where.since = check_date(where.since, "since")
    where.until = check_date(until, "until") or where.until
    if where.since and where.until and where.since[: len(where.until)] > where.until:
        raise ViewError(f"since ({where.since}) is after until ({where.until})")
    events, total = store.events_page(where, limit, offset)
    return Page(items=[event_row(e) for e in events], total=total, limit=limit, offset=offset)


@dataclass(slots=True)
class Segment:
    """A piece of a sentence; `kind` says what it is ("" for plain text)."""

    text: str
    kind: str = ""  # "trigger", "actor", "place", "time"
    title: str = ""  # what the highlight means, for a tooltip


@dataclass(slots=True)
class MentionView:
    article: ArticleRow
    section: str  # which text the offsets point into: "body", "headline" or "caption"
    trigger: str
    start: int  # the event words
    end: int
    sentence_start: int
    sentence_end: int
    segments: list[Segment]
    attributed_to: str | None
    attributed_to_id: str | None
    attribution_cue: str | None


@dataclass(slots=True)
class EventDetail:
    event: EventRow
    cameo: str | None
    mode: str | None
    date_from: str | None
    location_country: str | None
    source: ActorCount | None  # who acted, with country and sector
    target: ActorCount | None  # who was acted on
    mentions: list[MentionView]
    contradictions: list[ContradictionView]


_PRIORITY = {"trigger": 4, "actor": 3, "place": 2, "time": 1}


def event_detail(store: Store, event_id: str) -> EventDetail | None:
    """An event with each mention's sentence split into highlighted segments."""
    event = store.event(event_id)
    if event is None:
        return None
    articles = {a.id: a for a in store.articles(event.article_ids)}
    story = store.story(event.story_id) if event.story_id else None
    disputes = [c for c in (story.contradictions if story else []) if c.event_id == event_id]
    mentions = [
        _mention_view(m, articles[m.article_id], store.analysis(m.article_id), event)
        for m in event.mentions
        if m.article_id in articles
    ]
    return EventDetail(
        event=event_row(event),
        cameo=event.cameo,
        mode=event.mode,
        date_from=event.date_from,
        location_country=event.location.country if event.location else None,
        source=_role(event.source),
        target=_role(event.target),
        mentions=mentions,
        contradictions=contradiction_views(disputes, [event], articles, analysis_reader(store)),
    )


def _role(actor: ActorRef | None) -> ActorCount | None:
    if actor is None:
        return None
    return ActorCount(actor.entity_id, actor.name, actor.country, 1, actor.sector)


def _mention_view(
    m: EventMention, article: Article, analysis: Analysis, event: Event
) -> MentionView:
    spans = [(m.start, m.end, "trigger", f"event words: {m.type}")]
    if m.section == "body":  # actor and time offsets point into the body text only
        spans += _analysis_spans(analysis, event, m.sentence_start, m.sentence_end)
    cue = next(
        (a.cue for a in analysis.attributions if a.sentence_start <= m.start < a.sentence_end),
        None,
    )
    source = m.attributed_to
    text = section_text(article, m.section)
    return MentionView(
        article=article_row(article),
        section=m.section,
        trigger=m.trigger,
        start=m.start,
        end=m.end,
        sentence_start=m.sentence_start,
        sentence_end=m.sentence_end,
        segments=segments(text, m.sentence_start, m.sentence_end, spans),
        attributed_to=source.name if source else None,
        attributed_to_id=source.entity_id if source else None,
        attribution_cue=cue if source and m.section == "body" else None,
    )


def _analysis_spans(
    analysis: Analysis, event: Event, start: int, end: int
) -> list[tuple[int, int, str, str]]:
    """Actor, place and time spans of the analysis inside one sentence."""
    actors = {a.entity_id for a in event_actors(event)}
    place = event.location.name.lower() if event.location else None
    spans = []
    for mention in analysis.mentions:
        if not (start <= mention.start and mention.end <= end):
            continue
        if mention.actor.entity_id in actors:
            spans.append((mention.start, mention.end, "actor", f"actor: {mention.actor.name}"))
        elif place and place in (mention.text.lower(), mention.actor.name.lower()):
            spans.append((mention.start, mention.end, "place", f"place: {mention.text}"))
    for time in analysis.times:
        if start <= time.start and time.end <= end:
            spans.append((time.start, time.end, "time", f"time: {time.value or time.text}"))
    return spans


def segments(
    text: str, start: int, end: int, spans: list[tuple[int, int, str, str]]
) -> list[Segment]:
    """`text[start:end]` cut into plain and highlighted pieces; where spans overlap the
    higher-priority kind wins (event words, then actors, places, times)."""
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():  # sentence spans can include the
        start += 1  # paragraph break after them; shown quoted, it would be a blank line
    while end > start and text[end - 1].isspace():
        end -= 1
    owner: list[tuple[str, str] | None] = [None] * max(0, end - start)
    for s, e, kind, title in sorted(spans, key=lambda sp: _PRIORITY[sp[2]]):
        for i in range(max(s, start), min(e, end)):
            owner[i - start] = (kind, title)
    pieces: list[Segment] = []
    for i, label in enumerate(owner):
        char = text[start + i]
        kind, title = label or ("", "")
        if pieces and (pieces[-1].kind, pieces[-1].title) == (kind, title):
            pieces[-1].text += char
        else:
            pieces.append(Segment(char, kind, title))
    return pieces
