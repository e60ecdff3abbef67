"""Read models the REST API and the web UI share: plain functions over a `Store`.

Each function answers one screen or endpoint (story summaries, a story with its timeline,
graph and source comparison, an event with its highlighted mentions, an actor profile, an
article, search) and returns dataclasses of plain values, so the API serialises them as
they are and the templates only lay them out. Bad filter values raise `ViewError` with a
message meant for the user.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Generic, TypeVar

from crosswire.claims import MentionClaim, mention_claims, mention_value, saying_several
from crosswire.graph import actor_graph, event_actors, layout, quad_of
from crosswire.labels import article_label, file_label, source_label
from crosswire.model import (
    Analysis,
    Article,
    Contradiction,
    Entity,
    Event,
    EventMention,
    Story,
)
from crosswire.store import cards
from crosswire.store.base import (
    STORY_SORTS,
    ArticleHit,
    EventFilter,
    SearchFilter,
    SearchPage,
    Store,
    StoryQuery,
    StorySort,
)
from crosswire.store.cards import StoryCard
from crosswire.stories.brief import event_summary

T = TypeVar("T")
TOP_ACTORS = 5
MAX_MIN_SOURCES = 10_000
COMPARISON_EVENTS = 25  # rows of a story's source comparison: its best-supported events
TIMELINE_EVENTS = 40
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


class ViewError(ValueError):
    """A filter or parameter the user gave cannot be used; the message says why."""


@dataclass(slots=True)
class Page(Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int


def paginate(items: list[T], limit: int, offset: int) -> Page[T]:
    return Page(items=items[offset : offset + limit], total=len(items), limit=limit, offset=offset)


def check_date(value: str | None, name: str) -> str | None:
    """`value` if it is YYYY, YYYY-MM or YYYY-MM-DD (or empty), else a `ViewError`."""
    if value is None or value == "":
        return None
    if not _DATE.match(value):
        raise ViewError(f"{name} must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return value


# --------------------------------------------------------------------------- small parts


@dataclass(slots=True)
class ActorCount:
    entity_id: str
    name: str
    country: str | None
    events: int


@dataclass(slots=True)
class ArticleRow:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    duplicate_of: str | None
    n_words: int
    label: str  # the title, else "Outlet, 2018-05-31": what pages call the article


def article_row(article: Article) -> ArticleRow:
    return ArticleRow(
        id=article.id,
        label=article_label(article.title, article.outlet, article.published),
        title=article.title,
        outlet=article.outlet,
        published=article.published,
        url=article.url,
        duplicate_of=article.duplicate_of,
        n_words=article.n_words,
    )


@dataclass(slots=True)
class EventRow:
    id: str
    story_id: str | None
    type: str
    quad: str
    quad_label: str
    colour: str
    summary: str  # "CONSULT/visit: Sergei Lavrov – Kim Jong Un, in Pyongyang"
    label: str  # the same without the type, for pages that show the type as a badge
    date: str | None
    modality: str
    negated: bool
    n_sources: int
    n_articles: int
    actors: list[ActorCount]
    location: str | None


def event_row(event: Event) -> EventRow:
    quad = quad_of(event.type)
    return EventRow(
        id=event.id,
        story_id=event.story_id,
        type=event.type,
        quad=quad.key,
        quad_label=quad.label,
        colour=quad.colour,
        summary=(summary := event_summary(event)),
        label=summary.removeprefix(event.type).lstrip("/: ") or summary,
        date=event.date,
        modality=event.modality,
        negated=event.negated,
        n_sources=event.n_sources,
        n_articles=len(event.article_ids),
        actors=[ActorCount(a.entity_id, a.name, a.country, 1) for a in event_actors(event)],
        location=event.location.name if event.location else None,
    )


def top_actors(events: Iterable[Event], n: int = TOP_ACTORS) -> list[ActorCount]:
    """The actors taking part in most of `events`."""
    found = cards.top_actors(events, n)
    return [ActorCount(t.entity_id, t.name, t.country, t.events) for t in found]


# --------------------------------------------------------------------------- stories


@dataclass(slots=True)
class StoryFilter:
    since: str | None = None  # stories running on or after this date
    until: str | None = None  # stories starting on or before it
    actor: str | None = None  # any alias of an actor in one of its events
    country: str | None = None  # alpha-3 of an actor or the place of one of its events
    event_type: str | None = None  # PLOVER type of one of its events
    min_sources: int | None = None  # at least this many independent sources

    def checked(self) -> StoryFilter:
        since, until = check_date(self.since, "since"), check_date(self.until, "until")
        if since and until and since[: len(until)] > until[: len(since)]:
            raise ViewError(f"since ({since}) is after until ({until})")
        country = (self.country or "").strip().upper() or None
        if country and not re.fullmatch(r"[A-Z]{3}", country):
            raise ViewError(f"country must be a 3-letter code such as RUS, not {self.country!r}")
        kind = (self.event_type or "").strip().upper() or None
        actor = (self.actor or "").strip() or None
        if self.min_sources is not None and not 0 <= self.min_sources <= MAX_MIN_SOURCES:
            raise ViewError(f"min_sources must be between 0 and {MAX_MIN_SOURCES}")
        return StoryFilter(since, until, actor, country, kind, self.min_sources or None)


@dataclass(slots=True)
class StorySummary:
    id: str
    title: str
    n_articles: int
    n_outlets: int
    n_independent: int
    n_events: int
    n_contradictions: int
    first_date: str | None
    last_date: str | None
    outlets: list[str]
    top_actors: list[ActorCount]


def outlet_name(article: Article) -> str:
    return cards.outlet_name(article)


def summary_of(card: StoryCard) -> StorySummary:
    return StorySummary(
        id=card.id,
        title=card.title,
        n_articles=card.n_articles,
        n_outlets=card.n_outlets,
        n_independent=card.n_independent,
        n_events=card.n_events,
        n_contradictions=card.n_contradictions,
        first_date=card.first_date,
        last_date=card.last_date,
        outlets=card.outlets,
        top_actors=[ActorCount(t.entity_id, t.name, t.country, t.events) for t in card.top_actors],
    )


def story_summary(story: Story, articles: list[Article], events: list[Event]) -> StorySummary:
    return summary_of(cards.story_card(story, articles, events))


SORTS = STORY_SORTS


def story_summaries(
    store: Store,
    where: StoryFilter | None = None,
    sort: StorySort = "recent",
    limit: int = 20,
    offset: int = 0,
) -> Page[StorySummary]:
    """Stories matching `where`, sorted and paginated, each with its summary figures: one
    page of stored story rows (`Store.story_cards`), the total counted in SQL."""
    if sort not in SORTS:
        raise ViewError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
    where = (where or StoryFilter()).checked()
    query = StoryQuery(
        since=where.since, until=where.until, actor=where.actor, country=where.country,
        type=where.event_type, min_sources=where.min_sources, sort=sort,
        limit=limit, offset=offset,
    )  # fmt: skip
    found, total = store.story_cards(query)
    return Page(items=[summary_of(c) for c in found], total=total, limit=limit, offset=offset)


# --------------------------------------------------------------------------- one story


@dataclass(slots=True)
class Citation:
    article_id: str
    outlet: str
    event_id: str | None  # the event this sentence reports, when one of its mentions says it


@dataclass(slots=True)
class BriefItem:
    text: str
    citations: list[Citation]


@dataclass(slots=True)
class GraphNode:
    id: str
    name: str
    country: str | None
    events: int
    x: float  # layout position in [0, 1]
    y: float


@dataclass(slots=True)
class GraphEdge:
    source: str
    target: str
    weight: int
    quad: str
    quad_label: str
    colour: str
    types: list[str]
    event_ids: list[str]


@dataclass(slots=True)
class GraphView:
    nodes: list[GraphNode]
    edges: list[GraphEdge]


@dataclass(slots=True)
class ComparisonCell:
    article_ids: list[str]  # articles of this outlet reporting the event ([] = silent)
    # disputed field -> every value this outlet's mentions give (one article can say two)
    values: dict[str, list[str]] = field(default_factory=dict)


@dataclass(slots=True)
class ComparisonRow:
    event: EventRow
    disputed: list[str]  # fields sources disagree on
    cells: list[ComparisonCell]  # one per outlet, in `SourceComparison.outlets` order


@dataclass(slots=True)
class SourceComparison:
    outlets: list[str]
    rows: list[ComparisonRow]


@dataclass(slots=True)
class ContradictionView:
    event_id: str
    event: str
    field: str
    values: list[tuple[str, list[str]]]  # (value, sources saying it)
    mentions: list[MentionClaim]  # what each sentence reporting the event says
    saying_several: list[tuple[str, list[str]]]  # (source, its values): self-contradicting


@dataclass(slots=True)
class StoryDetail:
    summary: StorySummary
    brief: list[BriefItem]
    articles: list[ArticleRow]
    timeline: list[EventRow]
    events: list[EventRow]
    graph: GraphView
    comparison: SourceComparison
    contradictions: list[ContradictionView]


def story_detail(store: Store, story_id: str) -> StoryDetail | None:
    """Everything the story page shows, or None when there is no such story."""
    story = store.story(story_id)
    if story is None:
        return None
    articles = list(store.articles(story.article_ids))
    events = store.events(EventFilter(story_id=story_id))
    by_id = {a.id: a for a in articles}
    ranked = sorted(events, key=lambda e: (-e.n_sources, -len(e.article_ids), e.id))
    shown = _timeline(story, events, ranked)
    return StoryDetail(
        summary=story_summary(story, articles, events),
        brief=_brief(story, events, by_id),
        articles=[article_row(a) for a in articles],
        timeline=[event_row(e) for e in shown],
        events=[event_row(e) for e in _by_date(events)],
        graph=graph_view(events),
        comparison=source_comparison(ranked[:COMPARISON_EVENTS], story.contradictions, by_id),
        contradictions=_contradictions(story.contradictions, events, by_id, _analyses(store)),
    )


def _timeline(story: Story, events: list[Event], ranked: list[Event]) -> list[Event]:
    """The story's own timeline (its best-supported events), else its best events."""
    by_id = {e.id: e for e in events}
    listed = [by_id[t.event_id] for t in story.timeline if t.event_id in by_id]
    return listed or _by_date(_happened(ranked)[:TIMELINE_EVENTS])


