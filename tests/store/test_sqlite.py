"""The SQLite store: migrations, round trips, transactions, filters."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from crosswire.errors import StoreError
from crosswire.model import (
    ActorRef,
    Analysis,
    Article,
    Event,
    EventMention,
    IngestError,
    Mention,
    Place,
    Story,
)
from crosswire.store import EventFilter, open_store
from crosswire.store.sqlite import migrations, statements

LAVROV = ActorRef(key="person:sergei lavrov", name="Sergei Lavrov", country="RUS", sector="GOV")
KIM = ActorRef(key="person:kim jong un", name="Kim Jong Un", country="PRK", sector="GOV")


def make_article(article_id: str, text: str = "Lavrov met Kim in Pyongyang.") -> Article:
    return Article(
        id=article_id,
        text=text,
        path=f"{article_id}.txt",
        title="A meeting",
        published="2018-05-31",
        text_hash=article_id,
    )


def make_analysis(article_id: str) -> Analysis:
    return Analysis(
        article_id=article_id,
        sentences=[(0, 28)],
        mentions=[
            Mention(0, 6, "Lavrov", "PERSON", LAVROV, role="foreign minister"),
            Mention(11, 14, "Kim", "PERSON", KIM),
        ],
    )


def make_event(story_id: str, article_id: str) -> Event:
    mention = EventMention(
        article_id=article_id,
        type="CONSULT",
        start=7,
        end=10,
        sentence_start=0,
        sentence_end=28,
        source=LAVROV,
        target=KIM,
        participants=[LAVROV, KIM],
    )
    return Event(
        id="ev1", story_id=story_id, type="CONSULT", mode="visit", cameo="042", source=LAVROV, target=KIM,
        participants=[LAVROV, KIM], location=Place("Pyongyang", "PRK"), date="2018-05-31", date_from="text",
        negated=False, modality="asserted", article_ids=[article_id], n_sources=1, mentions=[mention],
    )  # fmt: skip


def test_new_store_is_migrated_to_latest_version(tmp_path: Path) -> None:
    open_store(tmp_path / "a.db").close()
    version = sqlite3.connect(tmp_path / "a.db").execute("PRAGMA user_version").fetchone()[0]
    assert version == migrations()[-1][0]
    mode = sqlite3.connect(tmp_path / "a.db").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_article_and_analysis_round_trip(store) -> None:
    with store.transaction():
        store.add_article(make_article("a1"), make_analysis("a1"))
    [article] = store.articles()
    assert article == make_article("a1")
    assert store.analysis("a1") == make_analysis("a1")
    assert store.known_ids(["a1", "zz"]) == {"a1"}


def test_entities_aggregate_mentions_by_key(store) -> None:
    with store.transaction():
        store.add_article(make_article("a1"), make_analysis("a1"))
        store.add_article(make_article("a2"), make_analysis("a2"))
    entities = {e.name: e for e in store.entities()}
    assert set(entities) == {"Sergei Lavrov", "Kim Jong Un"}
    assert entities["Sergei Lavrov"].article_ids == ["a1", "a2"]
    assert entities["Sergei Lavrov"].roles == ["foreign minister"]
    assert entities["Sergei Lavrov"].country == "RUS"


def test_failed_transaction_leaves_nothing(store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.add_article(make_article("a1"), make_analysis("a1"))
        raise RuntimeError("killed half-way")
    assert store.counts()["articles"] == 0


def test_story_events_are_replaced_and_filtered(store) -> None:
    with store.transaction():
        store.add_article(make_article("a1"), make_analysis("a1"))
        store.replace_story(Story(id="s1", title="t", article_ids=["a1"]), [make_event("s1", "a1")])
        store.replace_story(Story(id="s1", title="t", article_ids=["a1"]), [make_event("s1", "a1")])
    assert store.counts()["events"] == 1
    assert [e.id for e in store.events(EventFilter(actor="lavrov"))] == ["ev1"]
    assert store.events(EventFilter(actor="Pompeo")) == []
    assert store.events(EventFilter(type="consult", since="2018-05")) != []
    assert store.events(EventFilter(since="2018-06")) == []
    assert store.events()[0] == make_event("s1", "a1")


def test_errors_are_kept_once(store) -> None:
    with store.transaction():
        store.add_error(IngestError("bad.txt", "file is empty"))
        store.add_error(IngestError("bad.txt", "file is empty"))
    assert store.errors() == [IngestError("bad.txt", "file is empty")]


def test_state_round_trip(store) -> None:
    with store.transaction():
        store.save_state("dedup", b"\x00\x01")
    assert store.load_state("dedup") == b"\x00\x01"
    assert store.load_state("missing") is None


def test_unwritable_location_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open store"):
        open_store(tmp_path / "no" / "such" / "folder" / "x.db")


def test_version_1_store_gets_its_articles_indexed(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    for statement in statements(migrations()[0][1]):
        db.execute(statement)
    db.execute("PRAGMA user_version = 1")
    db.execute(
        "INSERT INTO articles (id, path, title, text_hash, text, data)"
        " VALUES ('a1', 'a1.txt', 'Old news', 'h', 'Lavrov met Kim in Pyongyang.', '{}')"
    )
    db.close()
    store = open_store(tmp_path / "old.db")
    assert [h.article_id for h in store.search_articles("pyongyang")] == ["a1"]
    store.close()
