"""Towns named with what they are in (actors/qualified.py): "Wellington, Somerset" is in
England, "Athens, Georgia" in the United States; a list of towns is left as it is."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.actors.conftest import Analysed
from tests.events.conftest import code

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "town", "country"),
    [
        ("A man was charged after a fire in Wellington, Somerset, on Sunday.", "Wellington", "GBR"),
        ("Two people died in a shooting in London, Ontario.", "London", "CAN"),
        ("A tornado hit Paris, Texas, on Friday.", "Paris", "USA"),
        ("Students marched in Athens, Georgia.", "Athens", "USA"),
        ("Protesters rallied in Tbilisi, Georgia.", "Tbilisi", "GEO"),
    ],
)
def test_a_town_is_in_the_country_its_qualifier_names(
    analyse: Callable[[str], Analysed], text: str, town: str, country: str
) -> None:
    assert analyse(text).find(town).actor.country == country


def test_the_region_after_a_town_is_a_place_of_the_town_s_country(
    analyse: Callable[[str], Analysed],
) -> None:
    georgia = analyse("Students marched in Athens, Georgia.").find("Georgia")
    assert (georgia.type, georgia.actor.country) == ("PLACE", "USA")


def test_an_unnamed_actor_takes_the_qualified_town_s_country() -> None:
    charged = code("A man has been charged with arson after a fire in Wellington, Somerset.")
    assert [e.target.country for e in charged if e.target is not None] == ["GBR"]


def test_a_list_of_towns_is_no_town_and_its_qualifier(
    analyse: Callable[[str], Analysed],
) -> None:
    doc = analyse("The minister toured Paris, London and Berlin last week.")
    assert [doc.find(t).actor.country for t in ("Paris", "London", "Berlin")] == [
        "FRA",
        "GBR",
        "DEU",
    ]
