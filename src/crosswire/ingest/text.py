"""Plain-text files: one article each (headline, dateline, body, as scraped or typed)."""

from __future__ import annotations

from collections.abc import Iterator

from crosswire.model import IngestError, Source

Item = Source | IngestError


def read_text(path: str, text: str) -> Iterator[Item]:
    """A one-article plain-text file."""
    if not text.strip():
        yield IngestError(path, "file is empty (only white space)")
        return
    yield Source(path=path, format="text", text=text)
