"""The loader: texts, context, splits, refusals and the merge rule."""

from __future__ import annotations

from tests.labelling.conftest import TEXTS, World, event, sentence_row, write_shared
from tools.labelling.loader import load, merge
from tools.labelling.schema import SentenceLabel


def label(world: World, labeller: str, **fields) -> SentenceLabel:
    return SentenceLabel.model_validate(sentence_row(world, "1_1ecb", 0, labeller, **fields))


def test_sentences_come_with_text_context_split_and_labels(world: World):
    world.write("anna", "b01", [sentence_row(world, "1_1ecb", 0, "anna", scope="in",
                                              events=[event()])])  # fmt: skip
    data = load(world.labels, world.shared, world.pool)
    [item] = data.sentences
    assert item.text == "Rebels attacked a border post on Monday."
    assert item.context == tuple(TEXTS["1_1ecb"].split("\n")) and item.index == 0
    assert item.split == "train" and item.published == "2024-05-06"
    assert item.merged.events[0].type == "ASSAULT" and not item.disputed
    assert load(world.labels, world.shared, world.pool, splits=["test"]).sentences == []


def test_hash_mismatches_and_drift_are_refused(world: World, tmp_path):
    stale = sentence_row(world, "1_1ecb", 0, "anna", sha="ffffffffff")
    world.write("anna", "b01", [stale, sentence_row(world, "1_1ecb", 1, "anna")])
    data = load(world.labels, world.shared, world.pool)
    assert [s.index for s in data.sentences] == [1]
    assert data.refused == [(stale["id"], "hash mismatch (anna)")]
    changed = tmp_path / "changed"
    write_shared(changed, {**TEXTS, "1_1ecb": TEXTS["1_1ecb"].replace("army", "navy")})
    data = load(world.labels, changed, world.pool)
    assert [reason for _, reason in data.refused] == [
        "hash mismatch (anna)", "the text in ../shared changed (drift)"
    ]  # fmt: skip


def test_merge_rule(world: World):
    anna = label(world, "anna", scope="in", events=[event()])
    bert = label(world, "bert", scope="in", events=[event(source=[0, 7], trigger=[7, 20])])
    carl = label(world, "carl", scope="in", events=[event(type="COERCE", mode="seize")])
    judge = label(world, "adjudication", scope="out")
    assert merge([bert, anna]) == (anna, False)  # overlapping spans agree
    assert merge([carl, anna]) == (anna, True)  # another type: disputed
    assert merge([carl, anna, judge]) == (judge, False)
    assert merge([label(world, "dora", scope="in"), anna]) == (anna, True)
