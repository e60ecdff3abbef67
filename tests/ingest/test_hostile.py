"""Hostile and odd input: size caps, gzip bombs, binary files with text names, legacy
encodings, mojibake, wrong JSON types, WARC records that are not articles, local pages."""

from __future__ import annotations

import gzip
import io
import json
import random
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import crosswire.ingest
import crosswire.ingest.jsonl
from crosswire.clean import describe
from crosswire.cli import main
from crosswire.errors import InputError
from crosswire.ingest import read
from crosswire.ingest.feed import entry_html
from crosswire.model import IngestError, Source
from crosswire.store import open_store

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


# ---------------------------------------------------------------- issue 7 item 4: the rest

BODY = (
    "The new pier in the harbour opened on Wednesday after two years of building work, the "
    "council said in a statement to residents. Ferries will start calling there next month."
)


def test_zero_byte_file_is_empty(tmp_path: Path) -> None:
    (tmp_path / "nothing.html").write_bytes(b"")
    [error] = items([tmp_path / "nothing.html"])
    assert isinstance(error, IngestError) and error.reason == "file is empty"


def write_single_line(path: Path, size: int, prefix: bytes = b"", suffix: bytes = b"") -> None:
    """`size` bytes of words without a single newline, written a MiB at a time."""
    chunk = b"words " * (2**20 // 6)
    with path.open("wb") as handle:
        handle.write(prefix)
        written = len(prefix)
        while written < size:
            handle.write(chunk)
            written += len(chunk)
        handle.write(suffix)


def peak_while(function: Any) -> tuple[Any, int, float]:
    tracemalloc.start()
    started = time.perf_counter()
    try:
        result = function()
        return result, tracemalloc.get_traced_memory()[1], time.perf_counter() - started
    finally:
        tracemalloc.stop()


@pytest.mark.slow
@pytest.mark.parametrize("name", ["dump.txt", "dump.html"])
def test_100_mb_single_line_file_is_refused_without_reading_it(tmp_path: Path, name: str) -> None:
    prefix = b"<html><body><p>" if name.endswith(".html") else b""
    write_single_line(tmp_path / name, 100 * 2**20, prefix)
    found, peak, seconds = peak_while(lambda: items([tmp_path / name]))
    [error] = found
    assert isinstance(error, IngestError) and "larger than the 20 MiB limit" in error.reason
    assert peak < 2**20 and seconds < 5


@pytest.mark.slow
def test_100_mb_jsonl_line_between_good_lines_is_skipped_with_bounded_memory(
    tmp_path: Path,
) -> None:
    path = tmp_path / "dump.jsonl"
    good = json.dumps({"text": BODY}).encode() + b"\n"
    write_single_line(path, 100 * 2**20, prefix=good + b'{"text": "', suffix=b'"}\n')
    with path.open("ab") as handle:
        handle.write(json.dumps({"text": "A second good article follows it."}).encode() + b"\n")
    found, peak, seconds = peak_while(lambda: items([path]))
    assert [(type(i).__name__, i.record) for i in found] == [
        ("Source", "1"),
        ("IngestError", "2"),
        ("Source", "3"),
    ]
    # the over-long line is read up to the 20 MiB cap, then skipped in 1 MiB pieces
    assert peak < 48 * 2**20 and seconds < 20


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Pier opens</title><meta charset='utf-8'></head></html>",
        "<html><head><script>var a = 1;</script></head><body><script>"
        + "x();" * 5000
        + "</script><style>p { color: red }</style><noscript></noscript></body></html>",
        "<html><body>" + "<div>" * 100_000 + BODY + "</div>" * 100_000 + "</body></html>",
        "<html><body>" + "<span><b>" * 50_000 + BODY,  # deep and never closed
    ],
    ids=["no-body", "only-scripts", "nested-100k", "nested-unclosed"],
)
def test_html_without_article_text_is_one_input_error(html: str) -> None:
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        describe(Source(path="page.html", format="html", html=html, record="r1"))
    assert (caught.value.path, caught.value.record) == ("page.html", "r1")
    assert "HTML page" in caught.value.reason
    assert time.perf_counter() - started < 20


ARTICLE = f"Pier opens in the harbour\n\n{BODY}\n"
RUSSIAN = (
    "Министр прибыл в Осло\n\nМинистр иностранных дел прибыл в столицу Норвегии в четверг"
    " утром, сообщили в ведомстве. Переговоры продлятся два дня.\n"
)


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("latin.txt", ARTICLE.replace("harbour", "Malmö harbour").encode("latin-1"), "Malmö"),
        ("cp1251.txt", RUSSIAN.encode("cp1251"), "Министр иностранных дел"),
        ("bom16.txt", ARTICLE.encode("utf-16"), "Ferries"),
        ("le16.txt", ARTICLE.encode("utf-16-le"), "Ferries"),
        ("be16.txt", (ARTICLE + "Zürich und Köln.\n").encode("utf-16-be"), "Zürich und Köln"),
        ("moji.txt", ARTICLE.replace("pier", "cafÃ©").encode(), "café"),
        ("double.txt", ARTICLE.replace("pier", "cafÃƒÂ©").encode(), "café"),
    ],
)
def test_legacy_encodings_utf16_without_bom_and_mojibake_are_decoded(
    tmp_path: Path, name: str, data: bytes, expected: str
) -> None:
    (tmp_path / name).write_bytes(data)
    [source] = items([tmp_path / name])
    assert isinstance(source, Source), source
    article = describe(source)
    assert expected in article.text and "\x00" not in article.text
    assert article.title and article.title.split()[0] in ("Pier", "Министр")


