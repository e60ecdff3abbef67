"""Property tests of the time-expression parser: any text and anchor gives expressions whose
offsets lie inside the text and cover what they say they cover (issue 7 item 6)."""

from __future__ import annotations

import re

from hypothesis import example, given
from tests.fuzz.strategies import FAST, anchors, news_text

from crosswire.timex import find_times

TYPES = {"DATE", "TIME", "DURATION", "SET"}
VALUE = re.compile(r"[0-9A-Z:+.\-]*")  # ISO 8601 and TIMEX3 values: digits, letters, - : .


@FAST
@given(news_text, anchors)
@example("on 29 February last year", "2024-02-29")
@example("the 1990s, three days ago and every Monday", "0001-01-01")
@example("by 31 December next year", "9999-12-31")
def test_expressions_lie_inside_the_text(text: str, anchor: str | None) -> None:
    for found in find_times(text, anchor):
        assert 0 <= found.start < found.end <= len(text)
        assert text[found.start : found.end] == found.text
        assert found.type in TYPES
        assert found.value is None or VALUE.fullmatch(found.value), found
