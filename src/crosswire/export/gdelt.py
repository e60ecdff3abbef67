"""A GDELT-style event table: one row per fused event, flat, in GDELT's column names where
GDELT has the field (``Actor1Name``, ``EventCode``, ``QuadClass``, ``NumSources`` ...).

Differences from GDELT, on purpose: a header row; country codes are ISO 3166-1 alpha-3
(or PLOVER codes such as ``IGO``) for actors and places alike; ``Day`` is empty when only
the month or year is known; ``SourceURLs`` lists every reporting article (``;``-separated;
the file path when an article has no URL); PLOVER type, mode, modality and negation are
extra columns.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from crosswire.datafiles import DataModel, load
from crosswire.export.rows import Row
from crosswire.graph import quad_of
from crosswire.model import ActorRef, Article, Event
from crosswire.store import Store
from crosswire.timex.values import contract_date

COLUMNS = [
    "GlobalEventID", "Day", "MonthYear", "Year", "Date",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code", "Actor1EntityID",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code", "Actor2EntityID",
    "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "PloverType", "PloverMode", "Modality", "Negated",
    "ActionGeo_FullName", "ActionGeo_CountryCode",
    "NumSources", "NumArticles", "NumMentions", "StoryID", "SourceURLs",
]  # fmt: skip


class GdeltCodes(DataModel):
    """data/export/gdelt.yaml: GDELT's QuadClass number of each PLOVER quad class."""

    quad_class: dict[str, int]


@cache
def quad_classes() -> dict[str, int]:
    return dict(load("export/gdelt.yaml", GdeltCodes).quad_class)


def actor_pair(event: Event) -> tuple[ActorRef | None, ActorRef | None]:
    """Actor1 and Actor2: source and target; participants fill whichever is missing."""
    first, second = event.source, event.target
    taken = {a.entity_id for a in (first, second) if a is not None}
    others = [p for p in event.participants if p.entity_id not in taken]
    if first is None and others:
        first = others.pop(0)
    if second is None and others:
        second = others.pop(0)
    return first, second


def _actor(prefix: str, actor: ActorRef | None) -> Row:
    country, sector = (actor.country or "", actor.sector or "") if actor else ("", "")
    return {
        f"{prefix}Code": country + sector,  # as GDELT writes CAMEO actor codes: "RUSGOV"
        f"{prefix}Name": actor.name if actor else "",
        f"{prefix}CountryCode": country,
        f"{prefix}Type1Code": sector,
        f"{prefix}EntityID": actor.entity_id if actor else "",
    }


def _dates(value: str | None) -> Row:
    """GDELT's date columns from the event's date in the contract's form (`contract_date`)."""
    date = contract_date(value)
    digits = (date or "").replace("-", "")
    return {
        "Day": digits if len(digits) == 8 else "",
        "MonthYear": digits[:6] if len(digits) >= 6 else "",
        "Year": digits[:4],
        "Date": date or "",
    }


def gdelt_row(event: Event, articles: dict[str, Article]) -> Row:
    actor1, actor2 = actor_pair(event)
    cameo = event.cameo or ""
    quad = quad_classes().get(quad_of(event.type).key)
    sources = [articles[i].url or articles[i].path for i in event.article_ids if i in articles]
    return {
        "GlobalEventID": event.id,
        **_dates(event.date),
        **_actor("Actor1", actor1),
        **_actor("Actor2", actor2),
        "EventCode": cameo,
        "EventBaseCode": cameo[:3],
        "EventRootCode": cameo[:2],
        "QuadClass": "" if quad is None else quad,
        "PloverType": event.type,
        "PloverMode": event.mode or "",
        "Modality": event.modality,
        "Negated": "true" if event.negated else "false",
        "ActionGeo_FullName": event.location.name if event.location else "",
        "ActionGeo_CountryCode": (event.location.country or "") if event.location else "",
        "NumSources": event.n_sources,
        "NumArticles": len(event.article_ids),
        "NumMentions": len(event.mentions),
        "StoryID": event.story_id or "",
        "SourceURLs": ";".join(dict.fromkeys(sources)),
    }


def gdelt_rows(store: Store) -> Iterator[Row]:
    articles = {a.id: a for a in store.articles()}
    for event in store.events():
        yield gdelt_row(event, articles)


def export_gdelt(store: Store, out_dir: str | Path) -> dict[str, Path]:
    """Write ``gdelt_events.tsv`` (tab-separated, with a header) into `out_dir`."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "gdelt_events.tsv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(gdelt_rows(store))
    return {"gdelt_events": path}
