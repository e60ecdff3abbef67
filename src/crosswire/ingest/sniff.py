"""Recognise an input by its bytes: compression, format, binary data and text encoding."""

from __future__ import annotations

import zlib

import ftfy
from charset_normalizer import from_bytes

from crosswire.errors import InputError

GZIP_MAGIC = b"\x1f\x8b"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
UTF16_SAMPLE = 4096  # bytes looked at to recognise UTF-16 without a byte-order mark
# Share of NULs in one byte lane above which data is taken for UTF-16: in Latin-script text
# nearly every character has a zero high byte; in binary data zeros fall in both lanes.
UTF16_NUL_SHARE = 0.3
MIB = 2**20
# One article (a text or HTML file, a JSONL line, a WARC record) larger than this is not
# news text but a dump or an attack: it is refused with an error, never truncated.
MAX_RECORD_BYTES = 20 * MIB
# A feed or a JSON document (many articles in one file, parsed whole); above this it is
# refused: JSONL and WARC, which are streamed, suit larger collections.
MAX_CONTAINER_BYTES = 50 * MIB
# Signatures of common binary formats that a text sniffer could otherwise let through.
BINARY_MAGIC = (
    b"%PDF-",
    b"PK\x03\x04",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"\x7fELF",
    b"SQLite format 3",
)


class SniffError(InputError, ValueError):
    """The bytes are not something crosswire can read; the message says why. An
    `InputError` (crosswire's documented error for bad input), and a ValueError as before."""


def mib(size: int) -> str:
    return f"{size / MIB:.0f} MiB"


def gunzip(data: bytes, limit: int = MAX_RECORD_BYTES) -> bytes:
    """Decompress (possibly multi-member) gzip data up to `limit` bytes, refusing truncated
    or corrupt streams and refusing to inflate past the limit (gzip bombs)."""
    out: list[bytes] = []
    size = 0
    while data:
        inflater = zlib.decompressobj(wbits=31)
        try:
            chunk = inflater.decompress(data, limit + 1 - size)
        except zlib.error as exc:
            raise SniffError(f"gzip data is corrupt ({exc})") from exc
        size += len(chunk)
        out.append(chunk)
        if size > limit:
            raise SniffError(f"decompressed data is larger than the {mib(limit)} limit")
        if not inflater.eof:
            raise SniffError("gzip data is truncated (the stream ends early)")
        data = inflater.unused_data.lstrip(b"\x00")
    return b"".join(out)


def detect_format(head: bytes) -> str:
    """'warc', 'feed', 'html', 'jsonl', 'json' or 'text' from the first bytes of
    (decompressed) data. 'json' is one JSON document (an array, or a pretty-printed object)."""
    if encoding := utf16_encoding(head):  # sniff UTF-16 text by its characters, not bytes
        head = head[: len(head) // 2 * 2].decode(encoding, errors="ignore").encode()
    body = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    start = body[:2048]
    lower = start.lower()
    if start.startswith(b"WARC/"):
        return "warc"
    if start.startswith(b"["):
        return "json"
    if start.startswith(b"{"):
        first_line = start.split(b"\n", 1)[0].strip()
        return "json" if first_line == b"{" else "jsonl"
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
    if _later_lines_are_records(body):
        return "jsonl"  # its first line is broken: that line is an error, the rest are read
    return "text"


def _later_lines_are_records(head: bytes) -> bool:
    """Whether most lines after the first open a JSON object, as JSONL records do (the last
    line may be cut off by the end of the head)."""
    later = [line.strip() for line in head.split(b"\n")[1:] if line.strip()]
    records = sum(line.startswith(b'{"') for line in later)
    return records > 0 and 2 * records > len(later)


def first_record(head: bytes) -> bytes:
    """The first line of JSONL data that opens an object (else the first line): the line
    that tells a binary file from JSONL with a broken first line."""
    lines = head.split(b"\n")
    return next((line for line in lines if line.lstrip().startswith(b"{")), lines[0])


def utf16_encoding(data: bytes) -> str | None:
    """'utf-16' for data with a UTF-16 byte-order mark; 'utf-16-le'/'utf-16-be' for UTF-16
    without one (as some Windows tools write it), told by where the NUL bytes fall: mostly
    Latin-script text has a NUL in every other byte; None for anything else."""
    if data.startswith(UTF16_BOMS):
        return "utf-16"
    sample = data[: UTF16_SAMPLE // 2 * 2]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    for nuls, others, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if (
            nuls > half * UTF16_NUL_SHARE
            and others <= half * 0.02  # a few characters such as U+0100 have a zero low byte
            and _decodes_to_text(sample, encoding)
        ):
            return encoding
    return None


def _decodes_to_text(sample: bytes, encoding: str) -> bool:
    text = sample.decode(encoding, errors="replace")
    printable = sum(1 for c in text if c.isprintable() or c in "\t\r\n")
    return printable / len(text) > 0.95


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding (known binary formats, NUL bytes,
    many control bytes)."""
    sample = data[:8192]
    if not sample:
        return False
    if utf16_encoding(sample):  # UTF-16 text is full of NUL bytes
        return False
    if sample.startswith(BINARY_MAGIC) or b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control / len(sample) > 0.05


def decode(data: bytes, declared: str | None = None) -> str:
    """Bytes to text (see `decode_bytes`), with mojibake repaired."""
    return repair(decode_bytes(data, declared))


def repair(text: str) -> str:
    """Repair mojibake with ftfy. Entities stay as written (in HTML the parser resolves them,
    in text they are content), and so do quotes (curly ones tell quotes from apostrophes)."""
    return ftfy.fix_text(text, unescape_html=False, uncurl_quotes=False)


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """UTF-16 by its byte-order mark, else UTF-8, else a declared charset (HTTP header),
    else the detected legacy charset."""
    if encoding := utf16_encoding(data):
        return data.decode(encoding, errors="replace").lstrip("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    return _decode_legacy(data)


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
