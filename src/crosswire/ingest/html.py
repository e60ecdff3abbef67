"""HTML pages saved as files: one article each; cleaning extracts the main text."""

from __future__ import annotations

from collections.abc import Iterator

from crosswire.model import IngestError, Source

Item = Source | IngestError


def read_html(path: str, html: str) -> Iterator[Item]:
    """A one-article HTML file."""
    if not html.strip():
        yield IngestError(path, "file is empty (only white space)")
        return
    yield Source(path=path, format="html", html=html)
