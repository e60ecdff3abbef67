"""The GDELT-style event table: one row per event, GDELT column names, actors and codes."""

from __future__ import annotations

import csv
from pathlib import Path

from crosswire.export.gdelt import COLUMNS, export_gdelt


def read(store, tmp_path: Path) -> dict[str, dict[str, str]]:
    path = export_gdelt(store, tmp_path)["gdelt_events"]
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        assert reader.fieldnames == COLUMNS
        return {row["GlobalEventID"]: row for row in reader}


def test_one_row_per_event_with_actors_codes_and_sources(store, tmp_path: Path) -> None:
    rows = read(store, tmp_path)
    assert set(rows) == {"ev1", "ev2", "ev3"}
    consult = rows["ev1"]
    assert (consult["Actor1Name"], consult["Actor1CountryCode"], consult["Actor1Type1Code"]) == (
        "Sergei Lavrov", "RUS", "GOV",
    )  # fmt: skip
    assert (consult["Actor2Name"], consult["Actor2CountryCode"]) == ("Kim Jong Un", "PRK")
    assert (consult["Actor1Code"], consult["Actor2Code"]) == ("RUSGOV", "PRKGOV")
    assert (consult["EventCode"], consult["EventBaseCode"], consult["EventRootCode"]) == (
        "042",
        "042",
        "04",
    )
    assert (consult["QuadClass"], consult["PloverType"], consult["PloverMode"]) == (
        "1",
        "CONSULT",
        "visit",
    )
    assert (consult["Day"], consult["MonthYear"], consult["Year"]) == ("20180531", "201805", "2018")
    assert (consult["ActionGeo_FullName"], consult["ActionGeo_CountryCode"]) == ("Pyongyang", "PRK")
    assert (consult["NumSources"], consult["NumArticles"], consult["NumMentions"]) == (
        "2",
        "2",
        "2",
    )
    assert consult["SourceURLs"] == "https://wire.example/lavrov;a2.txt"  # path when no URL


def test_partial_dates_conflict_quads_and_missing_roles(store, tmp_path: Path) -> None:
    rows = read(store, tmp_path)
    accuse, lone = rows["ev2"], rows["ev3"]
    assert (accuse["Day"], accuse["MonthYear"], accuse["Date"]) == ("", "201806", "2018-06")
    assert (accuse["QuadClass"], accuse["Negated"], accuse["Modality"]) == ("3", "true", "reported")
    assert lone["Actor1Name"] == "Kim Jong Un" and lone["Actor2Name"] == ""  # participant fills in
    assert (lone["EventCode"], lone["Year"], lone["QuadClass"]) == ("", "", "4")


def test_empty_store_writes_only_the_header(empty_store, tmp_path: Path) -> None:
    assert read(empty_store, tmp_path) == {}
