"""Hostile and odd input: size caps, gzip bombs, binary files with text names, legacy
encodings, mojibake, wrong JSON types, WARC records that are not articles, local pages."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import crosswire.ingest
import crosswire.ingest.jsonl
from crosswire.ingest import read
from crosswire.model import IngestError, Source

PAGE = (
    "<html><head><title>Pier opens</title></head><body><article><h1>Pier opens</h1>"
    "<p>The new pier in the harbour opened on Wednesday after two years of building work, "
    "the council said in a statement to residents.</p></article></body></html>"
)


def items(paths: list[Path]) -> list[Source | IngestError]:
    return list(read([str(p) for p in paths]))


@pytest.fixture
def small_cap(monkeypatch: pytest.MonkeyPatch) -> int:
    """A 2 kB record cap, so that 'huge' input stays small in the test."""
    cap = 2048
    monkeypatch.setattr(crosswire.ingest, "MAX_RECORD_BYTES", cap)
    monkeypatch.setattr(crosswire.ingest.jsonl, "MAX_RECORD_BYTES", cap)
    return cap


def test_jsonl_line_over_the_cap_is_skipped_and_reading_goes_on(
    tmp_path: Path, small_cap: int
) -> None:
    rows = [
        json.dumps({"text": "A short first article."}),
        json.dumps({"text": "x" * (small_cap * 3)}),
        json.dumps({"text": "A short third article."}),
    ]
    (tmp_path / "big.jsonl").write_text("\n".join(rows) + "\n")
    found = items([tmp_path / "big.jsonl"])
    assert [(type(i).__name__, i.record) for i in found] == [
        ("Source", "1"),
        ("IngestError", "2"),
        ("Source", "3"),
    ]
    assert "limit" in found[1].reason  # type: ignore[union-attr]


def test_single_article_file_over_the_cap_is_refused(tmp_path: Path, small_cap: int) -> None:
    (tmp_path / "one-line.txt").write_text("word " * small_cap)
    [error] = items([tmp_path / "one-line.txt"])
    assert isinstance(error, IngestError) and "larger than" in error.reason


def test_gzip_bomb_is_refused(tmp_path: Path, small_cap: int) -> None:
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * (small_cap * 50)))
    [error] = items([tmp_path / "bomb.txt.gz"])
    assert isinstance(error, IngestError) and "limit" in error.reason


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n",
        b"PK\x03\x04\x14\x00\x06\x00" + b"zipped" * 10,
    ],
)
def test_binary_formats_with_a_text_name(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "notes.txt").write_bytes(data)
    [error] = items([tmp_path / "notes.txt"])
    assert isinstance(error, IngestError) and "binary" in error.reason


def test_white_space_only_file_is_empty(tmp_path: Path) -> None:
    (tmp_path / "blank.txt").write_text("\n\n   \n")
    [error] = items([tmp_path / "blank.txt"])
    assert isinstance(error, IngestError) and "empty" in error.reason


def test_cyrillic_legacy_encoding_and_mojibake(tmp_path: Path) -> None:
    russian = "Министр иностранных дел прибыл в столицу в четверг утром, сообщили в ведомстве."
    (tmp_path / "ru.txt").write_bytes(russian.encode("cp1251"))
    (tmp_path / "moji.txt").write_text("The cafÃ© reopened on Monday.", encoding="utf-8")
    found = {Path(s.path).name: s.text for s in items([tmp_path]) if isinstance(s, Source)}
    assert found["ru.txt"] == russian
    assert found["moji.txt"] == "The café reopened on Monday."


def test_utf16_html_is_sniffed_as_html(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_bytes(PAGE.encode("utf-16"))
    [source] = items([tmp_path / "page.txt"])
    assert isinstance(source, Source) and source.format == "html"


def test_jsonl_wrong_types_and_odd_values(tmp_path: Path) -> None:
    rows = [
        json.dumps({"text": "Good text here.", "title": ["not", "a", "string"], "url": 7}),
        json.dumps({"html": {"nested": True}}),
        json.dumps({"text": "   "}),
        "[" * 100_000 + "]" * 100_000,
        json.dumps("just a string"),
        json.dumps({"text": "Second good one.", "published": "Tue, 12 Mar 2024 08:00:00 GMT"}),
    ]
    (tmp_path / "odd.jsonl").write_text("\n".join(rows) + "\n")
    found = items([tmp_path / "odd.jsonl"])
    good = [i for i in found if isinstance(i, Source)]
    bad = [i for i in found if isinstance(i, IngestError)]
    assert [s.record for s in good] == ["1", "6"]
    assert good[0].title is None and good[0].url is None  # wrong types dropped, not guessed
    assert [e.record for e in bad] == ["2", "3", "4", "5"]
    assert "'html' must be a string" in bad[0].reason and "not an object" in bad[3].reason


def test_stdin_bad_line_does_not_stop_the_rest() -> None:
    stream = io.StringIO("{broken\n" + json.dumps({"text": "From a pipe."}) + "\n")
    found = list(read(["-"], stdin=stream))
    assert isinstance(found[0], IngestError) and found[0].path == "-"
    assert isinstance(found[1], Source) and found[1].record == "2"


def write_records(path: Path) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)

        def response(url: str, status: str, ctype: str, body: bytes) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body), http_headers=headers
                )
            )

        response("https://a.example/moved", "301 Moved Permanently", "text/html", b"<html/>")
        response("https://a.example/logo.png", "200 OK", "image/png", b"\x89PNG\x00\x00")
        response("https://a.example/pier", "200 OK", "text/html; charset=utf-8", PAGE.encode())
        response(
            "https://a.example/latin",
            "200 OK",
            "text/html; charset=iso-8859-1",
            PAGE.replace("pier", "quai à Malmö").encode("latin-1"),
        )
        writer.write_record(
            writer.create_warc_record(
                "https://a.example/saved",
                "resource",
                payload=io.BytesIO(PAGE.encode()),
                warc_content_type="text/html",
            )
        )


def test_warc_keeps_only_html_pages_and_no_crawl_date(tmp_path: Path) -> None:
    write_records(tmp_path / "crawl.warc")
    found = items([tmp_path / "crawl.warc"])
    assert all(isinstance(i, Source) for i in found)
    assert [s.url for s in found] == [  # type: ignore[union-attr]
        "https://a.example/pier",
        "https://a.example/latin",
        "https://a.example/saved",
    ]
    assert all(s.published is None for s in found)  # type: ignore[union-attr]
    assert "Malmö" in (found[1].html or "")  # type: ignore[union-attr]


def test_feed_entry_linking_a_local_page(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "pier.html").write_text(PAGE)
    rss = """<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Post</title>
    <item><title>Pier opens</title><link>pages/pier.html</link>
    <pubDate>Wed, 13 Mar 2024 09:00:00 GMT</pubDate><description>Teaser.</description></item>
    <item><title>Missing page</title><link>pages/gone.html</link></item>
    </channel></rss>"""
    (tmp_path / "feed.xml").write_text(rss)
    found = items([tmp_path / "feed.xml"])
    first, second = found
    assert isinstance(first, Source) and "two years of building work" in (first.html or "")
    assert first.url is None and first.published == "2024-03-13"
    assert isinstance(second, IngestError) and second.record == "pages/gone.html"


def test_json_documents_array_and_pretty_printed_object(tmp_path: Path) -> None:
    articles = [{"text": "First from an array."}, "not an object", {"text": "Third one."}]
    (tmp_path / "array.json").write_text(json.dumps(articles))
    (tmp_path / "one.json").write_text(
        json.dumps({"text": "A lone article.", "title": "T"}, indent=2)
    )
    (tmp_path / "other.json").write_text(json.dumps({"labels": [1, 2]}, indent=2))
    found = items([tmp_path / "array.json", tmp_path / "one.json", tmp_path / "other.json"])
    kinds = [(type(i).__name__, Path(i.path).name, i.record) for i in found]
    assert kinds == [
        ("Source", "array.json", "1"),
        ("IngestError", "array.json", "2"),
        ("Source", "array.json", "3"),
        ("Source", "one.json", None),
        ("IngestError", "other.json", None),
    ]
    assert "not an article" in found[-1].reason  # type: ignore[union-attr]
