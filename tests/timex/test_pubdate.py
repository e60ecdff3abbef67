"""Publication dates written in datelines and given by containers."""

from __future__ import annotations

import pytest

from crosswire.timex.pubdate import container_date, page_date, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31.05.2018", "2018-05-31"),
        ("StraitsTimes (31 May 2018)", "2018-05-31"),
        ("May 31, 2018", "2018-05-31"),
        ("2018-05-31", "2018-05-31"),
        ("31.02.2018", None),
        ("Form 1040", None),
    ],
)
def test_dateline_dates(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-12T08:00:00Z", "2024-03-12"),
        ("Tue, 12 Mar 2024 08:00:00 GMT", "2024-03-12"),
        ("March 12, 2024", "2024-03-12"),
        ("March 2024", None),  # no day: not guessed
        ("yesterday-ish", None),
        ("2024-02-30", None),
    ],
)
def test_container_dates(value: str, expected: str | None) -> None:
    assert container_date(value) == expected


def test_page_date_from_the_page_metadata_or_none() -> None:
    page = (
        '<html><head><meta property="article:published_time" content="2024-03-12T08:00:00Z">'
        "</head><body><p>The ferry ran.</p></body></html>"
    )
    assert page_date(page, "https://island.example/ferry") == "2024-03-12"
    assert page_date("<html><body><p>The ferry ran.</p></body></html>", None) is None
