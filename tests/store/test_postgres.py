"""What only the PostgreSQL store does: its migrations table, writers queued by an advisory
lock, errors that name the database but never the password."""

from __future__ import annotations

import re
import threading

import pytest

from crosswire.errors import StoreError
from crosswire.model import Analysis, Article
from crosswire.store import display_name, open_store
from crosswire.store.postgres import plain_and_marked, widened_in
from crosswire.store.queries import marked_segments
from crosswire.store.rows import migrations
from crosswire.store.search import parse_query, websearch_query


def article(article_id: str) -> tuple[Article, Analysis]:
    return (
        Article(id=article_id, text="Talks in Oslo.", path="a.txt", text_hash=article_id),
        Analysis(article_id=article_id),
    )


def test_migrations_are_recorded_and_run_once(postgres_url: str) -> None:
    store = open_store(postgres_url)
    assert store.schema_version() == migrations("postgres")[-1][0]
    with store.transaction():
        store.add_article(*article("a1"))
    store.close()
    again = open_store(postgres_url)  # a second open must not re-create (or empty) tables
    assert again.counts()["articles"] == 1
    again.close()


def test_writers_wait_for_each_other(postgres_url: str) -> None:
    first, second = open_store(postgres_url), open_store(postgres_url)
    started, seen = threading.Event(), []

    def write_second() -> None:
        started.wait()
        with second.transaction():  # blocks until the first writer commits
            seen.append(second.counts()["articles"])
            second.add_article(*article("a2"))

    worker = threading.Thread(target=write_second)
    worker.start()
    with first.transaction():
        first.add_article(*article("a1"))
        started.set()
        worker.join(timeout=0.5)
        assert worker.is_alive()  # still waiting for the lock
    worker.join(timeout=10)
    assert seen == [1]  # it saw the first writer's article when its turn came
    assert first.counts()["articles"] == 2
    first.close()
    second.close()


def test_failed_write_is_a_store_error_and_rolls_back(postgres_url: str) -> None:
    store = open_store(postgres_url)
    with pytest.raises(StoreError, match="write to store"), store.transaction():
        store.add_article(*article("a1"))
        store.add_article(*article("a1"))  # same id twice
    assert store.counts()["articles"] == 0
    store.close()


def test_unreachable_server_is_a_clear_error_without_the_password() -> None:
    expected = re.escape("cannot open store postgresql://127.0.0.1/nowhere")
    with pytest.raises(StoreError, match=expected) as info:
        open_store("postgresql://someone:s3cret@127.0.0.1:1/nowhere?connect_timeout=2")
    assert "s3cret" not in str(info.value)


def test_nul_characters_are_stored_as_replacement_characters(postgres_url: str) -> None:
    store = open_store(postgres_url)
    stray = Article(
        id="a1", text="Talks\x00 in Oslo.", path="a.txt", title="Oslo\x00", text_hash="h"
    )
    with store.transaction():
        store.add_article(stray, Analysis(article_id="a1"))
    [back] = store.articles()
    assert (back.title, back.text) == ("Oslo\ufffd", "Talks\ufffd in Oslo.")
    assert [h.article_id for h in store.search_articles("oslo")] == ["a1"]
    store.close()


def test_shown_urls_lose_their_password() -> None:
    assert display_name("postgresql://team:s3cret@db.example:5433/news") == (
        "postgresql://team@db.example:5433/news"
    )
    assert display_name("postgresql://db.example/news") == "postgresql://db.example/news"
    assert display_name("news.db") == "news.db"


def test_lost_connection_is_a_store_error(postgres_url: str) -> None:
    store, admin = open_store(postgres_url), open_store(postgres_url)
    pid = store.db.info.backend_pid
    admin.db.execute("SELECT pg_terminate_backend(%s, 10000)", (pid,))  # waits till it is gone
    admin.close()
    with pytest.raises(StoreError, match="read from store"):
        store.stories()
    store.close()


def setting(store: object, name: str) -> str:
    row = store.db.execute("SELECT current_setting(%s) AS v", (name,)).fetchone()  # type: ignore[attr-defined]
    return str(row["v"])


def test_a_request_connection_runs_without_parallel_workers_and_plans_for_memory(
    postgres_url: str,
) -> None:
    plain = open_store(postgres_url)
    request = open_store(postgres_url, one_request=True)
    assert setting(plain, "max_parallel_workers_per_gather") != "0"  # the server's default
    assert setting(request, "max_parallel_workers_per_gather") == "0"
    assert setting(request, "random_page_cost") == "1.1"  # index reads from memory
    plain.close()
    request.close()


def test_a_request_connection_keeps_the_urls_own_options(postgres_url: str) -> None:
    url = f"{postgres_url}?options=-c%20statement_timeout%3D4321"
    request = open_store(url, one_request=True)
    assert setting(request, "statement_timeout") == "4321ms"
    assert setting(request, "max_parallel_workers_per_gather") == "0"
    request.close()


def test_a_search_leaves_the_connections_planner_settings_as_they_were(
    postgres_url: str,
) -> None:
    store = open_store(postgres_url)
    with store.transaction():
        store.add_article(*article("a1"))
    assert [h.article_id for h in store.search("Oslo").hits] == ["a1"]
    assert store.search("Paris").total == 0  # no match: empty arrays read back
    assert setting(store, "enable_seqscan") == "on"  # the match forces the index only
    store.close()


def test_a_headline_of_a_cut_text_counts_only_when_widened_there() -> None:
    tail = " ".join(f"w{k}" for k in range(60))
    marked = "a \x02minister\x03 said"
    assert widened_in(marked, f"x a minister said {tail}")
    assert not widened_in(marked, "x a minister said w1 w2")  # the cut stopped its widening
    assert not widened_in("a minister said", f"a minister said {tail}")  # no match in the cut
    assert not widened_in(marked, f"elsewhere {tail}")


@pytest.mark.parametrize(
    ("text", "query"),
    [
        # the window's passage holds both words far apart; a later one holds them together,
        # which ts_headline prefers over the whole text
        (
            "The minister, said several of the people close to the long talks, met the"
            f" ambassador. {' '.join(f'w{k}' for k in range(500))} The minister ambassador"
            " talks ended.",
            "minister ambassador",
        ),
        (
            # one word: the first match, here near the window's end
            f"{' '.join(f'w{k}' for k in range(330))} minister"
            f" {' '.join(f'after{k}' for k in range(40))}",
            "minister",
        ),
    ],
)
def test_snippets_are_those_of_the_whole_text(postgres_url: str, text: str, query: str) -> None:
    store = open_store(postgres_url)
    article = Article(id="long", text=text, path="long.txt", title=None, text_hash="l")
    with store.transaction():
        store.add_article(article, Analysis(article_id="long"))
    [hit] = store.search(query).hits
    whole = store._headlines(websearch_query(parse_query(query)), [1], None)
    assert hit.segments == marked_segments(*plain_and_marked(whole[1][0]))
    assert [t for t, is_match in hit.segments if is_match]  # the match is marked
    store.close()
