"""The scope model's features: lemmas and lemma pairs, verbs, entity and actor kinds, length,
hashed into unit-length rows."""

from __future__ import annotations

import numpy as np
import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from crosswire.model import ActorRef, Mention
from crosswire.scope.features import mentions_in, sentence_features, vector


def _doc() -> Doc:
    words = ["Police", "arrested", "2", "men", "in", "Oslo", "."]
    return Doc(
        English().vocab,
        words=words,
        lemmas=["police", "arrest", "2", "man", "in", "Oslo", "."],
        pos=["NOUN", "VERB", "NUM", "NOUN", "ADP", "PROPN", "PUNCT"],
        ents=["O", "O", "B-CARDINAL", "O", "O", "B-GPE", "O"],
    )


def test_a_sentence_s_features() -> None:
    doc = _doc()
    oslo = Mention(19, 23, "Oslo", "PLACE", ActorRef("nor", "Norway", "NOR", "GOV"))
    found = sentence_features(doc[:], [oslo])
    assert {"w=police", "w=arrest", "w=<num>", "b=police_arrest", "v=arrest"} <= set(found)
    assert {"e=CARDINAL", "e=GPE", "len=1"} <= set(found)
    assert {"m=PLACE", "s=GOV", "c=country"} <= set(found)
    assert "noverb" not in found and "w=." not in found


def test_rows_are_hashed_counts_of_unit_length() -> None:
    rows = vector([["w=a", "w=a", "w=b"], ["w=c"]], 2**10)
    assert rows.shape == (2, 2**10)
    norms = np.sqrt(np.asarray(rows.multiply(rows).sum(axis=1)).ravel())
    assert norms == pytest.approx([1.0, 1.0])
    assert sorted(rows[0].data) == pytest.approx(sorted([2 / 5**0.5, 1 / 5**0.5]))


def test_no_sentences_make_no_rows() -> None:
    assert vector([], 2**10).shape == (0, 2**10)


def test_mentions_are_given_to_the_sentence_they_start_in() -> None:
    doc = Doc(English().vocab, words=["Oslo", ".", "Rome", "and", "Paris", "."],
              sent_starts=[True, False, True, False, False, False])  # fmt: skip
    first, second = list(doc.sents)
    actor = ActorRef("x", "X")
    rome, oslo, paris = (Mention(s, e, t, "PLACE", actor) for s, e, t in
                         [(7, 11, "Rome"), (0, 4, "Oslo"), (16, 21, "Paris")])  # fmt: skip
    assert mentions_in([first, second], [rome, oslo, paris]) == [[oslo], [rome, paris]]
