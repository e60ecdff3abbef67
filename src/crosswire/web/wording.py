"""Jinja filters every template uses to name things the same way (see crosswire.labels):

- ``{{ n | plural("event") }}`` -> "1 event", "2 events"; ``plural("story", "stories")``;
- ``{{ article | label }}`` -> its title, else "Daily Mail, 2018-05-31" (any object with
  ``title``, ``outlet`` and ``published``: article rows, search hits);
- ``{{ filters | download_query }}`` -> a list's filters for its download link;
- ``{{ url | web_url }}`` -> the URL when it is http(s), else None: templates make a link
  only of what this gives, and show anything else as text;
- ``{{ "COP" | sector_name }}`` -> "police": what a PLOVER sector code stands for
  (data/actors/sectors.yaml); the code itself when it is none of them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from crosswire.actors.agents import sector_names
from crosswire.labels import article_label, file_label, plural, web_url

PAGING = ("page", "limit", "offset")  # a download has every row, not one page


def label(article: Any) -> str:
    given = getattr(article, "label", None)
    if given:
        return str(given)
    return article_label(
        getattr(article, "title", None),
        getattr(article, "outlet", None),
        getattr(article, "published", None),
    )


def when(epoch: float | None) -> str:
    """A moment as the server's clock gave it, in UTC: "2026-12-04 14:52:44 UTC"."""
    if epoch is None:
        return ""
    return datetime.fromtimestamp(epoch, tz=UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def download_query(params: Mapping[str, Any]) -> str:
    """A list's filters as the query of its download link: paging dropped, empty left out."""
    kept = {k: v for k, v in params.items() if k not in PAGING and v not in (None, "")}
    return urlencode(kept)


def sector_name(code: str | None) -> str:
    if not code:
        return ""
    return sector_names().get(code, code)


FILTERS = {
    "sector_name": sector_name,
    "plural": plural,
    "label": label,
    "web_url": web_url,
    "file_label": file_label,
    "download_query": download_query,
    "when": when,
}
