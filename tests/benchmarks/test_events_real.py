"""The real-news event benchmark's run: figures per split and the results file."""

from __future__ import annotations

import json
from pathlib import Path

from crosswire.model import EventMention
from events_real import figures_by_split, write
from events_real_scoring import Case, Found

TEXT = "Police arrested two men. The weather was mild."


def case(split: str, disputed: bool) -> Case:
    arrest = EventMention("a", "COERCE", 7, 15, 0, 24, trigger="arrested")
    return Case(f"ecb:a:{split}{disputed}", "a", "ecb", split, "out", (0, 24),
                coded=(arrest,), disputed=disputed)  # fmt: skip


def test_disputed_sentences_are_left_out_of_the_test_figures_only():
    cases = [case("train", True), case("dev", False), case("test", True), case("test", False)]
    figures = figures_by_split(cases, {"a": Found(TEXT)})
    assert figures["test"]["disputed_left_out"] == 1 and figures["test"]["sentences"] == 1
    assert figures["train"]["disputed_left_out"] == 0 and figures["train"]["sentences"] == 1
    assert figures["train+dev"]["sentences"] == 2
    assert figures["train+dev"]["false_events"]["not_in_scope"]["per_100"] == 100.0


def test_the_first_tier_figures_leave_the_second_tiers_newswire_out():
    first = case("train", False)
    second = Case("te3:w:0-24", "w", "te3", "train", "out", (0, 24))
    figures = figures_by_split([first, second], {"a": Found(TEXT), "w": Found(TEXT)})
    assert figures["train"]["sentences"] == 2
    assert figures["train (first tier)"]["sentences"] == 1


def test_a_run_is_written_beside_the_runs_already_in_the_file(tmp_path: Path):
    path = tmp_path / "events_real.json"
    write("before", {"code_version": "aaa"}, path)
    write("latest", {"code_version": "bbb"}, path)
    write("latest", {"code_version": "ccc"}, path)
    runs = json.loads(path.read_text("utf-8"))["runs"]
    assert runs == {"before": {"code_version": "aaa"}, "latest": {"code_version": "ccc"}}
