"""Sub-national bodies: a region's name right before a government, police or assembly noun
is that region's body, of its country, with the noun's sector; only in that construction."""

from __future__ import annotations

import pytest

from crosswire.actors.regions import regional_bodies, regional_body

from .conftest import analyse_text


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("the Ontario government", "Ontario government", "CAN"),
        ("Texas state police", "Texas state police", "USA"),
        ("The Scottish government", "Scottish government", "GBR"),  # the data file's adjective
        ("the Sindh provincial assembly", "Sindh provincial assembly", "PAK"),
        ("the Uttar Pradesh government", "Uttar Pradesh government", "IND"),  # two words
        ("the Maharashtra government", "Maharashtra government", "IND"),  # "Mahārāshtra"
    ],
)
def test_a_region_before_a_body_noun_is_its_body(text: str, name: str, country: str) -> None:
    found = regional_bodies(text)
    assert [(text[s:e], code) for s, e, code in found] == [(name, country)]


@pytest.mark.parametrize(
    "text",
    [
        "Delta said it would cut flights.",  # a Nigerian state's name alone: no region
        "the Punjab government",  # India's and Pakistan's: no one country
        "the Georgia government",  # the country's own name stays the country's
        "the Federal government",  # a generic word, no region
        "the Ontario premier",  # a person, not a body
        "the Unity government",  # South Sudan's state, and a word: no region
        "the Portland police",  # Jamaica's parish, but Oregon's city of 650,000 abroad
    ],
)
def test_no_region_outside_the_construction(text: str) -> None:
    assert regional_bodies(text) == []


def test_regional_body_is_the_whole_name_only() -> None:
    assert regional_body("Queensland police") == "AUS"
    assert regional_body("Queensland") is None
    assert regional_body("Queensland police chief Smith") is None


@pytest.mark.slow
def test_the_stage_gives_the_region_country_and_the_noun_sector() -> None:
    analysed = analyse_text(
        "The Ontario government said on Monday that the talks would continue. "
        "Texas state police arrested two men. Delta said nothing."
    )
    ontario = analysed.find("Ontario government").actor
    assert (ontario.country, ontario.sector) == ("CAN", "GOV")
    assert ontario.key != "org:CAN:government"  # the province's, not Canada's government
    police = analysed.find("Texas state police").actor
    assert (police.country, police.sector) == ("USA", "COP")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a US state, a department of Uruguay and a town in Colombia: the document points
        # to the United States, or to Colombia
        ("The family in Florida appealed to a court in Miami, the United States.", "USA"),
        ("The family in Florida appealed to a court in Cali, Colombia.", "COL"),
    ],
)
def test_a_town_that_is_also_a_region_is_where_the_document_points(text: str, country: str) -> None:
    assert analyse_text(text).find("Florida").actor.country == country
