"""URLs in scraped text: the outlet a link names, and the tails of URLs broken across lines."""

from __future__ import annotations

import pytest

from crosswire.clean.urls import continues_url, domain


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.Harbour.example/news/1", "harbour.example"),
        ("http://user@port.example:8080/x", "port.example"),
        ("https://www./", None),
        (None, None),
        ("", None),
    ],
)
def test_domain_is_the_host_without_www(url: str | None, expected: str | None) -> None:
    assert domain(url) == expected


@pytest.mark.parametrize(
    ("url", "line", "expected"),
    [
        ("https://x.example/ferry-opens-after-", "storm-delays", True),  # URL stops at "-"
        ("https://x.example/ferry", "2024/03/14>", True),  # the tail has URL punctuation
        ("https://x.example/ferry", "Advertisement", False),  # a bare word after a whole URL
        ("https://x.example/ferry-", "", False),
        ("https://x.example/ferry-", "two words", False),
    ],
)
def test_a_broken_url_continues_on_a_line_that_looks_like_its_tail(
    url: str, line: str, expected: bool
) -> None:
    assert continues_url(url, line) is expected
