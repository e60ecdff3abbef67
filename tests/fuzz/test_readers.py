"""Property tests of the readers: any bytes in a JSONL, feed, JSON, WARC or unknown file give
Sources and IngestErrors only, never an exception, and each JSONL line gives at most one
(issue 7 item 6)."""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from tests.fuzz.strategies import FAST, TAGS, news_text

from crosswire.errors import InputError
from crosswire.ingest import read
from crosswire.ingest.feed import read_feed
from crosswire.ingest.jsonl import read_json_document, read_jsonl
from crosswire.ingest.sniff import decode, detect_format, gunzip, looks_binary
from crosswire.ingest.warc import read_warc
from crosswire.model import IngestError, Source

json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), news_text),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(news_text, inner, max_size=4),
    max_leaves=12,
)
records = st.one_of(
    json_values,
    st.fixed_dictionaries(
        {"text": st.one_of(news_text, json_values)},
        optional={k: json_values for k in ("html", "url", "title", "published", "outlet")},
    ),
)
lines = st.one_of(records.map(json.dumps), st.binary(max_size=80).map(bytes.hex), news_text)
FEED_PARTS = [
    "<?xml version='1.0'?>", "<rss version='2.0'>", "<channel>", "<item>", "</item>",
    "<title>", "</title>", "<link>", "</link>", "<pubDate>", "</pubDate>", "<description>",
    "</description>", "<feed xmlns='http://www.w3.org/2005/Atom'>", "<entry>", "<content>",
    "</entry>", "<guid>", "</guid>", "&", "<", "pages/missing.html", "file:///etc/hostname",
]  # fmt: skip
FORMATS = {"warc", "feed", "html", "jsonl", "json", "text"}
feeds = st.lists(st.one_of(st.sampled_from(FEED_PARTS + TAGS), news_text), max_size=50).map("".join)


def only_items(found: list[object]) -> None:
    assert all(isinstance(i, Source | IngestError) for i in found)
    for item in found:
        if isinstance(item, IngestError):
            assert item.reason and item.path


@FAST
@given(st.lists(lines, max_size=12), st.booleans())
def test_jsonl_gives_at_most_one_item_per_line(rows: list[str], as_bytes: bool) -> None:
    data = "\n".join(rows) + "\n"
    stream = io.BytesIO(data.encode("utf-8", "surrogatepass")) if as_bytes else io.StringIO(data)
    found = list(read_jsonl("x.jsonl", stream))
    only_items(found)
    numbers = [int(i.record) for i in found if i.record]
    assert numbers == sorted(set(numbers)) and len(numbers) == len(found)
    assert all(n <= data.count("\n") for n in numbers)


@FAST
@given(st.one_of(records.map(json.dumps), st.lists(records, max_size=5).map(json.dumps)))
def test_json_document_gives_items(document: str) -> None:
    only_items(list(read_json_document("x.json", document.encode())))


@FAST
@given(feeds)
def test_feeds_give_items(feed: str) -> None:
    only_items(list(read_feed("/nonexistent/x.xml", feed.encode())))


@FAST
@given(st.binary(max_size=400))
def test_warc_reader_takes_any_bytes(data: bytes) -> None:
    only_items(list(read_warc("x.warc", io.BytesIO(b"WARC/1.0\r\n" + data))))


@FAST
@given(st.one_of(st.binary(max_size=600), feeds.map(str.encode), lines.map(str.encode)))
def test_any_file_gives_items(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.txt"
        path.write_bytes(data)
        only_items(list(read([str(path)])))


@FAST
@given(st.binary(max_size=600), st.sampled_from([None, "utf-8", "latin-1", "koi8-r", "nonsense"]))
def test_sniffing_refuses_only_with_input_errors(data: bytes, declared: str | None) -> None:
    assert detect_format(data) in FORMATS
    assert isinstance(looks_binary(data), bool)
    for call in (lambda: decode(data, declared), lambda: gunzip(data)):
        with contextlib.suppress(InputError):  # SniffError: the documented refusal
            call()
