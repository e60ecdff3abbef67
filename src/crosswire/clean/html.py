"""HTML pages: the main text by trafilatura (`favor_precision`), cleaned as text, with the
page's title, site name, URL and publication date."""

from __future__ import annotations

import trafilatura
from trafilatura.settings import Document

from crosswire.clean.text import Extracted, from_text
from crosswire.errors import InputError
from crosswire.model import Source
from crosswire.timex.pubdate import page_date

MIN_PRECISE_WORDS = 25  # below this, trafilatura precision mode probably missed the body


def from_html(source: Source) -> Extracted:
    """What a page says; `InputError` when it cannot be parsed or has no text."""
    html = source.html or ""
    doc = _extract(html, source, favor_precision=True)
    if _words(doc) < MIN_PRECISE_WORDS:
        # Precision mode drops the whole body of some short or oddly built pages.
        retry = _extract(html, source, favor_precision=False)
        doc = retry if _words(retry) > _words(doc) else doc
    if doc is None or not (doc.text or "").strip():
        raise InputError("HTML page has no article text", source.path, source.record)
    # trafilatura has already dropped figure captions: keep every line it kept
    extracted = from_text(doc.text or "", has_title=False, scraped=False)
    extracted.title = doc.title
    extracted.outlet = doc.sitename
    extracted.url = doc.url
    extracted.page_date = page_date(html, source.url)
    return extracted


def _extract(html: str, source: Source, favor_precision: bool) -> Document | None:
    """trafilatura's document (None when it finds nothing)."""
    try:
        doc = trafilatura.bare_extraction(
            html, url=source.url, favor_precision=favor_precision, with_metadata=True
        )
    except (ValueError, TypeError, RecursionError, MemoryError) as exc:
        # lxml and trafilatura fail on some hostile pages (deep nesting, odd encodings)
        raise InputError(
            f"HTML page cannot be parsed ({type(exc).__name__})", source.path, source.record
        ) from exc
    return doc if isinstance(doc, Document) else None  # a dict only with as_dict=True


def _words(doc: Document | None) -> int:
    return len((doc.text or "").split()) if doc is not None else 0
