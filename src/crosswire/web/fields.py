"""Checked fields of the articles posted to `/api/articles`: a URL must be a web address
(http or https: a `javascript:` or `data:` URL would become a link that runs code), a
publication date a real ISO 8601 date (refused, never silently replaced by an inferred
one), and free text fields have length caps."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field

MAX_URL = 2000
MAX_TITLE = 1000
MAX_OUTLET = 200


def web_url(value: str) -> str:
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        raise ValueError("url must be an http:// or https:// address")
    return value


def iso_date(value: str) -> str:
    value = value.strip()
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            parse(value)
            return value
        except ValueError:
            continue
    raise ValueError("published must be an ISO 8601 date such as 2023-03-14")


WebUrl = Annotated[str, Field(max_length=MAX_URL), AfterValidator(web_url)]
IsoDate = Annotated[str, Field(max_length=64), AfterValidator(iso_date)]
