"""Reading every input format, recognised by content, and every kind of bad input."""

from __future__ import annotations

import gzip
import io
import json
import random
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crosswire.ingest import read
from crosswire.model import IngestError, Source

PAGE = (
    "<html><head><title>Ferry service resumes</title></head><body><article>"
    "<h1>Ferry service resumes</h1>"
    "<p>The ferry between the two islands resumed service on Monday after a week of storms, "
    "the operator said in a statement to passengers waiting at the pier.</p>"
    "<p>Repairs to the landing ramp took longer than planned because parts had to be shipped "
    "from the mainland, and extra sailings will run until Friday.</p>"
    "</article></body></html>"
)
TEXT = "Ferry service resumes\n\n12.03.2024\n\nThe ferry between the two islands resumed service on Monday.\n"


def varied_text(n_words: int) -> str:
    """Text that compresses poorly, so a cut gzip of it is truly truncated."""
    rng = random.Random(3)
    words = ["harbour", "ferry", "storm", "council", "pier", "tide", "freight"]
    return " ".join(f"{rng.choice(words)}{rng.randint(0, 99999)}" for _ in range(n_words))


def sources(items: list) -> list[Source]:
    return [i for i in items if isinstance(i, Source)]


def errors(items: list) -> list[IngestError]:
    return [i for i in items if isinstance(i, IngestError)]


def test_plain_text_and_html_by_content(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "page.txt").write_text(PAGE)  # HTML with a text extension
    found = {Path(s.path).name: s.format for s in sources(list(read([str(tmp_path)])))}
    assert found == {"a.txt": "text", "page.txt": "html"}


def test_gzip_of_any_format(tmp_path: Path) -> None:
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    lines = json.dumps({"text": "One article.", "url": "https://x.example/1"}) + "\n"
    (tmp_path / "batch.jsonl.gz").write_bytes(gzip.compress(lines.encode()))
    found = sources(list(read([str(tmp_path)])))
    assert sorted(s.format for s in found) == ["html", "jsonl"]


def test_jsonl_fields_and_bad_lines(tmp_path: Path) -> None:
    rows = [
        json.dumps(
            {
                "text": "First article text here.",
                "url": "https://x.example/1",
                "title": "One",
                "published": "2024-03-12",
                "outlet": "X",
            }
        ),
        "{not json",
        json.dumps({"html": PAGE}),
        json.dumps({"title": "no body"}),
        json.dumps({"text": 42}),
        json.dumps(["a", "list"]),
    ]
    (tmp_path / "export").write_text("\n".join(rows) + "\n")  # no extension
    items = list(read([str(tmp_path / "export")]))
    good = sources(items)
    assert [s.record for s in good] == ["1", "3"]
    assert good[0].title == "One" and good[0].published == "2024-03-12" and good[0].outlet == "X"
    assert good[1].html is not None
    assert [e.record for e in errors(items)] == ["2", "4", "5", "6"]
    assert all(e.reason for e in errors(items))


def test_jsonl_fields_by_the_names_scrapers_and_datasets_give_them(tmp_path: Path) -> None:
    rows = [
        {"maintext": "A news-please record.", "date_publish": "2019-11-18 09:30:00"},
        {"content": "A NewsAPI record.", "publishedAt": "2019-11-18T09:30:00Z", "link": "u"},
        {"text": "A dataset record.", "date": "2012-06-11", "headline": "Launch"},
        {"text": "Its own names win.", "published": "2024-03-12", "date": "1999-01-01"},
        {"text": "A date of the wrong type.", "date": {"day": 1}, "pubDate": "2024-01-02"},
    ]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    found = sources(list(read([str(tmp_path / "a.jsonl")])))
    assert [s.published for s in found] == [
        "2019-11-18 09:30:00",
        "2019-11-18T09:30:00Z",
        "2012-06-11",
        "2024-03-12",
        "2024-01-02",
    ]
    assert found[0].text == "A news-please record." and found[1].url == "u"
    assert found[2].title == "Launch"


