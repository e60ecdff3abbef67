"""Recognise an input by its bytes: compression, format and text encoding."""

from __future__ import annotations

import zlib

import ftfy
from charset_normalizer import from_bytes

GZIP_MAGIC = b"\x1f\x8b"
MAX_BYTES = 50 * 1024 * 1024  # one non-streamed file; larger ones are refused, not truncated


class SniffError(ValueError):
    """The bytes are not something crosswire can read; the message says why."""


def gunzip(data: bytes) -> bytes:
    """Decompress (possibly multi-member) gzip data, refusing truncated or corrupt streams."""
    out = []
    while data:
        inflater = zlib.decompressobj(wbits=31)
        try:
            out.append(inflater.decompress(data))
        except zlib.error as exc:
            raise SniffError(f"gzip data is corrupt ({exc})") from exc
        if not inflater.eof:
            raise SniffError("gzip data is truncated (the stream ends early)")
        data = inflater.unused_data.lstrip(b"\x00")
    return b"".join(out)


def detect_format(head: bytes) -> str:
    """'warc', 'feed', 'html', 'jsonl' or 'text' from the first bytes of (decompressed) data."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048]
    lower = start.lower()
    if start.startswith(b"WARC/"):
        return "warc"
    if start.startswith(b"{"):
        return "jsonl"
    feed_at = min(
        (i for i in (lower.find(b"<rss"), lower.find(b"<feed"), lower.find(b"<rdf:rdf")) if i >= 0),
        default=-1,
    )
    html_at = lower.find(b"<html")
    if feed_at >= 0 and (html_at < 0 or feed_at < html_at):  # a feed may carry pages inside
        return "feed"
    if lower.startswith(
        (b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<div", b"<p>")
    ):
        return "html"
    # XHTML after an XML declaration, or a page opening with a comment or <meta>
    if lower.startswith((b"<?xml", b"<!--", b"<meta")) and html_at >= 0:
        return "html"
    return "text"


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding (NUL bytes, many control bytes)."""
    sample = data[:8192]
    if not sample:
        return False
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a byte-order mark is text
        return False
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control / len(sample) > 0.05


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with BOMs), else the detected charset; mojibake repaired."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _decode_legacy(data)
    # Mojibake is repaired. Entities stay as written (in HTML the parser resolves them, in
    # text they are content), and so do quotes (curly ones tell quotes from apostrophes).
    return ftfy.fix_text(text, unescape_html=False, uncurl_quotes=False)


# Legacy encodings seen on news sites. On short texts charset detection often settles on a
# rare DOS code page that decodes without errors; then Windows-1252 (a superset of Latin-1,
# the commonest legacy web encoding) is the better guess.
COMMON_ENCODINGS = frozenset(
    [
        "cp1250",
        "cp1251",
        "cp1253",
        "cp1254",
        "cp1255",
        "cp1256",
        "cp1257",
        "cp1258",
        "koi8_r",
        "koi8_u",
        "iso8859_2",
        "iso8859_5",
        "iso8859_7",
        "iso8859_9",
        "shift_jis",
        "cp932",
        "euc_jp",
        "gb2312",
        "gbk",
        "gb18030",
        "big5",
        "euc_kr",
        "cp949",
        "tis_620",
        "utf_16",
        "utf_32",
    ]
)


def _decode_legacy(data: bytes) -> str:
    best = from_bytes(data).best()
    if best is not None and best.encoding in COMMON_ENCODINGS:
        return str(best)
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        if best is None:
            raise SniffError("bytes cannot be decoded as text in any known encoding") from None
        return str(best)