def _happened(events: list[Event]) -> list[Event]:
    return [e for e in events if e.modality == "asserted" and not e.negated] or events


def _by_date(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.date is None, e.date or "", e.id))


def _brief(story: Story, events: list[Event], articles: dict[str, Article]) -> list[BriefItem]:
    said_by: dict[tuple[str, str], str] = {}  # (article, sentence text) -> event id
    for event in events:
        for mention in event.mentions:
            article = articles.get(mention.article_id)
            if article is not None:
                said_by.setdefault((article.id, mention_sentence(article, mention)), event.id)
    items = []
    for sentence in story.brief:
        citations = [
            Citation(aid, _cite_label(articles[aid]), _event_saying(said_by, aid, sentence.text))
            for aid in sentence.article_ids
            if aid in articles
        ]
        items.append(BriefItem(sentence.text, citations))
    return items


def _source_label(article: Article) -> str:
    """How a citation names its article: the outlet, else the start of its title, else
    "unknown outlet, 2018-05-31" (never its id)."""
    if article.outlet:
        return article.outlet
    if not (article.title or "").strip():
        return source_label(None, article.published)
    title = article.title.strip()  # type: ignore[union-attr]
    return title if len(title) <= 32 else title[:30].rsplit(" ", 1)[0] + "…"


