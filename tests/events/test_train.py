"""Choosing the decision's setting on dev: the simplest model within one standard error of
the best, and a cut of its own for a well-attested type."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from crosswire.events.features import HASH_WIDTH, hashed
from crosswire.events.model import NONE, EventModel, ModelCard, Thresholds
from crosswire.events.train import PER_TYPE_MIN, Tried, _simplest, per_type, scores
from crosswire.events.train_data import Corpus
from crosswire.events.training import Example

CLASSES = ("ACCUSE", "ASSAULT", NONE)
# What the model gives each word: ACCUSE at 0.35 for "charge" (under the global cut of 0.5)
PROBABILITIES = {"l=charge": (0.35, 0.01, 0.64), "l=kill": (0.01, 0.35, 0.64)}


def _model() -> EventModel:
    names = sorted(PROBABILITIES)
    columns = hashed([[name] for name in names]).indices
    slots = np.full(HASH_WIDTH, -1, dtype=np.int32)
    slots[columns] = np.arange(len(columns), dtype=np.int32)
    weights = np.log(np.array([PROBABILITIES[n] for n in names], dtype=np.float32))
    limits = Thresholds(keep=0.3, add=0.5, retype=2.0, evidence=20)
    card = ModelCard(name="t", features_version="t", hash_width=HASH_WIDTH, classes=CLASSES,
                     thresholds=limits, labelled={}, weights_sha256="", training={})  # fmt: skip
    return EventModel(card, slots, weights, np.zeros(len(CLASSES), dtype=np.float32))


def _examples(word: str, label: str, n: int) -> list[Example]:
    return [Example([f"l={word}", "r=none", "p=VERB"], label, f"a:{i}") for i in range(n)]


def test_a_type_with_enough_dev_events_gets_its_own_cut_where_it_helps() -> None:
    corpus = Corpus(Path("."))
    corpus.dev = (
        _examples("charge", "ACCUSE", PER_TYPE_MIN)  # well attested: 0.35 is worth adding
        + _examples("charge", NONE, 2)
        + _examples("kill", "ASSAULT", PER_TYPE_MIN - 1)  # too few for a cut of its own
    )
    model, setting = per_type(_model(), {}, corpus)
    cuts = model.card.thresholds.add_by_type
    assert set(cuts) == {"ACCUSE"} and cuts["ACCUSE"] <= 0.35
    assert setting["dev"]["recall"] > 0 and setting["add_by_type"] == cuts


def test_a_cut_that_adds_more_wrong_than_right_events_is_not_taken() -> None:
    corpus = Corpus(Path("."))
    corpus.dev = _examples("charge", "ACCUSE", PER_TYPE_MIN) + _examples(
        "charge", NONE, 4 * PER_TYPE_MIN
    )
    right = _examples("kill", "ASSAULT", 1)
    corpus.dev += [Example(["l=kill", "r=ASSAULT", "p=VERB"], "ASSAULT", "b:0") for _ in right]
    model, _ = per_type(_model(), {}, corpus)
    assert model.card.thresholds.add_by_type == {}


def test_a_decided_event_the_coder_cannot_make_counts_as_none() -> None:
    corpus = Corpus(Path("."))
    corpus.dev = _examples("charge", "ACCUSE", PER_TYPE_MIN)
    model, _ = per_type(_model(), {}, corpus)
    assert scores(model, corpus.dev)["coded"] == PER_TYPE_MIN
    unbuilt = [dataclasses.replace(e, builds=frozenset({"ASSAULT"})) for e in corpus.dev]
    assert scores(model, unbuilt)["coded"] == 0


def _tried(c: float, f05: float, missed: int = 0, keep: float = 0.15, add: float = 0.7) -> Tried:
    setting = {"C": c, "keep": keep, "add": add, "dev": {"f0.5": f05, "labelled": 140},
               "patterns_missed": missed}  # fmt: skip
    return ((-missed, f05, 0.7), _model(), setting)


def test_a_stronger_regularisation_within_one_standard_error_is_preferred() -> None:
    # one standard error of an F0.5 near 0.7 on 140 events is about 0.04
    chosen = _simplest([_tried(1.0, 0.69), _tried(0.3, 0.67), _tried(0.3, 0.60)])
    assert {t[2]["C"] for t in chosen} == {0.3} and len(chosen) == 2


def test_a_weaker_regularisation_that_is_clearly_better_is_kept() -> None:
    chosen = _simplest([_tried(1.0, 0.75), _tried(0.3, 0.60)])
    assert [t[2]["C"] for t in chosen] == [1.0]


def test_settings_that_veto_pattern_examples_are_not_weighed() -> None:
    chosen = _simplest([_tried(0.3, 0.80, missed=2), _tried(1.0, 0.60)])
    assert [t[2]["C"] for t in chosen] == [1.0]


@pytest.mark.parametrize(
    ("threshold", "bold", "cautious", "bold_f05", "chosen"),
    [
        ("keep", 0.3, 0.15, 0.72, 0.15),  # the weakest veto within one standard error
        ("keep", 0.3, 0.15, 0.78, 0.3),  # a stronger veto that is clearly better
        ("add", 0.5, 0.7, 0.72, 0.7),  # the most cautious addition within one error
        ("add", 0.5, 0.7, 0.78, 0.5),  # a bolder addition that is clearly better
    ],
)
def test_a_bolder_threshold_must_clearly_pay(
    threshold: str, bold: float, cautious: float, bold_f05: float, chosen: float
) -> None:
    tried = [
        _tried(0.3, bold_f05, **{threshold: bold}),
        _tried(0.3, 0.70, **{threshold: cautious}),
    ]
    assert [t[2][threshold] for t in _simplest(tried)] == [chosen]
