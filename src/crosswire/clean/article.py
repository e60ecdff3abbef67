"""From a raw `Source` to an `Article`: its main text, headline, outlet, publication date
and language, or an `InputError` when no article text remains."""

from __future__ import annotations

import hashlib
import re

import py3langid

from crosswire.clean.casing import recase_headline
from crosswire.clean.html import from_html
from crosswire.clean.text import Extracted, from_text
from crosswire.clean.urls import domain
from crosswire.errors import InputError
from crosswire.model import Article, Source
from crosswire.timex.pubdate import container_date

MIN_ARTICLE_WORDS = 3
# Chinese and Japanese write no spaces between words: each of their characters counts as a
# word (a two-character word counts twice: only the "too short" floor is at stake)
_WORDS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\s\u3000]+")
# The parser needs about 4 kB of memory and 45 µs per character (en_core_web_sm: 200k
# characters took 0.8 GB and 9 s); news articles are far shorter, so a longer text is a dump
# that would stall a batch, and it is refused with an error instead.
MAX_ARTICLE_CHARS = 200_000
LANGUAGE_SAMPLE = 2000


def describe(source: Source) -> Article:
    """Clean a source into an article; `InputError` when no article text remains."""
    extracted = (
        from_html(source)
        if source.html is not None
        else from_text(source.text or "", has_title=source.format == "text")
    )
    text = _article_text(extracted, source)
    url = source.url or extracted.url
    title = source.title or extracted.title
    return Article(
        id=source.content_hash,
        text=text,
        path=source.path,
        title=recase_headline(title, text) if title else None,
        url=url,
        outlet=source.outlet or extracted.outlet or domain(url),
        published=_published(source, extracted),
        language=_language(text),
        cites=extracted.cites,
        captions=extracted.captions,
        text_hash=hashlib.sha1(normalise_text(text).encode()).hexdigest(),
    )


def normalise_text(text: str) -> str:
    """Lower-case, whitespace-collapsed text: equal for exact duplicates."""
    return " ".join(text.lower().split())


def _article_text(extracted: Extracted, source: Source) -> str:
    """The cleaned text, refused when it is too short to be an article or too long to parse."""
    text = extracted.text.strip()
    if len(_WORDS.findall(text, 0, 4096)) < MIN_ARTICLE_WORDS:
        raise InputError("no article text found", source.path, source.record)
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(
            f"article text is longer than the {MAX_ARTICLE_CHARS:,}-character limit"
            f" ({len(text):,} characters)",
            source.path,
            source.record,
        )
    return text


def _published(source: Source, extracted: Extracted) -> str | None:
    """The text's dateline, else the container's date, else the page's (htmldate). A WARC
    record's date is when the page was crawled and is not used."""
    if extracted.dateline:
        return extracted.dateline
    if source.published and (found := container_date(source.published)):
        return found
    return extracted.page_date


def _language(text: str) -> str | None:
    language: str  # py3langid is untyped: (language code, confidence)
    language, _ = py3langid.classify(text[:LANGUAGE_SAMPLE])
    return language
