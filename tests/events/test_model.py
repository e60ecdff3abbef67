"""The shipped model files: plain arrays (no pickle), the weights the card names, refused
when altered or made for other features."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from crosswire.events.features import FEATURES_VERSION
from crosswire.events.model import (
    MODEL_NAME,
    NONE,
    EventModel,
    ModelError,
    event_model,
    npz_bytes,
    read_model,
)

MODELS = Path(str(resources.files("crosswire") / "data" / "models"))
CARD = MODELS / f"{MODEL_NAME}.json"
WEIGHTS = MODELS / f"{MODEL_NAME}.npz"


def test_weights_are_plain_arrays_that_load_without_pickle() -> None:
    with np.load(WEIGHTS, allow_pickle=False) as arrays:
        assert sorted(arrays.files) == ["columns", "intercept", "weights"]
        assert all(arrays[name].dtype != object for name in arrays.files)
    with zipfile.ZipFile(WEIGHTS) as archive:
        assert sorted(archive.namelist()) == ["columns.npy", "intercept.npy", "weights.npy"]


def test_card_names_the_weights_hash_and_the_training_data() -> None:
    card = json.loads(CARD.read_text("utf-8"))
    assert card["weights_sha256"] == hashlib.sha256(WEIGHTS.read_bytes()).hexdigest()
    assert len(card["training"]["data_sha256"]) == 64
    assert card["training"]["command"] == "python -m crosswire.events.train"
    assert card["features_version"] == FEATURES_VERSION


def test_shipped_model_loads_with_its_classes() -> None:
    model = event_model()
    assert model.classes[0] == NONE or NONE in model.classes
    assert len(model.classes) == 17  # none and the 16 PLOVER types
    assert model.weights.shape[1] == len(model.classes)


def _copies(tmp_path: Path) -> tuple[Path, Path]:
    card, weights = tmp_path / CARD.name, tmp_path / WEIGHTS.name
    card.write_text(CARD.read_text("utf-8"), encoding="utf-8")
    weights.write_bytes(WEIGHTS.read_bytes())
    return card, weights


def test_altered_weights_are_refused(tmp_path: Path) -> None:
    card, weights = _copies(tmp_path)
    with np.load(WEIGHTS, allow_pickle=False) as arrays:
        changed = {name: arrays[name] for name in arrays.files}
    changed["intercept"] = changed["intercept"] + 1.0
    weights.write_bytes(npz_bytes(changed))
    with pytest.raises(ModelError, match="SHA-256"):
        read_model(card, weights)


def test_a_model_for_other_features_is_refused(tmp_path: Path) -> None:
    card, weights = _copies(tmp_path)
    described = json.loads(card.read_text("utf-8"))
    card.write_text(json.dumps({**described, "features_version": "0"}), encoding="utf-8")
    with pytest.raises(ModelError, match="retrain"):
        read_model(card, weights)


def test_npz_bytes_are_the_same_for_the_same_arrays() -> None:
    arrays = {"a": np.arange(5, dtype=np.int32), "b": np.ones((2, 3), dtype=np.float32)}
    first, second = npz_bytes(arrays), npz_bytes(dict(arrays))
    assert first == second
    with np.load(io.BytesIO(first), allow_pickle=False) as loaded:
        assert loaded["b"].shape == (2, 3)


def test_a_type_with_its_own_cut_is_added_by_that_cut() -> None:
    model = event_model()
    tuned = _with_type_cuts(model, {"ACCUSE": 0.3})
    row = np.zeros(len(model.classes))
    row[model.classes.index(NONE)] = 0.6
    for event_type in ("ACCUSE", "ASSAULT"):
        row[model.classes.index(event_type)] = 0.4
        expected = event_type if event_type == "ACCUSE" else None
        assert tuned.verdict(row, None) == expected  # 0.4: over ACCUSE's cut, under 0.5
        row[model.classes.index(event_type)] = 0.0


def test_a_type_the_other_event_types_together_outweigh_is_not_added() -> None:
    # "opened" in "opened fire" / "opened an inquiry": labelled both ways, no event to add
    model = event_model()
    tuned = _with_type_cuts(model, {"ASSAULT": 0.2})
    row = np.zeros(len(model.classes))
    row[model.classes.index(NONE)] = 0.05
    row[model.classes.index("ASSAULT")] = 0.45
    row[model.classes.index("ACCUSE")] = 0.3
    row[model.classes.index("COERCE")] = 0.2
    assert tuned.verdict(row, None) is None  # 0.45 over its cut, under 0.3 + 0.2
    row[model.classes.index(NONE)] = 0.15
    row[model.classes.index("ACCUSE")] = 0.4
    row[model.classes.index("COERCE")] = 0.0
    assert tuned.verdict(row, None) == "ASSAULT"  # likelier than the others together


def _with_type_cuts(model: EventModel, cuts: dict[str, float]) -> EventModel:
    """`model` adding at 0.5, and at `cuts` for the types they name."""
    limits = model.card.thresholds.model_copy(update={"add": 0.5, "add_by_type": cuts})
    card = model.card.model_copy(update={"thresholds": limits})
    return EventModel(card, model.slots, model.weights, model.intercept)
