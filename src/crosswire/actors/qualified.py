"""Towns named with what they are in: "Wellington, Somerset", "Paris, Texas", "Athens,
Georgia", "London, Ontario". A writer qualifies a town whose name alone would be read as
another; the qualifier is a region (at any level of ISO 3166-2) or a country, and the town
is the one of its name there. Read only where one country has both a town of the name and
the qualifier, so a list of towns ("Paris, London and Berlin") is left as it is."""

from __future__ import annotations

from itertools import pairwise

from crosswire.actors import countries
from crosswire.actors.classify import Typed
from crosswire.actors.host import with_country
from crosswire.actors.keys import fold
from crosswire.actors.regions import subdivision_names

QUALIFIER_TYPES = frozenset({"PLACE", "COUNTRY"})
LIST_ENDS = (" and ", " or ")  # "visited Athens, Georgia and Armenia": three places


def read_qualified_places(text: str, typed: list[Typed]) -> None:
    """Give each town followed by ", <qualifier>" the qualifier's country, and the
    qualifier, where it is a region of that country, that country as a place."""
    for town, qualifier in pairwise(typed):
        if town.type != "PLACE" or qualifier.type not in QUALIFIER_TYPES:
            continue
        if text[town.end : qualifier.start] != ", " or text.startswith(LIST_ENDS, qualifier.end):
            continue
        country = _qualified_country(town, qualifier)
        if country is None:
            continue
        town.actor = with_country(town, country)
        town.qualified = qualifier.qualified = True
        town.is_capital = town.is_capital and countries.capital_country(town.actor.name) == country
        if qualifier.actor.country != country:  # "Georgia" after Athens: the US state
            qualifier.type = "PLACE"
            qualifier.actor = with_country(qualifier, country)


def _qualified_country(town: Typed, qualifier: Typed) -> str | None:
    """The one country that has a town of the town's name and is, or has a region of, the
    qualifier's name."""
    over = set(subdivision_names().get(fold(qualifier.actor.name), frozenset()))
    if qualifier.type == "COUNTRY" and qualifier.actor.country:
        over.add(qualifier.actor.country)
    towns = set(countries.town_countries(town.actor.name))
    if town.actor.country:
        towns.add(town.actor.country)
    both = over & towns
    return next(iter(both)) if len(both) == 1 else None
