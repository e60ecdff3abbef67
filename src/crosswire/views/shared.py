"""What every screen's read model shares: the error a bad filter raises, a page of a list,
and the date check the filters use."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


class ViewError(ValueError):
    """A filter or parameter the user gave cannot be used; the message says why."""


@dataclass(slots=True)
class Page(Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int


def paginate(items: list[T], limit: int, offset: int) -> Page[T]:
    return Page(items=items[offset : offset + limit], total=len(items), limit=limit, offset=offset)


def check_date(value: str | None, name: str) -> str | None:
    """`value` if it is YYYY, YYYY-MM or YYYY-MM-DD (or empty), else a `ViewError`."""
    if value is None or value == "":
        return None
    if not _DATE.match(value):
        raise ViewError(f"{name} must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return value
