"""A server's read transaction (`Store.snapshot`) sees one committed state while a writer
commits, and a request's SQLite connection may be handed from thread to thread."""

from __future__ import annotations

import threading

from tests.store.test_store import make_analysis, make_article

from crosswire.store import open_store


def test_a_snapshot_does_not_see_what_a_writer_commits_meanwhile(url: str) -> None:
    reader, writer = open_store(url), open_store(url)
    try:
        with writer.transaction():
            writer.add_article(make_article("a1"), make_analysis("a1"))
        with reader.snapshot():
            assert reader.counts()["articles"] == 1
            with writer.transaction():
                writer.add_article(make_article("a2"), make_analysis("a2"))
            assert reader.counts()["articles"] == 1
            assert reader.known_ids(["a1", "a2"]) == {"a1"}
        assert reader.counts()["articles"] == 2  # the next snapshot sees it
    finally:
        reader.close()
        writer.close()


def test_a_request_store_is_opened_used_and_closed_in_different_threads(url: str) -> None:
    found: list[object] = []
    store = open_store(url, one_request=True)
    snapshot = store.snapshot()
    snapshot.__enter__()

    def work() -> None:
        found.append(store.counts()["articles"])

    def finish() -> None:
        snapshot.__exit__(None, None, None)
        store.close()
        found.append("closed")

    for step in (work, finish):
        thread = threading.Thread(target=step)
        thread.start()
        thread.join()
    assert found == [0, "closed"]
