"""Actors coded by the country where the story happens (actors/host.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.actors.conftest import Analysed

pytestmark = pytest.mark.slow


def test_local_official_takes_the_only_country_named(analyse: Callable[[str], Analysed]) -> None:
    doc = analyse("Judge Maria Ortega ordered the arrest of three Peruvian customs officers.")
    assert doc.find("Maria Ortega").actor.country == "PER"


def test_president_takes_a_country_only_when_it_is_the_sole_one(
    analyse: Callable[[str], Analysed],
) -> None:
    alone = analyse("President Amadou Sekou extended the curfew in Bamako on Monday.")
    assert alone.find("Amadou Sekou").actor.country == "MLI"
    abroad = analyse(
        "President Amadou Sekou met French and German envoys in Bamako on Monday, "
        "and later flew to Paris."
    )
    assert abroad.find("Amadou Sekou").actor.country is None


def test_places_outvote_country_names(analyse: Callable[[str], Analysed]) -> None:
    """Country names also name who acts; cities say where the story is."""
    doc = analyse(
        "Deputy Minister Tomas Varga said in Budapest that Hungary and Austria had agreed, "
        "officials in Debrecen added, as Hungarian police closed the road."
    )
    assert doc.find("Tomas Varga").actor.country == "HUN"


def test_a_summit_venue_is_no_home_of_the_delegations(
    analyse: Callable[[str], Analysed],
) -> None:
    doc = analyse(
        "In Vienna, Iran and the United States agreed on a deal. Iran's negotiators and "
        "United States officials met at a Vienna hotel, where Secretary Ann Ruiz spoke. "
        "Iran said the deal was fair; the United States said it would hold."
    )
    assert doc.find("Ann Ruiz").actor.country != "AUT"


def test_unmarked_groups_and_places_act_in_the_host_country(
    analyse: Callable[[str], Analysed],
) -> None:
    doc = analyse("Kenyan police said Moslem activists had marched through Mombasa.")
    moslem = [m for m in doc.mentions if m.text.startswith("Moslem")]
    assert moslem and moslem[0].actor.country == "KEN"


def test_supranational_groups_take_no_host(analyse: Callable[[str], Analysed]) -> None:
    doc = analyse("Norway rejected the demands of its European partners in Oslo.")
    assert all(m.actor.country is None for m in doc.mentions if m.text == "European")


def test_ethnic_groups_are_coded_by_residence(analyse: Callable[[str], Analysed]) -> None:
    doc = analyse("Ethnic Hungarians in Slovakia protested in Bratislava on Sunday.")
    hungarians = doc.find("Hungarians")
    assert hungarians.type == "GROUP"
    assert hungarians.actor.country == "SVK"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("U.S. troops in Iraq came under fire.", "U.S. troops", "USA"),
        ("Russian diplomats in London were expelled.", "Russian diplomats", "RUS"),
        ("They bombed the U.S. embassies in Kenya and Tanzania.", "U.S. embassies", "USA"),
    ],
)
def test_a_state_s_own_agents_abroad_stay_its_own(
    analyse: Callable[[str], Analysed], text: str, name: str, country: str
) -> None:
    # the residence of a people ("Albanians in Macedonia") is no home of a state's troops,
    # diplomats or embassies where they serve
    assert analyse(text).find(name).actor.country == country


def test_people_of_a_named_place_live_there(analyse: Callable[[str], Analysed]) -> None:
    doc = analyse("The Serbs of northern Kosovo boycotted the vote.")
    assert doc.find("Serbs").actor.country in {"KOS", "XKX"}


def test_a_currency_is_no_place(analyse: Callable[[str], Analysed]) -> None:
    doc = analyse(
        "Former president Rene Duval is accused of taking US $10 million from Haitian "
        "state funds, Haitian prosecutors said."
    )
    assert doc.find("Rene Duval").actor.country == "HTI"


def test_capital_inside_an_organisation_name(analyse: Callable[[str], Analysed]) -> None:
    doc = analyse("Surgeons at Nairobi University Hospital treated the wounded.")
    hospital = next(m for m in doc.mentions if "Nairobi" in m.text)
    assert hospital.actor.country == "KEN"


def test_bodies_named_after_an_international_organisation(
    analyse: Callable[[str], Analysed],
) -> None:
    doc = analyse("The United Nations Development Programme warned of famine in Somalia.")
    body = next(m for m in doc.mentions if m.text.startswith("United Nations"))
    assert body.actor.country == "UNO"


def test_abbreviated_military_ranks(analyse: Callable[[str], Analysed]) -> None:
    doc = analyse("Brig. Gen. Omar Haddad resigned on Friday, Jordan's army said.")
    assert doc.find("Omar Haddad").actor.sector == "MIL"


def test_a_possessive_title_tells_whose_official(analyse: Callable[[str], Analysed]) -> None:
    doc = analyse(
        "Foreign Minister Ana Lopes flew to Luanda. Portugal's foreign minister said the "
        "talks had gone well."
    )
    assert doc.find("Ana Lopes").actor.country == "PRT"


def test_a_party_acts_at_home_but_a_movement_may_not(analyse: Callable[[str], Analysed]) -> None:
    party = analyse("Activists of the Green Unity Party marched in Tbilisi on Sunday.")
    assert next(m for m in party.mentions if "Party" in m.text).actor.country == "GEO"
    movement = analyse(
        "Sudan has been sharing weapons with the Popular Front for Free Horizons, a report said."
    )
    front = [m for m in movement.mentions if "Front" in m.text]
    assert front and front[0].actor.country is None


def test_a_community_named_by_a_plural_noun_takes_no_host(
    analyse: Callable[[str], Analysed],
) -> None:
    doc = analyse("In Cairo, the minister said Christians and Muslims share the holy sites.")
    assert all(m.actor.country is None for m in doc.mentions if m.text in {"Christians", "Muslims"})


def test_an_official_named_for_a_state(analyse: Callable[[str], Analysed]) -> None:
    doc = analyse(
        "In Washington, the accord was signed with Oman, represented by Foreign Minister "
        "Badr Hamad. Later, officials in Washington said more would follow."
    )
    assert doc.find("Badr Hamad").actor.country == "OMN"


def test_a_country_with_its_own_role_word_is_not_the_next_persons(
    analyse: Callable[[str], Analysed],
) -> None:
    doc = analyse(
        "Asked whether he trusted the Russian leader, Senator Tom Hale said no, and later "
        "spoke in Ohio and Texas."
    )
    assert doc.find("Tom Hale").actor.country != "RUS"


def test_a_country_s_people_say_where_the_story_is(analyse: Callable[[str], Analysed]) -> None:
    """ "Young Tunisians" are the country's people (CVL) and, as its name would, point to
    where the story happens; ethnic kin named alone still take the country they live in."""
    doc = analyse(
        "Young Tunisians blocked roads on Sunday to press their demands from "
        "President Amadou Sekou's government."
    )
    assert doc.find("Tunisians").actor.sector == "CVL"
    assert doc.find("Amadou Sekou").actor.country == "TUN"
    kin = analyse(
        "Ethnic Hungarians have vowed to fight for villages near Slovakia's border, Slovak "
        "officials said."
    )
    assert kin.find("Hungarians").actor.country == "SVK"


def test_a_country_and_the_troops_it_sends_are_no_group(analyse: Callable[[str], Analysed]) -> None:
    # "Israel sent troops": a clause, not "Israeli troops"
    doc = analyse("Israel sent troops to the border on Tuesday.")
    assert doc.find("Israel").text == "Israel" and doc.find("Israel").type == "COUNTRY"


@pytest.mark.parametrize(
    "text",
    [
        "U.S. Secretary of State Madeleine Albright headed on Tuesday to East Africa.",
        "U.S. officials travelled to the Middle East.",
        "Chinese diplomats toured Latin America in May.",
    ],
)
def test_regions_larger_than_a_state_take_no_host(
    analyse: Callable[[str], Analysed], text: str
) -> None:
    doc = analyse(text)
    regions = [m for m in doc.mentions if m.type == "PLACE"]
    assert regions and all(m.actor.country is None for m in regions)
