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

Every value saved is a plain record (records.py): each stage declares, attribute by
attribute, how its values are written (``SCALARS``, ``JOURNALED``, ``SPILLED`` name the
attributes and their codecs; ``BUCKETS`` its `SpilledBuckets`, whose members are text rows
already), and loading builds only those declared types. A store whose state was written by
a release that pickled it is converted once, the first time a stage is loaded (legacy.py).

Loading reads the base and replays the deltas once per process; `Journal` keeps the stage
in memory between batches and reloads it when the store's generation counter differs from
its own (a rolled-back transaction, or another process wrote the store meanwhile) or when
it was loaded and not saved (a batch that failed half-way). Deltas left from before a
compaction stay in the store unread until their names are reused.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, fields
from typing import Any, ClassVar, Generic, Self, TypeVar

from crosswire.stories.records import (
    STATE_VERSION,
    Codec,
    Entries,
    StateFormatError,
    pack,
    unpack,
)
from crosswire.stories.spilled import SpilledBuckets, SpilledDict, StateStore

FORMAT = "crosswire stage state"  # every base and delta says what it is


class JournaledState:
    """A stage whose attributes are saved as declared here, entry by entry.

    Subclasses declare their plain counters in ``SCALARS`` (name -> codec), their
    dictionaries saved in the base and deltas in ``JOURNALED`` and their `SpilledDict`s in
    ``SPILLED`` (name -> `Entries`: the keys' codec and the values'), and their
    `SpilledBuckets` in ``BUCKETS``; they call ``_touch(attribute, key)`` whenever they set
    or delete an entry, and rebuild everything derived (indexes) in ``_rebuild``. Nothing
    else is saved.
    """

    SCALARS: ClassVar[dict[str, Codec[Any]]] = {}
    JOURNALED: ClassVar[dict[str, Entries[Any, Any]]] = {}
    SPILLED: ClassVar[dict[str, Entries[Any, Any]]] = {}
    BUCKETS: ClassVar[tuple[str, ...]] = ()
    _changed: dict[str, set[Any]]

    def _touch(self, attribute: str, key: Any) -> None:
        if attribute in self.SPILLED:
            getattr(self, attribute).touch(key)
        else:
            self._changed.setdefault(attribute, set()).add(key)

    def attach(self, store: StateStore, name: str) -> None:
        """Keep the spilled dictionaries and buckets in `store` under `name`."""
        for attribute, entries in self.SPILLED.items():
            getattr(self, attribute).attach(store, f"{name}.{attribute}", entries)
        for attribute in self.BUCKETS:
            getattr(self, attribute).attach(store, f"{name}.{attribute}")

    def flush_spilled(self) -> None:
        for attribute in (*self.SPILLED, *self.BUCKETS):
            getattr(self, attribute).flush()

    def _rebuild(self) -> None:
        """Recompute what is derived from the saved attributes."""

    # ------------------------------------------------------------------ whole state
    def to_state(self) -> bytes:
        """The whole state (a base snapshot); what changed so far counts as saved. The
        spilled dictionaries and buckets are in it only while they are not attached (a
        store holds their entries)."""
        self._changed = {}
        return pack(
            {
                **self._header("base"),
                "scalars": self._scalars(),
                "entries": {
                    name: entries.encode_all(getattr(self, name))
                    for name, entries in self.JOURNALED.items()
                },
                "spilled": self._unattached_entries(),
                "buckets": self._unattached_buckets(),
            }
        )

    @classmethod
    def from_state(cls, data: bytes, deltas: list[bytes] | None = None) -> Self:
        """The stage a base (and the deltas after it) describe."""
        record = cls._record(data, "base")
        stage = cls()
        stage._load_scalars(record)
        for name, entries in cls.JOURNALED.items():
            saved = entries.decode_all(cls._part(record, "entries", name), name)
            dict.update(getattr(stage, name), saved)  # (Counter.update would add)
        for name, items in cls._parts(record, "spilled", cls.SPILLED).items():
            getattr(stage, name).update(cls.SPILLED[name].decode_all(items, name))
        for name, items in cls._parts(record, "buckets", cls.BUCKETS).items():
            buckets: SpilledBuckets = getattr(stage, name)
            for key, members in _bucket_items(items, name):
                for member in members:
                    buckets.add(key, member)
        for delta in deltas or []:
            stage.apply(delta)
        stage._rebuild()
        return stage

    # ------------------------------------------------------------------ changes
    def delta(self) -> bytes:
        """The entries changed since the last `to_state` or `delta`, and the counters."""
        changed, self._changed = self._changed, {}
        written: dict[str, list[Any]] = {}
        deleted: dict[str, list[Any]] = {}
        for name, keys in changed.items():
            entries, target = self.JOURNALED[name], getattr(self, name)
            written[name] = entries.encode_all({k: target[k] for k in keys if k in target})
            deleted[name] = [entries.key.encode(k) for k in keys if k not in target]
        return pack(
            {
                **self._header("delta"),
                "scalars": self._scalars(),
                "set": written,
                "deleted": deleted,
            }
        )

    def apply(self, delta: bytes) -> None:
        """Replay one delta (the derived attributes are rebuilt by `from_state`)."""
        record = self._record(delta, "delta")
        self._load_scalars(record)
        for name, items in self._parts(record, "set", self.JOURNALED).items():
            dict.update(getattr(self, name), self.JOURNALED[name].decode_all(items, name))
        for name, keys in self._parts(record, "deleted", self.JOURNALED).items():
            if not isinstance(keys, list):
                raise StateFormatError(f"{name}: expected a list of deleted keys")
            target = getattr(self, name)
            for key in keys:
                target.pop(self.JOURNALED[name].decode_key(key, name), None)

    # ------------------------------------------------------------------ records
    @classmethod
    def _header(cls, kind: str) -> dict[str, Any]:
        return {"format": FORMAT, "version": STATE_VERSION, "stage": cls.__name__, "kind": kind}

    @classmethod
    def _record(cls, data: bytes, kind: str) -> dict[str, Any]:
        """A base or delta of this stage, its header checked."""
        where = f"{cls.__name__} {kind}"
        record = unpack(data, where)
        if not isinstance(record, dict) or record.get("format") != FORMAT:
            raise StateFormatError(f"{where}: not a crosswire stage state record")
        if record.get("version") != STATE_VERSION:
            raise StateFormatError(
                f"{where}: state format version {record.get('version')!r}; this crosswire"
                f" reads version {STATE_VERSION}"
            )
        if record.get("stage") != cls.__name__ or record.get("kind") != kind:
            raise StateFormatError(
                f"{where}: the record is a {record.get('stage')} {record.get('kind')}"
            )
        return record

    @staticmethod
    def _part(record: dict[str, Any], part: str, name: str) -> Any:
        section = record.get(part)
        if not isinstance(section, dict) or name not in section:
            raise StateFormatError(f"stage state: {part} {name!r} missing")
        return section[name]

    @staticmethod
    def _parts(record: dict[str, Any], part: str, declared: Iterable[str]) -> dict[str, Any]:
        """A section of named parts, each a declared attribute."""
        section = record.get(part)
        if not isinstance(section, dict):
            raise StateFormatError(f"stage state: {part} missing")
        unknown = set(section) - set(declared)
        if unknown:
            raise StateFormatError(f"stage state: {part} of undeclared {sorted(unknown)}")
        return section

    def _scalars(self) -> dict[str, Any]:
        return {name: codec.encode(getattr(self, name)) for name, codec in self.SCALARS.items()}

    def _load_scalars(self, record: dict[str, Any]) -> None:
        for name, codec in self.SCALARS.items():
            try:
                setattr(self, name, codec.decode(self._part(record, "scalars", name)))
            except StateFormatError as exc:
                raise StateFormatError(f"{name}: {exc}") from None

    def _unattached_entries(self) -> dict[str, list[list[Any]]]:
        """The spilled dictionaries' entries, of those not attached to a store."""
        found = {}
        for name, entries in self.SPILLED.items():
            spilled: SpilledDict = getattr(self, name)
            if not self._kept_in_store(name, spilled):
                found[name] = entries.encode_all(dict(spilled.entries()))
        return found

    def _unattached_buckets(self) -> dict[str, list[list[Any]]]:
        found = {}
        for name in self.BUCKETS:
            buckets: SpilledBuckets = getattr(self, name)
            if not self._kept_in_store(name, buckets):
                found[name] = [[key, members] for key, members in buckets.items()]
        return found

    @staticmethod
    def _kept_in_store(name: str, spilled: SpilledDict | SpilledBuckets) -> bool:
        """Whether it is attached (its entries are the store's); refused with unsaved ones."""
        if spilled.attached and spilled.unsaved:
            raise RuntimeError(f"{name}: unsaved entries (flush before saving the state)")
        return spilled.attached


