"""Saving the incremental stages' state inside the store's transaction."""

from __future__ import annotations

import pickle
from typing import Self


class PickledState:
    """`to_state`/`from_state` for a stage whose whole state is its attributes."""

    def to_state(self) -> bytes:
        return pickle.dumps(self, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def from_state(cls, data: bytes) -> Self:
        loaded = pickle.loads(data)
        if not isinstance(loaded, cls):
            raise TypeError(f"stored state is not a {cls.__name__}")
        return loaded
