"""Shared fixtures: small corpora written for the tests, and the shared data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

MEETING_WIRE = """Foreign ministers meet in Oslo

Meridian Wire (14 March 2023)

Norwegian Foreign Minister Anniken Huitfeldt met her Finnish counterpart Pekka Haavisto in Oslo on Monday, the Norwegian foreign ministry said.

The two ministers held talks on Arctic cooperation and energy security, the ministry said in a statement.

Haavisto invited Huitfeldt to visit Helsinki later this year.
"""

MEETING_LOCAL = """Nordic ministers hold talks in Oslo

14.03.2023

Finland's foreign minister Pekka Haavisto travelled to Oslo on Monday for talks with Anniken Huitfeldt, Norway's foreign minister.

"We share the same sea and the same concerns," Haavisto told reporters after the meeting.

Huitfeldt said the talks had been useful.
"""

FLOOD = """Floods force thousands from homes in Bangladesh

Harbour Courier (2 July 2022)

Heavy monsoon rains flooded large parts of northeastern Bangladesh on Friday, forcing thousands of families to leave their homes.

Officials in Sylhet said rescue teams were distributing food and drinking water to shelters across the region.
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "wire.txt").write_text(MEETING_WIRE, encoding="utf-8")
    (folder / "local.txt").write_text(MEETING_LOCAL, encoding="utf-8")
    (folder / "flood.txt").write_text(FLOOD, encoding="utf-8")
    return folder


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus")


@pytest.fixture
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip(f"shared data folder not found at {SHARED} (only CI and developers have it)")
    return SHARED
