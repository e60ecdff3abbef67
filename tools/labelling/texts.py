"""The article texts the pool points into, read from ``../shared/bench``.

Four sources, each with its own notion of "the text":

- ``extraction``: ``extraction/ground-truth.json`` ``{id: {articleBody, url}}``; offsets point
  into ``articleBody``.
- ``ecb``: ``stories/ecbplus-dev.jsonl`` ``{id, text, title, date, url, ...}``; offsets point into
  ``text``.
- ``pubdate``: ``pubdate/html/*.html.gz`` pages (``gold.json`` gives URL and publication date).
  They have no text file, so the text is what trafilatura (the version pinned in
  pyproject.toml) extracts with the fixed options below. A different trafilatura could give a
  different text: every pool sentence stores a hash of its text, so drift is detected.
- ``te3``: ``time/tempeval3-tbaq.jsonl`` (TimeBank and AQUAINT newswire, 1989-1998)
  ``{doc, dct, text, ...}``; offsets point into ``text``. Not labelled: the hand checks draw
  from it as real news that no labelled set or model of crosswire's events has seen.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
SOURCES = ("extraction", "pubdate", "ecb")
# Below this many words, trafilatura's precision mode has probably dropped the body: the
# extraction is repeated without it (the rule crosswire's own HTML cleaning follows).
MIN_PRECISE_WORDS = 25


def shared_dir(explicit: str | Path | None = None) -> Path:
    """``../shared`` beside the repository, or ``$CROSSWIRE_SHARED``, or the given path."""
    if explicit is not None:
        return Path(explicit)
    env = os.environ.get("CROSSWIRE_SHARED")
    return Path(env) if env else REPO.parent / "shared"


def short_hash(text: str, length: int = 10) -> str:
    """The sha1 prefix stored with every sentence and article to detect text drift."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


@dataclass(frozen=True, slots=True)
class SourceArticle:
    """One article as a source gives it: ``key`` is ``source:doc``."""

    source: str
    doc: str
    text: str
    url: str | None = None
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD when the source states it

    @property
    def key(self) -> str:
        return f"{self.source}:{self.doc}"


def read_articles(shared: Path, source: str) -> Iterator[SourceArticle]:
    """Every article of one source, in a fixed order (sorted by document id)."""
    readers = {"extraction": _extraction, "pubdate": _pubdate, "ecb": _ecb, "te3": _tempeval}
    yield from sorted(readers[source](shared), key=lambda a: a.doc)


def article_text(shared: Path, key: str) -> SourceArticle:
    """One article by its key (``source:doc``); ``KeyError`` when the source lacks it."""
    source, _, doc = key.partition(":")
    return _by_key(shared, source)[doc]


@cache
def _by_key(shared: Path, source: str) -> dict[str, SourceArticle]:
    return {a.doc: a for a in read_articles(shared, source)}


def _extraction(shared: Path) -> Iterator[SourceArticle]:
    truth = json.loads((shared / "bench/extraction/ground-truth.json").read_text("utf-8"))
    for doc, entry in truth.items():
        yield SourceArticle("extraction", doc, entry["articleBody"], url=entry.get("url"))


def _ecb(shared: Path) -> Iterator[SourceArticle]:
    with (shared / "bench/stories/ecbplus-dev.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            yield SourceArticle(
                "ecb",
                row["id"],
                row["text"],
                url=row.get("url"),
                title=row.get("title"),
                published=row.get("date"),
            )


def _tempeval(shared: Path) -> Iterator[SourceArticle]:
    with (shared / "bench/time/tempeval3-tbaq.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            day = (row.get("dct") or "")[:10] or None  # a creation time may add the hour
            yield SourceArticle("te3", row["doc"], row["text"], published=day)


def _pubdate(shared: Path) -> Iterator[SourceArticle]:
    folder = shared / "bench/pubdate"
    gold = json.loads((folder / "gold.json").read_text("utf-8"))
    for url, entry in gold.items():
        html = gzip.decompress((folder / "html" / entry["file"]).read_bytes())
        text, title = extract_page(html, url)
        doc = entry["file"].removesuffix(".html.gz")
        published = entry["date"] if isinstance(entry["date"], str) else None  # NaN: unknown
        yield SourceArticle("pubdate", doc, text, url=url, title=title, published=published)


def extract_page(html: bytes, url: str) -> tuple[str, str | None]:
    """A page's main text and title by the pinned trafilatura with fixed options."""
    doc = _bare(html, url, favor_precision=True)
    if doc is None or len((doc.text or "").split()) < MIN_PRECISE_WORDS:
        retry = _bare(html, url, favor_precision=False)
        if retry is not None and len(retry.text or "") > len(doc.text or "" if doc else ""):
            doc = retry
    if doc is None:
        return "", None
    return doc.text or "", doc.title


def _bare(html: bytes, url: str, favor_precision: bool) -> Any:
    """trafilatura's document (its ``text`` and ``title``), or None."""
    import trafilatura  # imported here: only the pubdate pages need it

    return trafilatura.bare_extraction(
        html, url=url, favor_precision=favor_precision, with_metadata=True
    )


def sentence_text(shared: Path, sentence_id: str) -> str:
    """The text of a pool sentence (``source:doc:start-end``) as the source gives it now."""
    article, _, bounds = sentence_id.rpartition(":")
    start, end = (int(x) for x in bounds.split("-"))
    return article_text(shared, article).text[start:end]
