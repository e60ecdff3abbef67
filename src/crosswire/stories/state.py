"""Saving the incremental stages' state inside the store's transaction, incrementally.

A stage's state is dictionaries of small entries (one per article, story or term) plus a
few counters. Rewriting all of it after every batch would make the cost per arriving
article grow with the store, so a stage is saved as a *journal*: a base snapshot plus one
delta per batch holding only the entries the batch changed. When the deltas together
outgrow the base, the next save writes a fresh base instead (a geometric compaction:
bases at least double in between, so all bytes ever written stay within a small constant
of the final state's size, and the amortised save cost per article is constant).

A stage's largest dictionaries (one entry per article, or per LSH band) are *spilled*
(`SpilledDict`, listed in ``SPILLED``): they are saved entry by entry in the store's
``state_entries`` rather than in the base and deltas, and only the entries used recently
stay in memory, so the driver's memory does not grow with the archive; an entry no longer
in memory is read back from the store when it is asked for, so what a stage answers does
not depend on what it kept.

Loading reads the base and replays the deltas once per process; `Journal` keeps the stage
in memory between batches and reloads it when the store's generation counter differs from
its own (a rolled-back transaction, or another process wrote the store meanwhile) or when
it was loaded and not saved (a batch that failed half-way). Deltas left from before a
compaction stay in the store unread until their names are reused.
"""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass
from itertools import islice
from typing import Any, ClassVar, Generic, Protocol, Self, TypeVar

_GONE = "__crosswire_deleted__"  # a deleted entry in a delta


class StateStore(Protocol):
    def save_state(self, name: str, data: bytes) -> None: ...
    def load_state(self, name: str) -> bytes | None: ...
    def save_entries(self, space: str, entries: Mapping[bytes, bytes | None]) -> None: ...
    def load_entries(self, space: str, keys: Iterable[bytes]) -> dict[bytes, bytes]: ...
    def scan_entries(self, space: str) -> Iterator[tuple[bytes, bytes]]: ...


class SpilledDict(MutableMapping[Any, Any]):
    """A stage's dictionary that need not fit in memory.

    Until `attach`ed to a store it is a plain dictionary (a stage used on its own, as in
    tests). Attached, its entries live in the store under `space`; the ones read or written
    since the last `flush` stay in memory, and after a flush at most `CACHE_ENTRIES` of them
    (the newest), so memory stays flat however many entries the store holds. Keys that the
    store lacks are remembered too (most lookups of a new article find nothing).
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

    def attach(self, store: StateStore, space: str) -> None:
        self._store, self._space = store, space

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
            key = _unkey(data)
            seen.add(key)
            if key in self._hot:
                yield key, self._hot[key]
            elif key not in self._dirty:  # else deleted since
                yield key, pickle.loads(value)
        yield from [(k, v) for k, v in self._hot.items() if k not in seen]

    # ------------------------------------------------------------------ store
    def fetch(self, keys: Iterable[Any]) -> None:
        """Read these keys' entries into memory in one store query (where not there yet)."""
        if self._store is None:
            return
        missing = {
            _key(k): k
            for k in keys
            if k not in self._hot and k not in self._dirty and k not in self._absent
        }
        if not missing:
            return
        found = self._store.load_entries(self._space, missing)
        for data, key in missing.items():
            if data in found:
                self._hot[key] = pickle.loads(found[data])
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
        entries = {_key(k): _encoded(self._hot[k]) if k in self._hot else None for k in self._dirty}
        if entries:
            self._store.save_entries(self._space, entries)
        self._dirty.clear()
        if len(self._hot) > self.CACHE_ENTRIES:
            # dicts keep insertion order: the entries read or written last are kept
            start = len(self._hot) - self.CACHE_ENTRIES // 2
            self._hot = dict(islice(self._hot.items(), start, None))
        if len(self._absent) > self.CACHE_ENTRIES:
            self._absent = set()

    # ------------------------------------------------------------------ pickling
    def __reduce__(self) -> tuple[type[SpilledDict], tuple[dict[Any, Any]]]:
        """Unattached, the entries; attached, none (the store holds them)."""
        if self._store is None:
            return SpilledDict, (self._hot,)
        if self._dirty:
            raise RuntimeError(f"{self._space}: unsaved entries (flush before pickling)")
        return SpilledDict, ({},)


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

    def __reduce__(self) -> tuple[type[SpilledBuckets], tuple[dict[bytes, list[str]]]]:
        if self._store is None:
            return SpilledBuckets, (self._hot,)
        if self._added:
            raise RuntimeError(f"{self._space}: unsaved members (flush before pickling)")
        return SpilledBuckets, ({},)


def _encoded(value: Any) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _key(key: Any) -> bytes:
    """A key as stored: a string as its UTF-8 (most keys are article ids), anything else
    pickled; a pickle starts with byte 0x80, which no UTF-8 text starts with."""
    return key.encode("utf-8", "surrogatepass") if isinstance(key, str) else _encoded(key)


def _unkey(data: bytes) -> Any:
    return pickle.loads(data) if data[:1] == b"\x80" else data.decode("utf-8", "surrogatepass")


