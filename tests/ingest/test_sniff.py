"""Recognising inputs by their bytes: format, compression, binary data and encodings."""

from __future__ import annotations

import gzip
import random

import pytest

from crosswire.ingest.sniff import SniffError, decode, detect_format, gunzip, looks_binary


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"WARC/1.1\r\nWARC-Type: response\r\n", "warc"),
        (b'{"text": "A line of JSON."}\n', "jsonl"),
        (b'\xef\xbb\xbf\n  {"text": "after a byte-order mark"}', "jsonl"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel>', "feed"),
        (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b"<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
        (b"  <HTML><BODY>upper-case tags</BODY></HTML>", "html"),
        (
            b'<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN">\n<html>',
            "html",
        ),
        (b"<!-- saved from a browser -->\n<html><body>x</body></html>", "html"),
        (b"Harbour reopens\n\nThe harbour reopened on Monday.", "text"),
        (b"<https://news.example/story>\n\nA URL line is still plain text.", "text"),
        (b'"text": "a first line cut short\n{"text": "a"}\n{"text": "b', "jsonl"),
        (b'Config\n\n{"debug": true} is one line of the story.\nIts end.', "text"),
    ],
)
def test_detect_format(head: bytes, expected: str) -> None:
    assert detect_format(head) == expected


def test_gunzip_reads_multi_member_and_refuses_truncation() -> None:
    assert gunzip(gzip.compress(b"first ") + gzip.compress(b"second")) == b"first second"
    # random text does not compress well, so half the stream really stops mid-deflate
    rng = random.Random(7)
    text = " ".join(
        rng.choice(["ferry", "port", "storm", "pier", str(rng.random())]) for _ in range(5000)
    )
    packed = gzip.compress(text.encode())
    assert len(packed) > 10_000
    with pytest.raises(SniffError, match="truncated"):
        gunzip(packed[: len(packed) // 2])


def test_binary_and_text() -> None:
    assert looks_binary(bytes(range(256)) * 20)
    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert not looks_binary("Plain news text, with ümlauts.".encode())
    assert not looks_binary("UTF-16 text".encode("utf-16"))


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Malmö café".encode("latin-1"), "Malmö café"),
        ("Zürich &amp; Genève".encode("utf-16"), "Zürich &amp; Genève"),
        ("Zürich &amp; Genève".encode(), "Zürich &amp; Genève"),
        ("\ufeffBOM then text".encode(), "BOM then text"),
        ("Crème brûlée".encode("cp1252"), "Crème brûlée"),
    ],
)
def test_decode_other_encodings(data: bytes, expected: str) -> None:
    assert decode(data) == expected
