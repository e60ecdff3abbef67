"""The document decision's input: the page's title and opening, the embedding beside the
mean sentence probability; and how a labelled article is labelled for it."""

from __future__ import annotations

import numpy as np
import pytest

from crosswire.model import Article
from crosswire.scope.document import document_features
from crosswire.scope.embedding import LEAD_CHARS, lead
from crosswire.scope.training.examples import article_label


def test_the_lead_is_the_title_and_the_opening_of_the_text() -> None:
    text = "Saints place running back on injured reserve. " * 40
    article = Article(id="a", text=text, path="a", title="Saints news")
    assert lead(article) == f"Saints news\n{text[:LEAD_CHARS]}".strip()
    assert lead(Article(id="b", text="  Short item. ", path="b")) == "Short item."


def test_the_features_are_the_embedding_and_the_mean_sentence_probability() -> None:
    embedding = np.arange(4, dtype=np.float32)
    features = document_features(embedding, np.array([0.2, 0.4, 0.9]))
    assert features.tolist() == pytest.approx([0, 1, 2, 3, 0.5])
    assert document_features(embedding, np.zeros(0))[-1] == 0.0  # a page with no English


def test_an_article_is_in_scope_when_any_sentence_is() -> None:
    assert article_label(["out", "out", "in", "other-language"]) is True
    assert article_label(["out", "other-language"]) is False
    assert article_label(["other-language"]) is None


def test_an_article_s_lead_is_embedded_once_for_scope_and_stories(monkeypatch) -> None:
    from crosswire.scope import embedding
    from crosswire.stories.crosslingual import meaning_of

    calls: list[list[str]] = []

    def counted(texts):  # the encoder itself is not needed to count its calls
        calls.append(list(texts))
        return np.ones((len(texts), embedding.DIMENSIONS), dtype=np.float32)

    monkeypatch.setattr(embedding, "_encode", counted)
    embedding.clear_cache()
    article = Article(id="once", text="Ministers met in Oslo on Monday.", path="once")
    first = embedding.lead_vector(article)
    assert meaning_of(article, None).vector is first  # the stories' meaning reads it
    assert calls == [[embedding.lead(article)]]
    assert not first.flags.writeable  # shared, so nobody may change it in place
    embedding.clear_cache()


def test_a_text_embedded_lately_is_not_encoded_again(monkeypatch) -> None:
    from crosswire.scope import embedding

    calls: list[list[str]] = []

    def counted(texts):
        calls.append(list(texts))
        return np.arange(len(texts) * embedding.DIMENSIONS, dtype=np.float32).reshape(
            len(texts), embedding.DIMENSIONS
        )

    monkeypatch.setattr(embedding, "_encode", counted)
    embedding.clear_cache()
    first = embedding.embed(["Talks resumed.", "Troops withdrew.", "Talks resumed."])
    again = embedding.embed(["Troops withdrew.", "Rebels attacked."])
    assert calls == [["Talks resumed.", "Troops withdrew."], ["Rebels attacked."]]
    assert (first[0] == first[2]).all() and (again[0] == first[1]).all()
    again[0] += 1  # the caller's own array: the cached vector stays as it was
    assert (embedding.embed(["Troops withdrew."])[0] == first[1]).all()
    embedding.clear_cache()
