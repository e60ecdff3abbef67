"""URLs in scraped text: whole URL lines, URLs broken across lines, and their domains."""

from __future__ import annotations

import re
from urllib.parse import urlparse

URL_RE = re.compile(r"<?(https?://[^\s<>]+)>?")
SLUG_RE = re.compile(r"^[\w\-./%?=&#~+]+>?$")  # the tail of a URL broken across lines
URL_PUNCT = frozenset("-_/.%?=&#")  # a lone word after a whole URL is text, not its tail


def continues_url(url: str, line: str) -> bool:
    """A line is the rest of a broken URL when it looks like a URL tail and either the URL
    stops at a separator or the line has URL punctuation (a bare word like 'Advertisement'
    after a complete URL is not part of it)."""
    if not line or not SLUG_RE.match(line):
        return False
    line = line.rstrip(">")
    return url[-1] in URL_PUNCT or any(c in URL_PUNCT or c.isdigit() for c in line)


def domain(url: str | None) -> str | None:
    """The host of a URL without "www." (the outlet a bare link names)."""
    if not url:
        return None
    host = urlparse(url).netloc.lower().split("@")[-1].split(":")[0]
    return host.removeprefix("www.") or None
