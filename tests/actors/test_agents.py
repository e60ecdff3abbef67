"""Agent nouns: the Phoenix agents dictionary compiled (tools/build_agents.py) and read
(crosswire.actors.agents), and the one-table-per-word rule between crosswire's tables."""

from __future__ import annotations

from pathlib import Path

import pytest
from tools import build_agents

from crosswire.actors import agents
from crosswire.datafiles import data_file, load_tsv_file
from crosswire.events.data import agents as event_agents

SOURCE = """\
# a comment line
!PERSON! = MAN, MEN, WOMAN
POLICE {} [~COP]
POLICE!PERSON!  [~COP]
FARMER [~AGR]
ARMY {ARMIES} [~MIL]
CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]
MILITIA [~REB] # after a record
PRESS_AGENCY [~MED]
MUSLIM_MILITANT [~REBMUS]
PEACEKEEPING_TROOPS {} [IGO~]
BROKEN RECORD
FARMER [~GOV]
"""


def _rows() -> dict[str, build_agents.Row]:
    rows, _ = build_agents.parse(SOURCE.splitlines())
    return {r.phrase: r for r in rows}


def test_build_expands_substitution_sets_and_plurals() -> None:
    rows = _rows()
    assert {"policeman", "policemen", "policewoman"} <= set(rows)
    assert "police" in rows and "polices" not in rows  # {} says: no plural
    assert rows["farmers"].plural and rows["farmers"].codes == "AGR"
    assert "armies" in rows and "armys" not in rows  # the plural given
    assert rows["chambers of commerce"].codes == "BUS"
    assert rows["militias"].line == 8  # regular plural implied; comment dropped


def test_build_keeps_placement_and_the_first_record_of_a_phrase() -> None:
    rows, notes = build_agents.parse(SOURCE.splitlines())
    table = {r.phrase: r for r in rows}
    assert table["peacekeeping troops"].placement == "before"
    assert table["farmer"].codes == "AGR"
    assert any("'farmer' kept as in line 5" in n for n in notes)
    assert any("not an agent record: 'BROKEN RECORD'" in n for n in notes)


def test_regular_plurals() -> None:
    assert build_agents.regular_plural("militia") == "militias"
    assert build_agents.regular_plural("secretary") == "secretaries"
    assert build_agents.regular_plural("boss") == "bosses"
    assert build_agents.regular_plural("police chief") == "police chiefs"
    assert build_agents.regular_plural("attorney") == "attorneys"


def test_unknown_substitution_set_is_an_error() -> None:
    with pytest.raises(ValueError, match="!NOPE!"):
        build_agents.parse(["FARM!NOPE! [~AGR]"])


def test_written_table_loads_as_typed_rows(tmp_path: Path) -> None:
    rows, _ = build_agents.parse(SOURCE.splitlines())
    target = tmp_path / "agents.tsv"
    build_agents.write(rows, target)
    loaded = load_tsv_file(target, agents.AgentRow)
    assert {r.phrase for r in loaded} == {r.phrase for r in rows}


def test_sector_is_plover_and_skips_qualifiers() -> None:
    muslim = agents.AgentNoun("muslim militant", ("REB", "MUS"), "after")
    religion = agents.AgentNoun("muslim", ("MUS",), "after")
    press = agents.AgentNoun("press agency", ("MED",), "after")  # CAMEO MED: the media
    clinic = agents.AgentNoun("clinic", ("HLH",), "after")
    peacekeepers = agents.AgentNoun("peacekeeping troops", ("IGO",), "before")
    assert muslim.sector == "REB" and religion.sector is None
    assert press.sector == "JRN" and clinic.sector == "MED"
    assert peacekeepers.sector is None


def test_shipped_table_longest_phrase_wins() -> None:
    assert agents.agent_sector(["egyptian", "riot", "police"]) == ("riot police", "COP")
    assert agents.agent_sector(["soldiers"]) == ("soldiers", "MIL")
    assert agents.agent_sector(["rebel", "leader"]) == ("rebel leader", "REB")
    assert agents.agent_sector(["table"]) is None


def test_crosswire_agent_nouns_only_add_to_or_correct_the_phoenix_table() -> None:
    """One source of truth per word: data/events/agents.yaml holds no word the Phoenix
    table already gives the same sector."""
    table = agents.agent_nouns()
    repeated = [
        word
        for word, sector in event_agents().agents.items()
        if word in table and table[word].sector == sector
    ]
    assert repeated == []


def test_shipped_table_is_built_from_the_shipped_dictionary(tmp_path: Path) -> None:
    if not build_agents.SOURCE.exists():
        pytest.skip(f"Phoenix dictionary not found: {build_agents.SOURCE}")
    rows, _ = build_agents.parse(build_agents.SOURCE.read_text(encoding="utf-8").splitlines())
    target = tmp_path / "agents.tsv"
    build_agents.write(rows, target)
    shipped = Path(str(data_file("actors/agents.tsv"))).read_text(encoding="utf-8")
    assert target.read_text(encoding="utf-8") == shipped


def test_a_munition_the_agent_table_lists_is_no_agent() -> None:
    assert agents.agent_of(["cruise", "missile"]) is None
    assert agents.agent_of(["riot", "police"]) is not None
