"""atheris fuzz target: the JSONL, JSON, feed and WARC readers on any bytes. They must
yield `Source`s and `IngestError`s only, never raise.

    .venv/bin/python fuzz/fuzz_readers.py -max_total_time=120     # or -atheris_runs=N

Seed inputs help it reach deeper: pass a folder of small sample files as the last argument
(e.g. examples/corpus/jsonl); atheris then mutates them.
"""

from __future__ import annotations

import contextlib
import io
import sys

import atheris

with atheris.instrument_imports(include=["crosswire"]):
    from crosswire.errors import CrosswireError
    from crosswire.ingest.feed import read_feed
    from crosswire.ingest.jsonl import read_json_document, read_jsonl
    from crosswire.ingest.sniff import decode, detect_format, looks_binary
    from crosswire.ingest.warc import read_warc
    from crosswire.model import IngestError, Source


def test_one_input(data: bytes) -> None:
    detect_format(data[:8192])
    if not looks_binary(data):
        with contextlib.suppress(CrosswireError):  # SniffError, the documented refusal
            decode(data)
    for reader in (
        lambda: read_jsonl("fuzz.jsonl", io.BytesIO(data)),
        lambda: read_json_document("fuzz.json", data),
        lambda: read_feed("/nonexistent/fuzz.xml", data),
        lambda: read_warc("fuzz.warc", io.BytesIO(data)),
    ):
        for item in reader():
            if not isinstance(item, Source | IngestError):
                raise AssertionError(f"reader yielded {item!r}")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
