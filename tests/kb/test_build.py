"""The build: Phoenix records become typed entries with title variants, and the shipped file
is what the build makes from the sources (same bytes)."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from crosswire.kb import build
from crosswire.kb.model import entry_from_row

COUNTRIES = """\
ARMENIA_
+YEREVAN_
\t[ARM >911221]
ZORBLAT_QUENTHAR_  # CountryInfo.txt
+PRESIDENT_ZORBLAT_QUENTHAR
+QUENTHAR
\t[ARMGOV 980204-080409]
\t[ARMELI]
"""
INTERNATIONAL = "EXAMPLE_RELIEF_FUND_ [NGOHLH]\n"
MILNONSTATE = "IRON_VALLEY_FRONT_(IVF)_ [MEAREB] #  kkl\n"


def _sources(folder: Path) -> None:
    folder.mkdir()
    (folder / "Phoenix.Countries.actors.txt").write_text(COUNTRIES, encoding="utf-8")
    (folder / "Phoenix.International.actors.txt").write_text(INTERNATIONAL, encoding="utf-8")
    (folder / "Phoenix.MilNonState.actors.txt").write_text(MILNONSTATE, encoding="utf-8")
    (folder / "LICENSE").write_text("MIT licence text\n", encoding="utf-8")


def test_build_types_aliases_and_codes(tmp_path: Path) -> None:
    _sources(tmp_path / "phoenix")
    meta = build.build(tmp_path / "phoenix", tmp_path / "out")
    payload = json.loads(gzip.decompress((tmp_path / "out" / build.OUTPUT).read_bytes()))
    entries = {e.name: e for e in map(entry_from_row, payload["rows"])}
    assert entries["Armenia"].type == "country"
    person = entries["Zorblat Quenthar"]
    assert person.type == "person" and person.id == "phx:zorblat_quenthar"
    assert "president" in person.titles and "President Quenthar" in person.aliases
    assert "Quenthar" in person.aliases  # one word no other person of the KB bears
    fund = entries["Example Relief Fund"]
    assert (fund.type, fund.roles[0].country, fund.roles[0].sectors) == (
        "organisation",
        "NGO",
        ("MED",),  # CAMEO's HLH (health) is PLOVER's MED; NGO, its kind, is its code
    )
    front = entries["Iron Valley Front"]
    assert front.type == "group" and "IVF" in front.aliases
    assert front.roles[0].country is None  # CAMEO's "MEA" region is no country
    assert (tmp_path / "out" / "LICENSE-phoenix.txt").read_text() == "MIT licence text\n"
    assert str(meta["version"]).startswith("1+")
    # the Factbook's nationality forms travel in the file, loaded with the KB
    assert payload["demonyms"]["Chadian"] == "TCD"
    assert meta["demonym_forms"] == len(payload["demonyms"])


@pytest.mark.skipif(not build.DEFAULT_PHOENIX.is_dir(), reason="../shared/kb is absent")
def test_shipped_kb_is_what_the_build_makes(tmp_path: Path) -> None:
    build.build(build.DEFAULT_PHOENIX, tmp_path)
    shipped = build.DATA / build.OUTPUT
    assert (tmp_path / build.OUTPUT).read_bytes() == shipped.read_bytes(), (
        "rebuild the KB: python -m crosswire.kb.build"
    )


FORMER_CHANCELLOR = """\
ZORBLAT_QUENTHAR_
+CHANCELLOR_QUENTHAR
\t[DEUGOV >051122]
"""


def _additions(folder: Path, monkeypatch: pytest.MonkeyPatch, text: str = "actors: []\n") -> None:
    """crosswire's additions for one test (the shipped file names real successors)."""
    path = folder / "additions.yaml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(build, "ADDITIONS", path)


def test_factbook_holders_start_on_the_day_they_took_office_and_end_predecessors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The shipped Factbook snapshot says "Chancellor Friedrich MERZ (since 6 May 2025)":
    his role starts then, and a person named "Chancellor ..." whose dictionary role never
    ended held it until that day (no addition names a chancellor in between)."""
    _sources(tmp_path / "phoenix")
    _additions(tmp_path, monkeypatch)
    (tmp_path / "phoenix" / "Phoenix.Countries.actors.txt").write_text(
        FORMER_CHANCELLOR, encoding="utf-8"
    )
    build.build(tmp_path / "phoenix", tmp_path / "out")
    payload = json.loads(gzip.decompress((tmp_path / "out" / build.OUTPUT).read_bytes()))
    entries = {e.name: e for e in map(entry_from_row, payload["rows"])}
    merz = entries["Friedrich Merz"].roles[0]
    assert (merz.country, merz.title, merz.start) == ("DEU", "chancellor", date(2025, 5, 6))
    former = entries["Zorblat Quenthar"].roles[0]
    assert (former.start, former.end) == (date(2005, 11, 22), date(2025, 5, 6))
    # a current holder keeps their open role: the president is no chancellor's predecessor
    steinmeier = entries["Frank Walter Steinmeier"].roles[0]
    assert steinmeier.end is None and steinmeier.start == date(2017, 3, 19)


def test_the_version_changes_with_the_build_logic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same sources read by other build code make another KB: the version says so."""
    _sources(tmp_path / "phoenix")
    logic = tmp_path / "phoenix_reader.py"
    logic.write_text("SECTOR_FIRST = 'kind'\n", encoding="utf-8")
    monkeypatch.setattr(build, "BUILD_LOGIC", (*build.BUILD_LOGIC, logic))
    before = build.source_hash(tmp_path / "phoenix")
    logic.write_text("SECTOR_FIRST = 'function'\n", encoding="utf-8")
    assert build.source_hash(tmp_path / "phoenix") != before
    assert {p.name for p in build.BUILD_LOGIC} >= {"build.py", "phoenix.py", "sectors.yaml"}


