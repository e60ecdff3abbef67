"""One validation layer for the API and the UI pages: every query parameter either route
family takes is declared here once, with its bounds, so a hostile value is refused the same
way (422 naming the parameter) on `/api/...` and on the pages, and never reaches a view
or the store (an offset past 2**63 would overflow SQLite; a 100 KB actor makes its LIKE
pattern too complex).

The 422 bodies are FastAPI's (`detail`: a list of `{type, loc, msg}`), minus the echo of
the whole input: `safe_errors` keeps a short, truncated `input` only for plain values.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from fastapi import Query
from fastapi.exceptions import RequestValidationError
from pydantic import AfterValidator, BeforeValidator, Field

from crosswire import views

MAX_PAGE = 100  # largest `limit` any list endpoint accepts
MAX_OFFSET = 1_000_000_000  # far below SQLite's and PostgreSQL's 2**63 - 1
MAX_NAME = 200  # an actor alias, a PLOVER type, a country
MAX_QUERY = 500  # a full-text search query
MAX_ECHO = 40  # characters of a refused value repeated in a 422 body
PAGE_SIZE = 20  # rows per UI page
DATE_HELP = "YYYY, YYYY-MM or YYYY-MM-DD"
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


def _blank_is_none(value: object) -> object:
    """An empty form field ("since=") means "not given", as on the pages' filter forms."""
    return None if isinstance(value, str) and not value.strip() else value


def calendar_date(value: str | None) -> str | None:
    """`value` if it is a real date at the precision given (2018-02-31 is refused)."""
    if value is None:
        return None
    if not _DATE.fullmatch(value):
        raise ValueError(f"should be a date as {DATE_HELP}")
    year, month, day = ([int(p) for p in value.split("-")] + [1, 1])[:3]
    try:
        date(year, month, day)
    except ValueError:
        raise ValueError(f"is not a calendar date ({DATE_HELP})") from None
    return value


def calendar_month(value: str | None) -> str | None:
    """`value` if it is a month as YYYY-MM (a search facet)."""
    if value is not None and not _MONTH.fullmatch(value):
        raise ValueError("should be a month as YYYY-MM")
    return value


Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"page size, at most {MAX_PAGE}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")]
PageNumber = Annotated[
    int, Query(ge=1, le=MAX_OFFSET // PAGE_SIZE, description="page of results, from 1")
]
DateParam = Annotated[
    str | None,
    BeforeValidator(_blank_is_none),
    AfterValidator(calendar_date),
    Query(description=DATE_HELP),
]
# the length is checked first (on the text as given), then a blank value means "not given"
Actor = Annotated[
    str | None, Query(max_length=MAX_NAME, description="any alias"), AfterValidator(_blank_is_none)
]
Country = Annotated[
    str | None,
    Query(max_length=MAX_NAME, description="ISO 3166-1 alpha-3"),
    AfterValidator(_blank_is_none),
]
EventType = Annotated[
    str | None,
    Query(max_length=MAX_NAME, description="PLOVER event type"),
    AfterValidator(_blank_is_none),
]
Sort = Annotated[views.StorySort, Query(description="order of the stories")]
# the bounds sit on the integer itself: on `int | None` they would be applied to a blank
# value turned None too (a TypeError, so a 500)
MinSources = Annotated[
    Annotated[int, Field(ge=0, le=views.MAX_MIN_SOURCES)] | None,
    BeforeValidator(_blank_is_none),
    Query(description="at least this many independent sources"),
]
Outlet = Annotated[
    str | None,
    Query(max_length=MAX_NAME, description="facet: outlet"),
    AfterValidator(_blank_is_none),
]
Month = Annotated[
    str | None,
    Query(max_length=7, description="facet: YYYY-MM"),
    AfterValidator(_blank_is_none),
    AfterValidator(calendar_month),
]
SearchQuery = Annotated[str, Query(min_length=1, max_length=MAX_QUERY, description="the query")]
OptionalSearch = Annotated[
    str | None, Query(max_length=MAX_QUERY), AfterValidator(_blank_is_none)
]  # the search page: no query shows the empty form


def check_range(since: str | None, until: str | None) -> None:
    """Refuse `since` after `until` (compared at the precision both give) as a 422 on
    `until`, the same answer on every route that takes both."""
    if since and until and since[: len(until)] > until[: len(since)]:
        raise RequestValidationError(
            [
                {
                    "type": "value_error",
                    "loc": ("query", "until"),
                    "msg": f"until ({until}) is before since ({since})",
                }
            ]
        )


def safe_errors(errors: Any) -> list[dict[str, Any]]:
    """Validation errors ready to send back: where, what type and why; a refused value
    only when it is a number or a short string (truncated), never a whole body."""
    safe = []
    for error in errors:
        item: dict[str, Any] = {
            "type": error.get("type", "value_error"),
            "loc": [str(part) for part in error.get("loc", ())],
            "msg": str(error.get("msg", "invalid value"))[:200],
        }
        value = error.get("input")
        if isinstance(value, bool | int | float):
            item["input"] = value if abs(value) < 10**18 else str(value)[:MAX_ECHO] + "…"
        elif isinstance(value, str):
            item["input"] = value if len(value) <= MAX_ECHO else value[:MAX_ECHO] + "…"
        if error.get("ctx"):
            item["ctx"] = {k: str(v)[:200] for k, v in error["ctx"].items()}
        safe.append(item)
    return safe


def describe(errors: list[dict[str, Any]]) -> list[str]:
    """One line per error for a page: "offset: Input should be less than or equal to …"."""
    return [f"{error['loc'][-1] if error['loc'] else 'input'}: {error['msg']}" for error in errors]
