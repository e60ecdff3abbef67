from __future__ import annotations

from datetime import date

from crosswire.views import EventRow, GraphEdge, GraphNode, GraphView, PeriodCount
from crosswire.web.charts import MAX_STACK, day, graph_chart, histogram, timeline_chart


def _row(eid: str, when: str | None, sources: int = 1) -> EventRow:
    return EventRow(
        id=eid, story_id="s1", type="CONSULT", quad="verbal_cooperation",
        quad_label="Verbal cooperation", colour="#4c9f70", summary="CONSULT: A – B",
        label="A – B", date=when, modality="asserted", negated=False, n_sources=sources,
        n_articles=1, actors=[], location=None,
    )  # fmt: skip


def test_day_reads_every_precision():
    assert day("2018-05-31") == date(2018, 5, 31)
    assert day("2018-05") == date(2018, 5, 1)
    assert day("2018") == date(2018, 1, 1)
    assert day("2018-W24") is None and day("P3D") is None


def test_timeline_spaces_distinct_dates_evenly_and_skips_undated():
    chart = timeline_chart([_row("a", "2000"), _row("b", "2018-05-30"), _row("c", "2018-05-31"),
                            _row("d", None)])  # fmt: skip
    xs = [p.x for p in chart.points]
    assert [p.event.id for p in chart.points] == ["a", "b", "c"]
    assert xs[1] - xs[0] == xs[2] - xs[1]  # ordinal, not proportional to time
    assert [label for _, label in chart.ticks] == ["2000", "2018-05-30", "2018-05-31"]


def test_a_busy_day_stacks_in_columns_no_higher_than_the_cap():
    chart = timeline_chart([_row(str(i), "2018-05-31") for i in range(MAX_STACK + 3)])
    heights = {p.y for p in chart.points}
    assert len(heights) == MAX_STACK
    assert len({p.x for p in chart.points}) == 2
    assert all(0 < p.y < chart.axis_y for p in chart.points)


def test_empty_timeline_and_histogram():
    assert timeline_chart([_row("a", None)]).points == []
    assert histogram([]) == []
    bars = histogram([PeriodCount("2018-05-30", 1), PeriodCount("2018-05-31", 4)])
    assert bars[1].height == 4 * bars[0].height and bars[0].x < bars[1].x


def test_graph_chart_scales_into_the_box_and_sizes_by_events():
    view = GraphView(
        nodes=[GraphNode("e1", "Lavrov", "RUS", 9, 0.0, 0.0), GraphNode("e2", "Kim", "PRK", 1, 1.0, 1.0)],
        edges=[GraphEdge("e1", "e2", 3, "verbal_cooperation", "Verbal cooperation", "#4c9f70",
                         ["CONSULT"], ["v1", "v2", "v3"])],
    )  # fmt: skip
    chart = graph_chart(view)
    big, small = chart.nodes
    assert big.r > small.r
    assert all(0 < n.x < chart.width and 0 < n.y < chart.height for n in chart.nodes)
    [edge] = chart.edges
    assert (edge.x1, edge.y1, edge.x2, edge.y2) == (big.x, big.y, small.x, small.y)
    assert edge.names == ("Lavrov", "Kim")
