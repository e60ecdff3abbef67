"""The scope model as shipped: ``data/models/scope.npz`` (weights, numpy arrays loaded
without pickle) and ``data/models/scope.json`` (version, training date, training-data hash,
a hash of the weights, the operating points chosen on dev and the figures measured there).

Two logistic regressions over the same hashed sentence features (`features`):
- ``words``: the features alone, run on every English sentence (cheap);
- ``full``: the features plus the sentence's multilingual USE embedding (`embedding`), run
  only on the sentences that hold a coded event (an embedding costs a third of the spaCy
  pass per sentence: too much for every sentence);
and one over the page (`document`):
- ``document``: the embedding of the page's title and lead and the mean of its English
  sentences' ``words`` probabilities; one embedding per page.
A decision mixes a sentence's probability with its document's: ``mix * sentence + (1 - mix)
* document``, in scope at ``threshold`` or more. A low mix makes the page's topic decide:
a sentence on a sports page needs very strong evidence of its own to be in scope. A page of
one sentence is judged by the sentence alone (``alone``: its own threshold).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix

from crosswire.datafiles import DataModel, load_file

VERSION = 2  # 2: the document model
NAME = "scope"


def models_dir() -> Path:
    return Path(str(resources.files("crosswire") / "data" / "models"))


@dataclass(frozen=True, slots=True)
class Linear:
    """A logistic regression's weights: one per hashed feature column (``coef``; stored as
    the columns training saw and their weights), one per embedding dimension (empty: no
    embedding part)."""

    coef: NDArray[np.float64]
    bias: float
    embedding: NDArray[np.float64]

    def probability(
        self, rows: csr_matrix, embeddings: NDArray[np.float32] | None = None
    ) -> NDArray[np.float64]:
        """The probability of being in scope of each row (and of its embedding)."""
        score = np.asarray(rows @ self.coef).ravel() + self.bias
        if self.embedding.size:
            if embeddings is None:
                raise ValueError("this model needs the sentences' embeddings")
            score += embeddings.astype(np.float64) @ self.embedding
        result: NDArray[np.float64] = 1.0 / (1.0 + np.exp(-score))
        return result


def linear(
    n_features: int, index: NDArray[Any], weight: NDArray[Any], bias: float,
    embedding: NDArray[Any] | None = None,
) -> Linear:  # fmt: skip
    coef = np.zeros(n_features, dtype=np.float64)
    coef[index] = weight
    extra = np.zeros(0) if embedding is None else embedding.astype(np.float64)
    return Linear(coef, float(bias), extra)


@dataclass(frozen=True, slots=True)
class Dense:
    """A logistic regression's weights over a dense vector (`document.document_features`)."""

    weight: NDArray[np.float64]
    bias: float

    def probability(self, rows: NDArray[np.float64]) -> NDArray[np.float64]:
        """The probability of being in scope of each row."""
        score = rows @ self.weight + self.bias
        result: NDArray[np.float64] = 1.0 / (1.0 + np.exp(-score))
        return result


@dataclass(frozen=True, slots=True)
class Operating:
    """Where a decision is made: the sentence's share of the mixed probability, and the
    threshold."""

    mix: float
    threshold: float

    def probability(self, sentence: float, document: float) -> float:
        return self.mix * sentence + (1.0 - self.mix) * document

    def in_scope(self, sentence: float, document: float) -> bool:
        return self.probability(sentence, document) >= self.threshold


class DecisionMeta(DataModel):
    """One model's intercept and operating point, with what it kept and dropped on dev;
    ``alone``: the threshold on the sentence's own probability for a page of one sentence
    (no page around it to judge: a headline, a wire item, a gold-set record), chosen on dev
    with the sentence's probability alone."""

    bias: float
    mix: float
    threshold: float
    alone: float
    dev: dict[str, int | float]


class DocumentMeta(DataModel):
    """The document model's intercept, how its training articles were labelled, and its
    ranking of the dev articles (ROC AUC against the same labels)."""

    bias: float
    regularisation_C: float
    label: str
    dev: dict[str, int | float]
    # a page with no English sentence (`training.lead`): the mean sentence probability's
    # stand-in, the threshold on the lead-only probability and what it does on dev
    lead_only_mean: float
    lead_only_threshold: float
    lead_only_dev: dict[str, int | float]


