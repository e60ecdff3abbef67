"""The learned event decision's model: a multinomial logistic regression over hashed
candidate features (`features`), shipped as two files in ``crosswire/data/models/``:

- ``events-v<N>.npz``: the weights as plain arrays (no pickle): ``columns`` (the hashed
  feature columns that carry weight), ``weights`` (one row per column, one column per
  class) and ``intercept``;
- ``events-v<N>.json``: what they mean (`ModelCard`): the classes, the feature definition
  they were trained on, the decision thresholds chosen on the dev split, the SHA-256 of
  the weights file and the hash of the training data, and the command that rebuilt them.

`event_model()` loads and checks them once per process; `python -m crosswire.events.train`
writes them."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from pydantic import BaseModel, ConfigDict
from scipy.sparse import csr_matrix

from crosswire.events.features import FEATURES_VERSION, HASH_WIDTH

MODEL_NAME = "events-v2"
NONE = "none"


class ModelError(ValueError):
    """Model files that are missing, altered, or made for other features."""


class Thresholds(BaseModel):
    """Where the decision cuts (`EventModel.verdict`), chosen on the dev split."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    keep: float  # a proposed event is dropped below this probability of an event
    add: float  # an unproposed candidate becomes an event at this probability or above
    # `add` of the types whose own cut was chosen on dev (`train.per_type`)
    add_by_type: dict[str, float] = {}
    retype: float  # the margin by which another type must beat the proposed one
    evidence: int  # labelled events of a type the model needs before it overrules a pattern


class ModelCard(BaseModel):
    """The model's description file (``events-v<N>.json``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    features_version: str
    hash_width: int
    classes: tuple[str, ...]
    thresholds: Thresholds
    labelled: dict[str, int]  # labelled events per type in the training split
    weights_sha256: str
    training: dict[str, Any]  # data hash, parameters, counts, command


@dataclass(frozen=True)
class EventModel:
    card: ModelCard
    slots: NDArray[np.int32]  # per hashed column: its row in `weights`, or -1
    weights: NDArray[np.float64]  # stored as float32; widened once here, not per product
    intercept: NDArray[np.float64]

    @property
    def classes(self) -> tuple[str, ...]:
        return self.card.classes

    def probabilities(self, features: csr_matrix) -> NDArray[np.float64]:
        """Per row of hashed features, the probability of each class (`classes`)."""
        slots = self.slots[features.indices]
        rows = np.repeat(np.arange(features.shape[0]), np.diff(features.indptr))
        known = slots >= 0
        compact = csr_matrix(
            (features.data[known], (rows[known], slots[known])),
            shape=(features.shape[0], self.weights.shape[0]),
        )
        scores = np.asarray(compact @ self.weights, dtype=np.float64) + self.intercept
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        result: NDArray[np.float64] = exp / exp.sum(axis=1, keepdims=True)
        return result

    def verdict(
        self, row: NDArray[np.float64], proposed: str | None, nominal: bool = False
    ) -> str | None:
        """The type a candidate is coded as, or None: a proposed type stays unless the
        candidate is unlikely an event (``keep``) or another type wins by ``retype``; an
        unproposed candidate becomes an event of the likeliest type where that type's own
        probability reaches ``add`` and the other event types' together do not exceed
        it. A proposal
        stays as it is where the labels are too thin to overrule it: a noun pattern's event
        (`nominal`: those patterns already demand the noun's own participants, "a dinner
        between A and B", and the train split holds 9 of them), and an event of a type with
        fewer than ``evidence`` labelled events in the train split (CONSULT has 7)."""
        limits = self.card.thresholds
        if proposed is not None and (
            nominal or self.card.labelled.get(proposed, 0) < limits.evidence
        ):
            return proposed
        none = self.classes.index(NONE)
        event = 1.0 - float(row[none])
        others = row.copy()
        others[none] = -1.0
        best = self.classes[int(np.argmax(others))]
        if proposed is None:
            # The type itself must be likely, not only "some event": a word the labels
            # split between two types ("opened fire" / "opened an embassy") is no event
            # to add, however low its type's cut: the type must be at least as likely
            # as every other event type together
            cut = limits.add_by_type.get(best, limits.add)
            chance = float(row[self.classes.index(best)])
            return best if chance >= cut and chance >= event - chance else None
        if event < limits.keep:
            return None
        if proposed in self.classes:
            margin = float(row[self.classes.index(best)] - row[self.classes.index(proposed)])
            if margin >= limits.retype:
                return best
        return proposed


@cache
def event_model(name: str = MODEL_NAME) -> EventModel:
    """The shipped model, loaded and checked once per process."""
    folder = resources.files("crosswire") / "data" / "models"
    return read_model(folder / f"{name}.json", folder / f"{name}.npz")


def read_model(card_file: Traversable, weights_file: Traversable) -> EventModel:
    """A model from its two files; `ModelError` where they do not belong together or to
    this code's features."""
    card = ModelCard.model_validate_json(card_file.read_text(encoding="utf-8"))
    raw = weights_file.read_bytes()
    if hashlib.sha256(raw).hexdigest() != card.weights_sha256:
        raise ModelError(f"{weights_file}: its SHA-256 is not the one {card_file} names")
    if card.features_version != FEATURES_VERSION or card.hash_width != HASH_WIDTH:
        raise ModelError(
            f"{card_file}: trained on features v{card.features_version} "
            f"({card.hash_width} columns); this code computes v{FEATURES_VERSION} "
            f"({HASH_WIDTH}): retrain with python -m crosswire.events.train"
        )
    with np.load(io.BytesIO(raw), allow_pickle=False) as arrays:
        columns = arrays["columns"].astype(np.int64)
        # Widened to the features' float64 at load: scipy would otherwise copy the whole
        # float32 matrix to float64 on every product (most of the model's cost).
        weights = arrays["weights"].astype(np.float32).astype(np.float64)
        intercept = arrays["intercept"].astype(np.float32).astype(np.float64)
    if weights.shape != (len(columns), len(card.classes)) or NONE not in card.classes:
        raise ModelError(f"{weights_file}: weights of shape {weights.shape} for {card.classes}")
    slots = np.full(card.hash_width, -1, dtype=np.int32)
    slots[columns] = np.arange(len(columns), dtype=np.int32)
    return EventModel(card, slots, weights, intercept)


def write_model(
    folder: Path,
    card: dict[str, Any],
    columns: NDArray[np.int64],
    weights: NDArray[np.float64],
    intercept: NDArray[np.float64],
) -> None:
    """Both files into `folder`, the card completed with the weights' hash."""
    raw = npz_bytes(
        {
            "columns": columns.astype(np.int32),
            "weights": weights.astype(np.float16),  # halves the file; plenty for a linear model
            "intercept": intercept.astype(np.float32),
        }
    )
    name = card["name"]
    (folder / f"{name}.npz").write_bytes(raw)
    complete = ModelCard.model_validate({**card, "weights_sha256": hashlib.sha256(raw).hexdigest()})
    text = json.dumps(complete.model_dump(mode="json"), indent=1) + "\n"
    (folder / f"{name}.json").write_text(text, encoding="utf-8")


def npz_bytes(arrays: dict[str, NDArray[Any]]) -> bytes:
    """An ``.npz`` file that `numpy.load` reads, byte for byte the same for the same arrays
    (`numpy.savez` stamps each member with the time it was written)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            member = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(member, "w") as file:
                np.lib.format.write_array(file, np.ascontiguousarray(array), allow_pickle=False)
    return buffer.getvalue()
