"""Converting a stage state pickled by an older release into records, once.

Releases up to 0.1.0 (commit ec40104) saved the cross-article stages with pickle. The first
time this release loads such a stage (`state.Journal`), it reads the pickles here, writes
the same state as records (records.py) in the same transaction, and deletes the pickled
base and deltas; the spilled entries are rewritten in place. Nothing reads a pickle after.

Converting rather than refusing keeps every store's stories, ids and dedup answers exactly
as they were (rebuilding them would mean running the archive again). The risk of reading a
pickle is that it runs whatever its data names; this reader names nothing itself:
`find_class` resolves only the names a pickled crosswire state holds (`ALLOWED`), each
to an inert stand-in: the stage classes, the stories, centroids and signals and the spilled
dictionaries become `Pickled` objects that only keep what they were given; a Counter is a
Counter; a numpy array is made only of a numeric type. Any other name (``os.system``,
``builtins.eval``...) refuses the state with `LegacyStateError`, and a value of the wrong
shape is refused by the records' codecs: a crafted row can stop the conversion, never run
code. Once converted, a pickle found where a record belongs is refused as well.
"""

from __future__ import annotations

import io
import pickle
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any, ClassVar, TypeVar

import numpy as np

from crosswire.stories.records import ENTRY_HEADER, KEY_HEADER, Entries, StateFormatError
from crosswire.stories.scoring import StoryState
from crosswire.stories.spilled import StateStore
from crosswire.stories.split import Signal
from crosswire.stories.state import JournaledState
from crosswire.stories.vectors import Centroid

REBUILD = (
    "Nothing in it was run. To rebuild the cross-article state, ingest the inputs again"
    " into a new store (crosswire run INPUTS --db NEW)."
)
PICKLE_START = b"\x80"  # the PROTO opcode every pickle of protocol 2 or later starts with
PAGE = 1_000  # spilled entries converted per read
_GONE = "__crosswire_deleted__"  # a deleted entry in a pickled delta

StageT = TypeVar("StageT", bound=JournaledState)


class LegacyStateError(StateFormatError):
    """A pickled stage state that cannot be converted (or names what no state holds)."""


class Pickled:
    """An object of a crosswire class as a pickle describes it: the arguments it was made
    with and the state given to it. None of the class's own code runs."""

    kind: ClassVar[str] = ""
    args: tuple[Any, ...] = ()
    state: Any = None

    def __init__(self, *args: Any) -> None:
        self.args = args

    def __setstate__(self, state: Any) -> None:
        self.state = state

    def fields(self) -> dict[str, Any]:
        """Its attributes: a dict state, or a slotted dataclass's (dict, slots) pair."""
        state = self.state
        if isinstance(state, tuple) and len(state) == 2:
            state = {**(state[0] or {}), **(state[1] or {})}
        if not isinstance(state, dict):
            raise LegacyStateError(f"a pickled {self.kind} without its attributes. {REBUILD}")
        return state


def _stand_in(module: str, name: str) -> type[Pickled]:
    return type(name, (Pickled,), {"kind": f"{module}.{name}"})


def _array(buffer: Any, dtype: Any, shape: Any, order: Any) -> np.ndarray:
    """numpy's ``_frombuffer``, for a numeric one-dimensional array only."""
    if not isinstance(dtype, np.dtype) or dtype.kind not in "biuf" or dtype.hasobject:
        raise LegacyStateError(f"a pickled array of type {dtype!r}. {REBUILD}")
    if not isinstance(buffer, bytes | bytearray) or not _flat(shape) or order not in "CF":
        raise LegacyStateError(f"a pickled array of an unexpected form. {REBUILD}")
    return np.frombuffer(buffer, dtype=dtype).reshape(shape).copy()


def _flat(shape: Any) -> bool:
    return isinstance(shape, tuple) and len(shape) == 1 and type(shape[0]) is int


def _dtype(spec: Any, align: Any = False, copy: Any = False) -> np.dtype:
    if not isinstance(spec, str) or spec[:1] not in ("b", "i", "u", "f"):
        raise LegacyStateError(f"a pickled numpy type {spec!r}. {REBUILD}")
    return np.dtype(spec)


