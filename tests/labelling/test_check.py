"""check.py: errors a labeller must see, and the counts."""

from __future__ import annotations

import pytest
from tests.labelling.conftest import TEXTS, World, event, sentence_row, write_shared
from tools.labelling.check import check


def complete_batch(world: World, labeller: str = "anna") -> list[dict]:
    return [
        {"article": "ecb:1_1ecb", "labeller": labeller, "scope": "in"},
        sentence_row(world, "1_1ecb", 0, labeller, scope="in", events=[event()]),
        sentence_row(world, "1_1ecb", 1, labeller, scope="in"),
    ]


def run(world: World, complete: bool = True):
    return check([world.labels], complete=complete, pool_dir=world.pool, shared=world.shared)


def test_a_correct_batch_passes_with_counts(world: World):
    world.write("anna", "b01", complete_batch(world))
    report = run(world)
    assert report.errors == [] and report.warnings == []
    assert report.counts["sentences"] == 2 and report.counts["events"] == 1
    assert report.counts["type ASSAULT"] == 1 and report.counts["scope in"] == 2


def test_pool_batch_and_labeller_mismatches_are_errors(world: World):
    rows = complete_batch(world)
    rows[1]["sha"] = "ffffffffff"
    rows[2]["labeller"] = "bert"
    rows.append(sentence_row(world, "2_1ecbplus", 0, "anna"))  # a sentence of batch x01
    rows.append(rows[0])  # the article line twice
    world.write("anna", "b01", rows)
    errors = "\n".join(run(world).errors)
    assert "differs from the pool's" in errors
    assert "labeller 'bert' in folder 'anna'" in errors
    assert "is not in this batch" in errors
    assert "labelled twice" in errors


def test_spans_outside_the_sentence_and_bad_lines_are_errors(world: World):
    rows = complete_batch(world)
    rows[1]["events"] = [event(trigger=[30, 45])]  # the sentence has 40 characters
    world.write("anna", "b01", [*rows, {"id": "nonsense"}])
    (world.labels / "anna" / "b01.jsonl").open("a").write("{not json\n")
    errors = "\n".join(run(world).errors)
    assert "trigger [30, 45] outside the sentence (length 40)" in errors
    assert errors.count("b01.jsonl:") >= 3


def test_a_span_cutting_a_word_is_a_warning(world: World):
    rows = complete_batch(world)
    rows[1]["events"] = [event(trigger=[8, 15])]
    world.write("anna", "b01", rows)
    report = run(world)
    assert report.errors == [] and "cuts a word" in report.warnings[0]


def test_unlabelled_lines_are_errors_only_when_complete_is_asked(world: World):
    world.write("anna", "b01", complete_batch(world)[:2])
    assert any("1 of 3 lines" in w for w in run(world, complete=False).warnings)
    assert any("1 of 3 lines" in e for e in run(world, complete=True).errors)


def test_unknown_batches_are_errors(world: World):
    world.write("anna", "b99", complete_batch(world))
    assert "no batch 'b99'" in run(world).errors[0]


def test_a_changed_text_in_shared_is_drift(world: World, tmp_path):
    world.write("anna", "b01", complete_batch(world))
    changed = tmp_path / "changed-shared"
    write_shared(changed, {**TEXTS, "1_1ecb": TEXTS["1_1ecb"].replace("Monday", "Sunday")})
    report = check([world.labels], pool_dir=world.pool, shared=changed)
    assert any("changed (drift)" in e for e in report.errors)


@pytest.mark.slow
def test_the_committed_labels_pass_the_check(shared):
    """Every label file in the repository is valid against the stored pool and ../shared."""
    from tools.labelling.batches import LABELS_DIR

    report = check([LABELS_DIR], complete=True, shared=shared)
    assert report.errors == []
    assert report.counts["sentences"] >= 40
