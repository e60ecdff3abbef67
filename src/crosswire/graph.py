"""The actor graph of a set of fused events: who interacted with whom.

Nodes are canonical actors (`ActorRef.entity_id`); an edge joins two actors that take part
in the same event, one edge per pair, carrying every event between them. Each edge has the
PLOVER *quad* (verbal/material cooperation/conflict) of most of its events and that quad's
colour, so the web UI and Gephi exports (GraphML/GEXF) draw the same picture. Attribute
values are plain strings and numbers because GraphML and GEXF accept nothing else.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import combinations

import networkx as nx
from pydantic import Field

from crosswire.datafiles import DataModel, load
from crosswire.model import ActorRef, Event, PloverType

UNKNOWN_QUAD = "unknown"


@dataclass(frozen=True, slots=True)
class Quad:
    """One PLOVER quad class as drawn: its key, label and colour."""

    key: str
    label: str
    colour: str


class QuadEntry(DataModel):
    """One quad class in data/plover_quads.yaml."""

    label: str
    colour: str = Field(pattern=r"^#[0-9a-fA-F]{3,8}$")
    types: tuple[PloverType, ...] = ()


class QuadFile(DataModel):
    """data/plover_quads.yaml: the four quad classes, then the one for any other type."""

    quads: dict[str, QuadEntry]
    unknown: QuadEntry


@cache
def _quad_data() -> tuple[dict[str, Quad], dict[str, str]]:
    """(quads by key, quad key by PLOVER type), from ``data/plover_quads.yaml``."""
    data = load("plover_quads.yaml", QuadFile)
    quads = {k: Quad(k, v.label, v.colour) for k, v in data.quads.items()}
    quads[UNKNOWN_QUAD] = Quad(UNKNOWN_QUAD, data.unknown.label, data.unknown.colour)
    by_type: dict[str, str] = {t: k for k, v in data.quads.items() for t in v.types}
    return quads, by_type


def quads() -> list[Quad]:
    """Every quad in legend order (the four PLOVER classes, then "other")."""
    return list(_quad_data()[0].values())


def quad_of(event_type: str) -> Quad:
    """The quad of a PLOVER event type ("CONSULT" -> verbal cooperation)."""
    table, by_type = _quad_data()
    return table[by_type.get(event_type.upper(), UNKNOWN_QUAD)]


def event_actors(event: Event) -> list[ActorRef]:
    """The distinct actors of an event: source, target, then other participants."""
    seen: dict[str, ActorRef] = {}
    for ref in [event.source, event.target, *event.participants]:
        if ref is not None:
            seen.setdefault(ref.entity_id, ref)
    return list(seen.values())


def actor_graph(events: Iterable[Event]) -> nx.Graph[str]:
    """The undirected actor graph of `events` (see the module docstring for attributes).

    Node attributes: ``name``, ``country``, ``sector`` ("" when unknown), ``events``.
    Edge attributes: ``weight`` (events), ``quad``, ``quad_label``, ``colour``,
    ``types`` and ``event_ids`` (space-separated), ``n_sources`` (most independent sources
    of any of its events).
    """
    graph: nx.Graph[str] = nx.Graph()
    edge_events: dict[tuple[str, str], list[Event]] = {}
    for event in events:
        actors = event_actors(event)
        for ref in actors:
            _add_node(graph, ref)
        for a, b in combinations(sorted(r.entity_id for r in actors), 2):
            edge_events.setdefault((a, b), []).append(event)
    for (a, b), linked in edge_events.items():
        graph.add_edge(a, b, **_edge_attributes(linked))
    return graph


def _add_node(graph: nx.Graph[str], ref: ActorRef) -> None:
    if ref.entity_id in graph:
        graph.nodes[ref.entity_id]["events"] += 1
        return
    graph.add_node(
        ref.entity_id, name=ref.name, country=ref.country or "", sector=ref.sector or "", events=1
    )


def _edge_attributes(events: list[Event]) -> dict[str, str | int]:
    counts = Counter(quad_of(e.type).key for e in events)
    # most events decide the colour; ties go to the quad listed first in the legend
    order = [q.key for q in quads()]
    key = min(counts, key=lambda k: (-counts[k], order.index(k)))
    quad = _quad_data()[0][key]
    return {
        "weight": len(events),
        "quad": quad.key,
        "quad_label": quad.label,
        "colour": quad.colour,
        "types": " ".join(sorted({e.type for e in events})),
        "event_ids": " ".join(e.id for e in events),
        "n_sources": max(e.n_sources for e in events),
    }


# --------------------------------------------------------------------------- layout

ROW_SIZE = 3  # connected pieces side by side in one row of the drawing


def layout(graph: nx.Graph[str]) -> dict[str, tuple[float, float]]:
    """Deterministic positions in [0, 1] x [0, 1] for drawing `graph`.

    Each connected piece is laid out on its own (force-directed, started from a circle,
    seeded) and the pieces are tiled in rows, largest first, each given room in proportion
    to the square root of its size; actors with no partner go in a row along the bottom.
    Laying pieces out together would push them apart and crush each into a knot.
    """
    pieces = sorted(
        (sorted(c) for c in nx.connected_components(graph) if len(c) > 1),
        key=lambda c: (-len(c), c[0]),
    )
    alone = sorted(n for n in graph if graph.degree(n) == 0)
    rows = [pieces[i : i + ROW_SIZE] for i in range(0, len(pieces), ROW_SIZE)]
    heights = [max(len(p) for p in row) ** 0.5 for row in rows]
    room = 0.85 if alone and rows else 1.0
    spots: dict[str, tuple[float, float]] = {}
    top = 0.0
    for row, height in zip(rows, heights, strict=True):
        row_height = room * height / sum(heights)
        widths = [len(p) ** 0.5 for p in row]
        left = 0.0
        for piece, width in zip(row, widths, strict=True):
            cell_width = width / sum(widths)
            box = (left, top, cell_width, row_height)
            spots.update(_place(_piece_layout(graph.subgraph(piece)), box))
            left += cell_width
        top += row_height
    for i, node in enumerate(alone):
        spots[node] = ((i + 0.5) / len(alone), 1.0 if rows else 0.5)
    return spots


def _piece_layout(piece: nx.Graph[str]) -> dict[str, tuple[float, float]]:
    if piece.number_of_nodes() < 3:
        return {n: (float(i), 0.5) for i, n in enumerate(sorted(piece))}
    start = nx.circular_layout(piece)
    size = piece.number_of_nodes()
    raw = nx.spring_layout(piece, pos=start, k=1.8 / size**0.5, iterations=120, seed=7)
    return {n: (float(p[0]), float(p[1])) for n, p in raw.items()}


def _place(
    raw: dict[str, tuple[float, float]], box: tuple[float, float, float, float]
) -> dict[str, tuple[float, float]]:
    """Scale raw positions into `box` (left, top, width, height), with a margin."""
    left, top, width, height = box
    xs, ys = [p[0] for p in raw.values()], [p[1] for p in raw.values()]

    def unit(v: float, lo: float, hi: float) -> float:
        return 0.5 if hi - lo < 1e-9 else (v - lo) / (hi - lo)

    pad = 0.1
    return {
        n: (
            round(left + width * (pad + (1 - 2 * pad) * unit(x, min(xs), max(xs))), 4),
            round(top + height * (pad + (1 - 2 * pad) * unit(y, min(ys), max(ys))), 4),
        )
        for n, (x, y) in raw.items()
    }
