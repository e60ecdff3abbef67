"""Inputs are streams: reading a large archive holds about one record at a time, on the
local path (`ingest.read`) and in the Ray read tasks (`_read_records`)."""

from __future__ import annotations

import gzip
import io
import json
import os
import tracemalloc
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crosswire import ingest
from crosswire.model import Source

RECORDS = 3000
PARAGRAPH = "The port authority said ships were waiting outside the harbour for a third day. "


def body(i: int) -> str:
    return f"Report {i}. " + PARAGRAPH * 40  # about 3 KiB per record


def write_jsonl(path: Path) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for i in range(RECORDS):
            handle.write(json.dumps({"text": body(i), "url": f"https://x.example/{i}"}) + "\n")
    return path


def write_warc(path: Path) -> Path:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        headers = [("Content-Type", "text/html; charset=utf-8")]
        for i in range(RECORDS):
            page = f"<html><body><article><p>{body(i)}</p></article></body></html>".encode()
            record = writer.create_warc_record(
                f"https://x.example/{i}",
                "response",
                payload=io.BytesIO(page),
                http_headers=StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1"),
            )
            writer.write_record(record)
    return path


def peak_while(consume: Callable[[], int]) -> tuple[int, int]:
    tracemalloc.start()
    try:
        count = consume()
        return count, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("write", [write_jsonl, write_warc], ids=["jsonl.gz", "warc.gz"])
def test_reading_an_archive_holds_a_record_at_a_time(
    write: Callable[[Path], Path], tmp_path: Path
) -> None:
    archive = write(tmp_path / f"archive.{write.__name__[6:]}.gz")
    whole = RECORDS * len(body(0))  # ~9 MiB of text once decompressed

    def consume() -> int:
        return sum(isinstance(item, Source) for item in ingest.read([str(archive)]))

    count, peak = peak_while(consume)
    assert count == RECORDS
    assert peak < whole / 5, f"peak {peak} bytes while reading {whole} bytes of records"


def test_ray_read_task_streams_blocks_of_records(tmp_path: Path) -> None:
    if not os.environ.get("CI"):  # CI installs the dev extra, which has Ray: fail there
        pytest.importorskip("ray", reason="Ray is not installed (pip install -e '.[ray]')")
    import pyarrow as pa

    from crosswire.batch.ray_job import _read_records, _rows

    archive = write_warc(tmp_path / "archive.warc.gz")
    blocks: Iterator[pa.Table] = _read_records(pa.table({"path": [str(archive)]}), rows=32)
    first = list(islice(blocks, 3))  # a generator: the file is not read to its end first
    assert [len(piece) for block in first for piece in _rows(block, "items")] == [32, 32, 32]

    def records() -> int:
        return sum(len(piece) for block in blocks for piece in _rows(block, "items"))

    count, peak = peak_while(records)
    assert count == RECORDS - 3 * 32
    assert peak < RECORDS * len(body(0)) / 5
