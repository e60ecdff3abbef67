"""A stage's large dictionaries, kept in the store entry by entry (see state.py).

`SpilledDict` and `SpilledBuckets` hold a bounded number of entries in memory and read the
others back from the store when asked for, so what a stage answers does not depend on what
it kept. Their entries are written as plain records (records.py), never pickled.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from contextlib import AbstractContextManager
from itertools import islice
from typing import Any, Protocol

from crosswire.stories.records import PLAIN_ENTRIES, Entries


class StateStore(Protocol):
    """What a store offers the stages for their state (store/base.py documents each)."""

    def save_state(self, name: str, data: bytes) -> None: ...
    def load_state(self, name: str) -> bytes | None: ...
    def delete_state(self, name: str) -> None: ...
    def save_entries(self, space: str, entries: Mapping[bytes, bytes | None]) -> None: ...
    def load_entries(self, space: str, keys: Iterable[bytes]) -> dict[bytes, bytes]: ...
    def scan_entries(
        self, space: str, after: bytes | None = None, limit: int | None = None
    ) -> Iterator[tuple[bytes, bytes]]: ...
    def add_members(self, space: str, pairs: Iterable[tuple[bytes, str]]) -> None: ...
    def load_members(self, space: str, keys: Iterable[bytes]) -> dict[bytes, list[str]]: ...
    def transaction(self) -> AbstractContextManager[None]: ...


class SpilledDict(MutableMapping[Any, Any]):
    """A stage's dictionary that need not fit in memory.

    Until `attach`ed to a store it is a plain dictionary (a stage used on its own, as in
    tests). Attached, its entries live in the store under `space`, written by `entries`
    (the stage's declaration of this attribute); the ones read or written since the last
    `flush` stay in memory, and after a flush at most `CACHE_ENTRIES` of them (the newest),
    so memory stays flat however many entries the store holds. Keys that the store lacks
    are remembered too (most lookups of a new article find nothing).
    Iterating reads the whole space from the store, in key order: for reports and
    upgrades, not for the per-article path.
    """

    CACHE_ENTRIES = 10_000

    def __init__(self, items: Mapping[Any, Any] | None = None) -> None:
        self._hot: dict[Any, Any] = dict(items or {})
        self._dirty: set[Any] = set()  # written or deleted since the last flush
        self._absent: set[Any] = set()  # known not to be in the store
        self._store: StateStore | None = None
        self._space = ""
        self._entries: Entries[Any, Any] = PLAIN_ENTRIES

    def attach(
        self, store: StateStore, space: str, entries: Entries[Any, Any] = PLAIN_ENTRIES
    ) -> None:
        self._store, self._space, self._entries = store, space, entries

    @property
    def attached(self) -> bool:
        return self._store is not None

    @property
    def unsaved(self) -> bool:
        return bool(self._dirty)

    # ------------------------------------------------------------------ mapping
    def __getitem__(self, key: Any) -> Any:
        try:
            return self._hot[key]
        except KeyError:
            pass
        if self._store is None or key in self._dirty or key in self._absent:
            raise KeyError(key)
        self.fetch([key])
        return self._hot[key]

    def __setitem__(self, key: Any, value: Any) -> None:
        self._hot[key] = value
        self._dirty.add(key)
        self._absent.discard(key)

    def __delitem__(self, key: Any) -> None:
        if key not in self:
            raise KeyError(key)
        del self._hot[key]
        self._dirty.add(key)
        self._absent.add(key)

    def __iter__(self) -> Iterator[Any]:
        return (key for key, _ in self.entries())

    def __len__(self) -> int:
        return sum(1 for _ in self.entries())

    def entries(self) -> Iterator[tuple[Any, Any]]:
        """Every (key, value): the store's, as changed since the last flush."""
        if self._store is None:
            yield from list(self._hot.items())
            return
        seen = set()
        for data, value in self._store.scan_entries(self._space):
            key = self._entries.key_of(data, self._space)
            seen.add(key)
            if key in self._hot:
                yield key, self._hot[key]
            elif key not in self._dirty:  # else deleted since
                yield key, self._entries.value_of(value, self._space)
        yield from [(k, v) for k, v in self._hot.items() if k not in seen]

    # ------------------------------------------------------------------ store
    def fetch(self, keys: Iterable[Any]) -> None:
        """Read these keys' entries into memory in one store query (where not there yet)."""
        if self._store is None:
            return
        missing = {
            self._entries.key_bytes(k): k
            for k in keys
            if k not in self._hot and k not in self._dirty and k not in self._absent
        }
        if not missing:
            return
        found = self._store.load_entries(self._space, missing)
        for data, key in missing.items():
            if data in found:
                self._hot[key] = self._entries.value_of(found[data], self._space)
            else:
                self._absent.add(key)

    def touch(self, key: Any) -> None:
        """The value under `key` was changed in place (or the entry deleted)."""
        self._dirty.add(key)

    def flush(self) -> None:
        """Write the changed entries to the store, then keep only the newest in memory."""
        if self._store is None:
            self._dirty.clear()
            return
        codec = self._entries
        entries = {
            codec.key_bytes(k): codec.value_bytes(self._hot[k]) if k in self._hot else None
            for k in self._dirty
        }
        if entries:
            self._store.save_entries(self._space, entries)
        self._dirty.clear()
        if len(self._hot) > self.CACHE_ENTRIES:
            # dicts keep insertion order: the entries read or written last are kept
            start = len(self._hot) - self.CACHE_ENTRIES // 2
            self._hot = dict(islice(self._hot.items(), start, None))
        if len(self._absent) > self.CACHE_ENTRIES:
            self._absent = set()


class SpilledBuckets:
    """A growing multimap (bytes key -> the ids added under it), kept like a `SpilledDict`:
    attached, it lives in the store's ``state_members``, one row per member, so adding one
    writes one row however full its bucket is (an LSH band of a text syndicated a thousand
    times). Members come back in the store's order, not in arrival order."""

    CACHE_KEYS = 10_000

    def __init__(self, buckets: Mapping[bytes, list[str]] | None = None) -> None:
        self._hot: dict[bytes, list[str]] = {k: list(v) for k, v in (buckets or {}).items()}
        self._added: list[tuple[bytes, str]] = []  # since the last flush
        self._absent: set[bytes] = set()
        self._store: StateStore | None = None
        self._space = ""

    def attach(self, store: StateStore, space: str) -> None:
        self._store, self._space = store, space

    @property
    def attached(self) -> bool:
        return self._store is not None

    @property
    def unsaved(self) -> bool:
        return bool(self._added)

    def items(self) -> list[tuple[bytes, list[str]]]:
        """The buckets in memory: all of them until attached."""
        return [(k, list(v)) for k, v in self._hot.items()]

    def get(self, key: bytes) -> list[str]:
        if key not in self._hot:
            self.fetch([key])
        return self._hot.get(key, [])

    def add(self, key: bytes, member: str) -> None:
        self.fetch([key])
        self._hot.setdefault(key, []).append(member)
        self._absent.discard(key)
        self._added.append((key, member))

    def fetch(self, keys: Iterable[bytes]) -> None:
        """Read these keys' buckets into memory in one store query (where not there yet)."""
        if self._store is None:
            return
        missing = [k for k in keys if k not in self._hot and k not in self._absent]
        if not missing:
            return
        found = self._store.load_members(self._space, missing)
        for key in missing:
            if key in found:
                self._hot[key] = found[key]
            else:
                self._absent.add(key)

    def flush(self) -> None:
        if self._store is not None and self._added:
            self._store.add_members(self._space, self._added)
        self._added = []
        if self._store is not None and len(self._hot) > self.CACHE_KEYS:
            start = len(self._hot) - self.CACHE_KEYS // 2
            self._hot = dict(islice(self._hot.items(), start, None))
        if len(self._absent) > self.CACHE_KEYS:
            self._absent = set()
