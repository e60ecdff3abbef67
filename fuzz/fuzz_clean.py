"""atheris fuzz target: the text cleaner (`crosswire.clean.describe` on text and HTML, the
dateline and container date parsers, headline re-casing).

    .venv/bin/python fuzz/fuzz_clean.py -max_total_time=120       # or -atheris_runs=N

Only crosswire's documented errors (`crosswire.errors.CrosswireError`) may escape `describe`;
anything else is a crash that atheris reports with the input that caused it.
"""

from __future__ import annotations

import contextlib
import sys

import atheris

with atheris.instrument_imports(include=["crosswire"]):
    from crosswire.clean import describe
    from crosswire.clean.casing import recase_headline
    from crosswire.errors import CrosswireError
    from crosswire.model import Source
    from crosswire.timex.pubdate import container_date, parse_date

FORMATS = ["text", "html", "jsonl", "feed", "warc"]


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    fmt = FORMATS[fdp.ConsumeIntInRange(0, len(FORMATS) - 1)]
    text = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
    parse_date(text)
    container_date(text)
    recase_headline(text.split("\n", 1)[0], text)
    is_html = fmt in ("html", "feed", "warc")
    source = Source(
        path="fuzz", format=fmt, html=text if is_html else None, text=None if is_html else text
    )
    with contextlib.suppress(CrosswireError):
        describe(source)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
