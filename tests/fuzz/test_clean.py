"""Property tests of the text cleaner: any text or HTML gives an article or an InputError,
and what it gives is well formed (issue 7 item 6)."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import example, given
from hypothesis import strategies as st
from tests.fuzz.strategies import FAST, html_pages, news_text

from crosswire.clean import describe, normalise_text
from crosswire.clean.article import MAX_ARTICLE_CHARS
from crosswire.clean.casing import recase_headline
from crosswire.clean.text import is_caption
from crosswire.errors import InputError
from crosswire.model import Article, Source
from crosswire.timex.pubdate import container_date, parse_date

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def described(source: Source) -> Article | None:
    try:
        return describe(source)
    except InputError as exc:  # the one documented way to refuse an input
        assert exc.path == source.path and exc.reason
        return None


@FAST
@given(news_text, st.booleans())
@example("HEADLINE ONLY", True)
@example("Title\n\nPARIS (12.04.2023) —\n\nSource: https://x.example/\n", True)
def test_text_becomes_an_article_or_an_input_error(text: str, titled: bool) -> None:
    article = described(Source(path="t.txt", format="text" if titled else "jsonl", text=text))
    if article is not None:
        assert article.text.strip() and len(article.text) <= MAX_ARTICLE_CHARS
        assert article.published is None or ISO_DAY.fullmatch(article.published)
        assert article.title is None or "\n" not in article.title


@FAST
@given(html_pages)
def test_html_becomes_an_article_or_an_input_error(html: str) -> None:
    article = described(Source(path="p.html", format="html", html=html, url="https://x.example/"))
    if article is not None:
        assert article.text.strip() and "<script>" not in article.text


@FAST
@given(news_text)
def test_dates_found_in_text_are_real_days(text: str) -> None:
    for found in (parse_date(text), container_date(text)):
        if found is not None:
            assert ISO_DAY.fullmatch(found)
            date.fromisoformat(found)  # a real calendar day, or this raises


@FAST
@given(news_text, st.one_of(st.none(), news_text))
def test_headline_recasing_keeps_the_words(line: str, body: str | None) -> None:
    recased = recase_headline(line, body)
    assert normalise_text(recased) == normalise_text(line)
    assert isinstance(is_caption(line), bool)
