"""The hand-checked events' dates, re-dated by the current code (issue 19, dates).

The hand checks (``benchmarks/events_handcheck2.jsonl`` to ``events_handcheck7.jsonl``) judged
each sampled event's date against its article (``docs/labelling/handcheck-guideline.md``).
This script re-runs crosswire on the sampled articles exactly as the sample was drawn
(`events_real.run_crosswire`), finds each sampled event again by its trigger offsets, and
compares its date now with the right date:

- where the judge found the coded date ``right``, that date;
- where the judge found it ``wrong``, the date the judge's note gives, copied into
  ``benchmarks/events_handcheck_dates.jsonl`` (id, date, the note it comes from; events
  whose note gives no date are left out);
- ``not_judgeable`` events are left out.

Figures per file: how many events have a right date, how many of them crosswire still codes
at the same trigger, and of those how many dates were right at sampling and are right now.
This is a dev figure: the dating rules were revised while looking at these events. The
right dates of hand checks 4 to 7's wrongly dated events were written (stop 36) from the
judges' notes and the articles by a labeller who did not run crosswire; an event sampled
in two files has one correction.

    python benchmarks/events_handcheck_dates.py [--run NAME]
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

sys.path.append(str(Path(__file__).resolve().parent))
sys.path.append(str(Path(__file__).resolve().parents[1]))

from common import ROOT
from events_handcheck import read_rows

FILES = [ROOT / "benchmarks" / f"events_handcheck{n}.jsonl" for n in range(2, 8)]
CORRECTIONS = ROOT / "benchmarks" / "events_handcheck_dates.jsonl"
RESULT = ROOT / "benchmarks" / "results" / "events_handcheck_dates.json"
UNKNOWN = object()  # no right date known for the event


def right_date(row: dict[str, Any], corrections: dict[str, str | None]) -> object:
    """The event's right date as the judge gave it, or `UNKNOWN`."""
    verdict = (row.get("verdict") or {}).get("date")
    if verdict == "right":
        return row["coded"]["date"]
    if verdict == "wrong" and row["id"] in corrections:
        return corrections[row["id"]]
    return UNKNOWN


def read_corrections(path: Path = CORRECTIONS) -> dict[str, str | None]:
    """The right dates of the events judged wrong, by event id."""
    return {r["id"]: r["date"] for r in map(json.loads, path.read_text("utf-8").splitlines())}


def rescore(
    rows: list[dict[str, Any]],
    now: dict[tuple[str, int, int], Any],
    corrections: dict[str, str | None],
) -> dict[str, Any]:
    """The figures of one file: `now` maps (article, start, end) to the date coded now."""
    judged = [(r, right_date(r, corrections)) for r in rows]
    known = [(r, d) for r, d in judged if d is not UNKNOWN]
    found = [(r, d) for r, d in known if (r["article"], *r["trigger"]) in now]
    changed = [
        {
            "id": r["id"],
            "right": d,
            "before": r["coded"]["date"],
            "now": now[(r["article"], *r["trigger"])],
        }
        for r, d in found
        if r["coded"]["date"] != now[(r["article"], *r["trigger"])]
    ]
    before = sum(r["coded"]["date"] == d for r, d in found)
    after = sum(now[(r["article"], *r["trigger"])] == d for r, d in found)
    return {
        "events_with_a_right_date": len(known),
        "still_coded": len(found),
        "date_right_before": _rate(before, len(found)),
        "date_right_now": _rate(after, len(found)),
        "changed": changed,
    }


def _rate(n: int, of: int) -> dict[str, Any]:
    return {"rate": round(n / of, 3) if of else None, "n": n, "of": of}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--run", default="latest")
    args = parser.parse_args()
    from events_real import code_version, run_crosswire  # imported here: loads spaCy

    samples = {path.name: read_rows(path)[1] for path in FILES}
    keys = sorted({r["article"] for rows in samples.values() for r in rows})
    _, coded = run_crosswire(keys)
    now = {(e.article_id, e.start, e.end): e.date for events in coded.values() for e in events}
    corrections = read_corrections()
    run = {
        "date": date.today().isoformat(),
        "code_version": code_version(),
        "files": {name: rescore(rows, now, corrections) for name, rows in samples.items()},
    }
    previous = json.loads(RESULT.read_text("utf-8")) if RESULT.exists() else {}
    result = {
        "benchmark": "events_handcheck_dates",
        "definitions": "benchmarks/events_handcheck_dates.py (docstring); a dev figure",
        "runs": {**previous.get("runs", {}), args.run: run},
    }
    RESULT.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    for name, figures in run["files"].items():
        print(name, {k: v for k, v in figures.items() if k != "changed"})
        for change in figures["changed"]:
            print("  ", change)


if __name__ == "__main__":
    main()
