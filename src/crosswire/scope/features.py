"""What the scope model reads of a sentence: its lemmas and lemma pairs, its verbs, the kinds
of named entities spaCy found in it and the kinds of actors the actors stage resolved, as
strings that `vector` hashes into a fixed number of columns (no vocabulary to store: a
string's column is its hash, as scikit-learn's `FeatureHasher` computes it)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.feature_extraction import FeatureHasher
from spacy.tokens import Span, Token

from crosswire.model import Mention

# Sentence length in words, in bands: page furniture (datelines, bylines, menus) is short
LENGTH_BANDS = (3, 7, 15, 30)


def sentence_features(sentence: Span, mentions: Sequence[Mention]) -> list[str]:
    """The feature strings of one sentence; `mentions` are the article's (those inside
    the sentence count)."""
    words = [_word(t) for t in sentence if not (t.is_punct or t.is_space)]
    found = [f"w={w}" for w in words]
    found += [f"b={a}_{b}" for a, b in pairwise(words)]
    found += [f"v={t.lemma_.lower()}" for t in sentence if t.pos_ == "VERB"]
    found += [f"e={entity.label_}" for entity in sentence.ents]
    found += _mention_features(sentence, mentions)
    found.append(f"len={_band(len(words))}")
    if not any(t.pos_ in {"VERB", "AUX"} for t in sentence):
        found.append("noverb")
    return found


def _word(token: Token) -> str:
    return "<num>" if token.like_num else token.lemma_.lower()


def _band(n_words: int) -> int:
    return sum(n_words > edge for edge in LENGTH_BANDS)


def _mention_features(sentence: Span, mentions: Sequence[Mention]) -> list[str]:
    inside = [m for m in mentions if sentence.start_char <= m.start < sentence.end_char]
    found = [f"m={m.type}" for m in inside]
    found += [f"s={m.actor.sector}" for m in inside if m.actor.sector]
    found += ["c=country" for m in inside if m.actor.country]
    return found


def vector(features: Iterable[Sequence[str]], n_features: int) -> csr_matrix:
    """Rows of hashed feature counts, each scaled to unit length (long and short sentences
    weigh alike)."""
    listed = list(features)
    if not listed:
        return csr_matrix((0, n_features), dtype=np.float64)
    hasher = FeatureHasher(n_features=n_features, input_type="string", alternate_sign=False)
    rows = csr_matrix(hasher.transform(listed), dtype=np.float64)
    norms = np.sqrt(np.asarray(rows.multiply(rows).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    scaled: csr_matrix = csr_matrix(rows.multiply(1.0 / norms[:, None]))
    return scaled