def test_stdin_jsonl() -> None:
    stream = io.StringIO(json.dumps({"text": "From a pipe."}) + "\n")
    [source] = list(read(["-"], stdin=stream))
    assert isinstance(source, Source) and source.text == "From a pipe." and source.path == "-"


def test_rss_and_atom_feeds(tmp_path: Path) -> None:
    rss = f"""<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
    <channel><title>Island News</title>
    <item><title>Ferry back</title><link>https://island.example/ferry</link><pubDate>Tue, 12 Mar 2024 08:00:00 GMT</pubDate>
    <content:encoded><![CDATA[{PAGE}]]></content:encoded></item></channel></rss>"""
    atom = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour</title>
    <entry><title>Bridge closed</title><link href="https://harbour.example/bridge"/><id>tag:harbour,1</id>
    <updated>2024-03-13T10:00:00Z</updated><content type="html">&lt;p&gt;The harbour bridge closed for repairs on Wednesday, the council said.&lt;/p&gt;</content></entry></feed>"""
    (tmp_path / "news.xml").write_text(rss)
    (tmp_path / "harbour.atom").write_text(atom)
    found = sources(list(read([str(tmp_path)])))
    assert {s.url for s in found} == {
        "https://island.example/ferry",
        "https://harbour.example/bridge",
    }
    ferry = next(s for s in found if "ferry" in (s.url or ""))
    assert (
        ferry.format == "feed" and ferry.published == "2024-03-12" and ferry.outlet == "Island News"
    )


def write_warc(path: Path, pages: dict[str, str], gz: bool) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        for url, html in pages.items():
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode()), http_headers=headers
            )
            writer.write_record(record)


def test_warc_and_warc_gz(tmp_path: Path) -> None:
    write_warc(
        tmp_path / "crawl.warc.gz",
        {"https://a.example/1": PAGE, "https://a.example/2": PAGE.replace("Monday", "Tuesday")},
        gz=True,
    )
    write_warc(tmp_path / "plain.warc", {"https://b.example/1": PAGE}, gz=False)
    found = sources(list(read([str(tmp_path)])))
    assert sorted(s.url for s in found) == [
        "https://a.example/1",
        "https://a.example/2",
        "https://b.example/1",
    ]
    assert all(s.format == "warc" and s.html for s in found)
    assert all(s.record and s.record.startswith("<urn:uuid:") for s in found)


def test_truncated_warc_keeps_good_records(tmp_path: Path) -> None:
    write_warc(
        tmp_path / "crawl.warc",
        {"https://a.example/1": PAGE, "https://a.example/2": PAGE},
        gz=False,
    )
    data = (tmp_path / "crawl.warc").read_bytes()
    (tmp_path / "crawl.warc").write_bytes(data[: len(data) - 300])
    items = list(read([str(tmp_path / "crawl.warc")]))
    assert len(sources(items)) >= 1
    assert errors(items) and "WARC" in errors(items)[0].reason


def test_bad_files_each_get_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 50)
    packed = gzip.compress(varied_text(3000).encode())
    assert len(packed) > 10_000  # half of it really stops inside the deflate stream
    (tmp_path / "cut.txt.gz").write_bytes(packed[: len(packed) // 2])
    (tmp_path / "broken.xml").write_text("<?xml version='1.0'?><rss><channel><item><title>oops")
    (tmp_path / "good.txt").write_text(TEXT)
    items = list(read([str(tmp_path), str(tmp_path / "missing.txt")]))
    reasons = {Path(e.path).name: e.reason for e in errors(items)}
    assert set(reasons) == {"empty.txt", "binary.txt", "cut.txt.gz", "broken.xml", "missing.txt"}
    assert "empty" in reasons["empty.txt"] and "binary" in reasons["binary.txt"]
    assert "truncated" in reasons["cut.txt.gz"] and "no such file" in reasons["missing.txt"]
    assert [Path(s.path).name for s in sources(items)] == ["good.txt"]


def test_other_encodings_are_decoded(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes(
        "Café owners in Malmö protested on Monday against new rules.".encode("latin-1")
    )
    (tmp_path / "utf16.txt").write_bytes("Zoë met the mayor of Zürich on Friday.".encode("utf-16"))
    found = {Path(s.path).name: s.text for s in sources(list(read([str(tmp_path)])))}
    assert "Malmö" in found["latin.txt"] and "Zürich" in found["utf16.txt"]


def test_globs_and_folder_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "sub/c.txt", ".hidden/d.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(TEXT)
    assert [Path(s.path).name for s in sources(list(read([str(tmp_path)])))] == [
        "a.txt",
        "b.txt",
        "c.txt",
    ]
    assert [Path(s.path).name for s in sources(list(read([str(tmp_path / "*.txt")])))] == [
        "a.txt",
        "b.txt",
    ]


def test_html_file_and_xhtml_by_content(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE)
    xhtml = '<?xml version="1.0" encoding="utf-8"?>\n' + PAGE.replace("<html>", "<html xmlns='x'>")
    (tmp_path / "saved.xhtml").write_text(xhtml)
    found = sources(list(read([str(tmp_path)])))
    assert [s.format for s in found] == ["html", "html"]
    assert all("resumed service" in (s.html or "") for s in found)


def test_rss_content_encoded_is_the_body(tmp_path: Path) -> None:
    rss = f"""<?xml version="1.0"?><rss version="2.0"
    xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Island News</title>
    <item><title>Ferry back</title><link>https://island.example/ferry</link>
    <description>Short teaser.</description>
    <content:encoded><![CDATA[{PAGE}]]></content:encoded></item></channel></rss>"""
    (tmp_path / "feed.rss").write_text(rss)
    [source] = sources(list(read([str(tmp_path / "feed.rss")])))
    assert "Repairs to the landing ramp" in (source.html or "")
    assert source.title == "Ferry back" and source.record == "https://island.example/ferry"


def test_undecodable_bytes_are_decoded_not_refused(tmp_path: Path) -> None:
    # 0x93/0x94 are Windows-1252 curly quotes and invalid as UTF-8
    (tmp_path / "legacy.txt").write_bytes(b"The mayor said \x93we will rebuild\x94 on Friday.")
    [source] = sources(list(read([str(tmp_path / "legacy.txt")])))
    assert "we will rebuild" in (source.text or "") and "\ufffd" not in (source.text or "")


def test_truncated_jsonl_gz_keeps_the_lines_before_the_cut(tmp_path: Path) -> None:
    rows = [
        json.dumps({"text": varied_text(40), "url": f"https://x.example/{i}"}) for i in range(200)
    ]
    packed = gzip.compress(("\n".join(rows) + "\n").encode())
    (tmp_path / "batch.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    items = list(read([str(tmp_path / "batch.jsonl.gz")]))
    assert len(sources(items)) > 10
    [error] = [e for e in errors(items) if e.record is None]
    assert "truncated" in error.reason


def test_truncated_warc_gz_is_an_error(tmp_path: Path) -> None:
    pages = {f"https://a.example/{i}": PAGE + f"<!-- {varied_text(500)} -->" for i in range(3)}
    write_warc(tmp_path / "crawl.warc.gz", pages, gz=True)
    data = (tmp_path / "crawl.warc.gz").read_bytes()
    # each record is its own gzip member of several kB: this cut lands inside the last one
    (tmp_path / "crawl.warc.gz").write_bytes(data[:-1000])
    items = list(read([str(tmp_path / "crawl.warc.gz")]))
    assert [s.url for s in sources(items)] == list(pages)[:2]
    assert errors(items) and "WARC" in errors(items)[-1].reason


def test_glob_without_matches_is_an_error(tmp_path: Path) -> None:
    [error] = list(read([str(tmp_path / "*.jsonl")]))
    assert isinstance(error, IngestError) and "no such file" in error.reason
