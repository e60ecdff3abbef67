"""The modality of the hand-checked events, recoded by the current code (issue 19, part 6).

A hand check (``benchmarks/events_handcheck*.jsonl``, see `events_handcheck.py`) judged
each sampled event's modality and negation together (``modality_right``). This script
runs crosswire again on the sampled articles exactly as the sample was drawn
(`events_real.run_crosswire`), finds each judged event again by its trigger's offsets
(whatever its type now), and compares its (modality, negated) with the judged value:

- where the judge found it right, the value coded then;
- where the judge found it wrong, the value of a corrections file
  (``events_handcheckN.modality.jsonl``: per event id ``modality`` and ``negated``, written
  from the judge's note; ``"not X"`` where the note says only what it is not, and
  ``negated: null`` where the note does not rule on the negation).

It counts the wrong ones now right (fixed), the right ones now wrong (broken), and the
events no longer coded at that trigger. The judged events were looked at while fixing the
rules: these are development figures, not held-out ones.

    python benchmarks/events_handcheck_modality.py [--file benchmarks/events_handcheck3.jsonl]

Figures go to ``benchmarks/results/events_handcheck_modality.json`` under the sample's name
and ``--run`` (default ``latest``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.append(str(Path(__file__).resolve().parent))
sys.path.append(str(Path(__file__).resolve().parents[1]))

from common import ROOT
from crosswire.model import EventMention
from events_handcheck import read_rows

RESULT = ROOT / "benchmarks" / "results" / "events_handcheck_modality.json"
# (judged right then, right now) -> what is counted
OUTCOMES = {
    (True, True): "right_kept",
    (True, False): "right_broken",
    (False, True): "wrong_fixed",
    (False, False): "wrong_still_wrong",
}


def expected(rows: list[dict[str, Any]], corrections: Path) -> dict[str, dict[str, Any]]:
    """Each judged event's right (modality, negated), by id."""
    fixed = {c["id"]: c for c in map(json.loads, corrections.read_text("utf-8").splitlines()) if c}
    right: dict[str, dict[str, Any]] = {}
    for row in rows:
        verdict = row.get("verdict")
        if not verdict:
            continue
        if verdict["modality_right"]:
            right[row["id"]] = {k: row["coded"][k] for k in ("modality", "negated")}
        elif row["id"] in fixed:
            right[row["id"]] = fixed[row["id"]]
    return right


def agrees(want: dict[str, Any], event: EventMention) -> bool:
    modality = str(want["modality"])
    if modality.startswith("not "):
        return event.modality != modality.removeprefix("not ")
    return event.modality == modality and want["negated"] in (None, event.negated)


def compare(rows: list[dict[str, Any]], right: dict[str, dict[str, Any]]) -> dict[str, Any]:
    from events_real import run_crosswire  # imported here: loads spaCy

    keys = sorted({r["article"] for r in rows if r["id"] in right})
    _, coded = run_crosswire(keys)
    at = {(e.article_id, e.start, e.end): e for events in coded.values() for e in events}
    counts: Counter[str] = Counter()
    changed = []
    for row in rows:
        if row["id"] not in right:
            continue
        was = row["verdict"]["modality_right"]
        event = at.get((row["article"], *row["trigger"]))
        if event is None:
            counts["right_now_uncoded" if was else "wrong_now_uncoded"] += 1
            continue
        now = agrees(right[row["id"]], event)
        counts[OUTCOMES[was, now]] += 1
        if was != now:
            changed.append({"id": row["id"], "now": [event.modality, event.negated]})
    return {"judged": len(right), **dict(sorted(counts.items())), "changed": changed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--file", type=Path, default=ROOT / "benchmarks/events_handcheck3.jsonl")
    parser.add_argument("--run", default="latest")
    args = parser.parse_args()
    corrections = args.file.with_suffix(".modality.jsonl")
    _, rows = read_rows(args.file)
    figures = compare(rows, expected(rows, corrections))
    previous = json.loads(RESULT.read_text("utf-8")) if RESULT.exists() else {}
    runs = previous.get("runs", {})
    runs.setdefault(args.file.stem, {})[args.run] = figures
    RESULT.write_text(
        json.dumps({"benchmark": "events_handcheck_modality", "runs": runs}, indent=1) + "\n",
        encoding="utf-8",
    )
    print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