def _cite_label(article: Article) -> str:
    """A citation of an untitled article says which one: "Daily Mail, 2018-05-31"."""
    if not (article.title or "").strip():
        return source_label(article.outlet, article.published)
    return _source_label(article)


def _analyses(store: Store) -> Callable[[str], Analysis | None]:
    """Reads an article's analysis once, None when the store has none."""
    read: dict[str, Analysis | None] = {}

    def analysis_of(article_id: str) -> Analysis | None:
        if article_id not in read:
            try:
                read[article_id] = store.analysis(article_id)
            except KeyError:
                read[article_id] = None
        return read[article_id]

    return analysis_of


def _event_saying(said_by: dict[tuple[str, str], str], article_id: str, text: str) -> str | None:
    for (aid, sentence), event_id in said_by.items():
        if aid == article_id and (sentence.strip() in text or text in sentence):
            return event_id
    return None


def graph_view(events: list[Event]) -> GraphView:
    """The actor graph of `events` with drawing positions in [0, 1] (`graph.layout`)."""
    graph = actor_graph(events)
    spot = layout(graph)
    nodes = [
        GraphNode(node, d["name"], d["country"] or None, d["events"], *spot[node])
        for node, d in sorted(graph.nodes(data=True))
    ]
    edges = [
        GraphEdge(a, b, d["weight"], d["quad"], d["quad_label"], d["colour"],
                  d["types"].split(), d["event_ids"].split())
        for a, b, d in sorted(graph.edges(data=True))
    ]  # fmt: skip
    return GraphView(nodes, edges)


