"""The cross-article stages' state as plain records: how each value is written and read.

Every value a stage saves (a base, a delta, a spilled entry; see state.py) is MessagePack
of primitive types only (nil, booleans, integers, floats, text, bytes, lists, maps with
text keys), and every attribute of a stage declares its `Codec`: how its Python value
(a tuple, a Counter, a set, a numpy array, a dataclass) becomes such plain data and back.
Reading a value only ever builds the declared types from checked primitives: nothing
stored is executed, and a value of the wrong shape is refused with `StateFormatError`.

`STATE_VERSION` numbers this format. A spilled entry starts with it (one byte); a base or
delta is a map that carries it. A change of any codec's layout is a new version.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import msgpack
import numpy as np

from crosswire.errors import StoreError

STATE_VERSION = 1
ENTRY_HEADER = bytes([STATE_VERSION])  # the first byte of every spilled entry's value
KEY_HEADER = b"\xff"  # leads a key that is not text (no UTF-8 text starts with 0xFF)

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class StateFormatError(StoreError):
    """A stored state value that is not a record of this format: refused, never run."""


class Codec(Generic[T]):
    """How one kind of value is written as plain data (`encode`) and read back (`decode`,
    which checks what it reads). `plain` lists the exact types written as they are (for
    primitives): dictionaries of them are checked in bulk."""

    what = "value"
    plain: frozenset[type] = frozenset()

    def encode(self, value: T) -> Any:
        raise NotImplementedError

    def decode(self, data: Any) -> T:
        raise NotImplementedError

    def refuse(self, data: Any) -> StateFormatError:
        shown = repr(data)
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        return StateFormatError(f"expected {self.what}, found {shown}")


class Scalar(Codec[T]):
    """A value of one primitive type, written as it is. The type is exact: an integer is
    no bool, a float no numpy float."""

    def __init__(self, kind: type[T], what: str) -> None:
        self.kind, self.what, self.plain = kind, what, frozenset([kind])

    def encode(self, value: T) -> Any:
        if type(value) is not self.kind:  # never write what cannot be read
            raise self.refuse(value)
        return value

    def decode(self, data: Any) -> T:
        if type(data) is not self.kind:
            raise self.refuse(data)
        return data  # checked above: exactly of type `kind`


TEXT: Scalar[str] = Scalar(str, "text")
INT: Scalar[int] = Scalar(int, "an integer")
FLOAT: Scalar[float] = Scalar(float, "a float")
BOOL: Scalar[bool] = Scalar(bool, "a boolean")
BYTES: Scalar[bytes] = Scalar(bytes, "bytes")


class Either(Codec[Any]):
    """A value of any of a few primitive kinds (`Key`: a hashed term or an actor key)."""

    def __init__(self, *codecs: Scalar[Any]) -> None:
        self.plain = frozenset(c.kind for c in codecs)
        self.what = " or ".join(c.what for c in codecs)

    def encode(self, value: Any) -> Any:
        if type(value) not in self.plain:
            raise self.refuse(value)
        return value

    def decode(self, data: Any) -> Any:
        return self.encode(data)


class Optional(Codec[T | None]):
    def __init__(self, codec: Codec[T]) -> None:
        self.codec, self.what = codec, f"{codec.what} or nil"

    def encode(self, value: T | None) -> Any:
        return None if value is None else self.codec.encode(value)

    def decode(self, data: Any) -> T | None:
        return None if data is None else self.codec.decode(data)


class _Many(Codec[T]):
    def items(self, data: Any) -> list[Any]:
        if not isinstance(data, list):
            raise self.refuse(data)
        return data


class ListOf(_Many[list[T]]):
    def __init__(self, codec: Codec[T]) -> None:
        self.codec, self.what = codec, f"a list of {codec.what}"

    def encode(self, value: list[T]) -> Any:
        return [self.codec.encode(v) for v in value]

    def decode(self, data: Any) -> list[T]:
        return [self.codec.decode(v) for v in self.items(data)]


class TupleOf(_Many[tuple[T, ...]]):
    """A tuple of any length, of one kind, as a list."""

    def __init__(self, codec: Codec[T]) -> None:
        self.codec, self.what = codec, f"a list of {codec.what}"

    def encode(self, value: tuple[T, ...]) -> Any:
        return [self.codec.encode(v) for v in value]

    def decode(self, data: Any) -> tuple[T, ...]:
        return tuple(self.codec.decode(v) for v in self.items(data))


class SetOf(_Many[set[T]]):
    """A set as a sorted list (the same set always gives the same bytes)."""

    def __init__(self, codec: Codec[T]) -> None:
        self.codec, self.what = codec, f"a list of {codec.what}"

    def encode(self, value: set[T]) -> Any:
        return sorted(self.codec.encode(v) for v in value)

    def decode(self, data: Any) -> set[T]:
        return {self.codec.decode(v) for v in self.items(data)}


class Pair(_Many[tuple[Any, Any]]):
    """A tuple of two values of given kinds, as a list of two."""

    def __init__(self, first: Codec[Any], second: Codec[Any]) -> None:
        self.first, self.second = first, second
        self.what = f"a pair ({first.what}, {second.what})"

    def encode(self, value: tuple[Any, Any]) -> Any:
        if type(value) is not tuple or len(value) != 2:
            raise self.refuse(value)
        return [self.first.encode(value[0]), self.second.encode(value[1])]

    def decode(self, data: Any) -> tuple[Any, Any]:
        items = self.items(data)
        if len(items) != 2:
            raise self.refuse(data)
        return self.first.decode(items[0]), self.second.decode(items[1])


class CounterOf(_Many[Counter[Any]]):
    """A Counter as a list of [key, count] pairs in its order."""

    def __init__(self, key: Codec[Any]) -> None:
        self.pair = Pair(key, INT)
        self.what = f"a list of [{key.what}, count] pairs"

    def encode(self, value: Counter[Any]) -> Any:
        return [self.pair.encode(kv) for kv in value.items()]

    def decode(self, data: Any) -> Counter[Any]:
        return Counter(dict(self.pair.decode(kv) for kv in self.items(data)))


class Array(Codec[np.ndarray]):
    """A one-dimensional numpy array of a fixed numeric type, as its little-endian bytes."""

    def __init__(self, dtype: str) -> None:
        self.dtype = np.dtype(dtype)
        self.stored = self.dtype.newbyteorder("<")
        self.what = f"bytes of {self.dtype.name} values"

    def encode(self, value: np.ndarray) -> Any:
        if value.dtype != self.dtype or value.ndim != 1:
            raise StateFormatError(f"expected a flat {self.dtype.name} array, got {value.dtype}")
        return value.astype(self.stored, copy=False).tobytes()

    def decode(self, data: Any) -> np.ndarray:
        if not isinstance(data, bytes) or len(data) % self.dtype.itemsize:
            raise self.refuse(data)
        return np.frombuffer(data, dtype=self.stored).astype(self.dtype)


class Fields(_Many[T]):
    """An object of a few named fields (a dataclass, a small class), as the list of its
    fields' values in the order declared here: the names are the schema, not the data.
    Data with only the first `least` fields (saved before the others were added) is read
    with `make`'s defaults for the rest."""

    def __init__(
        self,
        what: str,
        fields: Sequence[tuple[str, Codec[Any]]],
        make: Callable[..., T],
        least: int | None = None,
    ) -> None:
        self.what, self.fields, self.make = what, tuple(fields), make
        self.least = len(self.fields) if least is None else least

    def encode(self, value: T) -> Any:
        return [codec.encode(getattr(value, name)) for name, codec in self.fields]

    def decode(self, data: Any) -> T:
        items = self.items(data)
        if not self.least <= len(items) <= len(self.fields):
            raise self.refuse(data)
        # fields added later are missing from data saved before them: `make` gives their
        # defaults
        given = zip(self.fields[: len(items)], items, strict=True)
        values = {name: codec.decode(v) for (name, codec), v in given}
        return self.make(**values)


