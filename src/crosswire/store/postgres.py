"""The team store: a PostgreSQL database, with the same behaviour as the SQLite store.

Several runs (and a server) may share one database. Each write transaction first takes a
transaction-level advisory lock, so writers queue one after the other exactly as SQLite's
``BEGIN IMMEDIATE`` makes them; readers never wait. Every value goes in as a query
parameter; the only SQL assembled here is from fixed fragments.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import psycopg
from psycopg.adapt import Dumper
from psycopg.rows import dict_row

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
    migrations,
    story_row,
)
from crosswire.store.search import WORD, Clause, tsquery, websearch_query

# Advisory lock keys (any two fixed 64-bit numbers): one serialises writers, one migrations.
WRITE_LOCK = 0x63727377_00000001
MIGRATE_LOCK = 0x63727377_00000002
CARDS_VERSION = 3  # the migration adding the stories' list figures, filled in as it runs
BACKFILL_CHUNK = 500
GRAMS_VERSION = 6  # the migration adding the pair index of unspaced scripts, filled likewise
SNIPPET_WORDS = 24  # at most, in a snippet
SNIPPET_OPTIONS = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords={SNIPPET_WORDS}, MinWords=12,"
    " MaxFragments=1"
)
# ts_headline parses and stems the whole text it is given: 3-4 ms for a 14,000-character
# article, 70 ms for a page of 20 (more than the search itself). A snippet is looked for in
# the text's first SNIPPET_WINDOW characters first; only an article with no match there, or
# a match too near the window's end to be widened, is read whole.
SNIPPET_WINDOW = 2000
# A web request's connection runs each query without parallel workers: starting one costs
# ~20 ms on a busy 2-core server, more than the search facets it would share (measured on a
# 10,000-article store: a search with its facets went from ~100 to ~75 ms). And it plans
# for pages read from memory (random_page_cost 1.1, as for SSDs, against the default 4,
# which prices each page an index lookup reads as a disk seek): a served store's working
# set is cached, and at 4 the planner read every event to find an actor's 350 (A/B on the
# 10,000-article store, machine loaded: stories by actor 146 -> 26 ms, actor page 191 ->
# 91 ms, events search by actor 20-31 -> 5-8 ms; no endpoint slower beyond noise).
ONE_REQUEST_OPTIONS = "-c max_parallel_workers_per_gather=0 -c random_page_cost=1.1"
ARTICLE_COLUMNS = (
    "seq, id, path, url, outlet, title, published, published_inferred, language,"
    " duplicate_of, text_hash, story_id, text, data"
)


class NulFreeText(Dumper):
    """Strings as PostgreSQL text. PostgreSQL text cannot hold NUL characters (SQLite can),
    and one stray NUL in a scraped title must not fail a whole batch: it is stored as
    U+FFFD, the replacement character. oid 0 lets the server infer the type, as psycopg's
    own str dumper does."""

    def dump(self, obj: str) -> bytes:
        return obj.replace("\x00", "\ufffd").encode()


def redact(url: str) -> str:
    """The URL without its password, for error messages."""
    try:
        params = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "the PostgreSQL URL given"
    host, db = params.get("host", "localhost"), params.get("dbname", "")
    return f"postgresql://{host}/{db}"


def request_options(url: str) -> str:
    """The server options of a request's connection: the URL's own (which they follow, so
    an operator's setting there is kept unless it is one of ours) and ONE_REQUEST_OPTIONS."""
    own = psycopg.conninfo.conninfo_to_dict(url).get("options") or ""
    return f"{own} {ONE_REQUEST_OPTIONS}".strip()


def connection_settings(url: str, one_request: bool = False) -> dict[str, Any]:
    """How crosswire connects: autocommit (transactions are explicit), rows as dicts, and
    for a request's connection `request_options`."""
    options = request_options(url) if one_request else None
    return {"autocommit": True, "row_factory": dict_row, "options": options}


def configure(connection: psycopg.Connection[Any]) -> None:
    """What every connection needs once opened: strings dumped without NUL characters."""
    connection.adapters.register_dumper(str, NulFreeText)


class PostgresStore(SQLQueries, Store):
    """A store in a PostgreSQL database (tables created and migrated on open)."""

    DIALECT = Dialect(like="ILIKE", collate=' COLLATE "C"')

    def __init__(
        self, url: str, one_request: bool = False, connection: psycopg.Connection[Any] | None = None
    ):
        """`connection`: one borrowed from a pool (`store.pool`), already set up by
        `configure` on a migrated database; it is left open on `close`."""
        self.url = url
        self.name = redact(url)
        self._borrowed = connection is not None
        self._in_transaction = False
        try:
            if connection is not None:
                self.db = connection
                return
            self.db = psycopg.connect(url, **connection_settings(url, one_request))
            configure(self.db)
            self._migrate()
        except psycopg.Error as exc:
            raise StoreError(f"cannot open store {self.name}: {exc}") from exc

    # ------------------------------------------------------------------ plumbing
    def _migrate(self) -> None:
        # Servers open a store per request: an up-to-date schema costs one query, no lock.
        if self._applied_version() >= migrations("postgres")[-1][0]:
            return
        with self.db.transaction():
            self.db.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATE_LOCK,))
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                " version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
            )
            row = self.db.execute("SELECT max(version) AS v FROM schema_migrations").fetchone()
            current = (row or {}).get("v") or 0
            for version, sql in migrations("postgres"):
                if version > current:
                    self.db.execute(sql)  # a script: no parameters, many statements
                    if version == CARDS_VERSION:
                        self._in_transaction = True  # writes below join this transaction
                        try:
                            backfill_story_cards(self)
                        finally:
                            self._in_transaction = False
                    if version == GRAMS_VERSION:
                        self._index_all_grams()
                    self.db.execute(
                        "INSERT INTO schema_migrations (version) VALUES (%s)", (version,)
                    )

    def schema_version(self) -> int:
        row = self.db.execute("SELECT max(version) AS v FROM schema_migrations").fetchone()
        return int((row or {}).get("v") or 0)

    def _applied_version(self) -> int:
        row = self.db.execute("SELECT to_regclass('schema_migrations') AS t").fetchone()
        return 0 if row is None or row["t"] is None else self.schema_version()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._in_transaction:  # nested: the outer transaction decides
            yield
            return
        self._in_transaction = True
        try:
            with self.db.transaction():
                self.db.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                yield
        except psycopg.Error as exc:
            raise StoreError(f"write to store {self.name} failed: {exc}") from exc
        finally:
            self._in_transaction = False

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        if self._in_transaction:
            yield
            return
        self._in_transaction = True
        try:
            # one snapshot for every statement inside, taken at the first one
            self.db.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            try:
                yield
            finally:
                self.db.execute("ROLLBACK")
        except psycopg.OperationalError as exc:
            raise StoreError(f"read from store {self.name} failed: {exc}") from exc
        finally:
            self._in_transaction = False

    def close(self) -> None:
        if not self._borrowed:
            self.db.close()

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        try:
            return self.db.execute(sql, tuple(params)).fetchall()
        except psycopg.OperationalError as exc:  # server gone, connection lost
            raise StoreError(f"read from store {self.name} failed: {exc}") from exc

    def _query(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        return self._rows(sql.replace("?", "%s"), params)

    def _one(self, sql: str, params: Iterable[Any] = ()) -> dict[str, Any] | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    # ------------------------------------------------------------------ writes
    def add_article(self, article: Article, analysis: Analysis) -> None:
        inserted = self.db.execute(
            "INSERT INTO articles (id, path, url, outlet, title, published, published_inferred,"
            " language, duplicate_of, text_hash, text, data)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING seq",
            (
                article.id, article.path, article.url, article.outlet, article.title,
                article.published, article.published_inferred, article.language,
                article.duplicate_of, article.text_hash, article.text,
                json.dumps(article_extra(article)),
            ),
        ).fetchone()  # fmt: skip
        assert inserted is not None  # INSERT ... RETURNING returns the row it wrote
        self._index_grams(inserted["seq"], article.title or "", article.text)
        self._insert_analysis(analysis)

    def _index_grams(self, seq: int, title: str, text: str) -> None:
        """The article in the pair index, if it has text in an unspaced script."""
        title_grams, text_grams = gram_text(title), gram_text(text)
        if title_grams or text_grams:
            self.db.execute(
                "INSERT INTO article_grams (seq, grams) VALUES (%s,"
                " setweight(to_tsvector('simple', %s), 'A')"
                " || setweight(to_tsvector('simple', %s), 'B'))",
                (seq, title_grams, text_grams),
            )

    def _index_all_grams(self) -> None:
        self.db.execute("DELETE FROM article_grams")
        last = 0
        while rows := self.db.execute(
            "SELECT seq, title, text FROM articles WHERE seq > %s ORDER BY seq LIMIT %s",
            (last, BACKFILL_CHUNK),
        ).fetchall():  # in chunks: a large store's texts are not all held at once
            for row in rows:
                self._index_grams(row["seq"], row["title"] or "", row["text"])
            last = rows[-1]["seq"]

    def replace_analysis(self, analysis: Analysis) -> None:
        self.db.execute("DELETE FROM analyses WHERE article_id = %s", (analysis.article_id,))
        self.db.execute("DELETE FROM mentions WHERE article_id = %s", (analysis.article_id,))
        self._insert_analysis(analysis)

    def _insert_analysis(self, analysis: Analysis) -> None:
        article_id = analysis.article_id
        self.db.execute(
            "INSERT INTO analyses (article_id, data) VALUES (%s, %s)",
            (article_id, json.dumps(analysis.to_dict())),
        )
        rows = [
            (
                article_id, m.actor.entity_id, m.actor.key, m.actor.name, m.text, m.type,
                m.actor.country, m.actor.sector, m.role, m.start, m.end,
            )
            for m in analysis.mentions
        ]  # fmt: skip
        if rows:
            with self.db.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO mentions (article_id, entity_id, key, name, alias, type,"
                    ' country, sector, role, start, "end")'
                    " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                    rows,
                )
                cursor.executemany(
                    "INSERT INTO entity_names (entity_id, name) VALUES (%s, %s)"
                    " ON CONFLICT DO NOTHING",
                    entity_name_rows(analysis),
                )

    def update_article(self, article: Article, story_id: str | None) -> None:
        self.db.execute(
            "UPDATE articles SET duplicate_of = %s, published = %s, published_inferred = %s,"
            " data = %s, story_id = %s WHERE id = %s",
            (
                article.duplicate_of, article.published, article.published_inferred,
                json.dumps(article_extra(article)), story_id, article.id,
            ),
        )  # fmt: skip

    def replace_story(self, story: Story, events: list[Event]) -> None:
        self._delete_events(story.id)
        row = story_row(story, list(self.articles(story.article_ids)), events)
        updates = ", ".join(f"{k} = excluded.{k}" for k in row if k != "id")
        self.db.execute(
            f"INSERT INTO stories ({', '.join(row)}) VALUES ({', '.join(['%s'] * len(row))})"
            f" ON CONFLICT (id) DO UPDATE SET {updates}",
            tuple(row.values()),
        )
        with self.db.cursor() as cursor:
            for event in events:
                cursor.execute(
                    "INSERT INTO events (id, story_id, type, mode, cameo, date, modality,"
                    " negated, n_sources, data) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                    (
                        event.id, story.id, event.type, event.mode, event.cameo, event.date,
                        event.modality, event.negated, event.n_sources,
                        json.dumps(event.to_dict()),
                    ),
                )  # fmt: skip
                links: list[tuple[str, Sequence[tuple[str, ...]]]] = [
                    ("INSERT INTO event_actors (event_id, entity_id, role) VALUES (%s, %s, %s)",
                     event_actor_rows(event)),
                    ("INSERT INTO event_articles (event_id, article_id) VALUES (%s, %s)",
                     [(event.id, a) for a in sorted(set(event.article_ids))]),
                    ("INSERT INTO event_countries (event_id, country) VALUES (%s, %s)",
                     [(event.id, c) for c in event_countries(event)]),
                ]  # fmt: skip
                for sql, rows in links:
                    if rows:
                        cursor.executemany(sql, rows)
            if facets := article_facet_rows(story.id, events):
                cursor.executemany(
                    "INSERT INTO article_facets (article_id, kind, value, story_id)"
                    " VALUES (%s, %s, %s, %s)",
                    facets,
                )

    def delete_story(self, story_id: str) -> None:
        self._delete_events(story_id)
        self.db.execute("DELETE FROM stories WHERE id = %s", (story_id,))

    def _delete_events(self, story_id: str) -> None:
        self.db.execute("DELETE FROM article_facets WHERE story_id = %s", (story_id,))
        for table in ("event_actors", "event_articles", "event_countries"):
            self.db.execute(
                f"DELETE FROM {table} WHERE event_id IN"
                " (SELECT id FROM events WHERE story_id = %s)",
                (story_id,),
            )
        self.db.execute("DELETE FROM events WHERE story_id = %s", (story_id,))

    def add_error(self, error: IngestError) -> None:
        self.db.execute(
            "INSERT INTO errors (path, record, reason, at) VALUES (%s, %s, %s, %s)"
            " ON CONFLICT DO NOTHING",
            (error.path, error.record, error.reason, datetime.now(UTC).isoformat()),
        )

    def save_state(self, name: str, data: bytes) -> None:
        self.db.execute(
            "INSERT INTO state (name, data) VALUES (%s, %s)"
            " ON CONFLICT (name) DO UPDATE SET data = excluded.data",
            (name, data),
        )

    def load_state(self, name: str) -> bytes | None:
        row = self._one("SELECT data FROM state WHERE name = %s", (name,))
        return None if row is None else bytes(row["data"])

    def delete_state(self, name: str) -> None:
        self.db.execute("DELETE FROM state WHERE name = %s", (name,))

    def save_entries(self, space: str, entries: Mapping[bytes, bytes | None]) -> None:
        with self.db.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO state_entries (space, key, value) VALUES (%s, %s, %s)"
                " ON CONFLICT (space, key) DO UPDATE SET value = excluded.value",
                [(space, k, v) for k, v in entries.items() if v is not None],
            )
            cursor.executemany(
                "DELETE FROM state_entries WHERE space = %s AND key = %s",
                [(space, k) for k, v in entries.items() if v is None],
            )

    def load_entries(self, space: str, keys: Iterable[bytes]) -> dict[bytes, bytes]:
        wanted = list(keys)
        if not wanted:
            return {}
        rows = self._rows(
            "SELECT key, value FROM state_entries WHERE space = %s AND key = ANY(%s)",
            (space, wanted),
        )
        return {bytes(r["key"]): bytes(r["value"]) for r in rows}

    def add_members(self, space: str, pairs: Iterable[tuple[bytes, str]]) -> None:
        with self.db.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO state_members (space, key, member) VALUES (%s, %s, %s)"
                " ON CONFLICT DO NOTHING",
                [(space, k, m) for k, m in pairs],
            )

    def load_members(self, space: str, keys: Iterable[bytes]) -> dict[bytes, list[str]]:
        wanted = list(keys)
        if not wanted:
            return {}
        rows = self._rows(
            "SELECT key, member FROM state_members WHERE space = %s AND key = ANY(%s)"
            " ORDER BY key, member",
            (space, wanted),
        )
        found: dict[bytes, list[str]] = {}
        for row in rows:
            found.setdefault(bytes(row["key"]), []).append(row["member"])
        return found

    def scan_entries(
        self, space: str, after: bytes | None = None, limit: int | None = None
    ) -> Iterator[tuple[bytes, bytes]]:
        rows = self._rows(
            "SELECT key, value FROM state_entries"
            " WHERE space = %s AND (%s::bytea IS NULL OR key > %s::bytea) ORDER BY key LIMIT %s",
            (space, after, after, limit),
        )
        for row in rows:
            yield bytes(row["key"]), bytes(row["value"])

    # ------------------------------------------------------------------ reads
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return set()
        rows = self._rows("SELECT id FROM articles WHERE id = ANY(%s)", (wanted,))
        return {r["id"] for r in rows}

    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        if ids is None:
            rows = self._rows(f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY seq")
        else:
            rows = self._rows(
                f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ANY(%s) ORDER BY seq",
                (list(ids),),
            )
        for row in rows:
            yield article_from_row(row, json.loads(row["data"]))

    def analysis(self, article_id: str) -> Analysis:
        row = self._one("SELECT data FROM analyses WHERE article_id = %s", (article_id,))
        if row is None:
            raise KeyError(article_id)
        return Analysis.from_dict(json.loads(row["data"]))

    def story_of(self, article_id: str) -> str | None:
        row = self._one("SELECT story_id FROM articles WHERE id = %s", (article_id,))
        return None if row is None else row["story_id"]

    def story_article_ids(self, story_id: str) -> list[str]:
        rows = self._rows("SELECT id FROM articles WHERE story_id = %s ORDER BY seq", (story_id,))
        return [r["id"] for r in rows]

    def stories(self) -> list[Story]:
        # NULLS FIRST and byte order ("C"): the order SQLite gives.
        rows = self._rows(
            "SELECT data FROM stories ORDER BY n_articles DESC,"
            ' first_date COLLATE "C" NULLS FIRST, id COLLATE "C"'
        )
        return [Story.from_dict(json.loads(r["data"])) for r in rows]

    def story(self, story_id: str) -> Story | None:
        row = self._one("SELECT data FROM stories WHERE id = %s", (story_id,))
        return None if row is None else Story.from_dict(json.loads(row["data"]))

    def errors(self) -> list[IngestError]:
        rows = self._rows("SELECT path, record, reason FROM errors ORDER BY id")
        return [IngestError(path=r["path"], record=r["record"], reason=r["reason"]) for r in rows]

    def _match_sql(self) -> str:
        # only the search page reads the score: counts over the matches leave it out, and
        # PostgreSQL computes no column that no one reads, so only the page ranks
        return (
            "SELECT a.seq, a.id, a.title, a.outlet, a.published, a.story_id,"
            " ts_rank_cd(a.search, q) AS score"
            " FROM articles a, websearch_to_tsquery('english', ?) AS q WHERE a.search @@ q"
        )

    @contextmanager
    def _matching(self) -> Iterator[None]:
        # The GIN index, always. For a word in ~20% of the articles the planner prefers
        # reading the whole table, testing every article's tsvector (each detoasted): 120 ms
        # on a 10,000-article store against 11 ms through the index.
        self.db.execute("SET enable_seqscan = off")
        try:
            yield
        finally:
            self.db.execute("RESET enable_seqscan")

    def _engine_query(self, clauses: list[Clause]) -> str:
        return websearch_query(clauses)

    def _gram_match_sql(self) -> str:
        return (
            "SELECT a.seq, a.id, a.title, a.outlet, a.published, a.story_id,"
            " ts_rank_cd(g.grams, q) AS score"
            " FROM article_grams g JOIN articles a ON a.seq = g.seq,"
            " to_tsquery('simple', ?) AS q WHERE g.grams @@ q"
        )

    def _gram_engine_query(self, clauses: list[Clause]) -> str:
        return tsquery(clauses)

    def _snippets(self, clauses: list[Clause], seqs: list[int]) -> dict[int, tuple[str, str]]:
        engine_query = websearch_query(clauses)
        found = {}
        # where a clause needs two words, a later passage holding more of them may be the
        # best: only queries whose every passage holds one term (a word or a phrase) are
        # looked for in the window
        if all(len(clause.positive) == 1 for clause in clauses):
            for seq, (marked, cut) in self._headlines(engine_query, seqs, SNIPPET_WINDOW).items():
                if cut is None or widened_in(marked, cut):
                    found[seq] = plain_and_marked(marked)
        if rest := [seq for seq in seqs if seq not in found]:
            for seq, (marked, _) in self._headlines(engine_query, rest, None).items():
                found[seq] = plain_and_marked(marked)
        return found

    def _headlines(
        self, engine_query: str, seqs: list[int], window: int | None
    ) -> dict[int, tuple[str, str | None]]:
        """seq -> (the marked headline of each article's text, or of its first `window`
        characters; that cut text, or None where the whole text was read)."""
        # the markers are taken out of the text first, so every one in the headline is ts's
        rows = self._rows(
            "SELECT seq, ts_headline('english', body, q, %s) AS marked,"
            " CASE WHEN cut THEN body END AS cut FROM (SELECT seq, cut,"
            " CASE WHEN cut THEN left(clean, %s) ELSE clean END AS body FROM (SELECT seq,"
            " replace(replace(text, %s, ''), %s, '') AS clean,"
            " %s::int IS NOT NULL AND length(text) > %s::int AS cut"
            " FROM articles WHERE seq = ANY(%s)) AS t) AS b,"
            " websearch_to_tsquery('english', %s) AS q",
            (SNIPPET_OPTIONS, window, MARK_START, MARK_END, window, window, seqs, engine_query),
        )
        return {r["seq"]: (r["marked"], r["cut"]) for r in rows}

    def counts(self) -> dict[str, int]:
        def one(sql: str) -> int:
            row = self._one(sql)
            return int(next(iter(row.values()))) if row else 0

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


def plain_and_marked(marked: str) -> tuple[str, str]:
    """A headline as (plain text, text with the match markers)."""
    marked = marked.strip()
    return marked.replace(MARK_START, "").replace(MARK_END, ""), marked


def widened_in(marked: str, cut: str) -> bool:
    """Whether a headline of the cut text is the whole text's: it holds a match (so the
    text's first, as ts_headline takes the first of its best passages), and enough words
    follow it in the cut for ts_headline to have widened it there as over the whole (twice
    the snippet's words: the engine's parser counts some tokens, such as URLs, as one)."""
    plain, marked = plain_and_marked(marked)
    at = cut.find(plain)
    if MARK_START not in marked or not plain or at < 0:
        return False
    return len(WORD.findall(cut[at + len(plain) :])) >= 2 * SNIPPET_WORDS
