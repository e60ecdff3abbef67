"""The export contract's dates (README, "Export format"): whatever a store holds, every
exporter writes an event's and a story's dates as ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or
null, never a partial TIMEX value such as "13" (a century) or "2019-SU" (a season)."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from tests.export.conftest import analysis, article, events, story

from crosswire.export import FORMATS, export
from crosswire.model import ValueSupport
from crosswire.store import Store, open_store

CONTRACT = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
# What older code may have stored, and what the contract makes of it
STORED = {"ev1": "2019-05-31T10:00", "ev2": "2019-SU", "ev3": "13"}
EXPECTED = {"ev1": "2019-05-31", "ev2": "2019", "ev3": None}
NOT_IN_CONTRACT = ("2019-SU", "T10:00", "2019-W10")


@pytest.fixture
def stored(tmp_path: Path):
    store = open_store(tmp_path / "dates.db")
    with store.transaction():
        for article_id in ("a1", "a2"):
            store.add_article(article(article_id, f"https://wire.example/{article_id}"),
                              analysis(article_id))  # fmt: skip
            store.update_article(next(store.articles([article_id])), "s1")
        partial = events()
        for event in partial:
            event.date, event.date_from = STORED[event.id], "text"
        told = story()
        told.first_date, told.last_date = "2019-W10", "13"
        told.timeline[0].date = "2019-SU"
        told.contradictions[0].values = [ValueSupport("2019-SU", ["a1"]),
                                          ValueSupport("13", ["a2"])]  # fmt: skip
        store.replace_story(told, partial)
    yield store
    store.close()


def dates_in_rows(events: list[dict], stories: list[dict]) -> dict[str, object]:
    """Every date field of the event and story rows (nested fields as written)."""
    found: dict[str, object] = {f"event {e['id']}": e["date"] for e in events}
    for s in stories:
        found |= {"first_date": s["first_date"], "last_date": s["last_date"]}
        found |= {f"timeline {i}": t["date"] for i, t in enumerate(s["timeline"])}
        found |= {
            f"contradiction {i}": v["value"]
            for c in s["contradictions"] if c["field"] == "date"
            for i, v in enumerate(c["values"])
        }  # fmt: skip
    return found


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def read_csv(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def exported_dates(fmt: str, files: dict[str, Path]) -> dict[str, object]:
    """The date fields each format wrote, read back with that format's reader."""
    if fmt == "jsonl":
        return dates_in_rows(read_jsonl(files["events"]), read_jsonl(files["stories"]))
    if fmt == "csv":
        stories = [
            {**s, **{k: json.loads(s[k]) for k in ("timeline", "contradictions")}}
            for s in read_csv(files["stories"])
        ]
        return dates_in_rows(read_csv(files["events"]), stories)
    if fmt == "parquet":
        tables = {name: pq.read_table(files[name]).to_pylist() for name in ("events", "stories")}
        return dates_in_rows(tables["events"], tables["stories"])
    if fmt == "gdelt":
        rows = read_csv(files["gdelt_events"], delimiter="\t")
        return {f"event {r['GlobalEventID']}": r["Date"] for r in rows}
    return {}  # the actor graphs carry no dates


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_exporter_writes_dates_in_the_contract_only(
    stored: Store, fmt: str, tmp_path: Path
) -> None:
    files = export(stored, fmt, tmp_path / fmt)
    for path in files.values():
        if path.name != "times.jsonl" and path.suffix != ".parquet":  # times keep TIMEX3
            text = path.read_text("utf-8")
            assert not any(bad in text for bad in NOT_IN_CONTRACT), (path.name, text[:300])
    found = exported_dates(fmt, files)
    for field, value in found.items():
        assert value in (None, "") or CONTRACT.fullmatch(str(value)), (fmt, field, value)
    for event_id, date in EXPECTED.items():
        if f"event {event_id}" in found:
            assert (found[f"event {event_id}"] or None) == date, (fmt, event_id)


def test_an_event_whose_date_fixes_nothing_has_no_date_source(
    stored: Store, tmp_path: Path
) -> None:
    rows = {e["id"]: e for e in read_jsonl(export(stored, "jsonl", tmp_path)["events"])}
    assert (rows["ev3"]["date"], rows["ev3"]["date_from"]) == (None, None)
    assert (rows["ev2"]["date"], rows["ev2"]["date_from"]) == ("2019", "text")


def test_gdelt_date_columns_follow_the_contract(stored: Store, tmp_path: Path) -> None:
    rows = read_csv(export(stored, "gdelt", tmp_path)["gdelt_events"], delimiter="\t")
    by_id = {r["GlobalEventID"]: (r["Day"], r["MonthYear"], r["Year"]) for r in rows}
    assert by_id == {"ev1": ("20190531", "201905", "2019"), "ev2": ("", "", "2019"),
                     "ev3": ("", "", "")}  # fmt: skip
