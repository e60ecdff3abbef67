"""Places that cannot both be where one happening was."""

from __future__ import annotations

import pytest

from crosswire.model import Place
from crosswire.stories.places import place_country, places_apart, places_compatible, region


@pytest.mark.parametrize(
    ("a", "b", "apart"),
    [
        ("Pyongyang", "Singapore", True),  # other countries (Singapore is both)
        ("Moscow", "Pyongyang", True),
        ("Paris", "Lyon", True),  # one country, other regions
        ("New York", "Washington", True),
        ("Pyongyang", "North Korea", False),  # a city and its country
        ("Manhattan", "New York City", False),  # one region
        ("Houston", "Texas", False),  # a state is not a city
        ("Springfield Heights Nowhere", "Paris", False),  # unknown names never disagree
    ],
)
def test_places_apart(a: str, b: str, apart: bool) -> None:
    assert places_apart(Place(a), Place(b)) is apart
    assert places_apart(Place(b), Place(a)) is apart
    assert places_compatible(Place(a), Place(b)) is not apart


def test_unknown_place_is_compatible_and_regions_come_from_the_gazetteer() -> None:
    assert places_compatible(None, Place("Lima"))
    assert place_country(Place("Pyongyang")) == "PRK"
    assert region(Place("New York")) == ("USA", "NY")
    assert region(Place("France")) is None
