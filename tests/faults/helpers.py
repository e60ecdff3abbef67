"""What the fault tests share: a corpus with several stories and bad files, the `crosswire
run` command line, and the store compared through its public export."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.conftest import write_corpus

from crosswire.export import export_jsonl
from crosswire.store import open_store

TOWNS = ["Bergen", "Tromsø", "Lyon", "Porto", "Gdańsk", "Graz", "Turku", "Cork"]


def write_fault_corpus(folder: Path) -> Path:
    """Three related and unrelated articles, eight local news items in two formats, a
    duplicate and two bad files: 14 records, so a batch size of 2 gives many transactions."""
    write_corpus(folder)
    for i, town in enumerate(TOWNS[:5]):
        (folder / f"bridge{i}.txt").write_text(
            f"Bridge plan for {town}\n\n{1 + i}.04.2023\n\nCity officials in {town} announced"
            f" a plan for {i + 2} new bridges on Tuesday, the mayor said. The council will vote"
            " on the money next month.\n",
            encoding="utf-8",
        )
    rows = [
        {
            "text": f"Police in {town} arrested {i + 3} people after clashes at a football match"
            f" on Saturday, a spokesman said.",
            "published": f"2023-05-0{i + 1}",
        }
        for i, town in enumerate(TOWNS[5:])
    ]
    lines = [json.dumps(row, ensure_ascii=False) for row in rows]
    lines.insert(1, "{not json")
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "copy-of-flood.txt").write_text((folder / "flood.txt").read_text())
    (folder / "empty.txt").write_bytes(b"")
    return folder


def run_command(corpus: Path, db: Path, *extra: str, command: str = "run") -> list[str]:
    """`crosswire run` (or `batch`, with its options in `extra`) in small batches."""
    return [
        sys.executable, "-m", "crosswire.cli", command, str(corpus), "--db", str(db),
        "--batch-size", "2", "--quiet", *extra,
    ]  # fmt: skip


def environment() -> dict[str, str]:
    return {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONHASHSEED": "0"}


def run(
    corpus: Path, db: Path, *extra: str, command: str = "run"
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        run_command(corpus, db, *extra, command=command),
        env=environment(),
        capture_output=True,
        text=True,
        timeout=600,
    )


def exported(db: Path, out: Path) -> dict[str, list[dict]]:
    """Every exported table, row by row: the store's whole public content."""
    store = open_store(db)
    try:
        files = export_jsonl(store, out)
    finally:
        store.close()
    return {
        name: [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        for name, path in files.items()
    }


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as con:
        return con.execute("PRAGMA integrity_check").fetchone()[0]


def count(db: Path, table: str) -> int:
    with sqlite3.connect(db, timeout=5) as con:
        return con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
