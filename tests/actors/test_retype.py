"""Mentions typed again from the words around them (crosswire.actors.retype): small texts
written for these tests."""

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ousted President Askar Akayev has agreed to resign.", "Askar Akayev"),
        ("Former U.S. President Bill Clinton visited Hanoi.", "Bill Clinton"),
    ],
)
def test_a_former_official_is_an_elite(analyse, text: str, name: str) -> None:
    mention = analyse(text).find(name)
    assert (mention.role, mention.actor.sector) == ("president", "ELI")


def test_a_sitting_official_keeps_the_sector_of_the_role(analyse) -> None:
    assert analyse("President Askar Akayev has agreed to resign.").find(
        "Askar Akayev"
    ).actor.sector == ("GOV")


def test_an_organisation_named_for_its_people_gets_their_sector(analyse) -> None:
    union = analyse("The Nigerian Union of Teachers announced a strike.").find(
        "Nigerian Union of Teachers"
    )
    assert (union.actor.country, union.actor.sector) == ("NGA", "EDU")


def test_an_acting_capital_is_its_government(analyse) -> None:
    berlin = analyse("Berlin rejected the calls on Monday.").find("Berlin")
    assert (berlin.type, berlin.actor.country, berlin.actor.sector) == ("COUNTRY", "DEU", "GOV")


def test_a_capital_after_by_acts_for_its_government(analyse) -> None:
    """The passive's agent and a deed's doer ("an admission by Moscow") act; a capital as
    a place stays a place."""
    passive = analyse("The plan was rejected by Ankara on Monday.").find("Ankara")
    deed = analyse("Dublin demanded an admission by London of the killings.").find("London")
    for capital, code in ((passive, "TUR"), (deed, "GBR")):
        assert (capital.type, capital.actor.country, capital.actor.sector) == (
            "COUNTRY",
            code,
            "GOV",
        )
    place = analyse("Talks were held in a village near Ankara.").find("Ankara")
    assert place.type == "PLACE"


def test_a_law_or_a_text_is_no_actor(analyse) -> None:
    doc = analyse(
        "The Hong Kong Human Rights and Democracy Act, under consideration by the US Senate,"
        " would impose sanctions. The Patriot Act gave the FBI new powers."
    )
    names = {m.text for m in doc.mentions}
    assert not {n for n in names if n.endswith("Act")}, names
    assert {"US Senate", "FBI"} <= names


def test_an_honour_is_no_actor(analyse) -> None:
    doc = analyse(
        "She received the 2000 National Caring Award which was inspired by Mother Teresa."
    )
    names = {m.text for m in doc.mentions}
    assert not {n for n in names if n.endswith("Award")}, names


def test_a_surname_the_parse_took_for_a_noun_is_the_person_named_in_full(analyse) -> None:
    doc = analyse(
        "The trial of 16-year-old Jermayne Timmons opened on Tuesday.\n"
        "Timmons, who was arrested 12 days after the shooting, faces a long sentence."
    )
    later = [m for m in doc.mentions if m.text == "Timmons" and m.start > 60]
    assert later and later[0].type == "PERSON"
    assert later[0].actor.key == doc.find("Jermayne Timmons").actor.key


def test_a_first_name_and_surname_the_model_took_for_a_place_or_body_is_a_person(analyse) -> None:
    doc = analyse(
        "Anthony LaCalamita shot Paul Riva and Gerald Kafoury at the office on Monday. "
        "LaCalamita shot Riva in the upper chest, then left the building."
    )
    rivas = [m for m in doc.mentions if "Riva" in m.text]
    assert len(rivas) == 2 and all(m.type == "PERSON" for m in rivas)
    assert rivas[0].actor.key == rivas[1].actor.key
    firms = analyse("Wells Fargo paid the fine, and Goldman Sachs agreed to pay.")
    assert {m.type for m in firms.mentions} == {"ORG"}


def test_a_name_after_an_abbreviated_title_is_a_person_whatever_the_model_says(analyse) -> None:
    doc = analyse(
        "Capt. Tom Tennant of the Woodburn Police Department was killed in the blast.\n"
        "Woodburn Police Sgt. Jason Tlusty became emotional describing Capt. Tennant, who "
        "also was killed in the blast."
    )
    tennants = [m for m in doc.mentions if "Tennant" in m.text]
    assert len(tennants) == 2 and {m.actor.key for m in tennants} == {"person:tom tennant"}


def test_a_common_word_opening_a_sentence_is_no_person(analyse) -> None:
    # the small model tags the capitalised first word a person
    doc = analyse("Arson is suspected in the fire that destroyed the mosque in Bradford.")
    assert "Arson" not in {m.text for m in doc.mentions}


def test_a_surname_opening_a_sentence_stays_a_person(analyse) -> None:
    doc = analyse("Mayor John Smith of Leeds resigned on Monday. Smith said he was tired.")
    assert doc.find("Smith").actor.key == doc.find("John Smith").actor.key


def test_an_organisation_named_by_a_common_noun_is_no_town(analyse) -> None:
    # Bank is a town in India; "the Bank" here is an organisation
    doc = analyse("Rioters in Athens threw petrol bombs at the Bank on Friday.")
    assert doc.find("Bank").type != "PLACE"


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


def test_a_one_word_person_the_article_names_as_a_place_is_that_place(analyse) -> None:
    doc = analyse(
        "Teen Shot Outside Titusville McDonald's\n"
        "A teen was shot in Titusville on Friday. Sarah Palin visited Wasilla. Palin spoke."
    )
    assert {m.type for m in doc.mentions if m.text == "Titusville"} == {"PLACE"}
    assert {m.type for m in doc.mentions if m.text == "Palin"} == {"PERSON"}


def test_the_town_after_a_persons_name_and_of_is_where_the_person_lives(analyse) -> None:
    doc = analyse("Police said Luann Marie Johnson, 66, of Burnsville, was struck on Wednesday.")
    assert doc.find("Burnsville").type == "PLACE"
    assert doc.find("Luann Marie Johnson").type == "PERSON"
