"""Reading inputs: files, folders, globs and stdin, recognised by content.

`read(paths)` yields one `Source` per article found, or an `IngestError` for each file or
record that cannot be read; it never raises for bad input, so a batch always goes on.
"""

from __future__ import annotations

import glob
import gzip
import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from crosswire.ingest.readers import Item, read_document, read_feed, read_jsonl, read_warc
from crosswire.ingest.sniff import (
    GZIP_MAGIC,
    MAX_BYTES,
    SniffError,
    decode,
    detect_format,
    gunzip,
    looks_binary,
)
from crosswire.model import IngestError

__all__ = ["expand_paths", "read", "read_file"]


def read(paths: Iterable[str], *, stdin: TextIO | None = None) -> Iterator[Item]:
    """Every article under `paths`, in a deterministic order; ``-`` reads JSONL from stdin."""
    for path in paths:
        if path == "-":
            yield from read_jsonl("-", iter(stdin) if stdin is not None else iter(()))
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
    return sorted(Path(p) for p in glob.glob(path, recursive=True) if Path(p).is_file())


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def read_file(file: Path) -> Iterator[Item]:
    """All articles in one file, whatever its format; problems become `IngestError`s."""
    name = str(file)
    try:
        with file.open("rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        yield IngestError(name, f"cannot read file ({exc.strerror or exc})")
        return
    if not head:
        yield IngestError(name, "file is empty")
        return
    compressed = head.startswith(GZIP_MAGIC)
    try:
        inner = _peek_gzip(file) if compressed else head
        fmt = detect_format(inner)
        if fmt == "warc":  # streamed: warcio reads gzip itself
            with file.open("rb") as handle:
                yield from read_warc(name, handle)
            return
        yield from _read_whole(name, file, compressed, fmt)
    except SniffError as exc:
        yield IngestError(name, str(exc))


def _peek_gzip(file: Path) -> bytes:
    try:
        with gzip.open(file, "rb") as handle:
            return handle.read(4096)
    except (EOFError, OSError) as exc:
        raise SniffError(f"gzip data is truncated or corrupt ({exc})") from exc


def _read_whole(name: str, file: Path, compressed: bool, fmt: str) -> Iterator[Item]:
    if fmt == "jsonl":  # streamed line by line
        yield from _read_jsonl_file(name, file, compressed)
        return
    if file.stat().st_size > MAX_BYTES:
        raise SniffError(
            f"file is larger than {MAX_BYTES // 2**20} MiB; split it or use JSONL/WARC"
        )
    data = file.read_bytes()
    if compressed:
        data = gunzip(data)
    if not data.strip():
        raise SniffError("file is empty")
    if looks_binary(data):
        raise SniffError("file is binary, not text")
    if fmt == "feed":
        yield from read_feed(name, data)
        return
    yield from read_document(name, decode(data), fmt)


def _read_jsonl_file(name: str, file: Path, compressed: bool) -> Iterator[Item]:
    try:
        with (
            gzip.open(file, "rb") if compressed else file.open("rb") as raw,
            io.TextIOWrapper(raw, encoding="utf-8", errors="replace") as lines,
        ):
            yield from read_jsonl(name, lines)
    except (EOFError, OSError) as exc:
        yield IngestError(name, f"gzip data is truncated or corrupt ({exc})")
