"""HTML pages: main text, title, outlet and date; pages that cannot be read."""

from __future__ import annotations

import pytest

from crosswire.clean import describe
from crosswire.errors import InputError
from crosswire.model import Source


def test_html_main_text_title_and_date() -> None:
    html = (
        "<html><head><title>Ferry back | Island News</title>"
        '<meta property="article:published_time" content="2024-03-12T08:00:00Z">'
        '<meta property="og:site_name" content="Island News"></head><body><nav>Home | World | Sport</nav>'
        "<article><h1>Ferry back</h1><p>The ferry between the two islands resumed service on Monday "
        "after a week of storms, the operator said.</p><p>Extra sailings will run until Friday to clear "
        "the backlog of passengers and freight waiting at both piers.</p></article>"
        "<footer>Copyright Island News</footer></body></html>"
    )
    article = describe(
        Source(path="p.html", format="html", html=html, url="https://island.example/ferry")
    )
    assert "resumed service on Monday" in article.text and "Copyright" not in article.text
    assert article.published == "2024-03-12" and article.outlet == "Island News"


def test_html_without_text_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no article text"):
        describe(
            Source(
                path="e.html", format="html", html="<html><body><script>x()</script></body></html>"
            )
        )


def test_html_short_paragraphs_are_text_not_captions() -> None:
    html = (
        "<html><body><article><h1>Storm update</h1>"
        "<p>The storm reached the coast on Sunday night and cut power to several villages, "
        "the weather service said in its morning update.</p>"
        "<p>Schools stay closed</p>"
        "<p>Crews worked through the night to restore power lines along the coast road "
        "and expected most homes to be reconnected by Tuesday evening.</p>"
        "</article></body></html>"
    )
    article = describe(Source(path="s.html", format="html", html=html))
    assert "Schools stay closed" in article.text and "Schools stay closed." not in article.text
    assert article.captions == []


def test_warc_source_has_no_publication_date_from_its_crawl_date() -> None:
    html = (
        "<html><body><article><p>The harbour council met on Monday and agreed to extend the "
        "pier by forty metres before the summer season begins, officials said.</p>"
        "</article></body></html>"
    )
    article = describe(Source(path="c.warc", format="warc", html=html, url="https://h.example/p"))
    assert article.published is None and article.outlet == "h.example"


def test_deeply_nested_html_does_not_crash() -> None:
    html = "<div>" * 5000 + "Deep text here in the pile of tags." + "</div>" * 5000
    try:
        describe(Source(path="deep.html", format="html", html=html))
    except InputError as exc:
        assert exc.path == "deep.html"
