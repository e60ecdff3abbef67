"""A pool of PostgreSQL connections for a server's requests.

A request used to open its own connection: about 10 ms of connecting and authenticating
each time, and, worse, every query planned afresh, since PostgreSQL keeps prepared plans per
connection (psycopg prepares a statement on a connection once it has run there a few
times). The search's counting query costs more to plan than to run. Pooled connections keep
their prepared statements from request to request. The database is migrated once, when the
pool opens. SQLite needs no pool: opening a file costs little, and a connection belongs
to the thread that made it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from crosswire.errors import StoreError
from crosswire.store.postgres import PostgresStore, configure, connection_settings, redact

POOL_SIZE = 16  # connections at most; a request that finds none free waits for one
WAIT_SECONDS = 30.0  # then it fails as a store that is not available
IDLE_SECONDS = 300.0  # a connection unused this long is closed


class PostgresPool:
    """Stores over pooled connections to the database at `url`."""

    def __init__(self, url: str, max_size: int = POOL_SIZE):
        self.url = url
        PostgresStore(url).close()  # migrated now, and a bad URL fails now, with its message
        self._pool: ConnectionPool[psycopg.Connection] = ConnectionPool(
            url,
            min_size=0,  # no connection kept open for a server nobody asks
            max_idle=IDLE_SECONDS,
            max_size=max_size,
            kwargs=connection_settings(url, one_request=True),
            configure=configure,
            check=ConnectionPool.check_connection,  # a server restarted since is noticed
            timeout=WAIT_SECONDS,
            name="crosswire",
            open=True,
        )

    @contextmanager
    def store(self) -> Iterator[PostgresStore]:
        """A store over one pooled connection, for one request; the connection goes back
        to the pool after it (any transaction left open is rolled back by the pool)."""
        try:
            connection = self._pool.getconn()
        except (PoolTimeout, psycopg.Error) as exc:
            raise StoreError(f"cannot open store {redact(self.url)}: {exc}") from exc
        try:
            yield PostgresStore(self.url, connection=connection)
        finally:
            self._pool.putconn(connection)

    def close(self) -> None:
        self._pool.close()
