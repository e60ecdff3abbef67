"""Reading the Phoenix actor format: comments, aliases, dated and default codes, dates."""

from __future__ import annotations

from datetime import date

import pytest

from crosswire.kb.phoenix import parse, parse_code, parse_date

DICTIONARY = """\
# a comment line
BILL_CLINTON_  # CountryInfo.txt
+PRESIDENT_CLINTON
+US_PRESIDENT_BILL_CLINTON ; trailing comment
\t[USAELI 640101-930120]
\t[USAGOV 930120-010120]
\t[USAELI]

ABU_NIDAL_ORGANIZATION [IMGMUSALQ] #  kkl
+ARAB_REVOLUTIONARY_BRIGADES_+FATAH_REVOLUTIONARY_COUNCIL_
KOFI_ANNAN_
\t[IGOUNO 970101-061231]
\t[ELI]
OLD_LEADER_
\t[ARMGOV <900823]
\t[ARMGOV >20110101]
\t[ARMGOV 9008223-911221]
\t[ARMGOV 901399-911221]
"""


def test_records_aliases_and_roles() -> None:
    parsed = parse(DICTIONARY.splitlines())
    names = [r.name for r in parsed.records]
    assert names == ["BILL CLINTON", "ABU NIDAL ORGANIZATION", "KOFI ANNAN", "OLD LEADER"]
    clinton = parsed.records[0]
    assert clinton.aliases == ["PRESIDENT CLINTON", "US PRESIDENT BILL CLINTON"]
    assert clinton.comment == "CountryInfo.txt"
    gov = clinton.roles[1]
    assert (gov.country, gov.sectors, gov.start, gov.end, gov.dated) == (
        "USA",
        ("GOV",),
        date(1993, 1, 20),
        date(2001, 1, 20),
        True,
    )
    assert not clinton.roles[2].dated and clinton.roles[2].sectors == ("ELI",)
    # two aliases written on one line, joined by "+"
    assert len(parsed.records[1].aliases) == 2


def test_phrases_in_a_row_before_their_codes_are_one_record() -> None:
    # PETRARCH2 gives a code-less primary phrase the codes that follow, as it gives the
    # phrases after it: one person written several ways, then dated once
    lines = [
        "JO_DOE_  # CountryInfo.txt",
        "JO_Q._DOE",
        "PRESIDENT_DOE",
        "\t[ABCGOV 910710-991231]",
        "RICH_ROE_",
        "\t[ABCELI]",
    ]
    records = parse(lines).records
    assert [(r.name, r.aliases) for r in records] == [
        ("JO DOE", ["JO Q. DOE", "PRESIDENT DOE"]),
        ("RICH ROE", []),
    ]
    assert records[0].roles[0].sectors == ("GOV",)


def test_open_restrictions_and_bad_dates() -> None:
    parsed = parse(DICTIONARY.splitlines())
    old = parsed.records[3].roles
    assert old[0].start is None and old[0].end == date(1990, 8, 23)
    assert old[1].start == date(2011, 1, 1) and old[1].end is None
    # seven digits are YYMMDD with junk after it; month 13 is no date: that code is dropped
    assert old[2].start == date(1990, 8, 22)
    assert parsed.bad_codes == ["OLD LEADER: [ARMGOV 901399-911221]"]


@pytest.mark.parametrize(
    ("text", "day"),
    [("300101", date(2030, 1, 1)), ("310101", date(1931, 1, 1)), ("19300415", date(1930, 4, 15))],
)
def test_century_rule(text: str, day: date) -> None:
    assert parse_date(text) == day


def test_codes() -> None:
    assert parse_code("USAGOV") == ("USA", ("GOV",))
    assert parse_code("IGOUNOKID") == ("UNO", ())
    assert parse_code("NGOHRI") == ("NGO", ("SOC",))  # human rights: civil society
    assert parse_code("ELI") == (None, ("ELI",))
    assert parse_code("HTIGOVBUS") == ("HTI", ("GOV", "BUS"))
    assert parse_code("---") is None


def test_a_body_s_sector_is_what_it_does_not_its_kind() -> None:
    """PLOVER codes what an international body does as its sector, what it is (IGO, NGO)
    as its country code: UNHCR is refugees, the Red Cross health, the UN alone none; a
    company does business and states more only where its code does."""
    assert parse_code("IGOUNOREFHCR") == ("UNO", ("REF",))
    assert parse_code("NGOHLHIRC") == ("NGO", ("MED",))
    assert parse_code("IGOUNO") == ("UNO", ())
    assert parse_code("MNCUSAMED") == ("MNC", ("JRN", "BUS"))


def test_cameo_sector_codes_become_plover_sectors() -> None:
    """The codes come from data/actors/sectors.yaml: CAMEO's MED (media) is PLOVER's JRN,
    its HLH (health) PLOVER's MED, its INS (insurgents) REB; a religion is no sector."""
    assert parse_code("USAMED") == ("USA", ("JRN",))
    assert parse_code("NGOHLH") == ("NGO", ("MED",))
    assert parse_code("AFGINSMUS") == ("AFG", ("REB",))
    assert parse_code("HLH") == (None, ("MED",))


def test_a_phrase_after_a_blank_line_is_an_actor_of_its_own_sharing_the_codes_that_follow() -> None:
    text = [
        "UNITED_STATES_DEPARTMENT_OF_HOUSING_AND_URBAN_DEVELOPMENT_",
        "+FEDERAL_HOUSING_ADMINISTRATION_",
        "",
        "UNITED_STATES_DEPARTMENT_OF_THE_INTERIOR_",
        "+FISH_AND_WILDLIFE_SERVICE_",
        "\t[USAGOV]",
        "BORIS_YELTSIN_",
        "YELTSIN",
        "\t[RUSGOV]",
    ]
    records = parse(text).records
    assert [(r.name, r.aliases) for r in records] == [
        (
            "UNITED STATES DEPARTMENT OF HOUSING AND URBAN DEVELOPMENT",
            ["FEDERAL HOUSING ADMINISTRATION"],
        ),
        ("UNITED STATES DEPARTMENT OF THE INTERIOR", ["FISH AND WILDLIFE SERVICE"]),
        ("BORIS YELTSIN", ["YELTSIN"]),
    ]
    assert [[r.country for r in rec.roles] for rec in records] == [["USA"], ["USA"], ["RUS"]]
