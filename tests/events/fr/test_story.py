"""A story told in English, French and German, through the whole pipeline (the reports of
fixtures/fisheries.jsonl, written for the test): the French report's events are coded and
fused into the story's events with the English one's, the story counts all three reports as
sources, and only the German report is said to be linked but not coded."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from crosswire.cli import main
from crosswire.pipeline import Pipeline
from crosswire.store import open_store
from crosswire.store.base import StoryQuery
from crosswire.web.app import create_app

FIXTURE = Path(__file__).parent / "fixtures" / "fisheries.jsonl"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("french-story")
    path = folder / "store.db"
    assert Pipeline(path).run([str(FIXTURE)]).ok
    return path


def test_the_french_report_is_coded_and_fused_with_the_english_one(db: Path) -> None:
    store = open_store(db)
    try:
        [story] = store.stories()
        articles = {a.id: a for a in store.articles(story.article_ids)}
        assert sorted(a.language or "" for a in articles.values()) == ["de", "en", "fr"]
        french = next(a.id for a in articles.values() if a.language == "fr")
        assert store.analysis(french).events, "the French report's events are coded"
        signed = [
            e
            for e in store.events()
            if e.story_id == story.id and e.type == "SUPPORT" and french in e.article_ids
        ]
        assert signed, "the French signing is one of the story's events"
        [event] = signed
        languages = {articles[a].language for a in event.article_ids}
        assert languages == {"en", "fr"}  # fused with the English report of the signing
        assert event.n_sources == 2  # two outlets report the signing, each coded
        cards, _ = store.story_cards(StoryQuery(limit=10))
        [card] = cards
        assert card.n_independent == 3  # the German report counts, linked but not coded
    finally:
        store.close()


def test_the_story_page_names_only_the_german_report_as_not_coded(db: Path) -> None:
    store = open_store(db)
    try:
        [story] = store.stories()
    finally:
        store.close()
    with TestClient(create_app(str(db)), base_url="http://127.0.0.1") as client:
        html = client.get(f"/stories/{story.id}").text
    assert "1 article in de: linked to this story and counted as sources" in html
    assert "in English and French only" in html


def test_crosswire_story_says_which_reports_are_not_coded(db: Path) -> None:
    store = open_store(db)
    try:
        [story] = store.stories()
    finally:
        store.close()
    result = CliRunner().invoke(main, ["story", story.id, "--db", str(db)])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "1 article in de: linked to this story and counted as sources, but not coded" in said
