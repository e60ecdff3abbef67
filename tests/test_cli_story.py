"""`crosswire story` lays out what the story's read model (`views.story_detail`) holds, the
same facts the story page and ``/api/stories/{id}`` show, as text."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console
from tests.web.disputed import SERVER_FOLDER, build_disputed_store

from crosswire import cli, views
from crosswire.labels import plural
from crosswire.store import open_store

STORY = "stalks"


@pytest.fixture(autouse=True)
def wide_console(monkeypatch: pytest.MonkeyPatch) -> None:
    """A console wide enough that no table cell wraps: the text can be searched."""
    monkeypatch.setattr(cli, "console", Console(highlight=False, width=300))


def story_text(db: str) -> str:
    result = CliRunner().invoke(cli.main, ["story", STORY, "--db", db])
    assert result.exit_code == 0, result.output
    return result.output


def detail_of(db: str) -> views.StoryDetail:
    store = open_store(db)
    try:
        found = views.story_detail(store, STORY)
    finally:
        store.close()
    assert found is not None
    return found


def test_the_story_command_shows_what_the_story_view_has(tmp_path: Path) -> None:
    db = build_disputed_store(tmp_path)
    detail, text = detail_of(db), story_text(db)
    summary = detail.summary
    assert summary.title in text
    sources = plural(summary.n_independent, "independent source")
    assert f"{sources} from {plural(summary.n_outlets, 'outlet')}" in text
    for item in detail.brief:
        assert item.text in text and all(c.outlet in text for c in item.citations)
    for row in [*detail.timeline, *detail.events]:
        assert row.summary in text and row.id in text  # the view's words for the event
    for article in detail.articles:
        assert article.id in text and article.label in text
    for compared in detail.comparison.rows:
        said = [v for cell in compared.cells for values in cell.values.values() for v in values]
        assert all(value in text for value in said) and compared.disputed
    assert detail.contradictions, "the fixture's sources disagree on the date"
    for dispute in detail.contradictions:
        assert dispute.event in text and dispute.field in text
        for value, sources in dispute.values:
            assert f"{value} ({', '.join(sources)})" in text
        assert all(claim.sentence.strip() in text for claim in dispute.mentions)
        for source, values in dispute.saying_several:
            assert f"{source} says both {' and '.join(values)}" in text


def test_an_article_without_outlet_is_cited_as_the_view_cites_it(tmp_path: Path) -> None:
    db = build_disputed_store(tmp_path, tass_outlet=None)
    detail, text = detail_of(db), story_text(db)
    cited = {c.outlet for item in detail.brief for c in item.citations}
    assert "Lavrov holds talks with Kim" in cited  # its title, as the page cites it
    assert all(name in text for name in cited)
    assert "tass.html" not in text and SERVER_FOLDER not in text  # never the server's file


def test_an_unknown_story_is_one_clear_line(tmp_path: Path) -> None:
    db = build_disputed_store(tmp_path)
    result = CliRunner().invoke(cli.main, ["story", "nope", "--db", db])
    assert result.exit_code == 1 and "no story 'nope'" in result.output
