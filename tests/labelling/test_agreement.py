"""Agreement figures on doubly labelled sentences written for the test."""

from __future__ import annotations

from tests.labelling.conftest import World, event, sentence_row
from tools.labelling.agreement import agreement, kappa


def test_kappa_is_one_for_identical_and_none_when_undefined():
    assert kappa(["in", "out", "in"], ["in", "out", "in"])["kappa"] == 1.0
    assert kappa(["in", "in"], ["in", "in"]) == {"n": 2, "kappa": None, "agreement": 1.0}
    assert kappa([], []) == {"n": 0, "kappa": None, "agreement": None}
    assert kappa(["in", "out"], ["out", "in"])["kappa"] == -1.0


def test_agreement_over_the_overlap(world: World):
    # anna and bert label the two sentences of x01, and disagree on the second
    ids = world.sentence_ids("2_1ecbplus")
    praise = event(type="SUPPORT", trigger=[10, 17], source=[0, 9], target=[18, 32],
                   time=None, date=None, date_from=None)  # fmt: skip
    world.write("anna", "x01", [
        sentence_row(world, "2_1ecbplus", 0, "anna", scope="in", events=[praise]),
        sentence_row(world, "2_1ecbplus", 1, "anna", scope="out"),
    ])  # fmt: skip
    world.write("bert", "x01", [
        sentence_row(world, "2_1ecbplus", 0, "bert", scope="in",
                     events=[{**praise, "target": None, "target_note": "unstated"}]),
        sentence_row(world, "2_1ecbplus", 1, "bert", scope="in"),
    ])  # fmt: skip
    world.write("adjudication", "x01", [sentence_row(world, "2_1ecbplus", 1, "adjudication")])
    result = agreement(world.labels)
    assert result["sentences"] == len(ids) == 2
    assert result["labeller_pairs"] == ["anna+bert"]
    assert result["scope"]["agreement"] == 0.5
    assert result["has_event"]["kappa"] == 1.0
    assert result["type_where_both_saw_an_event"]["n"] == 1
    assert result["events"]["f1_type_and_trigger"] == 1.0
    assert result["events"]["on_matched"]["source"] == 1.0
    assert result["events"]["on_matched"]["target"] == 0.0
