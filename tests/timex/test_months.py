"""Month names: one data file read by the dateline parser, the time rules and their
resolvers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from crosswire.datafiles import parse_yaml
from crosswire.timex import find_times
from crosswire.timex import months as month_data
from crosswire.timex.months import month_number, month_words


@pytest.mark.parametrize(
    ("word", "expected"),
    [("January", 1), ("jan", 1), ("Sept.", 9), ("sep", 9), ("SEPTEMBER", 9), ("may", 5)],
)
def test_a_name_or_an_abbreviation_gives_its_month(word: str, expected: int) -> None:
    assert month_number(word) == expected


@pytest.mark.parametrize("word", ["Monday", "ju", "", "."])
def test_other_words_are_no_month(word: str) -> None:
    assert month_number(word) is None


def test_twelve_months_in_calendar_order() -> None:
    listed = month_data.months()
    assert [m.number for m in listed] == list(range(1, 13))
    assert [month_number(m.name) for m in listed] == list(range(1, 13))
    assert all(month_number(short) == m.number for m in listed for short in m.short)


def test_the_rule_word_lists_match_every_name_and_abbreviation() -> None:
    words = {name: re.compile(rf"(?:{pattern})", re.I) for name, pattern in month_words().items()}
    for month in month_data.months():
        assert words["month"].fullmatch(month.name) and words["month_name"].fullmatch(month.name)
        assert all(words["month"].fullmatch(f"{short}.") for short in month.short)
        assert not words["month_name"].fullmatch(month.name[:3] + "x")
        assert bool(words["bare_month_name"].fullmatch(month.name)) is not month.common_word


def test_a_month_that_is_a_common_word_needs_context_in_the_time_rules() -> None:
    assert [t.text for t in find_times("They may meet again.", "2024-06-15")] == []
    assert [(t.text, t.value) for t in find_times("They met in May.", "2024-06-15")] == [
        ("May", "2024-05")
    ]
    assert [(t.text, t.value) for t in find_times("They met Sept. 3.", "2024-09-15")] == [
        ("Sept. 3", "2024-09-03")
    ]


@pytest.fixture
def months_file(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """The months data replaced by a list the test edits; caches cleared around it."""
    entries: list[Any] = [{"name": f"m{i}", "short": []} for i in range(12)]

    def load(path: str, schema: type[Any]) -> Any:
        return parse_yaml(yaml.safe_dump({"months": entries}), schema, path)

    monkeypatch.setattr(month_data, "load", load)
    month_data.months.cache_clear()
    yield entries
    month_data.months.cache_clear()


@pytest.mark.parametrize(
    "bad",
    [
        {"name": "m0", "shrt": []},  # a misspelt key
        {"name": 7},
        {"name": "m0", "short": "jan"},  # a string, not a list
        {"name": "m0", "common_word": "yes"},
        "january",
    ],
)
def test_a_malformed_month_fails_at_load_naming_the_file(months_file: list[Any], bad: Any) -> None:
    months_file[0] = bad
    with pytest.raises(ValueError, match=r"months\.yaml:\d+: months\.0"):
        month_data.months()


def test_a_missing_month_fails_at_load(months_file: list[Any]) -> None:
    months_file.pop()
    with pytest.raises(ValueError, match=r"months\.yaml:\d+: .*12 months"):
        month_data.months()