def source_comparison(
    events: list[Event], contradictions: list[Contradiction], articles: dict[str, Article]
) -> SourceComparison:
    """Which outlet reports which event, and what each says where sources disagree."""
    outlets = sorted({_source_label(a) for a in articles.values()})
    disputes: dict[str, list[Contradiction]] = defaultdict(list)
    for c in contradictions:
        disputes[c.event_id].append(c)
    rows = []
    for event in _by_date(events):
        cells = []
        for outlet in outlets:
            ids = sorted(a for a in event.article_ids if _labelled(articles, a) == outlet)
            cells.append(ComparisonCell(ids, _said(event, disputes[event.id], set(ids))))
        rows.append(ComparisonRow(event_row(event), [c.field for c in disputes[event.id]], cells))
    return SourceComparison(outlets, rows)


def _labelled(articles: dict[str, Article], article_id: str) -> str | None:
    return _source_label(articles[article_id]) if article_id in articles else None


def _said(event: Event, disputes: list[Contradiction], ids: set[str]) -> dict[str, list[str]]:
    """Every value the mentions in articles `ids` give on each disputed field."""
    said: dict[str, list[str]] = {}
    for c in disputes:
        values = {mention_value(m, c.field) for m in event.mentions if m.article_id in ids}
        if found := sorted(v for v in values if v):
            said[c.field] = found
    return said


def _contradictions(
    contradictions: list[Contradiction],
    events: list[Event],
    articles: dict[str, Article],
    analysis_of: Callable[[str], Analysis | None],
) -> list[ContradictionView]:
    by_id = {e.id: e for e in events}
    views = []
    for c in contradictions:
        values = [
            (v.value, sorted({_source_label(articles[a]) for a in v.article_ids if a in articles}))
            for v in c.values
        ]
        event = by_id.get(c.event_id)
        claims = (
            mention_claims(event, c.field, articles, analysis_of, mention_sentence, _claim_label)
            if event
            else []
        )
        summary = event_summary(event) if event else c.event_id
        views.append(
            ContradictionView(c.event_id, summary, c.field, values, claims, saying_several(claims))
        )
    return views


def _claim_label(article: Article) -> str:
    """A claim's source: its outlet and date, so two articles of one outlet differ."""
    return source_label(article.outlet, article.published)


# --------------------------------------------------------------------------- events


def mention_sentence(article: Article, mention: EventMention) -> str:
    """The text of a mention's sentence, from the section its offsets point into."""
    start, end = mention.sentence_start, mention.sentence_end
    return _section_text(article, mention.section)[start:end]


def _section_text(article: Article, section: str) -> str:
    if section == "headline":
        return article.title or ""
    if section == "caption":
        return article.caption_text
    return article.text


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
        mentions=mentions,
        contradictions=_contradictions(disputes, [event], articles, _analyses(store)),
    )


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
    text = _section_text(article, m.section)
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


