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
