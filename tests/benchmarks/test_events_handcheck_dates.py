"""Re-dating the hand checks' events (benchmarks/events_handcheck_dates.py) on made-up rows."""

from __future__ import annotations

import re
from typing import Any

from crosswire.timex.values import CONTRACT
from events_handcheck_dates import UNKNOWN, read_corrections, rescore, right_date


def row(name: str, coded: str | None, date_verdict: str | None) -> dict[str, Any]:
    judged = None if date_verdict is None else {"date": date_verdict}
    return {
        "id": f"ecb:{name}:1-5:ASSAULT",
        "article": f"ecb:{name}",
        "trigger": [1, 5],
        "coded": {"date": coded},
        "verdict": judged,
    }


def test_the_right_date_is_the_coded_one_where_judged_right_else_the_judge_s() -> None:
    corrections = {"ecb:b:1-5:ASSAULT": "2013-03-09"}
    assert right_date(row("a", "2013-03-14", "right"), corrections) == "2013-03-14"
    assert right_date(row("b", "2013-03-14", "wrong"), corrections) == "2013-03-09"
    assert right_date(row("c", "2013-03-14", "wrong"), corrections) is UNKNOWN
    assert right_date(row("d", None, "not_judgeable"), corrections) is UNKNOWN
    assert right_date(row("e", None, None), corrections) is UNKNOWN


def test_rescore_compares_before_and_now_on_the_events_still_coded() -> None:
    rows = [
        row("a", "2013-03-14", "right"),  # still right
        row("b", "2013-03-14", "wrong"),  # fixed
        row("c", None, "right"),  # broken
        row("d", "2001", "wrong"),  # no longer coded at its trigger
    ]
    corrections = {"ecb:b:1-5:ASSAULT": "2013-03-09", "ecb:d:1-5:ASSAULT": None}
    now = {("ecb:a", 1, 5): "2013-03-14", ("ecb:b", 1, 5): "2013-03-09", ("ecb:c", 1, 5): "2013"}
    figures = rescore(rows, now, corrections)
    assert figures["events_with_a_right_date"] == 4
    assert figures["still_coded"] == 3
    assert figures["date_right_before"] == {"rate": 0.667, "n": 2, "of": 3}
    assert figures["date_right_now"] == {"rate": 0.667, "n": 2, "of": 3}
    assert [c["id"] for c in figures["changed"]] == ["ecb:b:1-5:ASSAULT", "ecb:c:1-5:ASSAULT"]


def test_the_shipped_corrections_are_contract_dates_or_null() -> None:
    for date in read_corrections().values():
        assert date is None or re.fullmatch(CONTRACT, date)
