"""The events stage in scope: the document's probability with a sentence's finer estimate,
and events outside the sentences the coder was given are kept as they are."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from crosswire.model import EventMention, Scope
from crosswire.scope.confirm import in_scope, with_sentence


def test_the_sentence_s_full_probability_replaces_its_words_one() -> None:
    scope = Scope(language="en", document=0.5, english=4)  # words probabilities summing to 2
    assert with_sentence(scope, full=0.9, words=0.1) == pytest.approx((2 - 0.1 + 0.9) / 4)
    alone = Scope(language="en", document=0.2, english=1)
    assert with_sentence(alone, full=0.8, words=0.2) == pytest.approx(0.8)


def test_a_sentence_parsed_apart_is_added_to_the_document() -> None:
    scope = Scope(language="en", document=0.5, english=3)
    assert with_sentence(scope, full=0.9, words=None) == pytest.approx((1.5 + 0.9) / 4)


def test_no_events_no_work() -> None:
    doc = Doc(Vocab(), words=["Talks", "."], sent_starts=[True, False])
    assert in_scope([], doc, [], Scope(language="en", document=1.0, english=1)) == []


def test_an_event_outside_every_sentence_is_kept() -> None:
    doc = Doc(Vocab(), words=["Talks", "."], sent_starts=[True, False])
    event = EventMention("t", "CONSULT", 40, 45, 40, 50)
    assert in_scope([event], doc, [], Scope(language="en", document=0.0)) == [event]