def test_binary_with_nul_bytes_in_both_lanes_is_still_binary(tmp_path: Path) -> None:
    (tmp_path / "data.txt").write_bytes(bytes(range(256)) * 64)
    [error] = items([tmp_path / "data.txt"])
    assert isinstance(error, IngestError) and "binary" in error.reason


@pytest.mark.parametrize("name", ["cut.txt.gz", "cut.html.gz", "cut.jsonl.gz", "cut.xml.gz"])
def test_truncated_gzip_of_each_format_is_one_error(tmp_path: Path, name: str) -> None:
    rows = [json.dumps({"text": f"{BODY} Number {i} of {i * 7919 % 1000}."}) for i in range(400)]
    body = {
        "txt": ARTICLE * 200,
        "html": PAGE.replace("</p>", "</p>" + "<p>" + BODY + "</p>" * 0) * 200,
        "jsonl": "\n".join(rows),
        "xml": "<rss><channel>" + "<item><title>t</title></item>" * 2000,
    }[name.split(".")[1]]
    packed = gzip.compress(body.encode(), mtime=0)
    (tmp_path / name).write_bytes(packed[: len(packed) // 2])
    found = items([tmp_path / name])
    bad = [i for i in found if isinstance(i, IngestError)]
    assert len(bad) == 1 and "truncated" in bad[0].reason and bad[0].path.endswith(name)
    # JSONL is streamed: the lines before the cut are kept
    assert all(isinstance(i, Source) for i in found[:-1]) and found[-1] is bad[0]


def test_warc_cut_inside_the_record_headers(tmp_path: Path) -> None:
    write_records(tmp_path / "crawl.warc")
    data = (tmp_path / "crawl.warc").read_bytes()
    cut = data.index(b"WARC-Target-URI: https://a.example/latin") + 20
    (tmp_path / "crawl.warc").write_bytes(data[:cut])
    found = items([tmp_path / "crawl.warc"])
    assert [type(i).__name__ for i in found] == ["Source", "IngestError"]
    assert "WARC" in found[1].reason  # type: ignore[union-attr]


def test_jsonl_binary_line_missing_fields_and_huge_fields(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": BODY}).encode(),
        b'{"text": "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f"}',
        json.dumps({"url": "https://x.example/a", "title": "No body at all"}).encode(),
        json.dumps({"text": BODY, "title": "T" * 200_000, "outlet": ["x"]}).encode(),
        json.dumps({"text": "word " * 100_000}).encode(),
        json.dumps({"text": BODY + " The end."}).encode(),
    ]
    (tmp_path / "mixed.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    found = items([tmp_path / "mixed.jsonl"])
    reasons = {i.record: i.reason for i in found if isinstance(i, IngestError)}
    assert reasons == {
        "2": "line is binary, not text",
        "3": "record has no non-empty 'text' or 'html' field",
    }
    described = {}
    for source in (i for i in found if isinstance(i, Source)):
        try:
            described[source.record] = describe(source).n_words
        except InputError as exc:
            described[source.record] = exc.reason
    assert set(described) == {"1", "4", "5", "6"}
    assert "200,000-character limit" in str(described["5"])
    assert isinstance(described["4"], int)  # a huge title is kept with the article


@pytest.mark.parametrize(
    "first", [b'"text": "the start of this record was lost', b"\x00\x01\x02\x03\x04\x05\x06"]
)
def test_jsonl_whose_first_line_is_broken_or_binary(tmp_path: Path, first: bytes) -> None:
    good = [json.dumps({"text": BODY, "url": f"https://x.example/{k}"}).encode() for k in "ab"]
    (tmp_path / "cut.jsonl").write_bytes(b"\n".join([first, *good]) + b"\n")
    found = items([tmp_path / "cut.jsonl"])
    assert [type(i).__name__ for i in found] == ["IngestError", "Source", "Source"]
    assert found[0].record == "1"  # type: ignore[union-attr]
    assert [s.url for s in found[1:]] == ["https://x.example/a", "https://x.example/b"]  # type: ignore[union-attr]


def test_feed_that_is_not_xml_and_feed_cut_after_good_entries(tmp_path: Path) -> None:
    (tmp_path / "junk.xml").write_text("<rss version='2.0'><channel><<<>>> & not xml at all")
    entry = (
        f"<item><title>Pier opens</title><guid>p{{}}</guid><description>{BODY}</description></item>"
    )
    (tmp_path / "cut.xml").write_text(
        "<rss version='2.0'><channel><title>Harbour Post</title>"
        + entry.format(1)
        + entry.format(2)
        + "<item><title>Half an ent"
    )
    found = items([tmp_path / "junk.xml", tmp_path / "cut.xml"])
    assert isinstance(found[0], IngestError) and Path(found[0].path).name == "junk.xml"
    assert "not valid XML" in found[0].reason
    sources = [i for i in found if isinstance(i, Source)]
    assert [s.record for s in sources] == ["p1", "p2"]
    assert len(found) <= 4  # at most one error for the cut entry


# ---------------------------------------------------------------- a whole hostile corpus


def write_hostile_corpus(folder: Path) -> dict[str, str]:
    """Good and bad inputs side by side; returns each bad item ("file" or "file#record")
    with a word its error reason must contain."""
    folder.mkdir()
    good = {
        "ok.txt": ARTICLE,
        "le16.txt": ARTICLE.replace("pier", "jetty").encode("utf-16-le"),
        "ru.txt": RUSSIAN.encode("cp1251"),
        "copy.txt": ARTICLE,  # the same article twice: stored once, not an error
    }
    bad = {
        "empty.txt": b"",
        "slides.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n",
        "scripts.html": b"<html><body><script>var a = 1;</script></body></html>",
        "deep.html": ("<div>" * 100_000 + BODY + "</div>" * 100_000).encode(),
        "cut.txt.gz": gzip.compress(ARTICLE.encode() + random.Random(7).randbytes(9000))[:3000],
        "junk.xml": b"<rss><channel><<<>>> not xml",
    }
    for name, data in {**good, **bad}.items():
        (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode())
    rows = [
        json.dumps({"text": BODY.replace("pier", "marina")}),
        "{broken",
        json.dumps({"text": 42}),
        json.dumps({"title": "no body"}),
        json.dumps({"text": BODY.replace("pier", "marina")}),  # the same record again
        json.dumps({"text": "word " * 50_000}),
    ]
    (folder / "feed.jsonl").write_text("\n".join(rows) + "\n")
    entry = "<item><guid>same-id</guid><title>T</title><description>{}</description></item>"
    (folder / "feed.xml").write_text(
        "<rss version='2.0'><channel><title>Harbour Post</title>"
        + entry.format(BODY.replace("pier", "lighthouse"))
        + entry.format(BODY.replace("pier", "ferry terminal"))  # same id, other content
        + "</channel></rss>"
    )
    return {
        "empty.txt": "empty",
        "slides.txt": "binary",
        "scripts.html": "no article text",
        "deep.html": "no article text",
        "cut.txt.gz": "truncated",
        "junk.xml": "xml",
        "feed.jsonl#2": "json",
        "feed.jsonl#3": "string",
        "feed.jsonl#4": "no non-empty",
        "feed.jsonl#6": "character limit",
    }


@pytest.mark.slow
def test_hostile_corpus_gives_one_error_per_bad_item_in_report_and_store(
    tmp_path: Path,
) -> None:
    expected = write_hostile_corpus(tmp_path / "corpus")
    db = tmp_path / "x.db"
    result = CliRunner().invoke(main, ["run", str(tmp_path / "corpus"), "--db", str(db), "-q"])
    assert result.exit_code == 1, result.output

    def where(error: IngestError) -> str:
        name = Path(error.path).name
        return f"{name}#{error.record}" if error.record else name

    store = open_store(db)
    try:
        stored = store.errors()
        articles = list(store.articles())
    finally:
        store.close()
    assert sorted(where(e) for e in stored) == sorted(expected)  # each exactly once
    for error in stored:
        assert expected[where(error)] in error.reason.lower(), error
    listed = CliRunner().invoke(main, ["errors", "--db", str(db)]).output.splitlines()
    assert len(listed) == len(expected) and all(str(tmp_path) in line for line in listed)
    # every good item: ok/copy once, le16, ru, the marina line once, both feed entries
    assert len(articles) == 6
    texts = " ".join(a.text for a in articles)
    assert all(w in texts for w in ("jetty", "Министр", "marina", "lighthouse", "ferry"))


def test_feed_entry_whose_elements_have_no_value(tmp_path: Path) -> None:
    """atheris found a broken feed where feedparser gives an entry a summary of None."""
    broken = {"summary": None, "content": [{"type": "text/html", "value": None}], "link": ""}
    assert entry_html(broken, tmp_path) is None
    assert entry_html({"summary": None, "content": None}, tmp_path) is None
    assert entry_html({"summary": "<p>Kept.</p>", "content": [{}]}, tmp_path) == "<p>Kept.</p>"


def test_a_reader_bug_costs_one_file_not_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(path: str, data: bytes) -> Any:
        raise TypeError("object of type 'NoneType' has no len()")

    monkeypatch.setattr(crosswire.ingest, "read_feed", broken)
    (tmp_path / "a-feed.xml").write_text("<rss version='2.0'><channel></channel></rss>")
    (tmp_path / "b.txt").write_text(ARTICLE)
    first, second = items([tmp_path])
    assert isinstance(first, IngestError) and "TypeError" in first.reason
    assert isinstance(second, Source) and second.path.endswith("b.txt")
