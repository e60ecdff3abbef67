"""Saving the incremental stages' state inside the store's transaction, incrementally.

A stage's state is dictionaries of small entries (one per article, story or term) plus a
few counters. Rewriting all of it after every batch would make the cost per arriving
article grow with the store, so a stage is saved as a *journal*: a base snapshot plus one
delta per batch holding only the entries the batch changed. When the deltas together
outgrow the base, the next save writes a fresh base instead (a geometric compaction:
bases at least double in between, so all bytes ever written stay within a small constant
of the final state's size, and the amortised save cost per article is constant).

Loading reads the base and replays the deltas once per process; `Journal` keeps the stage
in memory between batches and reloads it when the store's generation counter differs from
its own (a rolled-back transaction, or another process wrote the store meanwhile) or when
it was loaded and not saved (a batch that failed half-way). Deltas left from before a
compaction stay in the store unread until their names are reused.
"""

from __future__ import annotations

import json
import pickle
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, Protocol, Self, TypeVar

_GONE = "__crosswire_deleted__"  # a deleted entry in a delta


class StateStore(Protocol):
    def save_state(self, name: str, data: bytes) -> None: ...
    def load_state(self, name: str) -> bytes | None: ...


class JournaledState:
    """A stage whose dictionaries in ``JOURNALED`` are saved entry by entry.

    Subclasses call ``_touch(attribute, key)`` whenever they set or delete an entry, list
    their plain counters in ``SCALARS``, and rebuild everything derived (indexes) from the
    journaled dictionaries in ``_rebuild``; attributes in ``DERIVED`` are never saved.
    """

    JOURNALED: ClassVar[tuple[str, ...]] = ()
    SCALARS: ClassVar[tuple[str, ...]] = ()
    DERIVED: ClassVar[tuple[str, ...]] = ()
    _changed: dict[str, set[Any]]

    def _touch(self, attribute: str, key: Any) -> None:
        self._changed.setdefault(attribute, set()).add(key)

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
        self._generation = meta.generation if meta else 0
        return self._stage

    def save(self, store: StateStore, stage: StageT) -> int:
        """Write the batch's changes (or a fresh base); the bytes written."""
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
