"""Every actor and event participant carries its PLOVER sector in the exports."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from crosswire.export import export
from crosswire.export.tabular import export_parquet


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_events_jsonl_actors_carry_their_sector(store, tmp_path: Path) -> None:
    export(store, "jsonl", tmp_path)
    events = {e["id"]: e for e in _jsonl(tmp_path / "events.jsonl")}
    consult = events["ev1"]
    assert (consult["source"]["country"], consult["source"]["sector"]) == ("RUS", "GOV")
    assert consult["target"]["sector"] == "GOV"
    assert [p["sector"] for p in consult["participants"]] == ["GOV", "GOV"]
    entities = {e["name"]: e for e in _jsonl(tmp_path / "entities.jsonl")}
    assert entities["Sergei Lavrov"]["sector"] == "GOV"


def test_parquet_actor_struct_has_a_sector_field(store, tmp_path: Path) -> None:
    table = pq.read_table(export_parquet(store, tmp_path)["events"])
    source = table.schema.field("source").type
    assert pa.types.is_struct(source) and source.get_field_index("sector") >= 0
    assert table.column("source").to_pylist()[0]["sector"] == "GOV"
