"""Geometry for the SVG charts the templates draw: positions computed here, in Python,
so the pages need no JavaScript to show a timeline, an actor graph or a histogram."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from crosswire.views import EventRow, GraphView, PeriodCount

TIMELINE_WIDTH = 900
TIMELINE_ROW = 16
MAX_STACK = 6
COLUMN_GAP = 16
GRAPH_WIDTH, GRAPH_HEIGHT, GRAPH_MARGIN = 640, 480, 60


def day(value: str) -> date | None:
    """The first day an ISO date of any precision can mean (``2018-05`` -> 1 May 2018)."""
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        dom = int(parts[2]) if len(parts) > 2 else 1
        return date(year, month, dom)
    except (ValueError, IndexError):
        return None


@dataclass(slots=True)
class TimelinePoint:
    event: EventRow
    x: float
    y: float


@dataclass(slots=True)
class TimelineChart:
    points: list[TimelinePoint]
    ticks: list[tuple[float, str]]
    width: int
    height: int
    axis_y: float


def timeline_chart(events: list[EventRow]) -> TimelineChart:
    """Dated events on an ordinal axis (each distinct date an equal step, so one early
    background event does not squeeze the story's days together); events of the same
    date stack upwards, in a few columns when there are many."""
    dated = sorted(
        ((e.date, e) for e in events if e.date and day(e.date) is not None), key=lambda t: t[0]
    )
    if not dated:
        return TimelineChart([], [], TIMELINE_WIDTH, 0, 0)
    dates = sorted({d for d, _ in dated}, key=lambda d: (day(d), len(d)))
    step = (TIMELINE_WIDTH - 120) / max(1, len(dates) - 1)
    x_of = {d: 60 + (step * i if len(dates) > 1 else (TIMELINE_WIDTH - 120) / 2)
            for i, d in enumerate(dates)}  # fmt: skip
    per_date: dict[str, list[EventRow]] = {}
    for date_text, event in dated:
        per_date.setdefault(date_text, []).append(event)
    # a busy day stacks at most MAX_STACK dots high, in side-by-side columns beyond that
    height = min(MAX_STACK, max(len(v) for v in per_date.values()))
    axis_y = 30 + height * TIMELINE_ROW
    points = []
    for date_text, day_events in per_date.items():
        columns = -(-len(day_events) // MAX_STACK)
        for i, event in enumerate(day_events):
            column, level = divmod(i, MAX_STACK)
            x = x_of[date_text] + (column - (columns - 1) / 2) * COLUMN_GAP
            points.append(TimelinePoint(event, round(x, 1), axis_y - 14 - level * TIMELINE_ROW))
    ticks = _thin([(round(x_of[d], 1), d) for d in dates])
    return TimelineChart(points, ticks, TIMELINE_WIDTH, int(axis_y + 30), axis_y)


def _thin(ticks: list[tuple[float, str]], gap: float = 80) -> list[tuple[float, str]]:
    """Axis labels at least `gap` pixels apart, so they never overlap."""
    kept: list[tuple[float, str]] = []
    for x, label in ticks:
        if not kept or x - kept[-1][0] >= gap:
            kept.append((x, label))
    return kept


@dataclass(slots=True)
class PlacedNode:
    id: str
    name: str
    country: str | None
    events: int
    x: float
    y: float
    r: float


@dataclass(slots=True)
class PlacedEdge:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    colour: str
    quad_label: str
    types: list[str]
    event_ids: list[str]
    names: tuple[str, str]


@dataclass(slots=True)
class GraphChart:
    nodes: list[PlacedNode]
    edges: list[PlacedEdge]
    width: int
    height: int


def graph_chart(graph: GraphView) -> GraphChart:
    """The actor graph scaled into the SVG box; node size grows with the actor's events."""
    w, h, m = GRAPH_WIDTH, GRAPH_HEIGHT, GRAPH_MARGIN
    nodes = {
        n.id: PlacedNode(
            n.id, n.name, n.country, n.events,
            round(m + n.x * (w - 2 * m), 1), round(m / 2 + n.y * (h - m), 1),
            round(min(16.0, 5 + 2.2 * n.events ** 0.5), 1),
        )
        for n in graph.nodes
    }  # fmt: skip
    edges = [
        PlacedEdge(
            nodes[e.source].x, nodes[e.source].y, nodes[e.target].x, nodes[e.target].y,
            round(min(9.0, 1.5 + 1.5 * e.weight), 1), e.colour, e.quad_label, e.types,
            e.event_ids, (nodes[e.source].name, nodes[e.target].name),
        )
        for e in graph.edges
    ]  # fmt: skip
    return GraphChart(list(nodes.values()), edges, w, h)


@dataclass(slots=True)
class Bar:
    label: str
    count: int
    x: float
    height: float


def histogram(periods: list[PeriodCount], width: int = 640, height: int = 120) -> list[Bar]:
    """Bars for an actor's events over time (one per date with events)."""
    if not periods:
        return []
    top = max(p.events for p in periods)
    step = width / len(periods)
    return [
        Bar(p.period, p.events, round(i * step, 1), round((height - 24) * p.events / top, 1))
        for i, p in enumerate(periods)
    ]
