"""Write spans as words while labelling, store them as offsets.

    python tools/labelling/spans.py labels/events/NAME/b03.jsonl

In a label file, an event's ``trigger``, ``source``, ``target`` and ``time`` may be written
as the words themselves (``"accused"``, or ``"the police#2"`` for their second occurrence in
the sentence); this command replaces each by its ``[start, end]`` offsets in the sentence,
in place, so that no text stays in the repository. Lines it cannot resolve are reported
and left as they are (check.py then fails on them).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tools.labelling.texts import sentence_text, shared_dir

SPAN_FIELDS = ("trigger", "source", "target", "time")


def find_span(sentence: str, words: str) -> tuple[int, int]:
    """Offsets of ``words`` (``words#n``: the n-th occurrence) in the sentence."""
    counted = _has_count(words) and words not in sentence  # "Room #3" is words, not a count
    wanted, _, nth = words.rpartition("#") if counted else (words, "", "1")
    start = -1
    for _ in range(int(nth)):
        start = sentence.find(wanted, start + 1)
        if start < 0:
            raise ValueError(f"{wanted!r} (occurrence {nth}) is not in the sentence")
    return start, start + len(wanted)


def _has_count(words: str) -> bool:
    head, sep, tail = words.rpartition("#")
    return bool(sep and head and not head[-1].isspace() and tail.isdigit())


def resolve_row(row: dict[str, Any], sentence: str) -> dict[str, Any]:
    for event in row.get("events") or []:
        for name in SPAN_FIELDS:
            if isinstance(event.get(name), str):
                event[name] = list(find_span(sentence, event[name]))
    return row


def resolve_file(path: Path, shared: Path) -> list[str]:
    """Resolve a file in place; the problems found, one per line."""
    problems: list[str] = []
    rows: list[str] = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if "id" in row:
                row = resolve_row(row, sentence_text(shared, row["id"]))
            rows.append(json.dumps(row, ensure_ascii=False))
        except (ValueError, KeyError) as exc:
            problems.append(f"{path}:{number}: {exc}")
            rows.append(line)
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return problems


def main(argv: list[str]) -> int:
    problems = [p for name in argv for p in resolve_file(Path(name), shared_dir())]
    print("\n".join(problems) or f"resolved {len(argv)} file(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
