"""Train the learned event decision and write its model files (`model`).

    python -m crosswire.events.train [--labels labels/events] [--out DIR]

Run from the repository root (it reads the labels with ``tools.labelling``, the texts and
the shared gold sets from ``../shared``, or ``$CROSSWIRE_SHARED``). Deterministic: the
same labels, gold sets and code give the same weights.

1. Examples (`training`): the candidates of the labelled **train** split's sentences, one
   positive from each record of the **train half** of PLOVER GSR and the CAMEO codebook
   examples (`training.gold_half`; the other half is left for the figures), and one from
   each example sentence of the pattern files (verbs.yaml, nouns.yaml).
2. A multinomial logistic regression (scikit-learn, lbfgs) on the hashed features, for each
   regularisation in `GRID`; event types weighted `TYPE_WEIGHTS` against ``none``, gold
   positives `GOLD_WEIGHT` and pattern examples `PATTERN_WEIGHT` against the labelled
   candidates.
3. On the **dev** split's candidates, each model with each set of thresholds (`EVIDENCE`,
   `KEEP`, `ADD`, `RETYPE`): the decision's type precision and recall (a candidate is
   right when it is decided an event of the type it anchors, `training`; a decided event
   the coder cannot make, for want of actors, counts as none, as it is in the output);
   the setting that drops or retypes the fewest example sentences of the pattern files is
   kept (they are written and checked by hand to be coded with their pattern's type, so a
   setting that vetoes one is wrong whatever its dev figures); of those, the strongest
   regularisation (smallest C) whose best F0.5 is within one standard error of the best
   overall (the one-standard-error rule: dev has about 140 labelled events, so smaller
   differences are noise, and the simpler model generalises better), then likewise the
   lowest cut for dropping a pattern's event (`KEEP`: the weakest veto) and the highest
   for adding one no pattern coded (`ADD`: the most cautious), and with them the
   thresholds of the best F0.5 (ties: the higher precision, then the first tried):
   precision weighs double, since a coded event is only useful where an analyst can trust
   it. Then, for
   each type with at least `PER_TYPE_MIN` labelled dev events, its own cut for adding an
   event (`PER_TYPE_ADD`), kept where it raises the dev F0.5 (`per_type`): the model's
   probabilities are calibrated differently per type (ACCUSE has 71 labelled train events,
   RETREAT 18). The test split is never read.
4. The kept model is written with its card: thresholds, counts, figures on dev, and the
   hash of the training data (label files, gold files, feature definition)."""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from crosswire.events.features import FEATURES_VERSION, HASH_WIDTH, hashed
from crosswire.events.model import MODEL_NAME, NONE, EventModel, ModelCard, Thresholds, write_model
from crosswire.events.train_data import GOLD_FILES, Corpus, build_corpus
from crosswire.events.training import Example

GRID = (0.3, 1.0)  # LogisticRegression's C
TYPE_WEIGHTS = (3.0,)  # class weight of every event type (``none`` weighs 1; 1.0 lost on dev)
# Dropping what a pattern codes needs the model to be fairly sure: rare types have a handful
# of labelled examples (CONSULT: 7 in train), too few to overrule a pattern above 0.3 (at
# 0.45 the seed story's meeting was vetoed)
KEEP = (0.15, 0.3)
ADD = (0.4, 0.5, 0.6, 0.7)
# Margins for retyping a proposed event; 2.0 never retypes and, listed first, wins ties
RETYPE = (2.0, 0.5)
PER_TYPE_ADD = (0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8)
PER_TYPE_MIN = 8  # labelled dev events a type needs for a cut of its own
# Labelled train events a type needs before the model may drop or retype what a pattern
# codes of it: a veto learned from a handful of sentences is the labels' noise, not a sense;
# 20, listed first, wins ties (10 still shields CONSULT, 7 in train, and the seed story's
# meeting)
EVIDENCE = (20, 10)
# Sample weight of a gold-set positive: curated sentences, one event each, weighed like
# the event types; on dev it made no difference, on the gold sets it keeps their types
GOLD_WEIGHT = 3.0
PATTERN_WEIGHT = 3.0  # the pattern files' own examples: curated too, weighed as the gold
# a setting tried: (its ranking key, the model, the setting's figures)
Tried = tuple[tuple[int, float, float], EventModel, dict[str, Any]]
MAX_ITER = 3000
MODELS = Path(__file__).resolve().parents[1] / "data" / "models"
PATTERNS = Path(__file__).resolve().parents[1] / "data" / "events"


