"""Sub-national bodies: "the Punjab government", "the Scottish government", "Texas state
police". A region's name (ISO 3166-2 first-level subdivisions, from pycountry, and the
adjectives and English names of data/actors/regions.yaml) directly before a government,
police or assembly noun names that region's body: the region's country, the noun's sector.
Only in that construction: a bare "Delta" (a Nigerian state, an airline) is no region here.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

import pycountry

from crosswire.actors.countries import country_code, geonames_cities
from crosswire.actors.keys import fold
from crosswire.datafiles import Code, DataModel, load


class RegionWords(DataModel):
    heads: tuple[str, ...]
    modifiers: tuple[str, ...]
    names: dict[str, Code]
    generic: tuple[str, ...]
    city_population: int


@cache
def region_words() -> RegionWords:
    return load("actors/regions.yaml", RegionWords)


def _subdivision_names(name: str) -> list[str]:
    """ "Catalunya [Cataluña]" -> both; "Wales [Cymru GB-CYM]" -> "Wales", "Cymru"."""
    main, _, rest = name.partition("[")
    names = [main.strip()]
    names += [w for w in re.findall(r"[^\s\]]+", rest) if not re.search(r"[A-Z]{2}-", w)]
    return [n for n in names if n]


def _large_cities() -> dict[str, set[str]]:
    """Folded name -> alpha-3 codes of the countries with a city of that name and at least
    the data file's population."""
    least = region_words().city_population
    cities: dict[str, set[str]] = defaultdict(set)
    for city in geonames_cities():
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        if city["population"] >= least and country is not None:
            cities[fold(city["name"])].add(country.alpha_3)
    return cities


@cache
def region_names() -> dict[str, frozenset[str]]:
    """Folded first-level region name -> the countries (alpha-3) with a region of that name
    ("florida": the USA and Uruguay), less the generic names ("Central", "North")."""
    return _named_subdivisions(first_level=True)


@cache
def subdivision_names() -> dict[str, frozenset[str]]:
    """Folded name of a subdivision at any level (a US state, an English county:
    "somerset") -> the countries (alpha-3) with one of that name, less the generic names."""
    return _named_subdivisions(first_level=False)


def _named_subdivisions(first_level: bool) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for sub in pycountry.subdivisions:
        if first_level and sub.parent_code is not None:
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None:
            continue
        for name in _subdivision_names(sub.name):
            found[fold(name)].add(country.alpha_3)
    generic = set(region_words().generic)
    return {name: frozenset(codes) for name, codes in found.items() if name not in generic}


@cache
def region_countries() -> dict[str, str]:
    """Folded region name -> its country (alpha-3), for names one country alone has."""
    found = region_names()
    cities = _large_cities()
    regions = {
        name: code
        for name, codes in found.items()
        if len(codes) == 1
        and cities.get(name, set()) <= codes
        # "Georgia" is the country; "Texas" is known as the USA's already
        and country_code(name) in (None, code := next(iter(codes)))
    }
    regions.update({fold(k): v for k, v in region_words().names.items()})
    return regions


@cache
def _construction() -> re.Pattern[str]:
    words = region_words()
    heads = "|".join(sorted(map(re.escape, words.heads), key=len, reverse=True))
    modifiers = "|".join(map(re.escape, words.modifiers))
    return re.compile(
        r"\b((?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’.-]*)\s+"
        rf"(?:(?:{modifiers})\s+)?(?:{heads})\b"
    )


def region_of(words: str) -> tuple[int, str] | None:
    """(offset, country) of the longest region name ending the capitalised `words`
    ("The Texas" -> "Texas", "Uttar Pradesh")."""
    parts = list(re.finditer(r"\S+", words))
    for first in range(len(parts)):
        code = region_countries().get(fold(words[parts[first].start() :]))
        if code is not None:
            return parts[first].start(), code
    return None


def regional_bodies(text: str) -> list[tuple[int, int, str]]:
    """(start, end, country) of each region's body in the text."""
    found = []
    for match in _construction().finditer(text):
        region = region_of(match.group(1))
        if region is not None:
            found.append((match.start(1) + region[0], match.end(), region[1]))
    return found


def regional_body(name: str) -> str | None:
    """The country of a name that is a region's body ("Ontario government"), else None."""
    for start, end, code in regional_bodies(name):
        if start == 0 and end == len(name):
            return code
    return None
