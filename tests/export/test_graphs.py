"""The actor graph as GraphML and GEXF, read back with networkx."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from crosswire.export.graphs import export_gexf, export_graphml
from crosswire.graph import quad_of


def by_name(graph: nx.Graph) -> dict[str, str]:
    return {data["name"]: node for node, data in graph.nodes(data=True)}


def test_graphml_nodes_are_actors_and_edges_count_events(store, tmp_path: Path) -> None:
    graph = nx.read_graphml(export_graphml(store, tmp_path)["actors"])
    names = by_name(graph)
    assert set(names) == {"Sergei Lavrov", "Kim Jong Un", "Donald Trump"}
    lavrov = graph.nodes[names["Sergei Lavrov"]]
    assert (lavrov["label"], lavrov["country"], lavrov["sector"]) == ("Sergei Lavrov", "RUS", "GOV")
    assert lavrov["aliases"] == "Lavrov" and lavrov["type"] == "PERSON"
    meeting = graph.edges[names["Sergei Lavrov"], names["Kim Jong Un"]]
    assert (meeting["weight"], meeting["n_CONSULT"], meeting["n_ACCUSE"]) == (1, 1, 0)
    assert (meeting["n_verbal_cooperation"], meeting["quad"]) == (1, "verbal_cooperation")
    accusation = graph.edges[names["Kim Jong Un"], names["Donald Trump"]]
    assert (accusation["n_ACCUSE"], accusation["n_verbal_conflict"]) == (1, 1)
    assert not graph.has_edge(names["Sergei Lavrov"], names["Donald Trump"])


def test_gexf_reads_back_with_sizes_and_quad_colours(store, tmp_path: Path) -> None:
    path = export_gexf(store, tmp_path)["actors"]
    graph = nx.read_gexf(path)
    assert graph.number_of_nodes() == 3 and graph.number_of_edges() == 2
    names = {data["label"]: node for node, data in graph.nodes(data=True)}
    edge = graph.edges[names["Sergei Lavrov"], names["Kim Jong Un"]]
    assert (edge["n_CONSULT"], edge["quad"]) == (1, "verbal_cooperation")
    assert edge["colour"] == quad_of("CONSULT").colour  # what the web UI draws it with
    assert graph.nodes[names["Kim Jong Un"]]["viz"]["size"] == 3.0  # Kim is in all three events


def test_empty_store_gives_an_empty_graph(empty_store, tmp_path: Path) -> None:
    graph = nx.read_graphml(export_graphml(empty_store, tmp_path)["actors"])
    assert graph.number_of_nodes() == 0
