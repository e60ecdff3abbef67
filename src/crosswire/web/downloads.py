"""Lists as CSV or JSONL downloads, streamed a page at a time.

Every list endpoint (stories, events, search hits, an actor's events) has a download
twin at the same path with ``.csv`` or ``.jsonl`` appended (``/api/stories.csv?actor=kim``)
taking the same filters. The twin is built from the list route itself
(`filters_of`): its query parameters, validation included, are the list's own, so a
filter added to a list is a filter of its download. Rows are read by calling the list
function page after page (`pages`) until it runs out, so a large list is never held
whole; each page opens the store itself, since a streamed body is produced in whichever
worker thread asks for the next piece.

One row shape per list: the columns are the fields of the list's item type, lists of
names joined with "; ". CSV cells that a spreadsheet would read as a formula are
prefixed with ``'`` (OWASP's advice on CSV injection).
"""

from __future__ import annotations

import csv
import dataclasses
import inspect
import io
import json
import typing
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Literal, cast

from fastapi import Request
from fastapi.responses import StreamingResponse
from pydantic_core import to_jsonable_python

from crosswire.store import open_store
from crosswire.store.base import Store

Format = Literal["csv", "jsonl"]
# Rows asked of the list function at a time: the store's largest page (`check_page`). Each
# page opens the store (on PostgreSQL a connection: ~20 ms) and counts its list again, so
# an actor's 528 events took 665 ms in pages of 100 and 164 ms in one (10,000 articles).
PAGE = 1000
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # OWASP: CSV injection
PAGING = {"store", "request", "limit", "offset"}  # what the download supplies itself

Fetch = Callable[[int, int], Any]  # (limit, offset) -> a views.Page or a list of rows


def pages(fetch: Fetch, size: int | None = None) -> Iterator[Any]:
    """Every row `fetch` gives, asking `size` (`PAGE`) at a time until a page comes back
    short (or the page's `total` is reached)."""
    size = size or PAGE
    offset = 0
    while True:
        result = fetch(size, offset)
        rows: list[Any] = list(getattr(result, "items", result) or [])
        yield from rows
        offset += size
        total = getattr(result, "total", None)
        if len(rows) < size or (total is not None and offset >= total):
            return


def from_store(db: str, read: Callable[[Store, int, int], Any]) -> Fetch:
    """A `Fetch` that opens the store at `db` for each page (see the module's docstring)."""

    def fetch(limit: int, offset: int) -> Any:
        store = open_store(db)
        try:
            return read(store, limit, offset)
        finally:
            store.close()

    return fetch


# --------------------------------------------------------------------------- the filters


def filters_of(route: Callable[..., Any]) -> Callable[..., dict[str, Any]]:
    """A FastAPI dependency taking exactly the query parameters of list `route` (minus
    the store, the request and paging) and giving them back as keyword arguments."""
    signature = inspect.signature(route, eval_str=True)
    kept = [p for name, p in signature.parameters.items() if name not in PAGING]

    def filters(**kwargs: Any) -> dict[str, Any]:
        return kwargs

    filters.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in kept],
        return_annotation=dict[str, Any],
    )
    return filters


def row_type_of(route: Callable[..., Any]) -> type:
    """The item type of the `views.Page[...]` a list route returns."""
    returned = inspect.signature(route, eval_str=True).return_annotation
    (item,) = typing.get_args(returned)
    return cast(type, item)


def list_reader(
    route: Callable[..., Any], filters: dict[str, Any], request: Request
) -> Callable[[Store, int, int], Any]:
    """Reads one page of list `route` with `filters`, as the route itself would."""
    accepts = inspect.signature(route).parameters

    def read(store: Store, limit: int, offset: int) -> Any:
        extra = {"request": request} if "request" in accepts else {}
        return route(store=store, **filters, **extra, limit=limit, offset=offset)

    return read


# --------------------------------------------------------------------------- the bodies


def columns(row_type: type) -> list[str]:
    return [f.name for f in dataclasses.fields(row_type)]


def csv_cell(value: Any) -> Any:
    """One value as a CSV cell: names of listed things joined, text safe from formulas."""
    if isinstance(value, list | tuple):
        value = "; ".join(str(_name(v)) for v in value)
    elif dataclasses.is_dataclass(value) or isinstance(value, dict):
        value = json.dumps(to_jsonable_python(value), ensure_ascii=False)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _name(value: Any) -> Any:
    return getattr(value, "name", value)


def csv_body(rows: Iterable[Any], row_type: type) -> Iterator[str]:
    """The header, then the rows, a chunk of lines at a time."""
    names = columns(row_type)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(names)
    for i, row in enumerate(rows, 1):
        writer.writerow([csv_cell(getattr(row, name, None)) for name in names])
        if i % PAGE == 0:
            yield _drain(buffer)
    yield _drain(buffer)


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def jsonl_body(rows: Iterable[Any]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(to_jsonable_python(row), ensure_ascii=False) + "\n"


def download(rows: Iterable[Any], row_type: type, fmt: Format, name: str) -> StreamingResponse:
    """`rows` streamed as `name`.csv or `name`.jsonl, offered as a file to save."""
    body = csv_body(rows, row_type) if fmt == "csv" else jsonl_body(rows)
    return StreamingResponse(
        body,
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'},
    )
