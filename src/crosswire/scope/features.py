"""What the scope model reads of a sentence: its lemmas and lemma pairs, its verbs, the kinds
of named entities spaCy found in it and the kinds of actors the actors stage resolved, as
strings that `vector` hashes into a fixed number of columns (no vocabulary to store: a
string's column is its hash, as scikit-learn's `FeatureHasher` computes it)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from itertools import pairwise

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.feature_extraction import FeatureHasher
from spacy.tokens import Span

from crosswire.model import Mention

# Sentence length in words, in bands: page furniture (datelines, bylines, menus) is short
LENGTH_BANDS = (3, 7, 15, 30)


def sentence_features(sentence: Span, inside: Sequence[Mention]) -> list[str]:
    """The feature strings of one sentence; `inside` are the mentions in it (`mentions_in`).
    One pass over the tokens: an article's sentences are read once each."""
    words: list[str] = []
    found: list[str] = []
    has_verb = False
    for token in sentence:
        pos = token.pos_
        has_verb = has_verb or pos in {"VERB", "AUX"}
        if token.ent_iob_ == "B":
            found.append(f"e={token.ent_type_}")
        if token.is_punct or token.is_space:
            continue
        lemma = token.lemma_.lower()
        words.append("<num>" if token.like_num else lemma)
        if pos == "VERB":
            found.append(f"v={lemma}")
    found += [f"w={w}" for w in words]
    found += [f"b={a}_{b}" for a, b in pairwise(words)]
    found += [f"m={m.type}" for m in inside]
    found += [f"s={m.actor.sector}" for m in inside if m.actor.sector]
    found += ["c=country" for m in inside if m.actor.country]
    found.append(f"len={sum(len(words) > edge for edge in LENGTH_BANDS)}")
    if not has_verb:
        found.append("noverb")
    return found


def mentions_in(sentences: Sequence[Span], mentions: Sequence[Mention]) -> list[list[Mention]]:
    """The mentions starting in each sentence, found by bisection in the mentions sorted by
    their start."""
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    return [
        ordered[bisect_left(starts, s.start_char) : bisect_left(starts, s.end_char)]
        for s in sentences
    ]


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