def fit(corpus: Corpus, c: float, weight: float) -> EventModel:
    """A model with placeholder thresholds; only the columns the examples use get weights."""
    examples = corpus.train + corpus.gold_train + corpus.pattern_examples
    matrix = hashed([e.features for e in examples])
    labels = [e.label for e in examples]
    columns = np.unique(matrix.indices)
    weights = {label: (1.0 if label == NONE else weight) for label in set(labels)}
    samples = (
        [1.0] * len(corpus.train)
        + [GOLD_WEIGHT] * len(corpus.gold_train)
        + [PATTERN_WEIGHT] * len(corpus.pattern_examples)
    )
    regression = LogisticRegression(C=c, max_iter=MAX_ITER, class_weight=weights)
    regression.fit(matrix[:, columns], labels, sample_weight=samples)
    limits = Thresholds(keep=0.5, add=0.5, retype=RETYPE[0], evidence=EVIDENCE[0])
    return _as_model(regression, columns, limits, labelled_counts(corpus))


def labelled_counts(corpus: Corpus) -> dict[str, int]:
    """Labelled events per type among the train split's examples."""
    return dict(sorted(Counter(e.label for e in corpus.train if e.label != NONE).items()))


def _as_model(
    regression: LogisticRegression,
    columns: np.ndarray,
    thresholds: Thresholds,
    labelled: dict[str, int],
) -> EventModel:
    classes = tuple(str(c) for c in regression.classes_)
    card = ModelCard(
        name=MODEL_NAME,
        features_version=FEATURES_VERSION,
        hash_width=HASH_WIDTH,
        classes=classes,
        thresholds=thresholds,
        labelled=labelled,
        weights_sha256="",
        training={},
    )
    slots = np.full(HASH_WIDTH, -1, dtype=np.int32)
    slots[columns] = np.arange(len(columns), dtype=np.int32)
    weights = regression.coef_.T.astype(np.float32)
    return EventModel(card, slots, weights, regression.intercept_.astype(np.float32))


def scores(model: EventModel, examples: list[Example]) -> dict[str, float]:
    """Type precision, recall and F1 of the model's verdicts on `examples`."""
    rows = model.probabilities(hashed([e.features for e in examples]))
    decided = [
        _coded(model.verdict(row, _proposed(e), _nominal(e)), e)
        for row, e in zip(rows, examples, strict=True)
    ]
    right = sum(d == e.label for d, e in zip(decided, examples, strict=True) if d is not None)
    coded = sum(d is not None for d in decided)
    labelled = sum(e.label != NONE for e in examples)
    precision = right / coded if coded else 0.0
    recall = right / labelled if labelled else 0.0
    f1 = 2 * precision * recall / (precision + recall) if right else 0.0
    f05 = 1.25 * precision * recall / (0.25 * precision + recall) if right else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "f0.5": round(f05, 4), "coded": coded, "labelled": labelled}  # fmt: skip


def _coded(verdict: str | None, example: Example) -> str | None:
    """The verdict as the output shows it: a type the coder cannot make an event of at
    that candidate (`training.buildable`) is no event."""
    if verdict is None or example.builds is None or verdict in example.builds:
        return verdict
    return None


def _nominal(example: Example) -> bool:
    return "p=NOUN" in example.features or "p=PROPN" in example.features


def _proposed(example: Example) -> str | None:
    proposed = next(f for f in example.features if f.startswith("r="))[2:]
    return None if proposed == NONE else proposed


def choose(corpus: Corpus) -> tuple[EventModel, dict[str, Any]]:
    """The best setting on dev (module docstring), with every setting's figures."""
    tried: list[Tried] = []
    for c, weight in itertools.product(GRID, TYPE_WEIGHTS):
        fitted = fit(corpus, c, weight)
        for evidence, keep, add, retype in itertools.product(EVIDENCE, KEEP, ADD, RETYPE):
            limits = Thresholds(keep=keep, add=add, retype=retype, evidence=evidence)
            model = with_thresholds(fitted, limits)
            figures = scores(model, corpus.dev)
            own = scores(model, corpus.pattern_examples)
            missed = int(own["labelled"]) - round(own["recall"] * own["labelled"])
            setting = {"C": c, "type_weight": weight, "gold_weight": GOLD_WEIGHT,
                       "pattern_weight": PATTERN_WEIGHT, **limits.model_dump(),
                       "dev": figures, "patterns_missed": missed}  # fmt: skip
            print(json.dumps(setting), file=sys.stderr)
            tried.append(((-missed, figures["f0.5"], figures["precision"]), model, setting))
    _, best, setting = max(_simplest(tried), key=lambda t: t[0])  # the first of equals
    return per_type(best, setting, corpus)


