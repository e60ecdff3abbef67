"""Reading inputs: files, folders, globs and stdin, recognised by content.

`read(paths)` yields one `Source` per article found, or an `IngestError` for each file or
record that cannot be read; it never raises for bad input, so a batch always goes on.
Formats are told apart by their bytes (`sniff`), not their names; each has its reader
module: `text`, `html`, `jsonl` (also one JSON document), `feed`, `warc`. JSONL and WARC
are streamed record by record; other files are read whole up to a size cap.
"""

from __future__ import annotations

import glob
import gzip
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from crosswire.ingest.feed import read_feed
from crosswire.ingest.html import read_html
from crosswire.ingest.jsonl import read_json_document, read_jsonl
from crosswire.ingest.sniff import (
    GZIP_MAGIC,
    MAX_CONTAINER_BYTES,
    MAX_RECORD_BYTES,
    SniffError,
    decode,
    detect_format,
    first_record,
    gunzip,
    looks_binary,
    mib,
)
from crosswire.ingest.text import read_text
from crosswire.ingest.warc import read_warc
from crosswire.model import IngestError, Source

__all__ = ["expand_paths", "read", "read_file"]

Item = Source | IngestError
HEAD_BYTES = 8192  # enough of a file to tell its format


def read(paths: Iterable[str], *, stdin: TextIO | None = None) -> Iterator[Item]:
    """Every article under `paths`, in a deterministic order; ``-`` reads JSONL from stdin."""
    for path in paths:
        if path == "-":
            yield from read_jsonl("-", stdin if stdin is not None else sys.stdin)
            continue
        files = expand_paths(path)
        if not files:
            yield IngestError(path, "no such file, folder or matching glob")
        for file in files:
            yield from read_file(file)


def expand_paths(path: str) -> list[Path]:
    """A file, every file under a folder (sorted, hidden files skipped), or a glob's matches."""
    candidate = Path(path)
    if candidate.is_file():
        return [candidate]
    if candidate.is_dir():
        return sorted(p for p in candidate.rglob("*") if p.is_file() and not _hidden(p, candidate))
    if not glob.has_magic(path):
        return []
    return sorted(Path(p) for p in glob.glob(path, recursive=True) if Path(p).is_file())


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def read_file(file: Path) -> Iterator[Item]:
    """All articles in one file, whatever its format; problems become `IngestError`s."""
    name = str(file)
    try:
        yield from _read_file(name, file)
    except SniffError as exc:
        yield IngestError(name, str(exc))
    except OSError as exc:
        yield IngestError(name, f"cannot read file ({exc.strerror or exc})")
    except Exception as exc:  # a reader's (or a library's) bug costs this file, not the run
        yield IngestError(name, f"file could not be read: {type(exc).__name__}: {exc}"[:300])


def _read_file(name: str, file: Path) -> Iterator[Item]:
    with file.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
    if not head.strip():
        raise SniffError("file is empty")
    compressed = head.startswith(GZIP_MAGIC)
    inner = _peek_gzip(file) if compressed else head
    if not inner.strip():
        raise SniffError("file is empty (after decompression)")
    fmt = detect_format(inner)
    if fmt == "warc":  # warcio reads gzip itself, record by record; payloads may be binary
        with file.open("rb") as handle:
            yield from read_warc(name, handle)
        return
    # in JSONL one binary line must not cost the good lines around it: only the first record
    # is checked here, the other lines one by one as they are read
    if looks_binary(first_record(inner) if fmt == "jsonl" else inner):
        raise SniffError("file is binary, not text")
    if fmt == "jsonl":
        yield from _read_jsonl_file(name, file, compressed)
    else:
        yield from _read_whole(name, file, compressed, fmt)


def _peek_gzip(file: Path) -> bytes:
    try:
        with gzip.open(file, "rb") as handle:
            return handle.read(HEAD_BYTES)
    except (EOFError, OSError) as exc:
        raise SniffError(f"gzip data is truncated or corrupt ({exc})") from exc


def _read_whole(name: str, file: Path, compressed: bool, fmt: str) -> Iterator[Item]:
    """A file read whole: a one-article text/HTML file or a feed, both size-capped."""
    limit = MAX_CONTAINER_BYTES if fmt in ("feed", "json") else MAX_RECORD_BYTES
    if file.stat().st_size > limit:
        raise SniffError(f"file is larger than the {mib(limit)} limit for one {_unit(fmt)}")
    data = gunzip(file.read_bytes(), limit) if compressed else file.read_bytes()
    if looks_binary(data):
        raise SniffError("file is binary, not text")
    if fmt == "feed":
        yield from read_feed(name, data)
    elif fmt == "json":
        yield from read_json_document(name, data)
    elif fmt == "html":
        yield from read_html(name, decode(data))
    else:
        yield from read_text(name, decode(data))


def _unit(fmt: str) -> str:
    return {"feed": "feed", "json": "JSON document"}.get(fmt, "article")


def _read_jsonl_file(name: str, file: Path, compressed: bool) -> Iterator[Item]:
    try:
        with gzip.open(file, "rb") if compressed else file.open("rb") as lines:
            yield from read_jsonl(name, lines)
    except (EOFError, OSError, gzip.BadGzipFile) as exc:
        yield IngestError(name, f"gzip data is truncated or corrupt ({exc})")
