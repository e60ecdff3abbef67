"""Hypothesis strategies for news-like text: real words, dates, numbers, markup and junk
mixed, so the examples reach the rules (not only random code points)."""

from __future__ import annotations

import os

from hypothesis import settings
from hypothesis import strategies as st

# bounded and derandomised: the fuzz folder stays a few seconds of the suite and never flaky;
# CROSSWIRE_FUZZ_EXAMPLES=5000 runs a longer search by hand
EXAMPLES = int(os.environ.get("CROSSWIRE_FUZZ_EXAMPLES", "150"))
FAST = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True)

WORDS = [
    "Monday", "last", "week", "next", "year", "ago", "on", "in", "the", "said", "2018",
    "31", "May", "March", "2023", "12.04.2023", "2019-07-04", "o'clock", "10:30", "a.m.",
    "three", "days", "earlier", "later", "since", "until", "Q3", "1990s", "century", "every",
    "spring", "Christmas", "Easter", "tomorrow", "tonight", "yesterday", "(", ")", "–", "—",
    "Reuters", "PARIS", "(AP)", "—", "Source:", "https://x.example/a", "Photo:", "Advertisement",
    "Share", "Read", "more", "Ã©", "cafÃ©", "\u00a0", "\u200b", "\r\n", "\n", "\n\n", "•", "-",
    "“", "”", "’", "«", "»", "…", ";", ":", ".", ",", "?", "!", "0", "99999", "-1",
    "February", "29", "30", "Feb.", "Sept.", "fiscal", "quarter", "half", "decade", "mid-",
    "early", "late", "between", "and", "from", "to", "per", "hour", "aged", "anniversary",
]  # fmt: skip

news_text = st.lists(
    st.one_of(st.sampled_from(WORDS), st.text(max_size=6), st.integers(-5, 3000).map(str)),
    max_size=60,
).map(" ".join)

anchors = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))

TAGS = [
    "<p>", "</p>", "<div>", "</div>", "<html>", "<body>", "</body>", "<script>", "</script>",
    "<title>", "</title>", "<article>", "<!--", "-->", "<br/>", "&amp;", "&#0;", "<![CDATA[",
    "]]>", "<h1>", "<figure><figcaption>", "<meta charset='x'>",
]  # fmt: skip

html_pages = st.lists(st.one_of(news_text, st.sampled_from(TAGS)), max_size=40).map("".join)
