"""Labelled sentences as the real-news benchmark scores them (benchmarks/events_real_cases.py):
offsets moved into the article, argument cores from the parse, coded events by sentence.
The sentences are written for the test."""

from __future__ import annotations

import pytest
from tools.labelling.loader import LabelledSentence, LabelledSet
from tools.labelling.schema import ArticleLabel, SentenceLabel
from tools.labelling.texts import short_hash

from crosswire.model import EventMention
from events_real_cases import build_cases

pytestmark = pytest.mark.slow

ARTICLE = "ecb:9_9ecb"
FIRST = "The weather was mild."
SECOND = "Sen. Tom Smith and Governor Ann Lee met in Oslo."
TEXT = f"{FIRST}\n{SECOND}"


def labelled(start: int, text: str, scope: str, events: list[dict]) -> LabelledSentence:
    label = SentenceLabel.model_validate(
        {"id": f"{ARTICLE}:{start}-{start + len(text)}", "sha": short_hash(text),
         "labeller": "anna", "scope": scope, "events": events}
    )  # fmt: skip
    return LabelledSentence(
        id=label.id, article=ARTICLE, source="ecb", split="dev", index=int(start > 0),
        text=text, context=(FIRST, SECOND), published=None, language="en",
        labels=(label,), merged=label, disputed=False,
    )  # fmt: skip


def words(text: str, part: str) -> list[int]:
    return [text.index(part), text.index(part) + len(part)]


def event_at(start: int, end: int) -> EventMention:
    return EventMention(ARTICLE, "CONSULT", start, end, 0, len(TEXT), trigger=TEXT[start:end])


def test_cases_hold_labels_in_article_offsets_with_cores_from_the_parse():
    start = len(FIRST) + 1
    met = {"type": "CONSULT", "trigger": words(SECOND, "met"),
           "source": words(SECOND, "Sen. Tom Smith"), "target": words(SECOND, "Governor Ann Lee")}  # fmt: skip
    data = LabelledSet(
        sentences=[labelled(0, FIRST, "out", []), labelled(start, SECOND, "in", [met])],
        articles={ARTICLE: [ArticleLabel(article=ARTICLE, labeller="anna", scope="in")]},
    )
    in_second = event_at(start + SECOND.index("met"), start + SECOND.index("met") + 3)
    in_first = event_at(4, 11)
    [first, second] = build_cases(data, {ARTICLE: [in_first, in_second]})
    assert first.coded == (in_first,) and first.scope == "out" and first.gold == ()
    assert second.coded == (in_second,) and second.page_scope == "in"
    [gold] = second.gold
    assert TEXT[slice(*gold.trigger)] == "met"
    assert TEXT[slice(*gold.source.span)] == "Sen. Tom Smith"
    assert [TEXT[slice(*c)] for c in gold.source.core] == ["Smith"]
    assert [TEXT[slice(*c)] for c in gold.target.core] == ["Lee"]
    assert gold.conjoined and gold.unordered