class JournaledState:
    """A stage whose dictionaries in ``JOURNALED`` are saved entry by entry.

    Subclasses call ``_touch(attribute, key)`` whenever they set or delete an entry, list
    their plain counters in ``SCALARS``, and rebuild everything derived (indexes) from the
    journaled dictionaries in ``_rebuild``; attributes in ``DERIVED`` are never saved.
    """

    JOURNALED: ClassVar[tuple[str, ...]] = ()
    SPILLED: ClassVar[tuple[str, ...]] = ()  # `SpilledDict`s, saved by `flush_spilled`
    SCALARS: ClassVar[tuple[str, ...]] = ()
    DERIVED: ClassVar[tuple[str, ...]] = ()
    _changed: dict[str, set[Any]]

    def _touch(self, attribute: str, key: Any) -> None:
        if attribute in self.SPILLED:
            getattr(self, attribute).touch(key)
        else:
            self._changed.setdefault(attribute, set()).add(key)

    def attach(self, store: StateStore, name: str) -> None:
        """Keep the spilled dictionaries in `store` under `name` (a state saved before they
        were spilled has them whole: they are written out at the next save)."""
        for attribute in self.SPILLED:
            spilled = getattr(self, attribute)
            if isinstance(spilled, dict):
                spilled, saved = SpilledDict(), spilled
                spilled.update(saved)
                setattr(self, attribute, spilled)
            spilled.attach(store, f"{name}.{attribute}")

    def flush_spilled(self) -> None:
        for attribute in self.SPILLED:
            getattr(self, attribute).flush()

    def _rebuild(self) -> None:
        """Recompute the DERIVED attributes from the saved ones."""

    # ------------------------------------------------------------------ whole state
    def to_state(self) -> bytes:
        """The whole state (a base snapshot); what changed so far counts as saved."""
        self._changed = {}
        return pickle.dumps(self, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def from_state(cls, data: bytes, deltas: list[bytes] | None = None) -> Self:
        loaded = pickle.loads(data)
        if not isinstance(loaded, cls):
            raise TypeError(f"stored state is not a {cls.__name__}")
        for delta in deltas or []:
            loaded.apply(delta)
        loaded._rebuild()
        return loaded

    def __getstate__(self) -> dict[str, Any]:
        skipped = {"_changed", *self.DERIVED}
        return {k: v for k, v in self.__dict__.items() if k not in skipped}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        for name in self.DERIVED:
            self.__dict__.pop(name, None)  # a state saved before they were derived
        self._changed = {}

    # ------------------------------------------------------------------ changes
    def delta(self) -> bytes:
        """The entries changed since the last `to_state` or `delta`, and the counters."""
        entries = {
            attribute: {key: getattr(self, attribute).get(key, _GONE) for key in keys}
            for attribute, keys in self._changed.items()
        }
        scalars = {name: getattr(self, name) for name in self.SCALARS}
        self._changed = {}
        return pickle.dumps((scalars, entries), protocol=pickle.HIGHEST_PROTOCOL)

    def apply(self, delta: bytes) -> None:
        """Replay one delta (the derived attributes are rebuilt by `from_state`)."""
        scalars, entries = pickle.loads(delta)
        self.__dict__.update(scalars)
        for attribute, changed in entries.items():
            target = getattr(self, attribute)
            for key, value in changed.items():
                if isinstance(value, str) and value == _GONE:
                    target.pop(key, None)
                else:
                    target[key] = value


@dataclass
class _Meta:
    generation: int = 0
    deltas: int = 0
    delta_bytes: int = 0
    base_bytes: int = 0


StageT = TypeVar("StageT", bound=JournaledState)


class Journal(Generic[StageT]):
    """Loads and saves one stage under `name` in a store (see the module docstring)."""

    def __init__(self, name: str, kind: type[StageT]):
        self.name, self.kind = name, kind
        self._stage: StageT | None = None
        self._generation: int | None = None
        self._unsaved = False  # loaded and maybe changed, but not saved: not to be reused

    def load(self, store: StateStore) -> StageT:
        """The stage as the store holds it (the one in memory when that is still it)."""
        meta = self._meta(store)
        current = meta is not None and meta.generation == self._generation
        if self._stage is not None and current and not self._unsaved:
            self._unsaved = True
            return self._stage
        self._unsaved = True
        base = store.load_state(self.name)
        if base is None:
            self._stage = self.kind()
        else:
            count = meta.deltas if meta else 0
            deltas = [self._delta(store, i) for i in range(1, count + 1)]
            self._stage = self.kind.from_state(base, deltas)
        self._stage.attach(store, self.name)
        self._generation = meta.generation if meta else 0
        return self._stage

    def save(self, store: StateStore, stage: StageT) -> int:
        """Write the batch's changes (or a fresh base); the bytes written, spilled entries
        aside."""
        stage.flush_spilled()
        meta = self._meta(store) or _Meta()
        delta = stage.delta()
        compact = meta.base_bytes == 0 or meta.delta_bytes + len(delta) > meta.base_bytes
        if compact:
            base = stage.to_state()
            store.save_state(self.name, base)
            meta = _Meta(meta.generation + 1, 0, 0, len(base))
            written = len(base)
        else:
            meta = _Meta(
                meta.generation + 1, meta.deltas + 1, meta.delta_bytes + len(delta),
                meta.base_bytes,
            )  # fmt: skip
            store.save_state(f"{self.name}.delta.{meta.deltas}", delta)
            written = len(delta)
        store.save_state(f"{self.name}.meta", json.dumps(meta.__dict__).encode())
        self._stage, self._generation, self._unsaved = stage, meta.generation, False
        return written

    def _meta(self, store: StateStore) -> _Meta | None:
        data = store.load_state(f"{self.name}.meta")
        return _Meta(**json.loads(data)) if data else None

    def _delta(self, store: StateStore, number: int) -> bytes:
        data = store.load_state(f"{self.name}.delta.{number}")
        if data is None:
            raise ValueError(f"stage state {self.name!r}: delta {number} is missing")
        return data