class Plain(Codec[Any]):
    """Any plain data as it is (a stage's dictionary used on its own, as in tests)."""

    what = "plain data"

    def encode(self, value: Any) -> Any:
        return value

    def decode(self, data: Any) -> Any:
        return data


class PlainKey(Codec[Hashable]):
    """A key of text, integers and tuples of them (a list read back as a tuple)."""

    what = "a text, integer or tuple key"

    def encode(self, value: Hashable) -> Any:
        return value

    def decode(self, data: Any) -> Hashable:
        if isinstance(data, list):
            return tuple(self.decode(v) for v in data)
        if isinstance(data, bool) or not isinstance(data, str | int):
            raise self.refuse(data)
        return data


@dataclass(frozen=True)
class Entries(Generic[K, V]):
    """How a stage's dictionary attribute is saved: its keys' codec and its values'."""

    key: Codec[K]
    value: Codec[V]

    def encode_all(self, entries: Mapping[K, V]) -> list[list[Any]]:
        """Many entries as two lists, their keys and their values (primitives are checked
        in bulk: a base holds dictionaries of a hundred thousand counts)."""
        keys, values = list(entries.keys()), list(entries.values())
        if self.key.plain and self.value.plain:
            self._check_plain(keys, values, "")
            return [keys, values]
        return [[self.key.encode(k) for k in keys], [self.value.encode(v) for v in values]]

    def decode_all(self, data: Any, where: str) -> dict[K, V]:
        if not (type(data) is list and len(data) == 2 and all(type(c) is list for c in data)):
            raise StateFormatError(f"{where}: expected [keys, values]")
        keys, values = data
        if len(keys) != len(values):
            raise StateFormatError(f"{where}: as many keys as values expected")
        if self.key.plain and self.value.plain:
            self._check_plain(keys, values, f"{where}: ")
            return dict(zip(keys, values, strict=True))
        return {
            self.decode_key(k, where): self.decode_value(v, where)
            for k, v in zip(keys, values, strict=True)
        }

    def _check_plain(self, keys: list[Any], values: list[Any], where: str) -> None:
        if not set(map(type, keys)) <= self.key.plain:
            raise StateFormatError(f"{where}expected keys of {self.key.what}")
        if not set(map(type, values)) <= self.value.plain:
            raise StateFormatError(f"{where}expected values of {self.value.what}")

    def decode_key(self, data: Any, where: str) -> K:
        try:
            return self.key.decode(data)
        except StateFormatError as exc:
            raise StateFormatError(f"{where}: a key: {exc}") from None

    def decode_value(self, data: Any, where: str) -> V:
        try:
            return self.value.decode(data)
        except StateFormatError as exc:
            raise StateFormatError(f"{where}: a value: {exc}") from None

    # ------------------------------------------------------------------ one stored entry
    def key_bytes(self, key: K) -> bytes:
        """A key as stored: text as its UTF-8 (most keys are article ids), anything else
        as MessagePack after `KEY_HEADER`."""
        if isinstance(key, str):
            return key.encode("utf-8", "surrogatepass")
        return KEY_HEADER + pack(self.key.encode(key))

    def key_of(self, data: bytes, where: str) -> K:
        if data[:1] == KEY_HEADER:
            return self.decode_key(unpack(data[1:], where), where)
        try:
            text = data.decode("utf-8", "surrogatepass")
        except UnicodeDecodeError:
            raise StateFormatError(f"{where}: a key is neither text nor a record") from None
        return self.decode_key(text, where)

    def value_bytes(self, value: V) -> bytes:
        return ENTRY_HEADER + pack(self.value.encode(value))

    def value_of(self, data: bytes, where: str) -> V:
        if data[:1] != ENTRY_HEADER:
            raise StateFormatError(
                f"{where}: an entry is not a state record of version {STATE_VERSION}"
                f" (it starts with byte {data[:1].hex() or 'nothing'})"
            )
        return self.decode_value(unpack(data[1:], where), where)


PLAIN_ENTRIES: Entries[Any, Any] = Entries(PlainKey(), Plain())


_local = threading.local()  # a Packer per thread: making one per value costs more than packing


def pack(data: Any) -> bytes:
    packer = getattr(_local, "packer", None)
    if packer is None:
        packer = _local.packer = msgpack.Packer(use_bin_type=True)
    try:
        return packer.pack(data)  # type: ignore[no-any-return]
    except (TypeError, ValueError, OverflowError) as exc:  # a bug: a value not declared
        raise StateFormatError(f"cannot be written as a state record: {exc}") from None


def unpack(data: bytes, where: str) -> Any:
    """Plain data from MessagePack (ext types and non-text map keys refused)."""
    try:
        return msgpack.unpackb(data, raw=False, strict_map_key=True, ext_hook=_no_ext)
    except (ValueError, msgpack.UnpackException) as exc:  # ExtraData, FormatError...
        raise StateFormatError(f"{where}: not a state record ({exc})") from None


def _no_ext(code: int, data: bytes) -> Any:
    raise ValueError(f"extension type {code} is not plain data")