def _simplest(tried: list[Tried]) -> list[Tried]:
    """The settings of the smallest C, then of the lowest ``keep``, then of the highest
    ``add``, whose best dev F0.5 is within one standard error of the best, among those that
    veto the fewest pattern examples (the one-standard-error rule; the error of an F0.5 on
    n labelled events taken as a proportion's)."""
    fewest = max(key[0] for key, _, _ in tried)
    kept = [t for t in tried if t[0][0] == fewest]
    best = max(key[1] for key, _, _ in kept)
    error = _standard_error(best, kept[0][2]["dev"]["labelled"])
    # the smallest C; likewise the weakest veto and the most cautious addition: the model
    # overrules or adds to the patterns further only where that clearly pays (a higher
    # veto drops the passive killings with no named doer first; a lower cut adds what no
    # pattern codes)
    for name, simplest in (("C", min), ("keep", min), ("add", max)):
        value = simplest(setting[name] for key, _, setting in kept if key[1] >= best - error)
        kept = [t for t in kept if t[2][name] == value]
    return kept


def _standard_error(score: float, labelled: float) -> float:
    """The standard error of an F0.5 on `labelled` dev events, taken as a proportion's."""
    return math.sqrt(score * (1 - score) / max(1, int(labelled)))


def with_thresholds(model: EventModel, limits: Thresholds) -> EventModel:
    card = model.card.model_copy(update={"thresholds": limits})
    return EventModel(card, model.slots, model.weights, model.intercept)


def per_type(
    model: EventModel, setting: dict[str, Any], corpus: Corpus
) -> tuple[EventModel, dict[str, Any]]:
    """The model with a cut of its own for each type that has `PER_TYPE_MIN` labelled dev
    events, where one of `PER_TYPE_ADD` raises the dev F0.5 (one pass, types in order): of
    the cuts within one standard error of the best F0.5, the most cautious (the highest),
    as `_simplest` chooses the global cut."""
    dev_counts = Counter(e.label for e in corpus.dev if e.label != NONE)
    best = scores(model, corpus.dev)
    for event_type in sorted(t for t, n in dev_counts.items() if n >= PER_TYPE_MIN):
        trials = []
        for cut in PER_TYPE_ADD:
            limits = model.card.thresholds
            cuts = {**limits.add_by_type, event_type: cut}
            trial = with_thresholds(model, limits.model_copy(update={"add_by_type": cuts}))
            trials.append((cut, trial, scores(trial, corpus.dev)))
        top = max(figures["f0.5"] for _, _, figures in trials)
        error = _standard_error(top, best["labelled"])
        near = [t for t in trials if t[2]["f0.5"] >= top - error]
        _, trial, figures = max(near, key=lambda t: t[0])
        if (figures["f0.5"], figures["precision"]) > (best["f0.5"], best["precision"]):
            model, best = trial, figures
    chosen = {**setting, "add_by_type": model.card.thresholds.add_by_type, "dev": best}
    print(json.dumps({"per_type": chosen}), file=sys.stderr)
    return model, chosen


def training_hash(labels: Path, shared: Path) -> str:
    """SHA-256 over the label files, the gold files, the pattern files (their examples are
    positives) and the feature definition."""
    digest = hashlib.sha256(f"features v{FEATURES_VERSION} {HASH_WIDTH}\n".encode())
    files = [p for p in sorted(labels.glob("*/*.jsonl")) if p.parent.name != "pool"]
    files += [shared / "bench" / "events" / name for name in GOLD_FILES]
    files += [PATTERNS / "verbs.yaml", PATTERNS / "nouns.yaml"]  # their example sentences
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def card_of(
    model: EventModel, setting: dict[str, Any], corpus: Corpus, data_hash: str
) -> dict[str, Any]:
    return {
        **model.card.model_dump(mode="json"),
        "training": {
            "data_sha256": data_hash,
            "command": "python -m crosswire.events.train",
            "code": _git("rev-parse", "--short=12", "HEAD"),
            "setting": setting,
            "examples": {
                name: dict(Counter(e.label != NONE for e in examples).items())
                for name, examples in corpus.parts().items()
            },
            "anchored": corpus.anchored,
        },
    }


def _git(*args: str) -> str:
    folder = Path(__file__).resolve().parent
    run = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True)
    return run.stdout.strip() or "unknown"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--labels", type=Path, default=Path("labels/events"))
    parser.add_argument("--shared", type=Path, default=None, help="default: ../shared")
    parser.add_argument("--out", type=Path, default=MODELS)
    args = parser.parse_args(argv)
    corpus = build_corpus(args.labels, args.shared)
    model, setting = choose(corpus)
    data_hash = training_hash(args.labels, corpus.shared)
    weights = model.weights
    columns = np.flatnonzero(model.slots >= 0)
    rows = model.slots[columns]
    write_model(args.out, card_of(model, setting, corpus, data_hash), columns,
                weights[rows].astype(np.float64), model.intercept.astype(np.float64))  # fmt: skip
    print(json.dumps(setting))


if __name__ == "__main__":
    main()
