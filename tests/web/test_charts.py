from __future__ import annotations

from datetime import date, timedelta

import pytest

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


def test_timeline_is_proportional_to_time_and_skips_undated():
    chart = timeline_chart([_row("a", "2018-05-01"), _row("b", "2018-05-03"),
                            _row("c", "2018-05-09"), _row("d", None)])  # fmt: skip
    xs = [p.x for p in chart.points]
    assert [p.event.id for p in chart.points] == ["a", "b", "c"]
    assert xs[2] - xs[1] == pytest.approx(3 * (xs[1] - xs[0]), abs=0.5)  # 6 days vs 2
    assert chart.breaks == []
    assert [label for _, label in chart.ticks] == ["2018-05-01", "2018-05-03", "2018-05-09"]


def test_a_big_gap_is_cut_out_of_the_axis_and_marked():
    chart = timeline_chart([_row("a", "2000"), _row("b", "2018-05-30"), _row("c", "2018-05-31"),
                            _row("d", "2018-06-04")])  # fmt: skip
    x = {p.event.id: p.x for p in chart.points}
    [cut] = chart.breaks
    assert x["a"] < cut.x < x["b"] and cut.label == "18 years skipped"
    # the story's own days stay readable and to scale: 4 days four times 1 day
    assert x["d"] - x["c"] == pytest.approx(4 * (x["c"] - x["b"]), abs=0.5)
    assert x["c"] - x["b"] > 12
    # the cut gap never looks shorter than a gap drawn to scale
    assert x["b"] - x["a"] >= x["d"] - x["c"]
    assert min(x.values()) >= 40 and max(x.values()) <= chart.width - 40


def test_two_big_gaps_are_both_marked_and_a_month_apart_is_drawn_to_scale():
    chart = timeline_chart([_row("a", "2000"), _row("b", "2010"), _row("c", "2018-05-30"),
                            _row("d", "2018-05-31")])  # fmt: skip
    assert [b.label for b in chart.breaks] == ["10 years skipped", "8 years skipped"]
    month = timeline_chart([_row("a", "2018-05-01"), _row("b", "2018-05-02"),
                            _row("c", "2018-05-31")])  # fmt: skip
    xs = [p.x for p in month.points]
    assert month.breaks == [] and xs[2] - xs[1] == pytest.approx(29 * (xs[1] - xs[0]), abs=0.5)


def test_evenly_spread_dates_are_never_cut():
    weekly = [_row(str(i), (date(2015, 1, 5) + timedelta(weeks=i)).isoformat()) for i in range(160)]
    chart = timeline_chart(weekly)
    assert chart.breaks == []
    steps = {round(b.x - a.x, 1) for a, b in zip(chart.points, chart.points[1:], strict=False)}
    assert max(steps) - min(steps) <= 0.2


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
