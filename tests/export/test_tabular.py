"""CSV and Parquet read back (csv module, pyarrow) hold what the JSONL rows hold."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from crosswire.export import TABULAR_TABLES
from crosswire.export.schema import columns
from crosswire.export.tabular import export_csv, export_parquet, write_csv, write_parquet


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def as_csv(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def test_every_table_becomes_a_csv_file_with_the_same_rows(store, tmp_path: Path) -> None:
    written = export_csv(store, tmp_path)
    assert set(written) == set(TABULAR_TABLES)
    for name, rows in TABULAR_TABLES.items():
        expected = list(rows(store))
        got = read_csv(written[name])
        assert len(got) == len(expected), name
        for row, back in zip(expected, got, strict=True):
            assert back == {k: as_csv(v) for k, v in row.items()}, name


def test_csv_nested_fields_are_json_and_flags_are_words(store, tmp_path: Path) -> None:
    events = {r["id"]: r for r in read_csv(export_csv(store, tmp_path)["events"])}
    assert json.loads(events["ev1"]["source"])["name"] == "Sergei Lavrov"
    assert [p["country"] for p in json.loads(events["ev1"]["participants"])] == ["RUS", "PRK"]
    assert events["ev2"]["negated"] == "true" and events["ev3"]["cameo"] == ""
    mentions = read_csv(export_csv(store, tmp_path)["event_mentions"])
    assert sorted(m["event_id"] for m in mentions) == ["ev1", "ev1", "ev2"]


def test_parquet_round_trips_nested_rows_exactly(store, tmp_path: Path) -> None:
    written = export_parquet(store, tmp_path)
    assert set(written) == set(TABULAR_TABLES)
    for name, rows in TABULAR_TABLES.items():
        assert pq.read_table(written[name]).to_pylist() == list(rows(store)), name


def test_parquet_columns_have_real_types(store, tmp_path: Path) -> None:
    schema = pq.read_schema(export_parquet(store, tmp_path)["events"])
    assert schema.field("n_sources").type == pa.int64()
    assert schema.field("negated").type == pa.bool_()
    participants = schema.field("participants").type
    assert pa.types.is_list(participants) and pa.types.is_struct(participants.value_type)


def test_empty_store_still_writes_headers_and_schemas(empty_store, tmp_path: Path) -> None:
    csv_files, parquet_files = (
        export_csv(empty_store, tmp_path),
        export_parquet(empty_store, tmp_path),
    )
    header = (tmp_path / "events.csv").read_text(encoding="utf-8").splitlines()
    assert header == [",".join(columns("events"))]
    table = pq.read_table(parquet_files["events"])
    assert table.num_rows == 0 and table.schema.names == columns("events")
    assert set(csv_files) == set(parquet_files)


def test_fields_not_in_the_schema_travel_as_json_text(tmp_path: Path) -> None:
    rows = [{"article_id": "a1", "text": "Monday", "start": 0, "end": 6, "type": "DATE",
             "value": "2018-05-28", "extra": {"why": "a field added later"}}]  # fmt: skip
    write_parquet(tmp_path / "t.parquet", "times", iter([dict(r) for r in rows]))
    [back] = pq.read_table(tmp_path / "t.parquet").to_pylist()
    assert json.loads(back["extra"]) == {"why": "a field added later"}
    write_csv(tmp_path / "t.csv", "times", iter(rows))
    [back_csv] = read_csv(tmp_path / "t.csv")
    assert json.loads(back_csv["extra"]) == {"why": "a field added later"}
