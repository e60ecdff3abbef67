"""One story's screen: its brief with citations, timeline, events, actor graph, source
comparison and contradictions (`story_detail`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from crosswire.actors.story import merge_entities
from crosswire.graph import actor_graph, layout
from crosswire.model import Article, Event, Story
from crosswire.provenance import uncoded_articles
from crosswire.store.base import EventFilter, Store
from crosswire.views.actors import ActorSummary, actor_summary
from crosswire.views.rows import (
    ArticleRow,
    EventRow,
    article_row,
    by_date,
    event_row,
    mention_sentence,
)
from crosswire.views.sources import (
    ContradictionView,
    SourceComparison,
    analysis_reader,
    cite_label,
    contradiction_views,
    source_comparison,
)
from crosswire.views.stories import StorySummary, story_summary

COMPARISON_EVENTS = 25  # rows of a story's source comparison: its best-supported events
TIMELINE_EVENTS = 40


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
class StoryDetail:
    summary: StorySummary
    brief: list[BriefItem]
    articles: list[ArticleRow]
    timeline: list[EventRow]
    events: list[EventRow]
    graph: GraphView
    comparison: SourceComparison
    contradictions: list[ContradictionView]
    # articles linked to the story whose events are not coded (a language crosswire does
    # not code), and their languages
    n_uncoded: int = 0
    uncoded_languages: list[str] = field(default_factory=list)


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
    uncoded = uncoded_articles(articles, (m.article_id for e in events for m in e.mentions))
    return StoryDetail(
        summary=story_summary(story, articles, events),
        brief=_brief(story, events, by_id),
        articles=[article_row(a) for a in articles],
        timeline=[event_row(e) for e in shown],
        events=[event_row(e) for e in by_date(events)],
        graph=graph_view(events),
        comparison=source_comparison(ranked[:COMPARISON_EVENTS], story.contradictions, by_id),
        contradictions=contradiction_views(
            story.contradictions, events, by_id, analysis_reader(store)
        ),
        n_uncoded=len(uncoded),
        uncoded_languages=sorted({by_id[a].language or "" for a in uncoded}),
    )


def _timeline(story: Story, events: list[Event], ranked: list[Event]) -> list[Event]:
    """The story's own timeline (its best-supported events), else its best events."""
    by_id = {e.id: e for e in events}
    listed = [by_id[t.event_id] for t in story.timeline if t.event_id in by_id]
    return listed or by_date(_happened(ranked)[:TIMELINE_EVENTS])


def _happened(events: list[Event]) -> list[Event]:
    return [e for e in events if e.modality == "asserted" and not e.negated] or events


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
            Citation(aid, cite_label(articles[aid]), _event_saying(said_by, aid, sentence.text))
            for aid in sentence.article_ids
            if aid in articles
        ]
        items.append(BriefItem(sentence.text, citations))
    return items


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
        for node, d in sorted(iter(graph.nodes(data=True)))
    ]
    edges = [
        GraphEdge(a, b, d["weight"], d["quad"], d["quad_label"], d["colour"],
                  d["types"].split(), d["event_ids"].split())
        for a, b, d in sorted(graph.edges(data=True))
    ]  # fmt: skip
    return GraphView(nodes, edges)


def story_actors(store: Store, article_ids: Iterable[str]) -> list[ActorSummary]:
    """The actors these articles name (each aggregated over all its articles), a person's
    surname-only actor folded into the one full name among them (`merge_entities`), the
    most widely named in these articles first.

    It reads every actor of the store, so it is not part of `story_detail`: the CLI's
    story lists it, the web page shows the actors of the story's events (its graph)."""
    wanted = set(article_ids)
    found = merge_entities([e for e in store.entities() if wanted.intersection(e.article_ids)])
    ranked = sorted(found, key=lambda e: (-len(wanted.intersection(e.article_ids)), e.name))
    return [actor_summary(e) for e in ranked]