def _bucket_items(items: Any, where: str) -> Iterator[tuple[bytes, list[str]]]:
    if not isinstance(items, list):
        raise StateFormatError(f"{where}: expected a list of buckets")
    for item in items:
        match item:
            case [bytes() as key, list() as members] if all(isinstance(m, str) for m in members):
                yield key, members
            case _:
                raise StateFormatError(f"{where}: expected a [bytes, [text...]] bucket")


@dataclass
class _Meta:
    generation: int = 0
    deltas: int = 0
    delta_bytes: int = 0
    base_bytes: int = 0
    version: int = 0  # of the records (STATE_VERSION); 0: pickled by an older release

    @classmethod
    def read(cls, data: bytes, name: str) -> _Meta:
        try:
            values = json.loads(data)
            meta = cls(**values)
        except (ValueError, TypeError):
            raise StateFormatError(f"stage state {name!r}: unreadable meta record") from None
        if not all(type(getattr(meta, f.name)) is int for f in fields(meta)):
            raise StateFormatError(f"stage state {name!r}: meta record of the wrong types")
        return meta


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
        if meta is not None and meta.version != STATE_VERSION:
            meta = self._upgrade(store, meta)
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
            self._stage = self._decoded(base, deltas)
        self._stage.attach(store, self.name)
        self._generation = meta.generation if meta else 0
        return self._stage

    def save(self, store: StateStore, stage: StageT) -> int:
        """Write the batch's changes (or a fresh base); the bytes written, spilled entries
        aside."""
        stage.flush_spilled()
        meta = self._meta(store) or _Meta(version=STATE_VERSION)
        delta = stage.delta()
        compact = meta.base_bytes == 0 or meta.delta_bytes + len(delta) > meta.base_bytes
        if compact:
            meta = self._save_base(store, stage, meta.generation)
            written = meta.base_bytes
        else:
            meta = _Meta(
                meta.generation + 1, meta.deltas + 1, meta.delta_bytes + len(delta),
                meta.base_bytes, STATE_VERSION,
            )  # fmt: skip
            store.save_state(f"{self.name}.delta.{meta.deltas}", delta)
            self._save_meta(store, meta)
            written = len(delta)
        self._stage, self._generation, self._unsaved = stage, meta.generation, False
        return written

    def _save_base(self, store: StateStore, stage: StageT, generation: int) -> _Meta:
        base = stage.to_state()
        store.save_state(self.name, base)
        meta = _Meta(generation + 1, 0, 0, len(base), STATE_VERSION)
        self._save_meta(store, meta)
        return meta

    def _save_meta(self, store: StateStore, meta: _Meta) -> None:
        store.save_state(f"{self.name}.meta", json.dumps(asdict(meta)).encode())

    def _upgrade(self, store: StateStore, meta: _Meta) -> _Meta:
        """A stage saved by a release that pickled it, converted to records once (in the
        store's transaction where it has one); a newer format is refused."""
        if meta.version > STATE_VERSION:
            raise StateFormatError(
                f"stage state {self.name!r} has format version {meta.version}, written by a"
                f" newer crosswire; this one reads version {STATE_VERSION}"
            )
        from crosswire.stories.legacy import converted_stage, drop_deltas

        with store.transaction():
            stage = converted_stage(store, self.name, self.kind, meta.deltas)
            drop_deltas(store, self.name)
            return self._save_base(store, stage, meta.generation)

    def _decoded(self, base: bytes, deltas: list[bytes]) -> StageT:
        try:
            return self.kind.from_state(base, deltas)
        except StateFormatError as exc:
            raise StateFormatError(f"stage state {self.name!r} refused: {exc}") from None

    def _meta(self, store: StateStore) -> _Meta | None:
        data = store.load_state(f"{self.name}.meta")
        return _Meta.read(data, self.name) if data else None

    def _delta(self, store: StateStore, number: int) -> bytes:
        data = store.load_state(f"{self.name}.delta.{number}")
        if data is None:
            raise ValueError(f"stage state {self.name!r}: delta {number} is missing")
        return data
