"""The list queries both SQL backends share: stories, events and search filtered, sorted and
paged in SQL, totals by COUNT.

SQL here is written with ``?`` placeholders; each backend's `_query` runs it with its own
(`Dialect` names what else differs: case-insensitive LIKE, byte-wise text order). Every
value is a parameter; the only SQL assembled is from fixed fragments and integers.
"""

from __future__ import annotations

import json
import re
from abc import abstractmethod
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from crosswire.graph import event_actors
from crosswire.model import Entity, Event, IngestError
from crosswire.store.base import (
    ActorActivity,
    ArticleHit,
    EventFilter,
    Facet,
    SearchFilter,
    SearchPage,
    StoryHit,
    StoryQuery,
)
from crosswire.store.cards import ActorTally, StoryCard
from crosswire.store.grams import gram_clauses, has_unspaced, snippet
from crosswire.store.rows import (
    Row,
    entities_from_groups,
    entity_articles_sql,
    grouped_mentions_sql,
)
from crosswire.store.search import Clause, check_page, parse_query

MAX_OFFSET = 2**62  # beyond any table; larger ints overflow the databases' integers
ACTORS_LISTED = 500  # an actor filter matching more actors than this matches by subquery


@dataclass(frozen=True, slots=True)
class Dialect:
    like: str  # case-insensitive LIKE: "LIKE" (SQLite's is) or "ILIKE"
    collate: str  # appended to a text column to order byte-wise: "" or ' COLLATE "C"'

    def text(self, column: str) -> str:
        return column + self.collate


def like_escaped(text: str) -> str:
    """A LIKE pattern matching `text` itself, its wildcards taken literally (used with
    ``ESCAPE '\\'``)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_pattern(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, its wildcards taken literally."""
    return f"%{like_escaped(text)}%"


def actor_entities(like: str) -> str:
    """A subquery of the entity ids with an alias or name containing the actor text, given
    as one `like_pattern` parameter."""
    return f"SELECT entity_id FROM entity_names WHERE name {like} ? ESCAPE '\\'"


def page_bounds(limit: int, offset: int) -> tuple[int, int]:
    return max(0, int(limit)), min(max(0, int(offset)), MAX_OFFSET)


def prefix_at_least(column: str, value: str) -> str:
    """`column` compared at the precision of `value` (since=2021 keeps 2021-05-03)."""
    return f"substr(coalesce({column}, ''), 1, {len(value)}) >= ?"


def prefix_at_most(column: str, value: str) -> str:
    return f"substr(coalesce({column}, '9999'), 1, {len(value)}) <= ?"


def recent_cutoff(latest: str | None, days: int) -> str:
    """The first day of the `days` ending on the store's latest story date ("" when there
    is no usable date: every story is then recent)."""
    try:
        last = date.fromisoformat((latest or "")[:10])
    except ValueError:
        return ""
    return (last - timedelta(days=days - 1)).isoformat()


