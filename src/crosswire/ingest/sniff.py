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
    if lower.startswith(b"<?xml") or b"<rss" in lower or b"<feed" in lower or b"<rdf:rdf" in lower:
        return "html" if b"<html" in lower else "feed"
    if lower.startswith(
        (b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<div", b"<p>")
    ):
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
        return ftfy.fix_text(data.decode("utf-16"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise SniffError("bytes cannot be decoded as text in any known encoding") from None
        text = str(best)
    return ftfy.fix_text(text, unescape_html=False)
