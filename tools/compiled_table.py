"""What the tools that compile third-party knowledge into crosswire's data files share:
reading the one source folder they are given, writing a table with its licence beside it."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path


def source_folder(argv: list[str] | None, usage: str | None) -> Path:
    """The one folder the command line names; the tool's usage where it names none."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        raise SystemExit(usage)
    return Path(args[0])


def write_table(target: Path, header: str, rows: Iterable[Sequence[object]], notice: str) -> int:
    """`rows` tab-separated under `header` into `target`, `notice` into the ``.LICENSE``
    file beside it; the number of rows written."""
    lines = ["\t".join(map(str, row)) + "\n" for row in rows]
    target.write_text(header + "".join(lines), encoding="utf-8")
    target.with_suffix(".LICENSE").write_text(notice, encoding="utf-8")
    return len(lines)
