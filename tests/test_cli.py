"""The command line: help that teaches, each command on a small store, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from crosswire.cli import main

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import write_corpus

    root = tmp_path_factory.mktemp("cli")
    corpus = write_corpus(root / "corpus")
    result = CliRunner().invoke(main, ["run", str(corpus), "--db", str(root / "cli.db")])
    assert result.exit_code == 0, result.output
    assert "stories" in result.output
    return root / "cli.db"


def test_help_shows_examples() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    assert "crosswire run examples/corpus" in result.output
    for command in ("run", "stories", "story", "events", "stats", "export", "errors"):
        assert command in result.output
        sub = CliRunner().invoke(main, [command, "--help"])
        assert sub.exit_code == 0 and "--db" in sub.output


def test_stories_story_events_stats(built_db: Path) -> None:
    runner = CliRunner()
    stories = runner.invoke(main, ["stories", "--db", str(built_db)])
    assert stories.exit_code == 0 and "Oslo" in stories.output
    story_id = next(
        word for word in stories.output.split() if word.startswith("s") and len(word) == 13
    )
    story = runner.invoke(main, ["story", story_id, "--db", str(built_db)])
    assert story.exit_code == 0 and "Articles" in story.output
    actors = story.output[story.output.index("Actors") : story.output.index("Events")]
    rows = [line for line in actors.splitlines() if "Pekka" in line]  # the table may wrap
    assert len(rows) == 1 and "FIN" in rows[0]  # listed once, under the full name
    events = runner.invoke(main, ["events", "--actor", "haavisto", "--db", str(built_db)])
    assert events.exit_code == 0 and "CONSULT" in events.output
    none = runner.invoke(main, ["events", "--actor", "nobody at all", "--db", str(built_db)])
    assert "0 events" in none.output
    stats = runner.invoke(main, ["stats", "--db", str(built_db)])
    assert stats.exit_code == 0 and "articles" in stats.output


def test_unknown_story_is_one_clear_line(built_db: Path) -> None:
    result = CliRunner().invoke(main, ["story", "nope", "--db", str(built_db)])
    assert result.exit_code == 1 and "no story 'nope'" in result.output


def test_export_writes_every_table(built_db: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["export", "--format", "jsonl", "--out", str(tmp_path), "--db", str(built_db)]
    )
    assert result.exit_code == 0, result.output
    articles = [json.loads(line) for line in (tmp_path / "articles.jsonl").read_text().splitlines()]
    assert len(articles) == 3


def test_failed_input_sets_exit_code(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    result = CliRunner().invoke(
        main, ["run", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "e.db"), "-q"]
    )
    assert result.exit_code == 1
    assert "empty.txt" in result.output


def test_run_refuses_a_negative_time_budget(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["run", str(tmp_path), "--db", str(tmp_path / "x.db"), "--time-budget", "-1"]
    )
    assert result.exit_code == 2 and "--time-budget" in result.output
