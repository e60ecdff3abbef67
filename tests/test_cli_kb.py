"""``crosswire actor`` and ``--kb``: how a name resolves and why, an analyst's file first,
a bad file refused before any work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from crosswire.cli import main
from crosswire.kb.base import ENV

BEAT = """\
actors:
  - name: Zorblat Quenthar
    aliases: [Minister Quenthar]
    roles:
      - {country: NOR, sector: MIL, from: 2020-01-01, to: 2022-12-31, title: defence minister}
      - {country: NOR, sector: ELI}
"""


@pytest.fixture(autouse=True)
def no_kb_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV, raising=False)  # --kb sets it for worker processes


def test_actor_with_an_analyst_file(tmp_path: Path) -> None:
    beat = tmp_path / "beat.yaml"
    beat.write_text(BEAT, encoding="utf-8")
    runner = CliRunner()
    args = ["actor", "Minister Quenthar", "--kb", str(beat), "--json"]
    during = json.loads(runner.invoke(main, [*args, "--date", "2021-06-01"]).output)
    after = json.loads(runner.invoke(main, [*args, "--date", "2024-06-01"]).output)
    assert (during["country"], during["sector"]) == ("NOR", "MIL")
    assert (after["country"], after["sector"]) == ("NOR", "ELI")
    assert during["id"] == "user:zorblat_quenthar" and during["why"]
    assert after["kb"]["files"] == [str(beat)]


def test_actor_text_says_why(tmp_path: Path) -> None:
    beat = tmp_path / "beat.yaml"
    beat.write_text(BEAT, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["actor", "Zorblat Quenthar", "--kb", str(beat), "--date", "2021-06-01"]
    )
    assert result.exit_code == 0, result.output
    assert "NOR MIL" in result.output and "why:" in result.output


def test_bad_kb_file_and_bad_date_are_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - name: X\n    roles: [{country: usa}]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["actor", "X", "--kb", str(bad)])
    assert result.exit_code == 2 and "bad.yaml" in result.output
    result = CliRunner().invoke(main, ["run", "nowhere", "--kb", str(tmp_path / "missing.yaml")])
    assert result.exit_code == 2 and "missing.yaml" in result.output
    result = CliRunner().invoke(main, ["actor", "X", "--date", "2021-13-01"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_unknown_name_is_not_found() -> None:
    result = CliRunner().invoke(main, ["actor", "Nobody Atall Ofthisname", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["id"] is None


def test_serve_refuses_a_bad_kb_file_before_serving(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors: []\nextra: 1\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "x.db"), "--kb", str(bad)])
    assert result.exit_code == 2 and "bad.yaml" in result.output


TRADE = """Clinton signs trade pact with Vietnam

HANOI, Nov. 17, 2000 - William Jefferson Clinton signed a trade agreement with Vietnam on
Friday, officials in Hanoi said.
"""
FLOODS = """Former president visits flood victims in Mozambique

MAPUTO, March 3, 2018 - Bill Clinton visited flood victims in Mozambique on Saturday and
praised the aid workers, local officials said.
"""


@pytest.mark.slow
def test_an_actor_links_its_events_of_every_story_under_every_spelling(tmp_path: Path) -> None:
    """Issue 20: the KB keys a person it knows by its entry, so one actor lists the events
    of two stories that spell the name differently."""
    from crosswire.store import open_store

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "trade.txt").write_text(TRADE, encoding="utf-8")
    (corpus / "floods.txt").write_text(FLOODS, encoding="utf-8")
    db = tmp_path / "kb.db"
    result = CliRunner().invoke(main, ["run", str(corpus), "--db", str(db)])
    assert result.exit_code == 0, result.output
    store = open_store(db)
    named = [e for e in store.entities() if "Clinton" in e.name]
    assert len(named) == 1, [e.name for e in named]
    clinton = named[0]
    assert {"William Jefferson Clinton", "Bill Clinton"} <= {clinton.name, *clinton.aliases}
    assert clinton.country == "USA"
    assert len(store.actor_activity(clinton.id, 5).stories) == 2
