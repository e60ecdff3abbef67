"""The document decision: whether a page as a whole reports interactions between political or
social actors, from what it is about and what its sentences say.

A page's topic shows in its title and opening (a match report, a product review, a recipe:
the lead says so), and the multilingual USE embedding of that lead (`embedding`) separates
news about states, courts, protests and wars from sport, entertainment, products and
lifestyle better than any one sentence does. The ``document`` model (`model`) is a logistic
regression over that embedding and the mean of the ``words`` model's probabilities over the
page's English sentences (how much of the page reads as in scope). One embedding per page:
its cost is a few sentences', not a page's.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray


def document_features(
    embedding: NDArray[np.float32], sentence_probabilities: NDArray[np.float64]
) -> NDArray[np.float64]:
    """The document model's input: the lead's embedding and the mean probability of the
    page's English sentences (0 for a page with none)."""
    mean = float(sentence_probabilities.mean()) if sentence_probabilities.size else 0.0
    return np.concatenate([embedding.astype(np.float64).ravel(), [mean]])
