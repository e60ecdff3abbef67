"""`contract_date`: the date a TIMEX3 value fixes, in the export contract's form only."""

from __future__ import annotations

import re

import pytest

from crosswire.timex import find_times
from crosswire.timex.values import CONTRACT, contract_date


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("2019-05-31", "2019-05-31"),
        ("2019-05-31T10:00", "2019-05-31"),  # a clock time on a day: the day
        ("2019-05-31TNI", "2019-05-31"),  # a part of a day: the day
        ("2019-05", "2019-05"),
        ("2019", "2019"),
        ("2019-W10", "2019-03"),  # 4-10 March: one month
        ("2019-W09", "2019"),  # 25 February - 3 March: one year, two months
        ("2020-W01", None),  # 30 December 2019 - 5 January 2020: two years
        ("2019-W09-WE", "2019-03"),  # its Saturday and Sunday are 2 and 3 March
        ("2019-Q2", "2019"),
        ("2019-H1", "2019"),
        ("2019-SU", "2019"),  # a season is no month: the year
        ("2019-FA", "2019"),
        ("2019-WI", None),  # winter runs into the next year
        ("201", None),  # a decade
        ("13", None),  # a century
        ("PRESENT_REF", None),
        ("PAST_REF", None),
        ("P3Y", None),
        ("XXXX-WXX-1", None),
        ("2018-02-31", None),  # no such day
        ("2019-13", None),  # no such month
        (None, None),
        ("", None),
    ],
)
def test_contract_date_gives_only_what_the_value_fixes(value: str | None, date: str | None) -> None:
    assert contract_date(value) == date


def test_every_value_the_time_stage_makes_maps_into_the_contract() -> None:
    text = (
        "In the summer of 2019 and in the 14th century, in the 1990s, last winter, this week,"
        " last weekend, in the second quarter, recently, now, for three years, every Monday,"
        " on Friday at 10 a.m., in March and on 4 May 2018 they met."
    )
    values = {t.value for t in find_times(text, "2020-01-16")}
    assert {"2019-SU", "13"} & values, values  # the partial values the issue found
    for value in values:
        date = contract_date(value)
        assert date is None or re.fullmatch(CONTRACT, date), (value, date)
