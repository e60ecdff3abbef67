"""The shipped scope model: plain arrays loaded without pickle, the weights its metadata
declares (version, hash, training date and data hash), and a model whose file was changed
or whose version this code does not read is refused."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from crosswire.scope.model import ARRAYS, NAME, VERSION, load_model, models_dir, weights_digest


def test_the_weights_load_without_pickle_and_match_their_declared_hash() -> None:
    meta = json.loads((models_dir() / f"{NAME}.json").read_text(encoding="utf-8"))
    with np.load(models_dir() / f"{NAME}.npz", allow_pickle=False) as stored:
        arrays = {name: stored[name] for name in ARRAYS}
        assert sorted(stored.files) == sorted(ARRAYS)
    assert all(a.dtype.kind in "if" for a in arrays.values())  # numbers, no objects
    assert meta["version"] == VERSION
    assert weights_digest(arrays) == meta["weights_sha256"]
    assert len(meta["training_data_sha1"]) == 40 and meta["trained"][:2] == "20"
    assert meta["command"] == "python -m crosswire.scope.train"


def test_the_loaded_model_is_the_declared_one() -> None:
    model = load_model()
    assert model.n_features == model.meta.n_features == model.words.coef.size
    assert model.full.embedding.size == 512
    assert model.document.weight.size == 512 + 1  # the lead's embedding and the mean
    assert 0 < model.full_decision.threshold < 1 and 0 < model.words_decision.mix <= 1
    assert model.words_for(1).mix == model.full_for(1).mix == 1.0  # a page of one sentence
    assert model.full_for(2) is model.full_decision
    assert load_model() is model  # read once per process


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "models"
    folder.mkdir()
    for suffix in (".npz", ".json"):
        shutil.copy(models_dir() / f"{NAME}{suffix}", folder / f"{NAME}{suffix}")
    return folder


def test_changed_weights_are_refused(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    with np.load(folder / f"{NAME}.npz", allow_pickle=False) as stored:
        arrays = {name: stored[name] for name in ARRAYS}
    arrays["words_weight"] = arrays["words_weight"] * np.float32(2)
    np.savez_compressed(folder / f"{NAME}.npz", **arrays)
    with pytest.raises(ValueError, match="does not hold the weights"):
        load_model(folder)


def test_another_version_is_refused(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    meta = json.loads((folder / f"{NAME}.json").read_text(encoding="utf-8"))
    meta["version"] = VERSION + 1
    (folder / f"{NAME}.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ValueError, match="version"):
        load_model(folder)
