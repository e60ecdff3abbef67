"""A story told in several languages, through the whole pipeline (the reports of
tests/stories/fixtures/multilingual.jsonl, written for the tests): the Turkish, Russian and
German reports of a meeting sit in the English one's story, count as its sources, show their
language on the story page and in the articles export, are said to be linked but not coded,
and full-text search finds them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from crosswire.export.rows import article_rows
from crosswire.pipeline import Pipeline
from crosswire.store import Store
from crosswire.store.base import StoryQuery
from crosswire.web.app import create_app

FIXTURE = Path(__file__).parents[1] / "stories" / "fixtures" / "multilingual.jsonl"
OUTLETS = {"en": "Harbour Tribune", "tr": "Boğaz Postası", "ru": "Вечерний вестник",
           "de": "Nordblick Zeitung", "zh": "东方晨报"}  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("multilingual")
    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    inputs = folder / "reports.jsonl"
    inputs.write_text(
        "".join(
            json.dumps({**row, "outlet": OUTLETS[row["language"]],
                        "url": f"https://{row['language']}.example/{row['id']}"}) + "\n"
            for row in rows
        ),
        encoding="utf-8",
    )  # fmt: skip
    path = folder / "store.db"
    assert Pipeline(path).run([str(inputs)]).ok
    return path


@pytest.fixture(scope="module")
def store(db: Path) -> Iterator[Store]:
    from crosswire.store import open_store

    opened = open_store(db)
    yield opened
    opened.close()


def meeting(store: Store) -> str:
    [found] = [s for s in store.stories() if len(s.article_ids) == 4]
    return found.id


@pytest.mark.slow
def test_the_reports_in_other_languages_are_sources_of_the_story(store: Store) -> None:
    story_id = meeting(store)
    story = store.story(story_id)
    assert story is not None
    languages = sorted(a.language or "" for a in store.articles(story.article_ids))
    assert languages == ["de", "en", "ru", "tr"]
    cards, _ = store.story_cards(StoryQuery(limit=50))
    [card] = [c for c in cards if c.id == story_id]
    assert card.n_outlets == 4
    assert card.n_independent == 4  # one English report coded, three others linked


@pytest.mark.slow
def test_the_story_page_shows_languages_and_says_what_is_not_coded(db: Path, store: Store) -> None:
    with TestClient(create_app(str(db)), base_url="http://127.0.0.1") as client:
        html = client.get(f"/stories/{meeting(store)}").text
    assert '<td class="lang">tr</td>' in html and '<td class="lang">ru</td>' in html
    assert "3 articles in de, ru, tr: linked to this story and counted as sources" in html


@pytest.mark.slow
def test_search_and_export_find_the_reports_in_other_languages(store: Store) -> None:
    assert [h.article_id for h in store.search_articles("Лавров")] == [
        a["id"] for a in article_rows(store) if a["language"] == "ru"
    ]
    assert len(store.search_articles("Lawrow")) == 1
    exported = {a["language"] for a in article_rows(store)}
    assert exported == {"de", "en", "ru", "tr", "zh"}
