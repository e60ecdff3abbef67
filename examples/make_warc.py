"""Build examples/corpus/warc/atlas-daily-crawl.warc.gz from the pages in examples/warc_src/.

The pages live outside examples/corpus/ so that running crosswire on the corpus folder reads
each Atlas Daily article once (from the WARC), not twice. Record ids and dates are fixed, so
running this again gives a byte-identical file (articles are keyed by a hash of their raw
record, and a changing WARC would look like new input).

    python examples/make_warc.py
"""

import uuid
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

EXAMPLES = Path(__file__).resolve().parent
SOURCE_DIR = EXAMPLES / "warc_src"
OUTPUT = EXAMPLES / "corpus" / "warc" / "atlas-daily-crawl.warc.gz"

# (file in warc_src, URL it was "crawled" from, crawl time): the crawl time is the WARC-Date,
# a few hours after publication, as a real crawler would record it.
PAGES: list[tuple[str, str, str]] = [
    (
        "atlas-daily-vienna-kerry-zarif.html",
        "https://atlasdaily.example/world/2015/07/15/kerry-zarif-vienna-talks",
        "2015-07-15T12:40:05Z",
    ),
    (
        "atlas-daily-abraham-palestinians.html",
        "https://atlasdaily.example/world/2020/09/16/palestinians-condemn-gulf-israel-deals",
        "2020-09-16T10:02:17Z",
    ),
    (
        "atlas-daily-geneva-ambassadors.html",
        "https://atlasdaily.example/world/2021/06/17/ambassadors-return-moscow-washington",
        "2021-06-17T09:12:41Z",
    ),
]


def record_id(name: str) -> str:
    """A stable WARC-Record-ID: the same page always gets the same id."""
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'crosswire-example:' + name)}>"


def write_warcinfo(writer: WARCWriter) -> None:
    info = {"software": "crosswire examples/make_warc.py (warcio)", "format": "WARC/1.0"}
    record = writer.create_warcinfo_record(OUTPUT.name, info)
    record.rec_headers.replace_header("WARC-Record-ID", record_id("warcinfo"))
    record.rec_headers.replace_header("WARC-Date", PAGES[0][2])
    writer.write_record(record)


def write_response(writer: WARCWriter, file_name: str, url: str, crawled: str) -> None:
    body = (SOURCE_DIR / file_name).read_bytes()
    http_headers = StatusAndHeaders(
        "200 OK",
        [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
        protocol="HTTP/1.1",
    )
    record = writer.create_warc_record(
        url,
        "response",
        payload=BytesIO(body),
        http_headers=http_headers,
        warc_headers_dict={"WARC-Record-ID": record_id(url), "WARC-Date": crawled},
    )
    writer.write_record(record)


def main() -> None:
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with OUTPUT.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        write_warcinfo(writer)
        for file_name, url, crawled in PAGES:
            write_response(writer, file_name, url, crawled)
    print(f"wrote {OUTPUT} ({len(PAGES)} response records)")


if __name__ == "__main__":
    main()
