"""JSONL: one article per line, `text` or `html`, plus optional url, title, published, outlet
(or the names common scrapers and datasets give them: ``data/ingest/jsonl_fields.yaml``).

A file holding one JSON document instead (an array of such objects, or one pretty-printed
object) is read too, whole and size-capped.

Lines are read one at a time with a size cap, so neither a huge file nor a huge line is
ever held in memory whole.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from typing import Any, Protocol

from crosswire.datafiles import DataModel, load
from crosswire.ingest.sniff import (
    MAX_RECORD_BYTES,
    SniffError,
    decode_bytes,
    looks_binary,
    mib,
    repair,
)
from crosswire.model import IngestError, Source

Item = Source | IngestError
BODY_FIELDS = ("text", "html")
META_FIELDS = ("url", "title", "published", "outlet")
DRAIN_CHUNK = 1 << 20  # how much of an over-long line is skipped per read


class FieldNames(DataModel):
    """The names each article field may have in a record, in the order they are tried."""

    text: tuple[str, ...]
    html: tuple[str, ...]
    url: tuple[str, ...]
    title: tuple[str, ...]
    published: tuple[str, ...]
    outlet: tuple[str, ...]


@cache
def field_names() -> FieldNames:
    return load("ingest/jsonl_fields.yaml", FieldNames)


class LineStream(Protocol):
    """What the reader needs of a stream: a binary or text file, stdin, a gzip file."""

    def readline(self, size: int, /) -> bytes | str: ...


def read_jsonl(path: str, stream: LineStream) -> Iterator[Item]:
    """Every line of a JSONL stream (bytes or text) as a `Source` or an `IngestError`."""
    for number, line in enumerate(bounded_lines(stream, MAX_RECORD_BYTES), start=1):
        record = str(number)
        if line is None:
            yield IngestError(
                path,
                f"line is longer than the {mib(MAX_RECORD_BYTES)} limit for one record",
                record,
            )
            continue
        if isinstance(line, bytes):
            if looks_binary(line):
                yield IngestError(path, "line is binary, not text", record)
                continue
            try:
                line = decode_bytes(line)
            except SniffError as exc:
                yield IngestError(path, str(exc), record)
                continue
        if line.strip():
            yield _line_source(path, record, line)


def read_json_document(path: str, data: bytes) -> Iterator[Item]:
    """One JSON document: an array of article objects, or a single article object."""
    try:
        document = json.loads(decode_bytes(data))
    except (json.JSONDecodeError, SniffError) as exc:
        yield IngestError(path, f"file is not valid JSON or JSONL ({_first_line(exc)})")
        return
    except RecursionError:
        yield IngestError(path, "file is JSON nested too deeply to read")
        return
    if isinstance(document, list):
        for number, data_item in enumerate(document, start=1):
            yield jsonl_source(path, str(number), data_item)
    elif isinstance(document, dict):
        source = jsonl_source(path, None, document)
        if isinstance(source, IngestError) and "text" not in document and "html" not in document:
            source.reason = "JSON file is not an article (no 'text' or 'html' field)"
        yield source
    else:
        yield IngestError(path, f"file is a JSON {type(document).__name__}, not articles")


def _first_line(exc: Exception) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0][:200]


def bounded_lines(stream: LineStream, limit: int) -> Iterator[bytes | str | None]:
    """The lines of `stream`; None in place of a line longer than `limit` (which is skipped)."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not _ends_line(line):
            _drain_line(stream)
            yield None
        else:
            yield line


def _drain_line(stream: LineStream) -> None:
    while chunk := stream.readline(DRAIN_CHUNK):
        if _ends_line(chunk):
            return


def _ends_line(chunk: bytes | str) -> bool:
    return chunk.endswith(b"\n") if isinstance(chunk, bytes) else chunk.endswith("\n")


def _line_source(path: str, record: str, line: str) -> Item:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return IngestError(
            path, f"line is not valid JSON ({exc.msg} at column {exc.colno})", record
        )
    except RecursionError:
        return IngestError(path, "line is JSON nested too deeply to read", record)
    return jsonl_source(path, record, data)


def jsonl_source(path: str, record: str | None, data: Any) -> Item:
    """A decoded JSONL record as a `Source`, or the reason it is not an article."""
    if not isinstance(data, dict):
        what = "record" if record else "file"
        return IngestError(path, f"{what} is a JSON {type(data).__name__}, not an object", record)
    wrong = [k for k in BODY_FIELDS if data.get(k) is not None and not isinstance(data[k], str)]
    if wrong:
        return IngestError(path, f"field '{wrong[0]}' must be a string", record)
    names = field_names()
    body = {key: _first(data, getattr(names, key), strip=False) for key in BODY_FIELDS}
    if not any(body.values()):
        return IngestError(path, "record has no non-empty 'text' or 'html' field", record)
    meta = {key: _first(data, getattr(names, key)) for key in META_FIELDS}
    if body["text"]:
        return Source(path=path, format="jsonl", record=record, text=repair(body["text"]), **meta)
    return Source(path=path, format="jsonl", record=record, html=body["html"], **meta)


def _first(data: dict[str, Any], names: tuple[str, ...], strip: bool = True) -> str | None:
    """The first of the field's names holding a non-empty string (stripped, unless it is
    the body); a value of the wrong type is passed over (the article is still good), not
    guessed at."""
    for name in names:
        value = data.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip() if strip else value
    return None
