"""Where an article's event happens, and whether an article's places and a story's are apart.

What tells two look-alike events apart (two warehouse fires, two earthquakes) is above all
where each happened: their reports share the event words, not the town. An article's
*event places* are the towns its title and lead (the first `place_lead_sentences`
sentences: the lead is where a report says where its event happened) put something in or
near: the names written after a locative word ("a fire in Cork";
data/stories/event_places.yaml) that the parser found as names, whatever type it gave them
(the small English model takes Cork and Lyon for people), and that the gazetteer knows as a
town (`place_key`). Other places the lead names are not: a nationality ("the Australian
actor"), an actor ("Moscow said"), a dateline (where the report was filed); nor is a
country, named as often where an event is felt or answered ("felt in Oman") as where it
happened. Each is kept as a key: the town's country and first-level region ("FRA/84"),
the unit `places.places_apart` tells apart (a capital the gazetteer has no town for: its
country, "FRA").

Measured on the pairs of one ECB+ dev topic's articles (benchmarks/stories_ecb.py's data):
the pairs whose event places so found are apart are of two events 97 times, of one event 5
times (with "at" too, and countries, and a town's alternate names: 241 and 48; with every
place and country the parser found in the lead: 1,230 and 361).

An article is *apart* from a story when both have event places and none of the article's
can be where one of the story's is (another country, or a town in another region of the
same country): a follow-up reported from another capital still names the place of its
event, and a summit's reports name the host town, so a story of several places stays whole
while a look-alike event elsewhere does not join it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from crosswire.actors.countries import (
    MIN_CITY_POPULATION,
    alpha3,
    capital_country,
    country_code,
    geonames_cities,
    strip_possessive,
)
from crosswire.datafiles import DataModel, load
from crosswire.model import Analysis, Article
from crosswire.stories.places import Region
from crosswire.timex.months import months

_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}"  # "Cork", "New York City"


class EventPlaceWords(DataModel):
    """data/stories/event_places.yaml: the words that put an event at a named place."""

    locatives: tuple[str, ...]


@cache
def _after_locative() -> re.Pattern[str]:
    words = load("stories/event_places.yaml", EventPlaceWords).locatives
    written = {form for w in words for form in (w, w.capitalize())}  # not "IN A BLAZE"
    alternatives = "|".join(re.escape(w) for w in sorted(written, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\s+(?:[Tt]he\s+)?({_NAME})")


@cache
def _month_names() -> frozenset[str]:
    return frozenset(m.name for m in months())


# A town's name means the largest town of that name unless another, in another region, has
# at least 1/DOMINANT of its people (Huntsville, Alabama, not Texas; Geneva, Switzerland,
# not Illinois; no answer where towns of like size share a name). Not a setting: it shapes
# the places the duplicate index stores with each article.
DOMINANT = 3


@dataclass(frozen=True, slots=True)
class Town:
    region: Region
    population: int


@cache
def _towns() -> dict[str, list[Town]]:
    """Name -> the towns of that name, largest first. Their own names only: the alternate
    names geonames lists are also old names, districts and other languages' names of a
    place ("Downtown" is one of a Polish town's)."""
    found: dict[str, list[Town]] = {}
    for city in geonames_cities():
        code, population = alpha3(city["countrycode"]), city["population"]
        if code is None or population < MIN_CITY_POPULATION:
            continue
        region = (code, city.get("admin1code") or "")
        found.setdefault(city["name"], []).append(Town(region, population))
    for towns in found.values():
        towns.sort(key=lambda t: -t.population)
    return found


def _town(name: str, capital: str | None) -> Region | None:
    """The region of the town a name means: a capital's, else the dominant one of the
    towns of that name."""
    towns = _towns().get(name, [])
    if capital:
        return next((t.region for t in towns if t.region[0] == capital), (capital, ""))
    if not towns:
        return None
    largest = towns[0]
    rivals = [t for t in towns[1:] if t.region != largest.region]
    if rivals and rivals[0].population * DOMINANT > largest.population:
        return None
    return largest.region


def place_key(name: str) -> str | None:
    """'FRA/84' for a town with its region (`_town`), None for a country or a name the
    gazetteer does not place."""
    name = strip_possessive(name.strip().rstrip("."))
    if name.lower() in _month_names():  # "in March": a time, though a town is so named
        return None
    if country_code(name):  # a country is where an event is felt or answered as often
        return None
    found = _town(name, capital_country(name))
    if found is None:
        return None
    country, admin1 = found
    return f"{country}/{admin1}" if admin1 else country


ALSO = "~"  # leads the key of a town the lead names but puts nothing in


def event_places(article: Article, analysis: Analysis, lead_sentences: int) -> tuple[str, ...]:
    """The keys of the towns the article's title and lead put something in (sorted; none
    without a lead), and after them, each led by ``ALSO``, those of the other towns they
    name: a reaction "in Moscow" to "the Geneva summit" still belongs to the summit's story
    (`apart`), though only Moscow is where it happened."""
    if lead_sentences <= 0:
        return ()
    spans = analysis.sentences[:lead_sentences]
    lead_end = spans[-1][1] if spans else 0
    title = article.title or ""
    keys: set[str] = set()
    named = {m.text for m in analysis.mentions}
    for written in (title, article.text[:lead_end]):
        for match in _after_locative().finditer(written):
            key = _longest_place(match.group(1), named)
            if key:
                keys.add(key)
    keys = _most_specific(keys)
    also = {
        key
        for m in analysis.mentions
        if (m.start < lead_end or m.text in title) and (key := place_key(m.text))
    }
    return (*sorted(keys), *sorted(ALSO + k for k in also - keys))


def where(places: Iterable[str]) -> list[str]:
    """Of an article's `event_places`, the towns it puts something in (what its story
    keeps)."""
    return [p for p in places if not p.startswith(ALSO)]


def written_places(text: str, words: int) -> tuple[str, ...]:
    """The keys of the places written after a locative word in the text's first `words`
    words (sorted): what a text's own words say of where it happened, without a parse (the
    duplicate index compares two texts by it)."""
    cut = re.match(rf"(?:\s*\S+){{0,{words}}}", text)
    lead = cut.group(0) if cut else text
    keys = {_longest_place(m.group(1)) for m in _after_locative().finditer(lead)}
    return tuple(sorted(_most_specific(k for k in keys if k)))


def _longest_place(name: str, named: set[str] | None = None) -> str | None:
    """The key of the place `name` opens with. Given the names the parser found (`named`),
    the longest opening that is one of them, when it is a place: "at Betty Ford Center" is
    at no town Betty, and a title in title case ("Dies In Police Custody") capitalises words
    that are no names. Else the longest opening that is a place ("New York City" before
    "New York")."""
    words = name.split()
    openings = [" ".join(words[:end]) for end in range(len(words), 0, -1)]
    if named is not None:
        return next((place_key(o) for o in openings if o in named), None)
    return next((key for o in openings if (key := place_key(o))), None)


def _most_specific(keys: Iterable[str]) -> set[str]:
    """The keys, a country's dropped where one of its regions is there."""
    keys = set(keys)
    regional = {k.split("/")[0] for k in keys if "/" in k}
    return {k for k in keys if "/" in k or k not in regional}


def _key_apart(a: str, b: str) -> bool:
    country_a, _, region_a = a.partition("/")
    country_b, _, region_b = b.partition("/")
    if country_a != country_b:
        return True
    return bool(region_a and region_b and region_a != region_b)


def apart(places: Iterable[str], story_places: Iterable[str]) -> bool:
    """Whether an article (its `event_places`) puts something in a town and none of the
    towns its lead names can be where a story's events were (its articles' `where`); False
    when either has none."""
    places = list(places)
    theirs = _most_specific(story_places)
    if not where(places) or not theirs:
        return False
    mine = {p.removeprefix(ALSO) for p in places}
    return all(_key_apart(a, b) for a in mine for b in theirs)
