"""The server's pool of PostgreSQL connections: a request's store borrows a connection and
gives it back, the next request gets the same one (with the statements prepared on it),
a failed request leaves no transaction open on it, and an unreachable server is a
`StoreError` naming no password."""

from __future__ import annotations

import pytest

from crosswire.errors import StoreError
from crosswire.store.pool import PostgresPool


def test_requests_share_a_connection_one_after_the_other(postgres_url: str) -> None:
    pool = PostgresPool(postgres_url, max_size=2)
    try:
        with pool.store() as first:
            pid = first.db.info.backend_pid
            assert first.counts()["articles"] == 0
        with pool.store() as second:
            assert second.db.info.backend_pid == pid
            assert not second.db.closed
    finally:
        pool.close()


def test_a_failed_request_leaves_no_transaction_behind(postgres_url: str) -> None:
    pool = PostgresPool(postgres_url, max_size=1)
    try:
        with pytest.raises(RuntimeError), pool.store() as store:
            store.db.execute("BEGIN")
            raise RuntimeError("the request failed")
        with pool.store() as store, store.snapshot():  # BEGIN fails inside a transaction
            assert store.counts()["articles"] == 0
    finally:
        pool.close()


def test_an_unreachable_server_is_a_store_error_without_its_password() -> None:
    with pytest.raises(StoreError) as failed:
        PostgresPool("postgresql://someone:secret@127.0.0.1:1/nothing")
    assert "secret" not in str(failed.value)