class ScopeMeta(DataModel):
    """``scope.json``: what the weights are and where they came from."""

    version: int
    trained: str  # the training date, YYYY-MM-DD
    training_data_sha1: str
    weights_sha256: str
    command: str
    examples: dict[str, Any]
    n_features: int
    regularisation_C: float
    embedding: str
    embedding_scale: float
    words: DecisionMeta
    full: DecisionMeta
    document: DocumentMeta


@dataclass(frozen=True, slots=True)
class ScopeModel:
    words: Linear
    full: Linear
    document: Dense
    n_features: int
    embedding_scale: float  # embeddings are multiplied by this before the full model
    words_decision: Operating
    full_decision: Operating
    words_alone: Operating  # for a page of one sentence (`DecisionMeta.alone`)
    full_alone: Operating
    meta: ScopeMeta

    def words_for(self, english: int) -> Operating:
        """The ``words`` decision for a page of `english` English sentences."""
        return self.words_alone if english <= 1 else self.words_decision

    def full_for(self, english: int) -> Operating:
        """The ``full`` decision for a page of `english` English sentences."""
        return self.full_alone if english <= 1 else self.full_decision


ARRAYS = (
    "words_index",
    "words_weight",
    "full_index",
    "full_weight",
    "full_embedding",
    "document_weight",
)


def weights_digest(arrays: dict[str, NDArray[Any]]) -> str:
    """sha256 over the weight arrays' names, dtypes, shapes and bytes (not the .npz file:
    its zip headers carry dates)."""
    digest = hashlib.sha256()
    for name in ARRAYS:
        array = np.ascontiguousarray(arrays[name])
        digest.update(f"{name}:{array.dtype.str}:{array.shape}".encode())
        digest.update(array.tobytes())
    return digest.hexdigest()


@cache
def load_model(directory: Path | None = None) -> ScopeModel:
    """The shipped model, read once per process; `ValueError` when its version is not the
    one this code reads or its weights are not the ones its metadata declares."""
    folder = directory or models_dir()
    meta = load_file(folder / f"{NAME}.json", ScopeMeta)
    if meta.version != VERSION:
        raise ValueError(f"{NAME} model version {meta.version}, this code reads {VERSION}")
    with np.load(folder / f"{NAME}.npz", allow_pickle=False) as stored:
        arrays = {name: stored[name] for name in ARRAYS}
    if weights_digest(arrays) != meta.weights_sha256:
        raise ValueError(f"{NAME}.npz does not hold the weights {NAME}.json declares")
    n = meta.n_features
    scaled = arrays["full_embedding"] * meta.embedding_scale  # trained on scaled embeddings
    return ScopeModel(
        words=linear(n, arrays["words_index"], arrays["words_weight"], meta.words.bias),
        full=linear(n, arrays["full_index"], arrays["full_weight"], meta.full.bias, scaled),
        document=Dense(arrays["document_weight"].astype(np.float64), meta.document.bias),
        n_features=n,
        embedding_scale=meta.embedding_scale,
        words_decision=Operating(meta.words.mix, meta.words.threshold),
        full_decision=Operating(meta.full.mix, meta.full.threshold),
        words_alone=Operating(1.0, meta.words.alone),
        full_alone=Operating(1.0, meta.full.alone),
        meta=meta,
    )


def save_model(directory: Path, arrays: dict[str, NDArray[Any]], meta: dict[str, Any]) -> None:
    """Write the weights and their metadata (with the version and the weights' hash)."""
    directory.mkdir(parents=True, exist_ok=True)
    meta = {"version": VERSION, **meta, "weights_sha256": weights_digest(arrays)}
    ScopeMeta.model_validate(meta)  # what load_model will read
    stored: dict[str, Any] = {name: arrays[name] for name in ARRAYS}
    np.savez_compressed(directory / f"{NAME}.npz", **stored)
    text = json.dumps(meta, indent=1, sort_keys=True) + "\n"
    (directory / f"{NAME}.json").write_text(text, encoding="utf-8")
