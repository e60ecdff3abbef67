"""The seed articles' named people (part of `actors.py`).

The two seed articles (../shared/seeds) go through the pipeline's own per-article stages
(`ingest.read`, `pipeline.process_items`). Their twelve named people are labelled in
`seed_people.yaml` (read from the articles, not from crosswire's output). A person is
*found* when a PERSON mention's text (or its actor's name) is one of the person's
spellings (folded: case, accents, hyphens); *found once* when all those mentions, in both
articles, resolve to one actor key; *right country* when the country most of them get is
the labelled one.

The analysis keeps the body's mentions; the photo captions are analysed apart (their events
are kept, their mentions are not stored). Two people of the seeds are named only in a
caption ("the statues of the late leaders Kim Il Sung and Kim Jong Il"): the figures are
given twice, over the body's mentions (`body`, what the store's actor table holds) and over
the body's and the captions' mentions (the captions run through the stages up to
`mentions`, as tests/actors/test_seeds.py does).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from crosswire import ingest, pipeline, stages
from crosswire.actors.keys import fold
from crosswire.model import Article, Mention
from crosswire.nlp import parse

HERE = Path(__file__).resolve().parent
PEOPLE = HERE / "seed_people.yaml"


def score_seeds(seeds: Path) -> dict[str, Any]:
    people = yaml.safe_load(PEOPLE.read_text(encoding="utf-8"))["people"]
    body, captions = _person_mentions(seeds)
    return {
        "body": _scored(people, body),
        "with_captions": _scored(people, body + captions),
    }


def _scored(people: list[dict[str, Any]], mentions: list[Mention]) -> dict[str, Any]:
    rows = [_person(person, mentions) for person in people]
    return {
        "people": len(rows),
        "found": sum(r["found"] for r in rows),
        "found_once": sum(r["found_once"] for r in rows),
        "right_country": sum(r["right_country"] for r in rows),
        "found_once_with_right_country": sum(r["found_once"] and r["right_country"] for r in rows),
        "per_person": rows,
    }


def _person_mentions(seeds: Path) -> tuple[list[Mention], list[Mention]]:
    """The PERSON mentions of the bodies, and of the captions analysed apart."""
    items = list(ingest.read([str(seeds)]))
    body: list[Mention] = []
    captioned: list[Article] = []
    for outcome in pipeline.process_items(items):
        if isinstance(outcome, pipeline.Analysed):
            body += [m for m in outcome.analysis.mentions if m.type == "PERSON"]
            captioned += [outcome.article] if outcome.article.captions else []
    captions: list[Mention] = []
    texts = [a.caption_text for a in captioned]
    for article, doc in zip(captioned, parse(texts), strict=True):
        section = stages.ArticleState(dataclasses.replace(article, text=doc.text), doc)
        found = stages.run(section, until="mentions").mentions
        captions += [m for m in found if m.type == "PERSON"]
    return body, captions


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