# --------------------------------------------------------------------------- actors


@dataclass(slots=True)
class ActorSummary:
    id: str
    name: str
    type: str
    country: str | None
    sector: str | None
    aliases: list[str]
    roles: list[str]
    n_articles: int


@dataclass(slots=True)
class PeriodCount:
    period: str  # YYYY-MM-DD, YYYY-MM or YYYY
    events: int


@dataclass(slots=True)
class StoryRef:
    id: str
    title: str


@dataclass(slots=True)
class ActorProfile:
    actor: ActorSummary
    events: list[EventRow]
    over_time: list[PeriodCount]
    co_actors: list[ActorCount]
    stories: list[StoryRef]


def actor_summary(entity: Entity) -> ActorSummary:
    return ActorSummary(
        id=entity.id,
        name=entity.name,
        type=entity.type,
        country=entity.country,
        sector=entity.sector,
        aliases=entity.aliases,
        roles=entity.roles,
        n_articles=len(entity.article_ids),
    )


def search_actors(store: Store, query: str, limit: int = 20, offset: int = 0) -> Page[ActorSummary]:
    """Actors with an alias or name containing `query` (case-insensitive): exact alias
    matches first, then the actors named in most articles; one page read from the store."""
    needle = query.strip()
    if not needle:
        raise ViewError("the actor query is empty")
    found, total = store.actor_search(needle, limit, offset)
    return Page(items=[actor_summary(e) for e in found], total=total, limit=limit, offset=offset)


def actor_profile(store: Store, entity_id: str) -> ActorProfile | None:
    entity = store.entity(entity_id)
    if entity is None:
        return None
    events = store.events(EventFilter(entity_id=entity_id))
    over_time = Counter(e.date for e in events if e.date)
    co = [c for c in top_actors(events, n=TOP_ACTORS * 2 + 1) if c.entity_id != entity_id]
    return ActorProfile(
        actor=actor_summary(entity),
        events=[event_row(e) for e in events],
        over_time=[PeriodCount(p, over_time[p]) for p in sorted(over_time)],
        co_actors=co[: TOP_ACTORS * 2],
        stories=_story_refs(store, {e.story_id for e in events if e.story_id}),
    )


def _story_refs(store: Store, ids: set[str]) -> list[StoryRef]:
    found = (store.story(i) for i in sorted(ids))
    return [StoryRef(s.id, s.title) for s in found if s is not None]


# --------------------------------------------------------------------------- articles


@dataclass(slots=True)
class CiteView:
    text: str
    url: str | None
    outlet: str | None


@dataclass(slots=True)
class ArticleDetail:
    article: ArticleRow
    text: str
    captions: list[str]
    language: str | None
    published_inferred: bool
    path: str  # the input file's name (no server folders)
    story_id: str | None
    story_title: str | None
    duplicates: list[ArticleRow]  # copies of this article
    original: ArticleRow | None  # what this article copies
    cites: list[CiteView]
    events: list[EventRow]


def article_detail(store: Store, article_id: str) -> ArticleDetail | None:
    found = list(store.articles([article_id]))
    if not found:
        return None
    article = found[0]
    story_id = store.story_of(article_id)
    story = store.story(story_id) if story_id else None
    family = list(store.articles(story.article_ids)) if story else [article]
    original = next((a for a in family if a.id == article.duplicate_of), None)
    if article.duplicate_of and original is None:
        original = next(iter(store.articles([article.duplicate_of])), None)
    events = store.events(EventFilter(story_id=story_id)) if story_id else []
    return ArticleDetail(
        article=article_row(article),
        text=article.text,
        captions=article.captions,
        language=article.language,
        published_inferred=article.published_inferred,
        path=file_label(article.path),  # the file's name: never a folder of the server
        story_id=story_id,
        story_title=story.title if story else None,
        duplicates=[article_row(a) for a in family if a.duplicate_of == article_id],
        original=article_row(original) if original else None,
        cites=[CiteView(c.text, c.url, c.outlet) for c in article.cites],
        events=[event_row(e) for e in _by_date(events) if article_id in e.article_ids],
    )


