"""What only the SQLite store does: its file, WAL mode, user_version migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from crosswire.errors import StoreError
from crosswire.store import open_store
from crosswire.store.sqlite import migrations, statements


def test_new_store_is_migrated_to_latest_version(tmp_path: Path) -> None:
    open_store(tmp_path / "a.db").close()
    version = sqlite3.connect(tmp_path / "a.db").execute("PRAGMA user_version").fetchone()[0]
    assert version == migrations()[-1][0]
    mode = sqlite3.connect(tmp_path / "a.db").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


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


def test_trigger_bodies_stay_one_statement() -> None:
    script = "CREATE TABLE t (a);\nCREATE TRIGGER x AFTER INSERT ON t BEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\n-- end\n"
    assert len(list(statements(script))) == 2
    with pytest.raises(StoreError, match="incomplete statement"):
        list(statements("CREATE TABLE t (a"))
