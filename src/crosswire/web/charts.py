"""Geometry for the SVG charts the templates draw: positions computed here, in Python,
so the pages need no JavaScript to show a timeline, an actor graph or a histogram."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from crosswire.views import EventRow, GraphView, PeriodCount

TIMELINE_WIDTH = 900
TIMELINE_ROW = 16
MAX_STACK = 6
COLUMN_GAP = 16
AXIS_LEFT, AXIS_RIGHT = 60, TIMELINE_WIDTH - 60  # where the first and last dates sit
BREAK_WIDTH = 40  # pixels a cut-out stretch of time takes on the axis
BREAK_MIN_DAYS = 7  # a quiet week or less is always drawn to scale ...
BREAK_SHARE = 0.25  # ... and only when it is over a quarter of the time drawn to scale
MIN_STEP = 12  # pixels: dates closer than this drawn to scale make the axis cut gaps
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
class TimelineBreak:
    """Where the axis skips a stretch of time: drawn as a break mark, with what it skips."""

    x: float
    label: str  # "18 years skipped"


@dataclass(slots=True)
class TimelineChart:
    points: list[TimelinePoint]
    ticks: list[tuple[float, str]]
    width: int
    height: int
    axis_y: float
    breaks: list[TimelineBreak] = field(default_factory=list)


def timeline_chart(events: list[EventRow]) -> TimelineChart:
    """Dated events on an axis proportional to time, except where a long quiet stretch
    would squeeze the story's days together (one early background event): such a gap is
    cut out and marked as a break. Events of the same date stack upwards, in a few columns
    when there are many."""
    dated = sorted(
        ((e.date, e) for e in events if e.date and day(e.date) is not None), key=lambda t: t[0]
    )
    if not dated:
        return TimelineChart([], [], TIMELINE_WIDTH, 0, 0)
    day_of = {d: found for d, _ in dated if (found := day(d)) is not None}
    dates = sorted(day_of, key=lambda d: (day_of[d], len(d)))
    x_of_day, breaks = _time_axis(sorted(set(day_of.values())))
    x_of = {d: x_of_day[day_of[d]] for d in dates}
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
    return TimelineChart(points, ticks, TIMELINE_WIDTH, int(axis_y + 30), axis_y, breaks)


def _time_axis(days: list[date]) -> tuple[dict[date, float], list[TimelineBreak]]:
    """x of each day, proportional to time between `AXIS_LEFT` and `AXIS_RIGHT`, with the
    long gaps that `_broken_gaps` picks cut out and marked."""
    if len(days) == 1:
        return {days[0]: (AXIS_LEFT + AXIS_RIGHT) / 2}, []
    gaps = [(b - a).days for a, b in pairwise(days)]
    broken = _broken_gaps(gaps)
    per_day, break_width = _scale(gaps, broken)
    x, x_of, marks = float(AXIS_LEFT), {days[0]: float(AXIS_LEFT)}, []
    for i, gap in enumerate(gaps):
        step = break_width if i in broken else gap * per_day
        if i in broken:
            marks.append(TimelineBreak(round(x + step / 2, 1), f"{_duration(gap)} skipped"))
        x += step
        x_of[days[i + 1]] = x
    return x_of, marks


def _scale(gaps: list[int], broken: set[int]) -> tuple[float, float]:
    """Pixels per day of the gaps drawn to scale, and the width of each cut gap: as wide
    as the longest gap drawn to scale (a longer gap never looks shorter), at least
    `BREAK_WIDTH`."""
    kept = [g for i, g in enumerate(gaps) if i not in broken]
    span = AXIS_RIGHT - AXIS_LEFT
    if not kept:
        return 0.0, span / len(broken)
    longest = max(kept)
    per_day = span / (sum(kept) + len(broken) * longest)
    if broken and longest * per_day < BREAK_WIDTH:
        return (span - len(broken) * BREAK_WIDTH) / sum(kept), BREAK_WIDTH
    return per_day, longest * per_day


def _broken_gaps(gaps: list[int]) -> set[int]:
    """Gaps (by index) to cut out of the axis: while drawing to scale would put two dates
    closer than `MIN_STEP` pixels, the longest gap, if it is at least `BREAK_MIN_DAYS`
    and over `BREAK_SHARE` of the time still drawn to scale (evenly spread dates are
    never cut)."""
    broken: set[int] = set()
    while True:
        per_day, _ = _scale(gaps, broken)
        kept = {i: g for i, g in enumerate(gaps) if i not in broken}
        if not kept or min(kept.values()) * per_day >= MIN_STEP:
            return broken
        longest = max(kept, key=lambda i: kept[i])
        if kept[longest] < BREAK_MIN_DAYS or kept[longest] <= BREAK_SHARE * sum(kept.values()):
            return broken
        broken.add(longest)


def _duration(days: int) -> str:
    """A gap's length in the largest whole unit: "18 years", "4 months", "12 days"."""
    for unit, size in (("year", 365), ("month", 30), ("week", 7), ("day", 1)):
        if days >= size:
            n = days // size
            return f"{n} {unit}{'s' if n != 1 else ''}"
    return f"{days} days"


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