# --------------------------------------------------------------------------- search


@dataclass(slots=True)
class SnippetPiece:
    text: str
    matched: bool  # one of the words searched for: shown highlighted


@dataclass(slots=True)
class ArticleHitView:
    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str  # plain text
    score: float
    segments: list[SnippetPiece]  # the snippet in pieces, matched words flagged


@dataclass(slots=True)
class FacetValue:
    value: str
    count: int


@dataclass(slots=True)
class SearchFacets:
    type: list[FacetValue]
    country: list[FacetValue]
    outlet: list[FacetValue]
    month: list[FacetValue]


@dataclass(slots=True)
class StoryMatch:
    id: str
    title: str
    n_matched: int  # matched articles in it


@dataclass(slots=True)
class SearchResults:
    query: str
    articles: list[ArticleHitView]
    actors: list[ActorSummary]
    events: list[EventRow]
    total: int = 0  # articles matched in all (with the facet filters)
    limit: int = 20
    offset: int = 0
    filters: dict[str, str] = field(default_factory=dict)  # the facet filters applied
    facets: SearchFacets | None = None  # over all the matched articles
    stories: list[StoryMatch] = field(default_factory=list)  # the matches' stories
    total_events: int = 0


def search_events(
    store: Store, query: str, limit: int = 20, offset: int = 0
) -> tuple[list[EventRow], int]:
    """One page of the events of the PLOVER type `query` names, or else of an actor whose
    alias contains it; and how many there are."""
    needle = query.strip()
    if not needle:
        return [], 0
    if re.fullmatch(r"[A-Za-z]+", needle) and quad_of(needle).key != "unknown":
        where = EventFilter(type=needle.upper())
    else:
        where = EventFilter(actor=needle)
    events, total = store.events_page(where, limit, offset)
    return [event_row(e) for e in events], total


_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def search_filter(
    type: str | None = None,
    country: str | None = None,
    outlet: str | None = None,
    month: str | None = None,
) -> SearchFilter:
    """The facet filters of a search, checked (`ViewError` says what is wrong)."""
    country = (country or "").strip().upper() or None
    if country and not re.fullmatch(r"[A-Z]{3}", country):
        raise ViewError(f"country must be a 3-letter code such as RUS, not {country[:20]!r}")
    month = (month or "").strip() or None
    if month and not _MONTH.match(month):
        raise ViewError("month must be YYYY-MM")
    kind = (type or "").strip().upper() or None
    return SearchFilter(kind, country, (outlet or "").strip() or None, month)


def search_all(
    store: Store,
    query: str,
    limit: int = 20,
    offset: int = 0,
    where: SearchFilter | None = None,
) -> SearchResults:
    """Articles (full text, with total, facets and their stories), actors (by alias) and
    events matching `query`; `limit` and `offset` page each list."""
    query = query.strip()
    if not query:
        raise ViewError("the search query is empty")
    where = where or SearchFilter()
    found = store.search(query, where, limit=limit, offset=offset)
    events, total_events = search_events(store, query, limit, offset)
    return SearchResults(
        query=query,
        articles=[hit_view(h) for h in found.hits],
        actors=search_actors(store, query, limit, offset).items,
        events=events,
        total=found.total,
        limit=limit,
        offset=offset,
        filters={k: v for k, v in asdict(where).items() if v},
        facets=_facets(found),
        stories=[StoryMatch(s.id, s.title, s.n_matched) for s in found.stories],
        total_events=total_events,
    )


def hit_view(hit: ArticleHit) -> ArticleHitView:
    return ArticleHitView(
        hit.article_id, hit.title, hit.outlet, hit.published, hit.snippet, hit.score,
        [SnippetPiece(text, matched) for text, matched in hit.segments],
    )  # fmt: skip


def _facets(found: SearchPage) -> SearchFacets:
    def values(kind: str) -> list[FacetValue]:
        return [FacetValue(f.value, f.count) for f in found.facets.get(kind, [])]

    return SearchFacets(values("type"), values("country"), values("outlet"), values("month"))
