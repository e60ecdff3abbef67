"""The parse structures the coder reads (`crosswire.events.syntax`)."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from crosswire.events.syntax import doc_text


def test_a_doc_s_text_is_joined_once_and_is_the_doc_s_text() -> None:
    doc = Doc(Vocab(), words=["Talks", "resumed", "."], spaces=[True, False, False])
    first = doc_text(doc)
    assert first == doc.text == "Talks resumed."
    assert doc_text(doc) is first  # kept, not joined again


def test_each_doc_has_its_own_text() -> None:
    one = Doc(Vocab(), words=["Talks"])
    other = Doc(Vocab(), words=["Strikes"])
    assert (doc_text(one), doc_text(other)) == (one.text, other.text) == ("Talks ", "Strikes ")