class SQLQueries:
    """Mixed into both backends: they give `_query` and `DIALECT`."""

    DIALECT: Dialect

    @abstractmethod
    def _query(self, sql: str, params: Iterable[Any] = ()) -> Sequence[Row]:
        """Rows of `sql` written with ``?`` placeholders."""

    def _count(self, sql: str, params: Iterable[Any]) -> int:
        rows = self._query(f"SELECT count(*) AS n FROM ({sql}) AS counted", params)
        return int(rows[0]["n"]) if rows else 0

    # ------------------------------------------------------------------ actors
    def entity(self, entity_id: str) -> Entity | None:
        """One canonical actor, aggregated over its own mentions as `entities()` does."""
        found = self.entities_by_ids([entity_id])
        return found[0] if found else None

    def entities_by_ids(self, ids: Iterable[str]) -> list[Entity]:
        """The canonical actors with these ids (those that have mentions), by id, each
        aggregated over its own mentions only (`rows.entities_from_groups`)."""
        wanted = sorted(set(ids))
        groups: list[Row] = []
        articles: list[Row] = []
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            where = f"WHERE entity_id IN ({', '.join('?' * len(chunk))})"
            groups += self._query(grouped_mentions_sql(where), chunk)
            articles += self._query(entity_articles_sql(where), chunk)
        return entities_from_groups(groups, articles)

    def entities(self) -> list[Entity]:
        """Every canonical actor, aggregated over its mentions."""
        return entities_from_groups(
            self._query(grouped_mentions_sql(), []), self._query(entity_articles_sql(), [])
        )

    def actor_search(self, query: str, limit: int, offset: int) -> tuple[list[Entity], int]:
        """One page of the actors with a name or alias containing `query` (any name they
        were recorded under, case-insensitive as the actor filters are), and how many.

        Exact name matches first, then the actors named in most articles, then by name.
        Matching, the exact flag and the article counts are worked out in SQL on the
        names table and the (entity, article) index, as narrow rows; only the actors of
        the page, and of the ties cut by its ends, are aggregated (by name, for the order)."""
        limit, offset = page_bounds(limit, offset)
        like = self.DIALECT.like
        ranked = self._query(
            "SELECT g.entity_id, g.n, CASE WHEN EXISTS (SELECT 1 FROM entity_names x"
            f" WHERE x.entity_id = g.entity_id AND x.name {like} ? ESCAPE '\\')"
            " THEN 1 ELSE 0 END AS exact"
            " FROM (SELECT entity_id, count(DISTINCT article_id) AS n FROM mentions"
            f" WHERE entity_id IN ({actor_entities(like)}) GROUP BY entity_id) AS g"
            f" ORDER BY exact DESC, g.n DESC, {self.DIALECT.text('g.entity_id')}",
            [like_escaped(query), like_pattern(query)],
        )
        ranks = [(-int(r["exact"]), -int(r["n"])) for r in ranked]
        page = ranks[offset : offset + limit]
        if not page:
            return [], len(ranked)
        # the ties the page starts and ends in are ordered by name: aggregate them whole
        first = ranks.index(page[0])
        last = len(ranks) - ranks[::-1].index(page[-1])
        found = self.entities_by_ids(r["entity_id"] for r in ranked[first:last])
        rank = {r["entity_id"]: ranks[i] for i, r in enumerate(ranked[first:last], first)}
        found.sort(key=lambda e: (rank[e.id], e.name, e.id))
        return found[offset - first : offset - first + limit], len(ranked)

    def actor_activity(self, entity_id: str, partners: int) -> ActorActivity:
        """Counted in SQL over the actor's event links (an actor in thousands of events
        has its page without any of them read whole); each partner is named as the first
        event they share names it, so only `partners` events are read."""
        t = self.DIALECT.text
        mine = "SELECT event_id FROM event_actors WHERE entity_id = ?"
        dates = self._query(
            f"SELECT date, count(*) AS n FROM events WHERE id IN ({mine})"
            f" AND date IS NOT NULL GROUP BY date ORDER BY {t('date')}",
            [entity_id],
        )
        ranked = self._query(
            "SELECT entity_id, count(DISTINCT event_id) AS n, min(event_id) AS example"
            f" FROM event_actors WHERE event_id IN ({mine}) AND entity_id <> ?"
            f" GROUP BY entity_id ORDER BY n DESC, {t('entity_id')} LIMIT ?",
            [entity_id, entity_id, partners],
        )
        stories = self._query(
            "SELECT id, title FROM stories WHERE id IN (SELECT story_id FROM events"
            f" WHERE id IN ({mine})) ORDER BY {t('id')}",
            [entity_id],
        )
        return ActorActivity(
            dates=[(r["date"], int(r["n"])) for r in dates],
            partners=self._partners(ranked),
            stories=[(r["id"], r["title"]) for r in stories],
        )

    def _partners(self, ranked: Sequence[Row]) -> list[ActorTally]:
        examples = self._by_ids("SELECT id, data FROM events", [r["example"] for r in ranked])
        refs = {
            (row["id"], ref.entity_id): ref
            for row in examples
            for ref in event_actors(Event.from_dict(json.loads(row["data"])))
        }
        named = [(r, refs.get((r["example"], r["entity_id"]))) for r in ranked]
        return [
            ActorTally(r["entity_id"], ref.name, ref.country, int(r["n"]), ref.sector)
            for r, ref in named
            if ref is not None
        ]

    # ------------------------------------------------------------------ stories
    def story_cards(self, query: StoryQuery) -> tuple[list[StoryCard], int]:
        where, params = self._story_where(query)
        base = f"SELECT s.id FROM stories s{where}"
        total = self._count(base, params)
        order, order_params = self._story_order(query.sort, query.recent_days)
        limit, offset = page_bounds(query.limit, query.offset)
        # sort and cut the page on narrow rows, then read the page's cards
        page = self._query(
            f"SELECT s.id FROM stories s{where} ORDER BY {order} LIMIT ? OFFSET ?",
            [*params, *order_params, limit, offset],
        )
        ids = [r["id"] for r in page]
        rows = self._by_ids(
            "SELECT id, title, first_date, last_date, n_articles, n_outlets, n_independent,"
            " n_events, n_contradictions, card FROM stories",
            ids,
        )
        return [StoryCard.from_row(r, json.loads(r["card"] or "{}")) for r in rows], total

    def _by_ids(self, select: str, ids: list[str]) -> list[Row]:
        """Rows of `select` (over a table with an ``id``) for `ids`, in their order."""
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        found = {r["id"]: r for r in self._query(f"{select} WHERE id IN ({marks})", ids)}
        return [found[i] for i in ids if i in found]

    def _actor_ids(self, actor: str) -> tuple[str, list[Any]]:
        """What ``entity_id IN (...)`` holds to match the actors with a name containing
        `actor`, and its parameters: their ids, looked up first, so the planner knows how
        few they are (PostgreSQL estimated a LIKE subquery's 9 actors at 40 and read every
        event and actor link: 27 ms against 3), or the subquery itself when they are many."""
        like = self.DIALECT.like
        rows = self._query(
            f"SELECT DISTINCT entity_id FROM ({actor_entities(like)}) AS e"
            f" LIMIT {ACTORS_LISTED + 1}",
            [like_pattern(actor)],
        )
        if len(rows) > ACTORS_LISTED:
            return actor_entities(like), [like_pattern(actor)]
        ids = [r["entity_id"] for r in rows]
        return ", ".join("?" * len(ids)) or "NULL", ids  # IN (NULL) holds for no row

    def _story_where(self, q: StoryQuery) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if q.since:
            clauses.append(prefix_at_least("s.last_date", q.since))
            params.append(q.since)
        if q.until:
            clauses.append(prefix_at_most("s.first_date", q.until))
            params.append(q.until)
        if q.type:
            clauses.append("s.id IN (SELECT story_id FROM events WHERE type = ?)")
            params.append(q.type.upper())
        if q.country:
            clauses.append(
                "s.id IN (SELECT e.story_id FROM event_countries c"
                " JOIN events e ON e.id = c.event_id WHERE c.country = ?)"
            )
            params.append(q.country.upper())
        if q.actor:
            entities, ids = self._actor_ids(q.actor)
            clauses.append(
                "s.id IN (SELECT e.story_id FROM event_actors ea"
                f" JOIN events e ON e.id = ea.event_id WHERE ea.entity_id IN ({entities}))"
            )
            params += ids
        if q.min_sources:
            clauses.append("s.n_independent >= ?")
            params.append(int(q.min_sources))
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def _story_order(self, sort: str, recent_days: int) -> tuple[str, list[Any]]:
        t = self.DIALECT.text
        if sort == "size":
            first = f"s.first_date IS NOT NULL, {t('s.first_date')}"  # undated first, as before
            return f"s.n_articles DESC, {first}, {t('s.id')}", []
        if sort == "oldest":
            return f"s.first_date IS NULL, {t('s.first_date')}, {t('s.id')}", []
        if sort == "sources":
            return f"s.n_independent DESC, s.n_articles DESC, {t('s.id')}", []
        recent = f"s.last_date IS NULL, {t('s.last_date')} DESC, {t('s.id')}"
        if sort == "recent":
            return recent, []
        # "top": stories active in the store's latest `recent_days` first, then by sources
        latest = self._query("SELECT max(last_date) AS d FROM stories")
        cutoff = recent_cutoff(latest[0]["d"] if latest else None, recent_days)
        last = t("coalesce(s.last_date, '')")
        first = f"CASE WHEN {last} >= ? THEN 0 ELSE 1 END"
        return f"{first}, s.n_independent DESC, s.n_articles DESC, {recent}", [cutoff]

    def story_choices(self) -> dict[str, list[str]]:
        """Event types and countries present in the store (for the list's pickers)."""
        types = self._query("SELECT DISTINCT type FROM events ORDER BY type")
        countries = self._query("SELECT DISTINCT country FROM event_countries ORDER BY country")
        return {
            "types": [r["type"] for r in types],
            "countries": [r["country"] for r in countries],
        }

    # ------------------------------------------------------------------ events
    def _events_where(self, where: EventFilter) -> tuple[str, list[Any]]:
        t = self.DIALECT.text
        clauses: list[str] = []
        params: list[Any] = []
        if where.type:
            clauses.append("type = ?")
            params.append(where.type.upper())
        if where.since:
            clauses.append(f"{t('date')} >= ?")
            params.append(where.since)
        if where.until:
            clauses.append(f"date IS NOT NULL AND {prefix_at_most('date', where.until)}")
            params.append(where.until)
        if where.story_id:
            clauses.append("story_id = ?")
            params.append(where.story_id)
        if where.entity_id:
            clauses.append("id IN (SELECT event_id FROM event_actors WHERE entity_id = ?)")
            params.append(where.entity_id)
        if where.actor:
            entities, ids = self._actor_ids(where.actor)
            clauses.append(
                f"id IN (SELECT event_id FROM event_actors WHERE entity_id IN ({entities}))"
            )
            params += ids
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def _events_order(self) -> str:
        t = self.DIALECT.text
        return f"date IS NULL, {t('date')}, {t('id')}"

    def events(self, where: EventFilter | None = None) -> list[Event]:
        clause, params = self._events_where(where or EventFilter())
        order = self._events_order()
        rows = self._query(f"SELECT data FROM events{clause} ORDER BY {order}", params)
        return [Event.from_dict(json.loads(r["data"])) for r in rows]

    def events_page(
        self, where: EventFilter | None, limit: int, offset: int
    ) -> tuple[list[Event], int]:
        clause, params = self._events_where(where or EventFilter())
        total = self._count(f"SELECT id FROM events{clause}", params)
        limit, offset = page_bounds(limit, offset)
        actor = bool(where and (where.actor or where.entity_id))
        page = self._query(self._events_page_sql(clause, actor), [*params, limit, offset])
        rows = self._by_ids("SELECT id, data FROM events", [r["id"] for r in page])
        return [Event.from_dict(json.loads(r["data"])) for r in rows], total

    def _events_page_sql(self, clause: str, by_actor: bool) -> str:
        order = self._events_order()
        if not by_actor:
            return f"SELECT id FROM events{clause} ORDER BY {order} LIMIT ? OFFSET ?"
        # an actor's events: filter first, then sort what matched; walking the whole date
        # order testing each event (PostgreSQL's plan when it overestimates the matches)
        # took 100+ ms
        return (
            f"WITH matched AS MATERIALIZED (SELECT id, date FROM events{clause})"
            f" SELECT id FROM matched ORDER BY {order} LIMIT ? OFFSET ?"
        )

    def event(self, event_id: str) -> Event | None:
        rows = self._query("SELECT data FROM events WHERE id = ?", [event_id])
        return Event.from_dict(json.loads(rows[0]["data"])) if rows else None

    # ------------------------------------------------------------------ errors
    def errors_page(self, limit: int, offset: int) -> tuple[list[IngestError], int]:
        limit, offset = page_bounds(limit, offset)
        total = self._count("SELECT id FROM errors", [])
        rows = self._query(
            "SELECT path, record, reason FROM errors ORDER BY id DESC LIMIT ? OFFSET ?",
            [limit, offset],
        )
        page = [IngestError(path=r["path"], record=r["record"], reason=r["reason"]) for r in rows]
        return page, total

    # ------------------------------------------------------------------ search
    @abstractmethod
    def _match_sql(self) -> str:
        """The matches of one full-text query (the ``?``s, `_match_params`): columns seq,
        id, title, outlet, published, story_id and score (higher is better)."""

    def _match_params(self, engine_query: str) -> list[Any]:
        """The parameters of `_match_sql`: by default the engine query alone."""
        return [engine_query]

    @abstractmethod
    def _engine_query(self, clauses: list[Clause]) -> str:
        """The parsed query written for this backend's full-text engine."""

    @abstractmethod
    def _snippets(self, clauses: list[Clause], seqs: list[int]) -> dict[int, tuple[str, str]]:
        """(plain, marked) snippet of each article by seq for the parsed query; matches in
        `marked` sit between `MARK_START` and `MARK_END`."""

    @abstractmethod
    def _gram_match_sql(self) -> str:
        """`_match_sql` over the pair index of text in unspaced scripts (``store/grams.py``)."""

    @abstractmethod
    def _gram_engine_query(self, clauses: list[Clause]) -> str:
        """The query for the pair index (clauses already turned into pairs)."""

    def _gram_snippets(self, clauses: list[Clause], seqs: list[int]) -> dict[int, tuple[str, str]]:
        words = [w for clause in clauses for term in clause.positive for w in term.words]
        marks = ", ".join("?" * len(seqs))
        rows = self._query(f"SELECT seq, text FROM articles WHERE seq IN ({marks})", seqs)
        return {r["seq"]: snippet(r["text"], words, (MARK_START, MARK_END)) for r in rows}

    def search(
        self,
        query: str,
        where: SearchFilter | None = None,
        limit: int = 20,
        offset: int = 0,
        facets: bool = True,
    ) -> SearchPage:
        check_page(limit, offset)
        clauses = parse_query(query)
        if not clauses:
            return SearchPage([], 0, {k: [] for k in FACETS} if facets else {}, [])
        # a word in a script written without spaces is only found in the pair index
        grams = any(has_unspaced(w) for clause in clauses for t in clause.terms for w in t.words)
        if grams:
            engine_query = self._gram_engine_query(gram_clauses(clauses))
            match_sql = self._gram_match_sql()
        else:
            engine_query, match_sql = self._engine_query(clauses), self._match_sql()
        filtered, params = self._filtered(match_sql, engine_query, where or SearchFilter())
        with self._matching():
            rows = self._query(
                f"SELECT * FROM ({filtered}) AS f ORDER BY f.score DESC, f.seq LIMIT ? OFFSET ?",
                [*params, limit, min(offset, MAX_OFFSET)],
            )
            summary = self._query(*self._summary_sql(filtered, params)) if facets else []
        seqs = [r["seq"] for r in rows]
        snippets = (
            {}
            if not rows
            else self._gram_snippets(clauses, seqs)
            if grams
            else self._snippets(clauses, seqs)
        )
        hits = [_hit(r, *snippets.get(r["seq"], ("", ""))) for r in rows]
        if not facets:
            return SearchPage(hits, len(hits), {}, [])
        return _summarised(hits, summary)

    def _matching(self) -> AbstractContextManager[None]:
        """Planner settings for the queries that run the full-text match (none by default)."""
        return nullcontext()

    def _filtered(
        self, match_sql: str, engine_query: str, where: SearchFilter
    ) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params = self._match_params(engine_query)
        if where.outlet:
            clauses.append("m.outlet = ?")
            params.append(where.outlet)
        if where.month:
            clauses.append("substr(m.published, 1, 7) = ?")
            params.append(where.month)
        for kind in ("type", "country"):
            if value := getattr(where, kind):
                clauses.append(
                    "m.id IN (SELECT article_id FROM article_facets WHERE kind = ? AND value = ?)"
                )
                params += [kind, value.upper()]
        sql = f"SELECT m.* FROM ({match_sql}) AS m"
        return sql + (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def _summary_sql(self, filtered: str, params: list[Any]) -> tuple[str, list[Any]]:
        """One query for all that is counted over the matches (the total, each facet, the
        stories among them): the match is made once, into a materialised CTE of the few
        columns they read (the score is not one of them, so no match is ranked), and each
        count reads it; rows are (kind, value, label, n, rank), in each kind's order."""
        parts = [
            "SELECT 'total' AS kind, NULL AS value, NULL AS label, count(*) AS n, 0 AS rank FROM f"
        ]
        parts += [f"SELECT * FROM ({self._facet_sql(k)}) AS facet_{k}" for k in FACETS]
        parts.append(f"SELECT * FROM ({self._story_hits_sql()}) AS story_hits")
        sql = (
            "WITH f AS MATERIALIZED (SELECT f.id, f.outlet, f.published, f.story_id"
            f" FROM ({filtered}) AS f), {self._story_counts_sql()}"
            " SELECT * FROM (" + " UNION ALL ".join(parts) + ") AS summary ORDER BY kind, rank"
        )
        return sql, params

    def _facet_sql(self, kind: str) -> str:
        t = self.DIALECT.text
        # a match is one row of f, but may have one value in article_facets twice (from the
        # events of two stories): only those counts need DISTINCT (a sort per facet)
        counted = "count(*)"
        if kind in ("type", "country"):
            value, counted = "af.value", "count(DISTINCT f.id)"
            source = f"f JOIN article_facets af ON af.article_id = f.id AND af.kind = '{kind}'"
        elif kind == "outlet":
            value, source = "f.outlet", "f"
        else:  # month
            value, source = "substr(f.published, 1, 7)", "f"
        order = f"{t('value')}" if kind == "month" else f"n DESC, {t('value')}"
        return (
            f"SELECT '{kind}' AS kind, value, NULL AS label, n,"
            f" row_number() OVER (ORDER BY {order}) AS rank FROM (SELECT {value} AS value,"
            f" {counted} AS n FROM {source} WHERE {value} IS NOT NULL"
            f" GROUP BY {value}) AS g ORDER BY {order} LIMIT {FACET_VALUES}"
        )

    def _story_counts_sql(self) -> str:
        """CTEs: the matches per story (`story_n`), and the least of the STORY_HITS
        largest counts (`story_cut`): only stories with at least that many can be shown."""
        return (
            "story_n AS MATERIALIZED (SELECT f.story_id, count(*) AS n FROM f"
            " WHERE f.story_id IS NOT NULL GROUP BY f.story_id),"
            " story_cut AS (SELECT coalesce(min(n), 0) AS n FROM (SELECT n FROM story_n"
            f" ORDER BY n DESC LIMIT {STORY_HITS}) AS top)"
        )

    def _story_hits_sql(self) -> str:
        # stories are ordered by matches, then independent sources: only those that can be
        # among the first STORY_HITS are read (a common word matches articles of thousands
        # of stories, most with one match: reading every one's row took ~10 ms)
        order = f"g.n DESC, s.n_independent DESC, {self.DIALECT.text('s.id')}"
        return (
            "SELECT 'story' AS kind, s.id AS value, s.title AS label, g.n,"
            f" row_number() OVER (ORDER BY {order}) AS rank FROM story_n AS g"
            " JOIN stories s ON s.id = g.story_id WHERE g.n >= (SELECT n FROM story_cut)"
            f" ORDER BY {order} LIMIT {STORY_HITS}"
        )


def _summarised(hits: list[ArticleHit], summary: Sequence[Row]) -> SearchPage:
    """The search page from its hits and `_summary_sql`'s rows (ordered by kind, then by
    each kind's own rank)."""
    total = next((int(r["n"]) for r in summary if r["kind"] == "total"), 0)
    of = {k: [r for r in summary if r["kind"] == k] for k in (*FACETS, "story")}
    facets = {k: [Facet(r["value"], int(r["n"])) for r in of[k]] for k in FACETS}
    stories = [StoryHit(r["value"], r["label"], int(r["n"])) for r in of["story"]]
    return SearchPage(hits=hits, total=total, facets=facets, stories=stories)


FACETS = ("type", "country", "outlet", "month")
FACET_VALUES = 24
STORY_HITS = 10
MARK_START, MARK_END = "\x02", "\x03"  # control characters: cleaned article text has none


def marked_segments(plain: str, marked: str) -> list[tuple[str, bool]]:
    """`marked` cut at its match markers into (text, matched) pieces. When the text itself
    held a marker character the cut cannot be trusted: the plain snippet is one piece."""
    pieces: list[tuple[str, bool]] = []
    matched = False
    for part in re.split(f"([{MARK_START}{MARK_END}])", marked):
        if part in (MARK_START, MARK_END):
            matched = part == MARK_START
        elif part:
            pieces.append((part, matched))
    if "".join(p for p, _ in pieces) != plain or MARK_START in plain or MARK_END in plain:
        return [(plain, False)] if plain else []
    return pieces


def _hit(row: Row, plain: str, marked: str) -> ArticleHit:
    return ArticleHit(
        article_id=row["id"], title=row["title"], outlet=row["outlet"],
        published=row["published"], snippet=plain, score=float(row["score"]),
        segments=marked_segments(plain, marked),
    )  # fmt: skip
