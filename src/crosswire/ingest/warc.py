"""WARC and WARC.gz archives (warcio): one article per HTML response record, streamed.

The record's target URI becomes the article URL and its WARC-Record-ID the record name.
WARC-Date is when the page was crawled, not when it was published, so it is not passed on
as a publication date.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from crosswire.ingest.sniff import MAX_RECORD_BYTES, SniffError, decode, looks_binary, mib
from crosswire.model import IngestError, Source

Item = Source | IngestError
HTML_TYPES = ("text/html", "application/xhtml")
DRAIN_CHUNK = 1 << 16


def read_warc(path: str, stream: IO[bytes]) -> Iterator[Item]:
    """HTML pages of a WARC (gzipped or not), record by record."""
    try:
        for record in ArchiveIterator(stream):
            if record.rec_headers.get_header("Content-Length") is None:
                # every WARC record states its length: without it the file ends in the headers
                yield IngestError(
                    path, "WARC record is truncated (file ends inside its headers)", _id(record)
                )
                return
            if not _is_html_page(record):
                if _drained_short(record):
                    yield IngestError(
                        path, "WARC record is truncated (file ends inside it)", _id(record)
                    )
                    return
                continue
            item = _warc_source(path, record)
            if isinstance(item, Source) and _cut_short(record):
                yield IngestError(
                    path, "WARC record is truncated (file ends inside it)", item.record
                )
                return
            yield item
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield IngestError(path, f"WARC file is truncated or corrupt ({_first_line(exc)})")


def _first_line(exc: Exception) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0][:200]


def _is_html_page(record: Any) -> bool:
    """A successful HTML `response` (HTTP headers) or `resource` (WARC headers) record."""
    if record.rec_type == "response":
        headers = record.http_headers
        if headers is None or not (headers.get_statuscode() or "").startswith("2"):
            return False  # redirects and error pages are not articles
        content_type = headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return False
    return content_type.lower().startswith(HTML_TYPES)


def _charset(record: Any) -> str | None:
    headers = record.http_headers or record.rec_headers
    content_type = headers.get_header("Content-Type") or ""
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def _id(record: Any) -> str | None:
    # the record id is unique in the archive, where one URI may be crawled twice
    headers = record.rec_headers  # warcio is untyped: a header's value is a str or None
    record_id: str | None = headers.get_header("WARC-Record-ID")
    return record_id or headers.get_header("WARC-Target-URI")


def _drained_short(record: Any) -> bool:
    """Skip a record that is not an article (read in pieces, as warcio would) and tell
    whether the file ended inside it."""
    while record.raw_stream.read(DRAIN_CHUNK):
        pass
    return _cut_short(record)


def _cut_short(record: Any) -> bool:
    """warcio leaves a positive limit on the raw stream when the file ended before the
    record's Content-Length was read."""
    return getattr(record.raw_stream, "limit", 0) > 0


def _warc_source(path: str, record: Any) -> Item:
    uri = record.rec_headers.get_header("WARC-Target-URI")
    record_id = _id(record)
    body = record.content_stream().read(MAX_RECORD_BYTES + 1)
    if len(body) > MAX_RECORD_BYTES:
        return IngestError(
            path, f"WARC record is larger than the {mib(MAX_RECORD_BYTES)} limit", record_id
        )
    if not body.strip():
        return IngestError(path, "WARC record has an empty page", record_id)
    if looks_binary(body):
        return IngestError(path, "WARC record is binary, not an HTML page", record_id)
    try:
        html = decode(body, _charset(record))
    except SniffError as exc:
        return IngestError(path, str(exc), record_id)
    return Source(path=path, format="warc", record=record_id, html=html, url=uri)
