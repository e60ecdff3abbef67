"""The actor graph for Gephi: GraphML and GEXF (networkx writers).

The graph is `crosswire.graph.actor_graph` over every stored event (the one the web UI
draws): nodes are the actors of events, edges join actors of the same events. For the
export, nodes also get ``label`` (the canonical name), ``type`` and ``aliases`` from the
entity table, and every edge gets one count per PLOVER type (``n_CONSULT``...) and per quad
(``n_verbal_cooperation``...), zero when none, so Gephi can filter and size by them.
In GEXF, nodes also carry a Gephi ``viz`` size (their number of events); edges carry their
quad colour as the ``colour`` attribute (networkx writes no edge ``viz``; in Gephi, colour
edges by partition on ``quad``) and their event count as ``weight``.
"""

from __future__ import annotations

import copy
from collections import Counter
from pathlib import Path

import networkx as nx

from crosswire.graph import actor_graph, quad_of, quads
from crosswire.store import Store


def export_graph(store: Store) -> nx.Graph[str]:
    """The actor graph of the whole store, with the export's extra attributes."""
    events = store.events()
    graph = actor_graph(events)
    by_id = {e.id: e for e in events}
    type_names = sorted({e.type for e in events})
    for _, _, data in graph.edges(data=True):
        linked = [by_id[i] for i in data["event_ids"].split()]
        types = Counter(e.type for e in linked)
        quad_counts = Counter(quad_of(e.type).key for e in linked)
        data.update({f"n_{t}": types.get(t, 0) for t in type_names})
        data.update({f"n_{q.key}": quad_counts.get(q.key, 0) for q in quads()})
    entities = {e.id: e for e in store.entities()}
    for node, data in graph.nodes(data=True):
        entity = entities.get(node)
        data["label"] = data["name"]
        data["type"] = entity.type if entity else ""
        data["aliases"] = "; ".join(entity.aliases) if entity else ""
    return graph


def export_graphml(store: Store, out_dir: str | Path) -> dict[str, Path]:
    """Write ``actors.graphml`` into `out_dir`."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "actors.graphml"
    nx.write_graphml(export_graph(store), path)
    return {"actors": path}


def export_gexf(store: Store, out_dir: str | Path) -> dict[str, Path]:
    """Write ``actors.gexf`` into `out_dir`, with Gephi node sizes."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "actors.gexf"
    nx.write_gexf(with_viz(export_graph(store)), path)
    return {"actors": path}


def with_viz(graph: nx.Graph[str]) -> nx.Graph[str]:
    """A copy with GEXF ``viz`` node sizes: the number of events an actor takes part in."""
    drawn = copy.deepcopy(graph)
    for _, data in drawn.nodes(data=True):
        data["viz"] = {"size": float(data["events"])}
    return drawn
