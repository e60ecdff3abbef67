"""The seed articles' named people (part of `actors.py`).

The two seed articles (../shared/seeds) go through the pipeline's own per-article stages
(`ingest.read`, `pipeline.process_items`). Their twelve named people are labelled in
`seed_people.yaml` (read from the articles, not from crosswire's output). A person is
*found* when a PERSON mention's text (or its actor's name) is one of the person's
spellings (folded: case, accents, hyphens); *found once* when all those mentions, in both
articles, resolve to one actor key; *right country* when the country most of them get is
the labelled one.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from crosswire import ingest, pipeline
from crosswire.actors.keys import fold
from crosswire.model import Mention

HERE = Path(__file__).resolve().parent
PEOPLE = HERE / "seed_people.yaml"


def score_seeds(seeds: Path) -> dict[str, Any]:
    people = yaml.safe_load(PEOPLE.read_text(encoding="utf-8"))["people"]
    mentions = _person_mentions(seeds)
    rows = [_person(person, mentions) for person in people]
    return {
        "people": len(rows),
        "found": sum(r["found"] for r in rows),
        "found_once": sum(r["found_once"] for r in rows),
        "right_country": sum(r["right_country"] for r in rows),
        "found_once_with_right_country": sum(r["found_once"] and r["right_country"] for r in rows),
        "per_person": rows,
    }


def _person_mentions(seeds: Path) -> list[Mention]:
    items = list(ingest.read([str(seeds)]))
    found: list[Mention] = []
    for outcome in pipeline.process_items(items):
        if isinstance(outcome, pipeline.Analysed):
            found += [m for m in outcome.analysis.mentions if m.type == "PERSON"]
    return found


def _person(person: dict[str, Any], mentions: list[Mention]) -> dict[str, Any]:
    spellings = {fold(s) for s in person["spellings"]}
    own = [m for m in mentions if fold(m.text) in spellings or fold(m.actor.name) in spellings]
    keys = {m.actor.key for m in own}
    countries = Counter(m.actor.country for m in own)
    country = countries.most_common(1)[0][0] if countries else None
    return {
        "name": person["name"],
        "gold_country": person["country"],
        "mentions": len(own),
        "actor_keys": sorted(keys),
        "country": country,
        "found": bool(own),
        "found_once": len(keys) == 1,
        "right_country": country == person["country"],
    }
