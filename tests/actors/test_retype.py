"""Mentions typed again from the words around them (crosswire.actors.retype): small texts
written for these tests."""

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The centre-left daily Eleftherotypia warned that young Greeks would rise.",
            "Eleftherotypia",
        ),
        ("State broadcaster RTS said Serbian police arrested two men.", "RTS"),
        ("The paper Le Monde accused the French president of lying.", "Le Monde"),
    ],
    ids=["daily", "broadcaster", "paper"],
)
def test_a_name_its_descriptor_calls_a_news_medium_is_one(analyse, text: str, name: str) -> None:
    mention = analyse(text).find(name)
    assert mention.type == "MEDIA" and mention.actor.sector == "JRN"


def test_the_town_after_a_persons_name_and_of_is_where_the_person_lives(analyse) -> None:
    doc = analyse("Police said Luann Marie Johnson, 66, of Burnsville, was struck on Wednesday.")
    assert doc.find("Burnsville").type == "PLACE"
    assert doc.find("Luann Marie Johnson").type == "PERSON"


def test_a_name_joined_by_a_comma_to_its_state_is_a_town_there(analyse) -> None:
    doc = analyse("She treats the fishermen of Bayou La Batre, Alabama, every day.")
    town = doc.find("Bayou La Batre")
    assert town.type == "PLACE" and town.actor.country == "USA"


def test_a_person_before_a_countrys_possessive_stays_a_person(analyse) -> None:
    doc = analyse("Ali Farah, Somalia's envoy to Kenya, met the minister.")
    assert doc.find("Ali Farah").type == "PERSON"


def test_a_capital_the_small_model_took_for_a_person_is_the_capital(analyse) -> None:
    kyiv = analyse("Lindsey Graham visited Kyiv.").find("Kyiv")
    assert kyiv.type == "PLACE" and kyiv.actor.country == "UKR"


def test_an_amount_or_a_score_is_no_part_of_a_name(analyse) -> None:
    doc = analyse("The European Commission fined Apple 1.8 billion euros on Monday.")
    assert doc.find("Apple").actor.key == "org:apple"
    assert analyse("Paris Saint-Germain beat Inter Milan 2-1.").find("Inter Milan")


def test_a_capital_with_a_name_written_into_it_is_no_state(analyse) -> None:
    club = analyse("Real Madrid signed the Brazilian forward for 60 million euros.")
    assert all(m.type != "COUNTRY" or m.actor.country != "ESP" for m in club.mentions)
    state = analyse("Madrid rejected the proposal on Monday.")
    assert state.find("Madrid").type == "COUNTRY"


def test_two_peoples_joined_before_one_noun_are_two_groups(analyse) -> None:
    doc = analyse("The navy captured 23 Somali and Yemeni pirates in the Gulf of Aden.")
    groups = {m.actor.key for m in doc.mentions if m.type == "GROUP"}
    assert {"group:SOM:somali pirates", "group:YEM:yemeni pirates"} <= groups
