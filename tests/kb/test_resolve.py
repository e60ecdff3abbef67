"""Date-aware resolution, on a small KB written for the test and on the shipped one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from crosswire.kb.base import KnowledgeBase, knowledge_base
from crosswire.kb.resolve import resolve
from crosswire.kb.user import read_user_file

ACTORS = """\
actors:
  - name: Jane Roe
    aliases: [Governor Roe]
    roles:
      - {country: USA, sector: GOV, from: 2019-01-07, to: 2023-01-02, title: chancellor}
      - {country: USA, sector: ELI}
  - name: Max Mustermann
    roles:
      - {country: DEU, sector: GOV, from: 2023-01-03, title: chancellor}
  - name: Carlos Roe
    aliases: [Jane Roe]
    roles: [{country: MEX, sector: BUS, from: 2015-01-01}]
  - name: Party of Order
    type: organisation
    aliases: [PRO]
    roles: [{country: PER, sector: PTY}]
"""


@pytest.fixture
def kb(tmp_path: Path) -> KnowledgeBase:
    path = tmp_path / "actors.yaml"
    path.write_text(ACTORS, encoding="utf-8")
    return KnowledgeBase(read_user_file(path))


def test_role_on_the_day(kb: KnowledgeBase) -> None:
    # Jane Roe is also an alias of Carlos Roe: the story's countries choose
    in_office = resolve("Governor Roe", on=date(2020, 5, 1), kb=kb)
    assert (in_office.country, in_office.sector) == ("USA", "GOV")
    later = resolve("Governor Roe", on=date(2024, 5, 1), kb=kb)
    assert (later.country, later.sector) == ("USA", "ELI")
    assert any("default" in line for line in later.why)


def test_ambiguous_name_uses_context_or_says_so(kb: KnowledgeBase) -> None:
    alone = resolve("Jane Roe", on=date(2020, 5, 1), kb=kb)
    assert alone.ambiguous and alone.entry is None
    assert {c.name for c in alone.candidates} == {"Jane Roe", "Carlos Roe"}
    with_mexico = resolve("Jane Roe", on=date(2020, 5, 1), context=["Mexico"], kb=kb)
    assert not with_mexico.ambiguous and with_mexico.country == "MEX"


def test_office_title_resolves_to_the_holder_on_the_day(kb: KnowledgeBase) -> None:
    holder = resolve("the German chancellor", on=date(2024, 1, 1), kb=kb)
    assert holder.entry is not None and holder.entry.name == "Max Mustermann"
    before = resolve("the German chancellor", on=date(2020, 1, 1), kb=kb)
    assert before.entry is None


def test_acronym_is_the_party_not_the_country(kb: KnowledgeBase) -> None:
    found = resolve("PRO", kb=kb)
    assert (found.country, found.sector) == ("PER", "PTY")


shipped = pytest.mark.skipif(
    not knowledge_base().rows, reason="the compiled KB is absent: python -m crosswire.kb.build"
)


@shipped
def test_shipped_clinton_then_and_now() -> None:
    then = resolve("Bill Clinton", on=date(2000, 6, 1))
    now = resolve("Bill Clinton", on=date(2018, 1, 1))
    assert (then.country, then.sector) == ("USA", "GOV")
    assert (now.country, now.sector) == ("USA", "ELI")
    assert then.entry == now.entry


@shipped
def test_shipped_offices_and_acronyms() -> None:
    assert resolve("Russia's foreign minister", on=date(2010, 1, 1)).entry is not None
    pri = resolve("PRI")
    assert pri.country == "MEX" and pri.sector == "PTY"
    assert knowledge_base().meta["version"].startswith("1+")


@shipped
def test_shipped_leaders_between_the_dictionaries_and_today() -> None:
    """The additions' presidency of 2017 ends Obama's open Phoenix role; the offices between
    2015 and today are held by the additions' holders."""
    assert (resolve("Barack Obama", on=date(2015, 5, 1)).sector) == "GOV"
    after = resolve("Barack Obama", on=date(2022, 5, 1))
    assert (after.country, after.sector) == ("USA", "ELI")
    chancellor = resolve("the German chancellor", on=date(2023, 1, 1))
    assert chancellor.entry is not None and chancellor.entry.name == "Olaf Scholz"
    merkel = resolve("Angela Merkel", on=date(2023, 1, 1))
    assert (merkel.country, merkel.sector) == ("DEU", "ELI")
    likud = resolve("Likud", on=date(2020, 1, 1))
    assert (likud.country, likud.sector) == ("ISR", "PTY")


@shipped
def test_an_added_open_office_supersedes_the_dictionaries_open_role() -> None:
    # Phoenix lists Lavrov's government role from 2004 with no office and no end; the
    # additions name it foreign minister: the office finds him after the dictionaries end
    minister = resolve("Russia's foreign minister", on=date(2020, 1, 1))
    assert minister.entry is not None and minister.entry.name == "Sergey Lavrov"
    assert resolve("Sergei Lavrov", on=date(1999, 1, 1)).sector == "GOV"  # the older role
