"""One reader per format: each yields `Source`s or `IngestError`s and never raises."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from crosswire.ingest.sniff import SniffError, decode
from crosswire.model import IngestError, Source

Item = Source | IngestError
MAX_RECORD_CHARS = 5_000_000  # one article: anything longer is not news text
JSONL_FIELDS = ("url", "title", "published", "outlet")


def read_document(path: str, text: str, fmt: str) -> Iterator[Item]:
    """A one-article file: plain text or an HTML page."""
    if not text.strip():
        yield IngestError(path, "file is empty")
    elif len(text) > MAX_RECORD_CHARS:
        yield IngestError(path, f"file is too large for one article ({len(text):,} characters)")
    elif fmt == "html":
        yield Source(path=path, format="html", html=text)
    else:
        yield Source(path=path, format="text", text=text)


def read_jsonl(path: str, lines: Iterator[str]) -> Iterator[Item]:
    """One article per line: `text` or `html`, plus optional url, title, published, outlet."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record = str(number)
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(path, f"line is not valid JSON ({exc.msg})", record)
            continue
        yield jsonl_source(path, record, data)


def jsonl_source(path: str, record: str, data: Any) -> Item:
    if not isinstance(data, dict):
        return IngestError(path, "line is not a JSON object", record)
    body = {k: data.get(k) for k in ("text", "html")}
    if not any(isinstance(v, str) and v.strip() for v in body.values()):
        return IngestError(path, "record has no non-empty 'text' or 'html' string", record)
    if any(v is not None and not isinstance(v, str) for v in body.values()):
        return IngestError(path, "'text' and 'html' must be strings", record)
    if max(len(v or "") for v in body.values()) > MAX_RECORD_CHARS:
        return IngestError(path, "record is too large for one article", record)
    meta = {k: data[k] if isinstance(data.get(k), str) else None for k in JSONL_FIELDS}
    fmt = "html" if body["html"] and not body["text"] else "text"
    return Source(
        path=path,
        format="jsonl",
        record=record,
        text=body["text"] if fmt == "text" else None,
        html=body["html"] if fmt == "html" else None,
        **meta,
    )


def read_feed(path: str, data: bytes) -> Iterator[Item]:
    """RSS/Atom: each entry's full content, or the linked page when it is a local file."""
    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield IngestError(path, f"feed is not valid XML ({feed.bozo_exception})")
        return
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        record = entry.get("id") or entry.get("link") or str(number)
        html = _entry_html(entry, Path(path).parent)
        if not html:
            yield IngestError(path, "feed entry has no content", record)
            continue
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        yield Source(
            path=path, format="feed", record=record, html=html, url=entry.get("link"),
            title=entry.get("title"), outlet=outlet,
            published=None if not published else "{:04d}-{:02d}-{:02d}".format(*published[:3]),
        )  # fmt: skip


def _entry_html(entry: Any, folder: Path) -> str | None:
    contents = [c.get("value", "") for c in entry.get("content", [])]
    best = max([*contents, entry.get("summary", "")], key=len, default="")
    link = entry.get("link", "")
    if link.startswith("file://") or (link and not link.startswith(("http:", "https:"))):
        page = folder / link.removeprefix("file://")
        if page.is_file():
            return page.read_text(encoding="utf-8", errors="replace")
    if not best.strip():
        return None
    return best if "<" in best else f"<html><body><article><p>{best}</p></article></body></html>"


def read_warc(path: str, stream: io.BufferedIOBase) -> Iterator[Item]:
    """HTML `response` records of a WARC (gzipped or not), streamed record by record."""
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            item = _warc_source(path, record)
            read_whole = isinstance(item, Source)
            if read_whole and getattr(record.raw_stream, "limit", 0) > 0:  # short of Content-Length
                yield IngestError(path, "WARC record is truncated", item.record)
                return
            if item is not None:
                yield item
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield IngestError(path, f"WARC file is truncated or corrupt ({exc})")


def _warc_source(path: str, record: Any) -> Item | None:
    uri = record.rec_headers.get_header("WARC-Target-URI")
    content_type = (
        record.http_headers.get_header("Content-Type") if record.http_headers else ""
    ) or ""
    if "html" not in content_type.lower():
        return None
    body = record.content_stream().read(MAX_RECORD_CHARS + 1)
    if len(body) > MAX_RECORD_CHARS:
        return IngestError(path, "WARC record is too large for one article", uri)
    try:
        html = decode(body)
    except SniffError as exc:
        return IngestError(path, str(exc), uri)
    return Source(path=path, format="warc", record=uri, html=html, url=uri)
