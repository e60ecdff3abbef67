"""atheris fuzz target: the time-expression parser (`crosswire.timex.find_times`) with any
text and any anchor day; every expression found must lie inside the text.

    .venv/bin/python fuzz/fuzz_timex.py -max_total_time=120       # or -atheris_runs=N
"""

from __future__ import annotations

import sys
from datetime import date

import atheris

with atheris.instrument_imports(include=["crosswire"]):
    from crosswire.timex import find_times

FIRST, LAST = date(1, 1, 1).toordinal(), date(9999, 12, 31).toordinal()


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    anchor = None
    if fdp.ConsumeBool():
        anchor = date.fromordinal(fdp.ConsumeIntInRange(FIRST, LAST)).isoformat()
    text = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
    for found in find_times(text, anchor):
        if not (0 <= found.start < found.end <= len(text)) or text[found.start : found.end] != (
            found.text
        ):
            raise AssertionError(f"offsets outside the text: {found}")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
