"""JSONL: one ``NAME.jsonl`` per table, one JSON object per line (the README's contract)."""

from __future__ import annotations

import json
from pathlib import Path

from crosswire.export.rows import TABLES
from crosswire.store import Store


def export_jsonl(store: Store, out_dir: str | Path) -> dict[str, Path]:
    """Write one ``NAME.jsonl`` per table into `out_dir`; returns the files written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, rows in TABLES.items():
        path = out / f"{name}.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for row in rows(store):
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        written[name] = path
    return written