def test_a_one_word_alias_is_kept_for_the_one_person_the_dictionary_lists_it_for(
    tmp_path: Path,
) -> None:
    """ "QUENTHAR" listed for Zorblat Quenthar names him, though a minister of another
    country bears the surname; a word listed for two persons names neither."""
    folder = tmp_path / "phoenix"
    _sources(folder)
    extra = (
        "MIRVO_QUENTHAR_\n\t[GEOGOV 990101-000101]\n"
        "ALDA_VRESK_\n+VRESKO\n\t[ARMGOV 990101-000101]\n"
        "TOMAS_VRESK_\n+VRESKO\n\t[ARMGOV 010101-020101]\n"
    )
    path = folder / "Phoenix.Countries.actors.txt"
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    build.build(folder, tmp_path / "out")
    payload = json.loads(gzip.decompress((tmp_path / "out" / build.OUTPUT).read_bytes()))
    entries = {e.name: e for e in map(entry_from_row, payload["rows"])}
    assert "Quenthar" in entries["Zorblat Quenthar"].aliases
    assert payload["index"]["quenthar"] == [
        i for i, row in enumerate(payload["rows"]) if row[1] == "Zorblat Quenthar"
    ]
    assert "vresko" not in payload["index"]


OPEN_PRESIDENT = """\
ZORBLAT_QUENTHAR_
+PRESIDENT_ZORBLAT_QUENTHAR
\t[ARMGOV >080409]
\t[ARMELI]
MIRVA_TELLAND_
+PRESIDENT_MIRVA_TELLAND
\t[ARMGOV >120301]
"""
SUCCESSORS = """\
actors:
  - name: Ostrel Vonn
    roles: [{country: ARM, sector: GOV, from: 2013-05-02, to: 2014-01-01, title: president}]
  - name: Mirva Telland
    aliases: [Madam Telland]
    roles: [{country: ARM, sector: GOV, from: 2012-03-01, to: 2012-09-30, title: president}]
  - name: Zorblat Quenthar
    roles: [{country: NOR, sector: BUS}]
"""


def _built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list:
    _sources(tmp_path / "phoenix")
    (tmp_path / "phoenix" / "Phoenix.Countries.actors.txt").write_text(
        OPEN_PRESIDENT, encoding="utf-8"
    )
    _additions(tmp_path, monkeypatch, SUCCESSORS)
    build.build(tmp_path / "phoenix", tmp_path / "out")
    payload = json.loads(gzip.decompress((tmp_path / "out" / build.OUTPUT).read_bytes()))
    return list(map(entry_from_row, payload["rows"]))


def test_an_added_successor_ends_an_open_dictionary_role(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Obama's Phoenix role has no end: Trump's added presidency from 2017 ends it, before
    the Factbook's current holder would (years later); of several successors, the first."""
    entries = _built(tmp_path, monkeypatch)
    quenthar = next(e for e in entries if e.id == "phx:zorblat_quenthar")
    government = next(r for r in quenthar.roles if r.sector == "GOV")
    assert (government.start, government.end) == (date(2008, 4, 9), date(2012, 3, 1))


def test_an_added_person_of_the_same_country_joins_their_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Telland is listed once, with the added dates in place of the dictionary's open role
    and the added alias; a namesake of another country is another entry."""
    entries = _built(tmp_path, monkeypatch)
    telland = [e for e in entries if e.name == "Mirva Telland"]
    assert len(telland) == 1 and "Madam Telland" in telland[0].aliases
    ends = sorted((r.start, r.end) for r in telland[0].roles if r.sector == "GOV")
    # the open dictionary role, ended by the added one, says nothing more: dropped
    assert ends == [(date(2012, 3, 1), date(2012, 9, 30))]
    namesakes = [e for e in entries if e.name == "Zorblat Quenthar"]
    assert sorted(e.source for e in namesakes) == ["crosswire", "phoenix"]
