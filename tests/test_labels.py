"""crosswire.labels: how pages and the API name articles, counts, links and files."""

from __future__ import annotations

import pytest

from crosswire.labels import (
    article_label,
    file_label,
    plural,
    source_label,
    web_url,
    without_folders,
)


def test_untitled_articles_are_named_by_outlet_and_date() -> None:
    assert article_label(None, "Daily Mail", "2018-05-31") == "Daily Mail, 2018-05-31"
    assert article_label("  ", None, None) == "unknown outlet, undated"
    assert article_label("Talks end", "Tass", "2018-05-31") == "Talks end"
    assert source_label("Tass", None) == "Tass, undated"


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, "0 events"), (1, "1 event"), (2, "2 events"), (1500, "1,500 events")],
)
def test_plural(count: int, expected: str) -> None:
    assert plural(count, "event") == expected


def test_irregular_plural() -> None:
    assert (
        plural(1, "story", "stories") == "1 story" and plural(3, "story", "stories") == "3 stories"
    )


@pytest.mark.parametrize(
    "url", ["https://example.org/a?b=1#c", "http://example.org", "HTTPS://EXAMPLE.ORG/x"]
)
def test_web_addresses_are_kept(url: str) -> None:
    assert web_url(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "ftp://example.org/file",
        "//example.org/path",
        "https://",
        "http:///path",
        " https://example.org",
        "https://example.org/a b",
        "https://example.org/\nx",
        "https://[::1",
        "",
        None,
    ],
)
def test_anything_but_a_web_address_is_refused(url: str | None) -> None:
    assert web_url(url) is None


def test_file_label_drops_the_folders() -> None:
    assert file_label("/tmp/crosswire-job-1a/upload.html") == "upload.html"
    assert file_label("C:\\corpus\\a.txt") == "a.txt"
    assert file_label("corpus/b.jsonl") == "b.jsonl" and file_label("c.html") == "c.html"
    assert file_label("-") == "standard input" and file_label(None) == ""


def test_error_messages_lose_the_folders_of_paths_but_keep_urls() -> None:
    assert (
        without_folders("cannot read '/tmp/job-1/a.html' (denied)")
        == "cannot read 'a.html' (denied)"
    )
    assert without_folders("/home/u/x.txt: bad") == "x.txt: bad"
    kept = "linked page https://example.org/a/b.html cannot be read; ratio 1/2"
    assert without_folders(kept) == kept
