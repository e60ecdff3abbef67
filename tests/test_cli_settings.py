"""Settings on the command line: ``crosswire settings``, and ``--config`` / ``--set`` on the
commands that analyse, whose bad keys or values stop the command before it starts."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
import uvicorn
from click.testing import CliRunner
from tests.conftest import write_corpus

from crosswire.cli import main
from crosswire.settings import DEFAULT, Settings
from crosswire.store import open_store


def test_settings_prints_the_defaults_as_a_file_that_loads_back(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["settings"])
    assert result.exit_code == 0, result.output
    assert Settings.model_validate(tomllib.loads(result.output)) == DEFAULT
    config = tmp_path / "crosswire.toml"
    config.write_text(result.output, encoding="utf-8")
    again = CliRunner().invoke(main, ["settings", "--config", str(config)])
    assert again.output == result.output


def test_settings_shows_the_file_and_the_overrides_in_effect(tmp_path: Path) -> None:
    config = tmp_path / "crosswire.toml"
    config.write_text("[dedup]\njaccard = 0.45\n[run]\nbatch_size = 8\n", encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["settings", "--config", str(config), "--set", "run.batch_size=4", "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    shown = json.loads(result.output)
    assert shown["dedup"]["jaccard"] == 0.45 and shown["run"]["batch_size"] == 4


def test_the_config_file_can_come_from_the_environment(tmp_path: Path) -> None:
    config = tmp_path / "crosswire.toml"
    config.write_text("[fusion]\nmax_day_gap = 4\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["settings", "--format", "json"], env={"CROSSWIRE_CONFIG": str(config)}
    )
    assert json.loads(result.output)["fusion"]["max_day_gap"] == 4


@pytest.mark.parametrize("command", [["run", "in.txt"], ["batch", "in.txt", "--engine", "local"]])
def test_a_bad_config_file_stops_an_analysis_before_it_starts(
    tmp_path: Path, command: list[str]
) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("[stories]\njoin_scor = 0.3\n", encoding="utf-8")
    db = tmp_path / "x.db"
    result = CliRunner().invoke(main, [*command, "--db", str(db), "--config", str(config)])
    assert result.exit_code == 2
    assert f"{config}: stories.join_scor: no such setting" in result.output
    assert not db.exists()


def test_a_bad_override_stops_the_server_before_it_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    served: list[object] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **_: served.append(app))
    result = CliRunner().invoke(
        main, ["serve", "--db", str(tmp_path / "x.db"), "--set", "stories.join_score=high"]
    )
    assert result.exit_code == 2 and served == []
    assert "--set stories.join_score=high: stories.join_score: Input should be a valid number" in (
        result.output
    )


def test_the_server_analyses_with_the_settings_it_was_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    served: list[object] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **_: served.append(app))
    result = CliRunner().invoke(
        main, ["serve", "--db", str(tmp_path / "x.db"), "--set", "stories.join_score=0.5"]
    )
    assert result.exit_code == 0, result.output
    [app] = served
    settings = app.state.settings  # type: ignore[attr-defined]
    assert settings.stories.join_score == 0.5
    assert app.state.worker.settings is settings  # type: ignore[attr-defined]


@pytest.mark.slow
def test_run_clusters_with_the_settings_given(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus")  # two reports of a meeting, and a flood
    counts = []
    for extra in ([], ["--set", "stories.join_score=1.0", "--set", "stories.merge_score=1.0"]):
        db = tmp_path / f"{len(extra)}.db"
        result = CliRunner().invoke(main, ["run", str(corpus), "--db", str(db), "-q", *extra])
        assert result.exit_code == 0, result.output
        store = open_store(db)
        counts.append(len(store.stories()))
        store.close()
    assert counts == [2, 3]
