"""Recipients a preposition names by event type (crosswire.events.recipients,
data/events/recipients.yaml). Each sentence is written for the test."""

from __future__ import annotations

import pytest
from tests.events.conftest import built, code
from tests.events.conftest import only_one as _one

pytestmark = pytest.mark.slow


def test_whom_an_apology_is_made_to_is_its_target() -> None:
    event = _one("Maria Lopez apologized to the pastors of the church on Sunday.", "CONCEDE")
    assert event.target is not None and event.target.name == "pastors"


def test_a_family_met_is_the_target_not_the_one_whose_family_it_is() -> None:
    event = _one("The mayor met the victim's family in Brooklyn on Monday.", "CONSULT")
    assert event.target is not None and event.target.name == "family"


def test_an_apology_to_no_one_named_is_not_to_the_speakers_country() -> None:
    # a state acting on no one named acts on its own country; an apology is words
    event = built("The Japanese prime minister apologized on Monday.", "apologized", "CONCEDE")
    assert event.source is not None and event.source.country == "JPN"
    assert event.target is None


def test_a_refusal_after_but_answers_the_subject_of_the_clause_before() -> None:
    text = "Police tried to stop the car, but Mark Dunn refused to pull over."
    event = built(text, "refused", "REJECT")
    assert event.source is not None and event.source.name == "Mark Dunn"
    assert event.target is not None and event.target.name == "Police"


def test_a_refusal_coordinated_by_and_names_no_one_refused() -> None:
    text = "Police arrived at the scene and Mark Dunn refused to pull over."
    event = built(text, "refused", "REJECT")
    assert event.target is None


def test_whom_a_state_stands_by_is_whom_it_supports() -> None:
    text = "Turkey has been standing by Azerbaijan since the war began, the ambassador said."
    event = built(text, "standing", "SUPPORT")
    assert event.target is not None and event.target.country == "AZE"


def test_whom_a_vote_is_against_is_whom_it_rejects() -> None:
    text = "Senator Ann Ruiz voted against Judge Tom Hale on Tuesday."
    event = built(text, "voted", "REJECT")
    assert event.target is not None and "Hale" in event.target.name


def test_acting_on_each_others_things_is_mutual() -> None:
    text = "In a debate on Tuesday, Johnson and Corbyn attacked each other's policies on Brexit."
    event = next(e for e in code(text) if e.trigger == "attacked")
    assert event.source is not None and event.target is not None
    assert {event.source.name, event.target.name} == {"Johnson", "Corbyn"}


def test_a_recipient_hung_on_what_is_asked_is_still_whom_it_is_asked_of() -> None:
    # the parse hangs "from the World Bank" on "funding", inside the object
    text = "Kenya requested 50 million dollars in emergency funding from the World Bank."
    event = _one(text, "REQUEST")
    assert event.target is not None and event.target.name == "World Bank"


@pytest.mark.parametrize(
    "text",
    [
        "Ecuador filed a case at the International Court of Justice accusing Mexico of abuse.",
        "Ukraine lodged a complaint at the European Court of Human Rights over the arrests.",
    ],
)
def test_a_court_a_case_is_brought_to_is_not_whom_it_is_against(text: str) -> None:
    event = next(e for e in code(text) if e.type == "ACCUSE")
    assert event.target is None or "Court" not in event.target.name


def test_an_act_on_a_thing_is_on_its_owner() -> None:
    text = "Russian forces launched a massive missile and drone attack on Ukraine's energy grid."
    event = _one(text, "ASSAULT")
    assert event.target is not None and event.target.country == "UKR"
