"""Cleaning: from a raw `Source` to an `Article` with main text and what we know of it.

HTML goes through trafilatura (main text, `favor_precision`; `html`); plain text (as scraped
from aggregators) is cleaned line by line (`text`): headline, dateline, bullets, captions,
citation lines (`citations`, `urls`) and residue phrases, whose lists live in
``data/boilerplate.yaml`` (`phrases`). An ALL-CAPS headline is recased (`casing`).

A publication date comes from the text's own dateline, else from the container (JSONL,
feed), else (for HTML) from the page's metadata: `crosswire.timex.pubdate` reads all
three. When none is found it is None, never a guess. A WARC record's date is when the page
was crawled and is not used.
"""

from __future__ import annotations

from crosswire.clean.article import describe, normalise_text

__all__ = ["describe", "normalise_text"]
