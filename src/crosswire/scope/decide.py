"""The scope stage: each sentence's language and, for the English ones, whether it reports
an interaction between political or social actors, from the ``words`` model mixed with its
document's probability (the ``document`` model over the page's lead and its sentences:
`document`, `model`)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from spacy.tokens import Doc, Span

from crosswire.events.fr import LANGUAGE as FRENCH
from crosswire.model import Article, Mention, Scope, SentenceScope
from crosswire.scope.document import document_features
from crosswire.scope.embedding import lead_vector
from crosswire.scope.features import mentions_in, sentence_features, vector
from crosswire.scope.language import is_english, page_language
from crosswire.scope.model import load_model
from crosswire.settings import DEFAULT, Settings


def decide_scope(
    doc: Doc, article: Article, mentions: list[Mention], settings: Settings = DEFAULT
) -> Scope:
    """The scope of the article parsed as `doc` and of each of its sentences."""
    language = page_language(article.language, doc.text, settings.scope)
    sentences = [s for s in doc.sents if s.text.strip()]
    english = [s for s in sentences if is_english(s.text, language, settings.scope)]
    probabilities = sentence_probabilities(english, mentions)
    document = page_probability(article, probabilities, language)
    by_start = dict(zip((s.start_char for s in english), probabilities.tolist(), strict=True))
    return Scope(
        language=language,
        document=document,
        english=len(english),
        sentences=[
            _decided(s, by_start.get(s.start_char), document, len(english)) for s in sentences
        ],
    )


def sentence_probabilities(sentences: Sequence[Span], mentions: list[Mention]) -> np.ndarray:
    """The ``words`` model's probability that each sentence is in scope."""
    model = load_model()
    inside = mentions_in(sentences, mentions)
    features = [sentence_features(s, m) for s, m in zip(sentences, inside, strict=True)]
    rows = vector(features, model.n_features)
    return model.words.probability(rows)


def document_probability(article: Article, sentences: np.ndarray) -> float:
    """The ``document`` model's probability that the page is in scope, from its lead and
    its English sentences' ``words`` probabilities."""
    features = document_features(lead_vector(article), sentences)
    return round(float(load_model().document.probability(features[None, :])[0]), 4)


def page_probability(article: Article, sentences: np.ndarray, language: str) -> float:
    """The page's probability of being in scope: for a French page, from its lead alone
    (`lead_probability`: its few English sentences, a quotation, say little of the page);
    else from its lead and its English sentences; 0 for a page in another language with
    none (it is not coded)."""
    if language == FRENCH:
        return lead_probability(article)
    return document_probability(article, sentences) if sentences.size else 0.0


def lead_probability(article: Article) -> float:
    """The ``document`` model's probability from the page's lead alone, the mean sentence
    probability it also reads taken as its stand-in (`training.lead`); compared with the
    lead-only threshold (`french_in_scope`)."""
    stand_in = np.array([load_model().meta.document.lead_only_mean])
    features = document_features(lead_vector(article), stand_in)
    return round(float(load_model().document.probability(features[None, :])[0]), 4)


def french_in_scope(scope: Scope) -> bool:
    """Whether a French page is in scope by its lead (its ``document`` probability, from
    `lead_probability`; the threshold chosen on dev by the rule of every scope decision:
    `training.lead`)."""
    return scope.document >= load_model().meta.document.lead_only_threshold


def _decided(
    sentence: Span, probability: float | None, document: float, english: int
) -> SentenceScope:
    start, end = trimmed(sentence)
    if probability is None:
        return SentenceScope(start, end, "other-language")
    decision = load_model().words_for(english)
    mixed = round(decision.probability(probability, document), 4)
    return SentenceScope(start, end, "in" if mixed >= decision.threshold else "out", mixed)


def trimmed(sentence: Span) -> tuple[int, int]:
    """The sentence's characters without surrounding whitespace (as
    `crosswire.nlp.sentence_spans` gives them)."""
    text = sentence.text
    return (
        sentence.start_char + len(text) - len(text.lstrip()),
        sentence.end_char - (len(text) - len(text.rstrip())),
    )
