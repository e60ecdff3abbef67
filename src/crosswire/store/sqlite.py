"""The embedded store: one SQLite file in WAL mode, schema versioned by migrations."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crosswire.errors import StoreError
from crosswire.model import Analysis, Article, Event, IngestError, Story
from crosswire.store.base import Store
from crosswire.store.cards import article_facet_rows, event_countries
from crosswire.store.grams import gram_text
from crosswire.store.queries import MARK_END, MARK_START, Dialect, SQLQueries
from crosswire.store.rows import (
    article_extra,
    article_from_row,
    backfill_story_cards,
    entity_name_rows,
    event_actor_rows,
    story_row,
)
from crosswire.store.rows import migrations as _migrations
from crosswire.store.search import Clause, fts5_query

CARDS_VERSION = 4  # the migration adding the stories' list figures, filled in as it runs
BACKFILL_CHUNK = 500
GRAMS_VERSION = 7  # the migration adding the pair index of unspaced scripts, filled likewise
BUSY_TIMEOUT_MS = 60_000  # a second run on the same file waits this long for the lock


SNIPPET_TOKENS = 24  # words of context a search hit shows


def migrations() -> list[tuple[int, str]]:
    """(version, SQL) of every SQLite migration shipped with the package, in order."""
    return _migrations("sqlite")


def statements(sql: str) -> Iterator[str]:
    """The statements of a migration script, split where SQLite says one is complete
    (so that trigger bodies, with their inner semicolons, stay whole)."""
    pending = ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip():
                yield pending
            pending = ""
    if pending.strip() and not all(
        ln.strip().startswith("--") or not ln.strip() for ln in pending.splitlines()
    ):
        raise StoreError(f"incomplete statement in migration: {pending.strip()[:80]}")


def _why(path: str) -> str:
    """What SQLite's own message leaves out when a store cannot be opened: that the file, or
    the folder where SQLite keeps its write-ahead log, is read-only."""
    file = Path(path)
    if file.exists() and not os.access(file, os.W_OK):
        return " (the store file is read-only)"
    if not os.access(file.parent, os.W_OK):
        return " (the store's folder is read-only: SQLite writes its log beside the file)"
    return ""


class SQLiteStore(SQLQueries, Store):
    """A store in one SQLite file (created and migrated on open)."""

    DIALECT = Dialect(like="LIKE", collate="")

    def __init__(self, path: str | Path, one_request: bool = False):
        self.path = str(path)
        try:
            # A request's connection is used by one thread at a time but not always the
            # same one (FastAPI runs a dependency's set-up and tear-down in the thread pool):
            # sqlite3 is built serialized (threadsafety 3), so handing it over is safe.
            self.db = sqlite3.connect(
                self.path,
                isolation_level=None,
                timeout=BUSY_TIMEOUT_MS / 1000,
                check_same_thread=not one_request,
            )
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA foreign_keys = ON")
            self._in_transaction = False
            self._migrate()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}{_why(self.path)}") from exc

    # ------------------------------------------------------------------ plumbing
    def _migrate(self) -> None:
        current = self.db.execute("PRAGMA user_version").fetchone()[0]
        for version, sql in migrations():
            if version <= current:
                continue
            self.db.execute("BEGIN IMMEDIATE")
            try:
                # another process opening the same new store may have migrated it while
                # this one waited for the lock: only the version read under the lock counts
                if self.db.execute("PRAGMA user_version").fetchone()[0] >= version:
                    self.db.execute("COMMIT")
                    continue
                for statement in statements(sql):
                    self.db.execute(statement)
                if version == CARDS_VERSION:
                    backfill_story_cards(self)
                if version == GRAMS_VERSION:
                    self._index_all_grams()
                self.db.execute(f"PRAGMA user_version = {version}")
                self.db.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._in_transaction:  # nested: the outer transaction decides
            yield
            return
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(f"store {self.path} is locked or not writable: {exc}") from exc
        self._in_transaction = True
        try:
            yield
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise StoreError(f"write to store {self.path} failed: {exc}") from exc
        except BaseException:
            self._rollback()
            raise
        finally:
            self._in_transaction = False

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        if self._in_transaction or self.db.in_transaction:
            yield
            return
        # WAL: a read transaction sees the last commit before its first read, and writers
        # go on meanwhile; reading the schema starts it now rather than at the first query
        self.db.execute("BEGIN")
        self._in_transaction = True
        try:
            self.db.execute("SELECT count(*) FROM sqlite_schema").fetchone()
            yield
        finally:
            self._in_transaction = False
            self._rollback()  # nothing was written: ending the transaction is all it does

    def _rollback(self) -> None:
        # SQLite has already rolled back after some errors (a full disk, an I/O error), and
        # a second ROLLBACK would hide the first error behind "no transaction is active"
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    def close(self) -> None:
        self.db.close()

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        cursor = self.db.execute(sql, tuple(params))
        cursor.row_factory = sqlite3.Row
        return cursor.fetchall()

    def _query(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        try:
            return self._rows(sql, params)
        except sqlite3.OperationalError as exc:  # a locked or vanished file; no SQL error
            raise StoreError(f"read from store {self.path} failed: {exc}") from exc

    # ------------------------------------------------------------------ writes
    def add_article(self, article: Article, analysis: Analysis) -> None:
        extra = article_extra(article)
        cursor = self.db.execute(
            "INSERT INTO articles (id, path, url, outlet, title, published, published_inferred,"
            " language, duplicate_of, text_hash, text, data)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id, article.path, article.url, article.outlet, article.title,
                article.published, int(article.published_inferred), article.language,
                article.duplicate_of, article.text_hash, article.text, json.dumps(extra),
            ),
        )  # fmt: skip
        assert cursor.lastrowid is not None  # an INSERT into a rowid table always has one
        self._index_grams(cursor.lastrowid, article.title or "", article.text)
        self._insert_analysis(analysis)

    def _index_grams(self, seq: int, title: str, text: str) -> None:
        """The article in the pair index, if it has text in an unspaced script."""
        title_grams, text_grams = gram_text(title), gram_text(text)
        if title_grams or text_grams:
            self.db.execute(
                "INSERT INTO article_grams (rowid, title, text) VALUES (?, ?, ?)",
                (seq, title_grams, text_grams),
            )

    def _index_all_grams(self) -> None:
        self.db.execute("DELETE FROM article_grams")
        last = 0
        while rows := self.db.execute(
            "SELECT seq, title, text FROM articles WHERE seq > ? ORDER BY seq LIMIT ?",
            (last, BACKFILL_CHUNK),
        ).fetchall():  # in chunks: a large store's texts are not all held at once
            for seq, title, text in rows:
                self._index_grams(seq, title or "", text)
            last = rows[-1][0]

    def replace_analysis(self, analysis: Analysis) -> None:
        self.db.execute("DELETE FROM analyses WHERE article_id = ?", (analysis.article_id,))
        self.db.execute("DELETE FROM mentions WHERE article_id = ?", (analysis.article_id,))
        self._insert_analysis(analysis)

    def _insert_analysis(self, analysis: Analysis) -> None:
        article_id = analysis.article_id
        self.db.execute(
            "INSERT INTO analyses (article_id, data) VALUES (?, ?)",
            (article_id, json.dumps(analysis.to_dict())),
        )
        self.db.executemany(
            "INSERT INTO mentions (article_id, entity_id, key, name, alias, type, country,"
            " sector, role, start, \"end\") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article_id, m.actor.entity_id, m.actor.key, m.actor.name, m.text, m.type,
                    m.actor.country, m.actor.sector, m.role, m.start, m.end,
                )
                for m in analysis.mentions
            ],
        )  # fmt: skip
        self.db.executemany(
            "INSERT OR IGNORE INTO entity_names (entity_id, name) VALUES (?, ?)",
            entity_name_rows(analysis),
        )

    def update_article(self, article: Article, story_id: str | None) -> None:
        self.db.execute(
            "UPDATE articles SET duplicate_of = ?, published = ?, published_inferred = ?,"
            " data = ?, story_id = ? WHERE id = ?",
            (
                article.duplicate_of, article.published, int(article.published_inferred),
                json.dumps(article_extra(article)), story_id, article.id,
            ),
        )  # fmt: skip

    def replace_story(self, story: Story, events: list[Event]) -> None:
        self._delete_events(story.id)
        row = story_row(story, list(self.articles(story.article_ids)), events)
        self.db.execute(
            f"INSERT OR REPLACE INTO stories ({', '.join(row)})"
            f" VALUES ({', '.join('?' * len(row))})",
            tuple(row.values()),
        )
        for event in events:
            self.db.execute(
                "INSERT INTO events (id, story_id, type, mode, cameo, date, modality, negated,"
                " n_sources, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    event.id, story.id, event.type, event.mode, event.cameo, event.date,
                    event.modality, int(event.negated), event.n_sources,
                    json.dumps(event.to_dict()),
                ),
            )  # fmt: skip
            self.db.executemany(
                "INSERT INTO event_actors (event_id, entity_id, role) VALUES (?, ?, ?)",
                event_actor_rows(event),
            )
            self.db.executemany(
                "INSERT INTO event_articles (event_id, article_id) VALUES (?, ?)",
                [(event.id, a) for a in sorted(set(event.article_ids))],
            )
            self.db.executemany(
                "INSERT INTO event_countries (event_id, country) VALUES (?, ?)",
                [(event.id, c) for c in event_countries(event)],
            )
        self.db.executemany(
            "INSERT INTO article_facets (article_id, kind, value, story_id) VALUES (?, ?, ?, ?)",
            article_facet_rows(story.id, events),
        )

    def delete_story(self, story_id: str) -> None:
        self._delete_events(story_id)
        self.db.execute("DELETE FROM stories WHERE id = ?", (story_id,))

    def _delete_events(self, story_id: str) -> None:
        self.db.execute("DELETE FROM article_facets WHERE story_id = ?", (story_id,))
        for table in ("event_actors", "event_articles", "event_countries"):
            self.db.execute(
                f"DELETE FROM {table} WHERE event_id IN (SELECT id FROM events WHERE story_id = ?)",
                (story_id,),
            )
        self.db.execute("DELETE FROM events WHERE story_id = ?", (story_id,))

    def add_error(self, error: IngestError) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO errors (path, record, reason, at) VALUES (?, ?, ?, ?)",
            (error.path, error.record, error.reason, datetime.now(UTC).isoformat()),
        )

    def save_state(self, name: str, data: bytes) -> None:
        self.db.execute("INSERT OR REPLACE INTO state (name, data) VALUES (?, ?)", (name, data))

    def load_state(self, name: str) -> bytes | None:
        row = self.db.execute("SELECT data FROM state WHERE name = ?", (name,)).fetchone()
        return None if row is None else bytes(row[0])

    def delete_state(self, name: str) -> None:
        self.db.execute("DELETE FROM state WHERE name = ?", (name,))

    def save_entries(self, space: str, entries: Mapping[bytes, bytes | None]) -> None:
        self.db.executemany(
            "INSERT OR REPLACE INTO state_entries (space, key, value) VALUES (?, ?, ?)",
            [(space, k, v) for k, v in entries.items() if v is not None],
        )
        self.db.executemany(
            "DELETE FROM state_entries WHERE space = ? AND key = ?",
            [(space, k) for k, v in entries.items() if v is None],
        )

    def load_entries(self, space: str, keys: Iterable[bytes]) -> dict[bytes, bytes]:
        wanted = list(keys)
        found: dict[bytes, bytes] = {}
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                f"SELECT key, value FROM state_entries WHERE space = ? AND key IN ({marks})",
                (space, *chunk),
            )
            found.update((bytes(k), bytes(v)) for k, v in rows)
        return found

    def add_members(self, space: str, pairs: Iterable[tuple[bytes, str]]) -> None:
        self.db.executemany(
            "INSERT OR IGNORE INTO state_members (space, key, member) VALUES (?, ?, ?)",
            [(space, k, m) for k, m in pairs],
        )

    def load_members(self, space: str, keys: Iterable[bytes]) -> dict[bytes, list[str]]:
        wanted = list(keys)
        found: dict[bytes, list[str]] = {}
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                "SELECT key, member FROM state_members"
                f" WHERE space = ? AND key IN ({marks}) ORDER BY key, member",
                (space, *chunk),
            )
            for key, member in rows:
                found.setdefault(bytes(key), []).append(member)
        return found

    def scan_entries(
        self, space: str, after: bytes | None = None, limit: int | None = None
    ) -> Iterator[tuple[bytes, bytes]]:
        rows = self.db.execute(
            "SELECT key, value FROM state_entries WHERE space = ? AND (? IS NULL OR key > ?)"
            " ORDER BY key LIMIT ?",
            (space, after, after, -1 if limit is None else limit),
        )
        for key, value in rows:
            yield bytes(key), bytes(value)

    # ------------------------------------------------------------------ reads
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(ids))
        found: set[str] = set()
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                r[0]
                for r in self.db.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk)
            )
        return found

    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        if ids is None:
            for row in self._rows("SELECT * FROM articles ORDER BY seq"):
                yield _article(row)
            return
        wanted = list(ids)
        rows = {}
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for row in self._rows(f"SELECT * FROM articles WHERE id IN ({marks})", chunk):
                rows[row["id"]] = row
        for row in sorted(rows.values(), key=lambda r: r["seq"]):
            yield _article(row)

    def analysis(self, article_id: str) -> Analysis:
        row = self.db.execute(
            "SELECT data FROM analyses WHERE article_id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise KeyError(article_id)
        return Analysis.from_dict(json.loads(row[0]))

    def story_of(self, article_id: str) -> str | None:
        row = self.db.execute(
            "SELECT story_id FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return None if row is None else row[0]

    def story_article_ids(self, story_id: str) -> list[str]:
        rows = self.db.execute(
            "SELECT id FROM articles WHERE story_id = ? ORDER BY seq", (story_id,)
        )
        return [r[0] for r in rows]

    def stories(self) -> list[Story]:
        rows = self._rows("SELECT data FROM stories ORDER BY n_articles DESC, first_date, id")
        return [Story.from_dict(json.loads(r["data"])) for r in rows]

    def story(self, story_id: str) -> Story | None:
        row = self.db.execute("SELECT data FROM stories WHERE id = ?", (story_id,)).fetchone()
        return None if row is None else Story.from_dict(json.loads(row[0]))

    def errors(self) -> list[IngestError]:
        rows = self._rows("SELECT path, record, reason FROM errors ORDER BY id")
        return [IngestError(path=r["path"], record=r["record"], reason=r["reason"]) for r in rows]

    def _match_sql(self) -> str:
        return _fts_match("articles_fts")

    def _engine_query(self, clauses: list[Clause]) -> str:
        return fts5_query(clauses)

    def _gram_match_sql(self) -> str:
        return _fts_match("article_grams")

    def _gram_engine_query(self, clauses: list[Clause]) -> str:
        return fts5_query(clauses)

    def _snippets(self, clauses: list[Clause], seqs: list[int]) -> dict[int, tuple[str, str]]:
        marks = ", ".join("?" * len(seqs))
        rows = self._query(
            "SELECT rowid AS seq, snippet(articles_fts, -1, '', '', '…', ?) AS plain,"
            " snippet(articles_fts, -1, ?, ?, '…', ?) AS marked"
            f" FROM articles_fts WHERE articles_fts MATCH ? AND rowid IN ({marks})",
            (SNIPPET_TOKENS, MARK_START, MARK_END, SNIPPET_TOKENS, fts5_query(clauses), *seqs),
        )
        return {r["seq"]: (r["plain"], r["marked"]) for r in rows}

    def counts(self) -> dict[str, int]:
        def one(sql: str) -> int:
            return int(self.db.execute(sql).fetchone()[0])

        return {
            "articles": one("SELECT COUNT(*) FROM articles"),
            "duplicates": one("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL"),
            "undated": one("SELECT COUNT(*) FROM articles WHERE published IS NULL"),
            "stories": one("SELECT COUNT(*) FROM stories"),
            "events": one("SELECT COUNT(*) FROM events"),
            # every mention's entity has its names there: far fewer rows to count
            "entities": one("SELECT COUNT(DISTINCT entity_id) FROM entity_names"),
            "mentions": one("SELECT COUNT(*) FROM mentions"),
            "errors": one("SELECT COUNT(*) FROM errors"),
        }


def _fts_match(index: str) -> str:
    """The matches of an FTS5 index keyed by article seq, titles weighing twice the text."""
    return (
        "SELECT a.seq, a.id, a.title, a.outlet, a.published, a.story_id,"
        f" -bm25({index}, 2.0, 1.0) AS score"
        f" FROM {index} JOIN articles a ON a.seq = {index}.rowid"
        f" WHERE {index} MATCH ?"
    )


def _article(row: sqlite3.Row) -> Article:
    return article_from_row(row, json.loads(row["data"]))
