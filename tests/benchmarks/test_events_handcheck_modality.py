"""The hand check's modality comparison (benchmarks/events_handcheck_modality.py) on tiny
made-up rows: which value counts as right for each judged event, and how it is compared."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from crosswire.model import EventMention, Modality
from events_handcheck_modality import agrees, expected


def row(event_id: str, modality: str, right: bool | None) -> dict[str, Any]:
    verdict = None if right is None else {"modality_right": right}
    coded = {"modality": modality, "negated": False}
    return {"id": event_id, "coded": coded, "verdict": verdict}


def event(modality: Modality, negated: bool = False) -> EventMention:
    return EventMention(
        article_id="ecb:x", type="ASSAULT", start=0, end=5, sentence_start=0,
        sentence_end=20, modality=modality, negated=negated,
    )  # fmt: skip


def test_the_judged_value_is_the_coded_one_where_right_the_correction_where_wrong(
    tmp_path: Path,
) -> None:
    corrections = tmp_path / "corrections.jsonl"
    fixed = {"id": "b", "modality": "reported", "negated": False}
    corrections.write_text(json.dumps(fixed) + "\n", encoding="utf-8")
    rows = [row("a", "planned", True), row("b", "asserted", False), row("c", "asserted", None)]
    right = expected(rows, corrections)
    assert right == {"a": {"modality": "planned", "negated": False}, "b": fixed}


def test_a_correction_can_say_what_it_is_not_and_leave_the_negation_open() -> None:
    assert agrees({"modality": "not asserted", "negated": None}, event("planned", True))
    assert not agrees({"modality": "not asserted", "negated": None}, event("asserted"))
    assert agrees({"modality": "hypothetical", "negated": None}, event("hypothetical", True))
    assert not agrees({"modality": "hypothetical", "negated": False}, event("hypothetical", True))
