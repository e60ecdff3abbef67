"""RSS and Atom feeds (feedparser): one article per entry.

An entry's body is its full content (``content:encoded``, Atom ``content``), else its
summary; when the entry links to a page saved beside the feed (a relative or ``file://``
link), that page is the article.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import feedparser

from crosswire.ingest.sniff import (
    GZIP_MAGIC,
    MAX_RECORD_BYTES,
    SniffError,
    decode,
    gunzip,
    looks_binary,
)
from crosswire.model import IngestError, Source

Item = Source | IngestError


def read_feed(path: str, data: bytes) -> Iterator[Item]:
    """Every entry of an RSS/Atom document."""
    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield IngestError(path, f"feed is not valid XML ({_short(feed.get('bozo_exception'))})")
        return
    outlet = feed.feed.get("title") or None
    for number, entry in enumerate(feed.entries, start=1):
        record = entry.get("id") or entry.get("link") or str(number)
        try:
            html = entry_html(entry, Path(path).parent)
        except SniffError as exc:
            yield IngestError(path, f"linked page cannot be read: {exc}", record)
            continue
        if not html:
            yield IngestError(path, "feed entry has no content and no local page", record)
            continue
        link = entry.get("link") or None
        yield Source(
            path=path,
            format="feed",
            record=record,
            html=html,
            url=link if _is_web(link) else None,
            title=entry.get("title") or None,
            outlet=outlet,
            published=_entry_date(entry),
        )


def _short(exc: Any) -> str:
    return str(exc).splitlines()[0][:200] if exc else "no entries found"


def _entry_date(entry: Any) -> str | None:
    """The entry's own date (published, else updated) as YYYY-MM-DD; feedparser parses it."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return "{:04d}-{:02d}-{:02d}".format(*parsed[:3]) if parsed else None


def entry_html(entry: Any, folder: Path) -> str | None:
    """The local page an entry links to, else its longest content or summary as HTML."""
    page = _local_page(entry.get("link") or "", folder)
    if page is not None:
        return _read_page(page)
    # feedparser leaves None where a broken entry's element had no value (found by fuzzing)
    texts = [c.get("value") for c in entry.get("content") or []] + [entry.get("summary")]
    best = max((t for t in texts if isinstance(t, str)), key=len, default="")
    if not best.strip():
        return None
    return best if "<" in best else f"<html><body><article><p>{best}</p></article></body></html>"


def _is_web(link: str | None) -> bool:
    return bool(link) and urlparse(link).scheme in ("http", "https")


def _local_page(link: str, folder: Path) -> Path | None:
    if not link or _is_web(link):
        return None
    parsed = urlparse(link)
    if parsed.scheme not in ("", "file"):
        return None
    page = Path(unquote(parsed.path))
    page = page if page.is_absolute() else folder / page
    return page if page.is_file() else None


def _read_page(page: Path) -> str:
    if page.stat().st_size > MAX_RECORD_BYTES:
        raise SniffError(f"{page.name} is larger than the limit for one article")
    data = page.read_bytes()
    if data.startswith(GZIP_MAGIC):
        data = gunzip(data)
    if looks_binary(data):
        raise SniffError(f"{page.name} is binary, not text")
    return decode(data)
