"""Exports of a store: JSONL (the README's public contract), CSV, Parquet, a GDELT-style
event table, and the actor graph as GraphML/GEXF.

`export(store, fmt, out_dir)` writes one format; every tabular format is written from the
row generators of `crosswire.export.rows`. Formats needing pyarrow or networkx import them
only when used, so the CLI starts fast.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from crosswire.export.jsonl import export_jsonl
from crosswire.export.rows import (
    TABLES,
    TABULAR_TABLES,
    Row,
    actor_json,
    article_rows,
    entity_rows,
    event_json,
    event_mention_rows,
    event_rows,
    mention_json,
    place_json,
    quote_rows,
    story_rows,
    time_rows,
)
from crosswire.store import Store

Writer = Callable[[Store, str | Path], dict[str, Path]]

__all__ = [
    "FORMATS", "TABLES", "TABULAR_TABLES", "Row", "actor_json", "article_rows", "entity_rows",
    "event_json", "event_mention_rows", "event_rows", "export", "export_jsonl",
    "mention_json", "place_json", "quote_rows", "story_rows", "time_rows",
]  # fmt: skip


def _csv(store: Store, out_dir: str | Path) -> dict[str, Path]:
    from crosswire.export.tabular import export_csv

    return export_csv(store, out_dir)


def _parquet(store: Store, out_dir: str | Path) -> dict[str, Path]:
    from crosswire.export.tabular import export_parquet

    return export_parquet(store, out_dir)


def _gdelt(store: Store, out_dir: str | Path) -> dict[str, Path]:
    from crosswire.export.gdelt import export_gdelt

    return export_gdelt(store, out_dir)


def _graphml(store: Store, out_dir: str | Path) -> dict[str, Path]:
    from crosswire.export.graphs import export_graphml

    return export_graphml(store, out_dir)


def _gexf(store: Store, out_dir: str | Path) -> dict[str, Path]:
    from crosswire.export.graphs import export_gexf

    return export_gexf(store, out_dir)


FORMATS: dict[str, Writer] = {
    "jsonl": export_jsonl,
    "csv": _csv,
    "parquet": _parquet,
    "gdelt": _gdelt,
    "graphml": _graphml,
    "gexf": _gexf,
}


def export(store: Store, fmt: str, out_dir: str | Path) -> dict[str, Path]:
    """Write `store` in format `fmt` (a key of `FORMATS`) into `out_dir`; returns the files."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return FORMATS[fmt](store, out_dir)
