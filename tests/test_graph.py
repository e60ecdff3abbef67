from __future__ import annotations

import io

import networkx as nx

from crosswire.graph import actor_graph, event_actors, layout, quad_of, quads
from crosswire.model import ActorRef, Event

RUSSIA = ActorRef(key="country:rus", name="Russia", country="RUS", sector="GOV")
KOREA = ActorRef(key="country:prk", name="North Korea", country="PRK", sector="GOV")
CHINA = ActorRef(key="country:chn", name="China", country="CHN")
A = ActorRef(key="org:a", name="Group A")
B = ActorRef(key="org:b", name="Group B")
LONER = ActorRef(key="org:loner", name="Loner")


def _event(
    eid: str,
    etype: str,
    source: ActorRef,
    target: ActorRef | None,
    sources: int = 1,
    participants: list[ActorRef] | None = None,
) -> Event:
    return Event(
        id=eid,
        story_id="s1",
        type=etype,
        mode=None,
        cameo=None,
        source=source,
        target=target,
        participants=participants or [],
        location=None,
        date="2018-05-31",
        date_from="text",
        negated=False,
        modality="asserted",
        article_ids=["a1"],
        n_sources=sources,
        mentions=[],
    )


def test_quads_cover_plover_types_and_unknown():
    assert quad_of("consult").key == "verbal_cooperation"
    assert quad_of("AID").key == "material_cooperation"
    assert quad_of("THREATEN").key == "verbal_conflict"
    assert quad_of("ASSAULT").key == "material_conflict"
    assert quad_of("NOT_A_TYPE").key == "unknown"
    assert [q.key for q in quads()][-1] == "unknown"
    assert len({q.colour for q in quads()}) == 5


def test_event_actors_are_distinct_in_role_order():
    event = _event("v1", "CONSULT", RUSSIA, KOREA, participants=[KOREA, RUSSIA, CHINA])
    assert [a.name for a in event_actors(event)] == ["Russia", "North Korea", "China"]


def test_one_edge_per_pair_coloured_by_majority_quad():
    events = [
        _event("v1", "CONSULT", RUSSIA, KOREA, sources=3),
        _event("v2", "AGREE", KOREA, RUSSIA),
        _event("v3", "THREATEN", RUSSIA, KOREA),
        _event("v4", "ASSAULT", CHINA, KOREA),
    ]
    graph = actor_graph(events)
    assert graph.number_of_nodes() == 3
    assert graph.number_of_edges() == 2
    edge = graph.edges[RUSSIA.entity_id, KOREA.entity_id]
    assert edge["weight"] == 3
    assert edge["quad"] == "verbal_cooperation"
    assert edge["types"] == "AGREE CONSULT THREATEN"
    assert edge["event_ids"].split() == ["v1", "v2", "v3"]
    assert edge["n_sources"] == 3
    assert graph.edges[CHINA.entity_id, KOREA.entity_id]["quad"] == "material_conflict"
    assert graph.nodes[KOREA.entity_id]["events"] == 4
    assert graph.nodes[CHINA.entity_id]["sector"] == ""


def test_event_with_one_actor_adds_a_node_but_no_edge():
    graph = actor_graph([_event("v1", "PROTEST", CHINA, None)])
    assert list(graph.nodes) == [CHINA.entity_id]
    assert graph.number_of_edges() == 0


def test_graph_attributes_survive_graphml_and_gexf():
    graph = actor_graph([_event("v1", "CONSULT", RUSSIA, KOREA)])
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer)
    back = nx.read_graphml(io.BytesIO(buffer.getvalue()))
    assert back.edges[RUSSIA.entity_id, KOREA.entity_id]["colour"] == quad_of("CONSULT").colour
    out = io.BytesIO()
    nx.write_gexf(graph, out)
    assert b"North Korea" in out.getvalue()


def test_layout_is_deterministic_in_the_unit_square_with_pieces_apart():
    events = [
        _event("v1", "CONSULT", RUSSIA, KOREA),
        _event("v2", "AGREE", KOREA, CHINA),
        _event("v3", "CONSULT", RUSSIA, CHINA),
        _event("v4", "ASSAULT", A, B),
        _event("v5", "PROTEST", LONER, None),
    ]
    graph = actor_graph(events)
    spots = layout(graph)
    assert spots == layout(actor_graph(events))
    assert set(spots) == set(graph)
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in spots.values())
    triangle = [spots[r.entity_id] for r in (RUSSIA, KOREA, CHINA)]
    pair = [spots[r.entity_id] for r in (A, B)]
    # the two pieces sit side by side, not on top of each other
    assert max(x for x, _ in triangle) < min(x for x, _ in pair)
    assert spots[LONER.entity_id][1] == 1.0  # partnerless actors along the bottom


def test_layout_of_an_empty_graph_is_empty():
    assert layout(actor_graph([])) == {}
