"""CSV and Parquet: one file per table (the JSONL tables plus `event_mentions`).

CSV cells: empty for null, ``true``/``false`` for booleans, JSON text for lists and
objects. Parquet keeps the types of `crosswire.export.schema` (nested structs and lists).
Both are written from the same row generators as JSONL, a batch of rows at a time.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from itertools import chain, islice
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from crosswire.export.rows import TABULAR_TABLES, Row
from crosswire.export.schema import SCHEMAS, TEXT
from crosswire.store import Store

BATCH_ROWS = 5_000  # rows per Parquet row group: bounds memory on large stores


def export_csv(store: Store, out_dir: str | Path) -> dict[str, Path]:
    """Write one ``NAME.csv`` per table into `out_dir`; returns the files written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, rows in TABULAR_TABLES.items():
        written[name] = write_csv(out / f"{name}.csv", name, rows(store))
    return written


def write_csv(path: Path, table: str, rows: Iterator[Row]) -> Path:
    first, rows = _peek(rows)
    fields = _columns(table, first)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(fields)
        for row in rows:
            writer.writerow([csv_cell(row.get(f)) for f in fields])
    return path


def csv_cell(value: Any) -> object:
    """A row's value as a CSV cell: empty for None, JSON for lists and dicts, the value
    itself (written by `csv` as its ``str``) otherwise."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value


def export_parquet(store: Store, out_dir: str | Path) -> dict[str, Path]:
    """Write one ``NAME.parquet`` per table into `out_dir`; returns the files written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, rows in TABULAR_TABLES.items():
        written[name] = write_parquet(out / f"{name}.parquet", name, rows(store))
    return written


def write_parquet(path: Path, table: str, rows: Iterator[Row]) -> Path:
    first, rows = _peek(rows)
    schema = SCHEMAS[table]
    extra = [f for f in _columns(table, first) if f not in schema.names]
    for name in extra:  # undeclared fields travel as JSON text
        schema = schema.append(pa.field(name, TEXT))
    with pq.ParquetWriter(path, schema) as writer:
        while batch := list(islice(rows, BATCH_ROWS)):
            for row in batch:
                for name in extra:
                    row[name] = None if row.get(name) is None else json.dumps(row[name])
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    return path


def _peek(rows: Iterator[Row]) -> tuple[Row | None, Iterator[Row]]:
    first = next(rows, None)
    return first, (rows if first is None else chain([first], rows))


def _columns(table: str, first: Row | None) -> list[str]:
    """Declared columns, then any the rows carry beyond them (in row order)."""
    declared = list(SCHEMAS[table].names)
    return declared + [k for k in (first or {}) if k not in declared]