_CROSSWIRE = {
    "cluster": ("StoryClusterer", "StoryState", "Centroid"),
    "dedup": ("DuplicateIndex",),
    "schedule": ("StoryBuilds",),
    "split": ("Signal",),
    "state": ("SpilledDict", "SpilledBuckets"),
}
ALLOWED: dict[tuple[str, str], Callable[..., Any]] = {
    **{
        (f"crosswire.stories.{module}", name): _stand_in(f"crosswire.stories.{module}", name)
        for module, names in _CROSSWIRE.items()
        for name in names
    },
    ("collections", "Counter"): Counter,
    ("numpy", "dtype"): _dtype,
    ("numpy._core.numeric", "_frombuffer"): _array,  # numpy 2
    ("numpy.core.numeric", "_frombuffer"): _array,  # numpy 1
}


class _Reader(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        found = ALLOWED.get((module, name))
        if found is None:
            raise LegacyStateError(
                f"the pickled state names {module}.{name}, which no crosswire state holds:"
                f" refused. {REBUILD}"
            )
        return found

    def persistent_load(self, pid: Any) -> Any:
        raise LegacyStateError(f"the pickled state refers outside itself: refused. {REBUILD}")


def unpickled(data: bytes, where: str) -> Any:
    """What a pickle of an old state holds, made of plain values and stand-ins only."""
    if data[:1] != PICKLE_START:
        raise LegacyStateError(f"{where}: not a pickle of an old state. {REBUILD}")
    try:
        return _Reader(io.BytesIO(data)).load()
    except LegacyStateError as exc:
        raise LegacyStateError(f"{where}: {exc}") from None
    except Exception as exc:  # a malformed pickle: any error of the unpickler
        raise LegacyStateError(f"{where}: unreadable pickle ({exc!r:.80}). {REBUILD}") from None


# ---------------------------------------------------------------------------- values
def live(value: Any) -> Any:
    """A value of an old state with its stand-ins made into this release's objects."""
    if isinstance(value, Pickled):
        convert = _LIVE.get(value.kind)
        if convert is None:
            raise LegacyStateError(f"a pickled {value.kind} where a value belongs. {REBUILD}")
        return convert(value)
    if isinstance(value, list):
        return [live(v) for v in value]
    if isinstance(value, tuple):
        return tuple(live(v) for v in value)
    return value


def _story(pickled: Pickled) -> StoryState:
    fields = pickled.fields()
    centroid = fields.get("centroid")
    if isinstance(centroid, dict):  # saved before centroids were arrays
        centroid = Centroid(centroid.items())
    elif isinstance(centroid, Pickled):
        centroid = _centroid(centroid)
    return StoryState(**{**fields, "centroid": centroid})


def _centroid(pickled: Pickled) -> Centroid:
    match pickled.state:
        case (np.ndarray() as terms, np.ndarray() as weights, float() as norm):
            return Centroid.of_arrays(terms, weights, norm)
    raise LegacyStateError(f"a pickled centroid of an unexpected form. {REBUILD}")


def _signal(pickled: Pickled) -> Signal:
    return Signal(**pickled.fields())


_LIVE: dict[str, Callable[[Pickled], Any]] = {
    "crosswire.stories.cluster.StoryState": _story,
    "crosswire.stories.cluster.Centroid": _centroid,
    "crosswire.stories.split.Signal": _signal,
}


# ---------------------------------------------------------------------------- a stage
def converted_stage(store: StateStore, name: str, kind: type[StageT], deltas: int) -> StageT:
    """The stage pickled under `name` (its base and `deltas` deltas), made anew and attached
    to `store`, its spilled entries rewritten there as records."""
    base = store.load_state(name)
    if base is None:
        raise LegacyStateError(f"stage state {name!r}: its meta record has no base. {REBUILD}")
    saved = unpickled(base, f"stage state {name!r}")
    expected = f"{kind.__module__}.{kind.__name__}"
    if not isinstance(saved, Pickled) or saved.kind != expected:
        raise LegacyStateError(f"stage state {name!r} is not a pickled {kind.__name__}. {REBUILD}")
    attributes = saved.fields()
    for number in range(1, deltas + 1):
        _apply(attributes, store.load_state(f"{name}.delta.{number}"), f"{name}.delta.{number}")
    stage = kind()
    try:
        _fill(stage, attributes, name)
        stage.attach(store, name)
        for attribute, entries in kind.SPILLED.items():
            _convert_entries(store, f"{name}.{attribute}", entries)
        stage.flush_spilled()  # the entries the old base held itself
    except (StateFormatError, TypeError, ValueError, KeyError) as exc:
        raise LegacyStateError(f"stage state {name!r}: {exc}. {REBUILD}") from None
    stage._rebuild()
    return stage


def drop_deltas(store: StateStore, name: str) -> None:
    """Delete a stage's pickled deltas (numbered from 1, without gaps)."""
    number = 1
    while store.load_state(f"{name}.delta.{number}") is not None:
        store.delete_state(f"{name}.delta.{number}")
        number += 1


def _apply(attributes: dict[str, Any], delta: bytes | None, where: str) -> None:
    if delta is None:
        raise LegacyStateError(f"{where} is missing. {REBUILD}")
    match unpickled(delta, where):
        case (dict() as scalars, dict() as changed):
            pass
        case _:
            raise LegacyStateError(f"{where}: not a pickled delta. {REBUILD}")
    attributes.update(scalars)
    for attribute, entries in changed.items():
        target = attributes.get(attribute)
        if not isinstance(target, dict) or not isinstance(entries, dict):
            raise LegacyStateError(f"{where}: changes {attribute!r} of no dictionary. {REBUILD}")
        for key, value in entries.items():
            if isinstance(value, str) and value == _GONE:
                target.pop(key, None)
            else:
                target[key] = value


# spilled attributes declared since the last release that pickled its state: a pickled
# state has none, and they start empty (the cross-language links of stories/crosslingual.py
# then cover only the articles added after the conversion; the duplicate index's `places`
# only theirs, and an older article is never found apart from a new one; a story's and an
# article's `places`, fields of their records, likewise start empty)
ADDED_SINCE_PICKLING = frozenset({"meanings", "meaning_index", "places"})


def _fill(stage: JournaledState, attributes: dict[str, Any], name: str) -> None:
    """Set the stage's declared attributes from the old state's (the spilled ones held in
    the old base are written to the store as records)."""
    declared = {*stage.SCALARS, *stage.JOURNALED, *stage.SPILLED, *stage.BUCKETS}
    missing = declared - set(attributes) - ADDED_SINCE_PICKLING
    if missing:
        raise LegacyStateError(
            f"stage state {name!r} lacks {sorted(missing)}: it was written before the last"
            f" release that pickled its state; open it with that release (commit ec40104)"
            f" first, or rebuild it. {REBUILD}"
        )
    for attribute, codec in stage.SCALARS.items():
        setattr(stage, attribute, codec.decode(attributes[attribute]))
    for attribute, entries in stage.JOURNALED.items():
        target = getattr(stage, attribute)
        for key, value in _saved_items(attributes[attribute]):
            entries.encode_all({key: value})  # refuses what this release cannot save
            target[key] = value
    for attribute in stage.SPILLED:
        spilled = getattr(stage, attribute)
        for key, value in _saved_items(attributes.get(attribute, {})):
            spilled[live(key)] = live(value)  # written out at the stage's next save
    for attribute in stage.BUCKETS:
        buckets = getattr(stage, attribute)
        for key, members in _saved_items(attributes[attribute]):
            for member in members:
                buckets.add(key, member)


def _saved_items(value: Any) -> list[tuple[Any, Any]]:
    """The entries of a saved dictionary: a dict, or a spilled one's stand-in (whose
    entries were in the store, unless it was saved before it was attached)."""
    if isinstance(value, Pickled) and value.kind.endswith((".SpilledDict", ".SpilledBuckets")):
        value = value.args[0] if value.args else {}
    if not isinstance(value, dict):
        raise LegacyStateError(f"a pickled dictionary of an unexpected form. {REBUILD}")
    return list(value.items())


def _convert_entries(store: StateStore, space: str, entries: Entries[Any, Any]) -> None:
    """Rewrite a spilled dictionary's pickled entries as records, a page at a time (a key
    that is not text gets a new form, so its old row goes)."""
    for page in _pages(store, space):
        writes: dict[bytes, bytes | None] = {}
        for key_data, value_data in page:
            if key_data[:1] == KEY_HEADER or (
                value_data[:1] == ENTRY_HEADER and key_data[:1] != PICKLE_START
            ):
                continue  # converted already
            key = _old_key(key_data, space)
            value = live(unpickled(value_data, space))
            new_key = entries.key_bytes(key)
            writes[new_key] = entries.value_bytes(value)
            if new_key != key_data:
                writes[key_data] = None
        store.save_entries(space, writes)


def _pages(store: StateStore, space: str) -> Iterator[list[tuple[bytes, bytes]]]:
    after = None
    while page := list(store.scan_entries(space, after=after, limit=PAGE)):
        yield page
        after = page[-1][0]


def _old_key(data: bytes, space: str) -> Any:
    """A key as the pickling release stored it: text as UTF-8, anything else pickled."""
    if data[:1] == PICKLE_START:
        return live(unpickled(data, space))
    return data.decode("utf-8", "surrogatepass")
