"""Sentence structures beyond one predicate and its own arguments: pronouns, inherited
subjects, targets found through objects and content clauses, support verbs, stances."""

from __future__ import annotations

import pytest
from tests.events.conftest import code

from crosswire.model import EventMention


def one(text: str, type_: str) -> EventMention:
    found = [e for e in code(text) if e.type == type_]
    assert len(found) == 1, [(e.type, e.trigger) for e in code(text)]
    return found[0]


def countries(event: EventMention) -> tuple[str | None, str | None]:
    return (
        event.source.country if event.source else None,
        event.target.country if event.target else None,
    )


def test_pronoun_is_the_reporting_clause_subject_and_will_not_is_a_refusal() -> None:
    event = one("Syria says it will not accept the proposal from Turkey.", "REJECT")
    assert countries(event) == ("SYR", "TUR")
    assert not event.negated and event.modality == "asserted"


def test_target_is_the_owner_of_a_non_actor_object() -> None:
    assert countries(one("Germany praised Kenya's efforts.", "SUPPORT")) == ("DEU", "KEN")


def test_target_is_found_in_the_content_clause() -> None:
    event = one("Iran threatened to cut off electricity to Armenia.", "THREATEN")
    assert countries(event) == ("IRN", "ARM")
    demand = one("China demanded that the United States cancel the sale.", "REQUEST")
    assert countries(demand) == ("CHN", "USA")


def test_unnamed_target_of_a_state_source_is_of_its_country() -> None:
    event = one("Egyptian police arrested 12 workers.", "COERCE")
    assert countries(event) == ("EGY", "EGY")


def test_subject_is_inherited_through_a_chain_of_clauses() -> None:
    event = one("Egyptian police opened fire, killing one man and arresting 12.", "COERCE")
    assert event.source is not None and event.source.country == "EGY"


def test_support_verb_subject_is_the_event_nouns_actor() -> None:
    event = one("Ethiopian troops completed their withdrawal from Somalia.", "RETREAT")
    assert countries(event) == ("ETH", "SOM")


def test_a_protesters_demand_is_the_protests_content() -> None:
    events = code("Thousands of Iraqi students demonstrated in Basra demanding reforms.")
    assert [e.type for e in events] == ["PROTEST"]


@pytest.mark.parametrize(
    ("sentence", "type_", "cameo"),
    [
        ("Syria says it is willing to withdraw its troops from Lebanon.", "AGREE", "035"),
        ("Iraq said it would allow the return of U.N. weapons inspectors.", "AGREE", "035"),
        # an announced future withdrawal with no one's stated readiness: the ontology's
        # "announced future withdrawals = CONCEDE"
        ("The Ethiopian army will withdraw from Somalia next month.", "CONCEDE", "035"),
        ("Israel wants to withdraw from southern Lebanon.", "CONCEDE", "035"),
        ("Greece plans to impose sanctions on Turkey.", "THREATEN", "131"),
        ("The United Nations will withdraw its monitors from Georgia.", "THREATEN", "136"),
    ],
)
def test_stated_intentions_are_coded_by_their_content(
    sentence: str, type_: str, cameo: str
) -> None:
    event = one(sentence, type_)
    assert event.cameo == cameo and event.modality == "planned"


def test_nationality_adjective_gives_an_unnamed_target_its_country() -> None:
    event = one("Yoweri Museveni banned Ugandan opposition candidates.", "COERCE")
    assert event.target is not None and event.target.country == "UGA"


def test_unnamed_protest_target_is_the_state_where_it_is_held() -> None:
    event = one("Thousands of Kenyan teachers marched in Nairobi.", "PROTEST")
    assert countries(event) == ("KEN", "KEN")


def test_a_protest_held_abroad_against_no_one_named_has_no_target() -> None:
    # diaspora protests are not against the host state
    event = one("Thousands of Kenyan teachers marched in London on Sunday.", "PROTEST")
    assert event.source is not None and event.source.country == "KEN"
    assert event.target is None


def test_a_state_acting_on_no_one_named_acts_on_its_own_country() -> None:
    event = one("The Sudanese government lifted the state of emergency.", "CONCEDE")
    assert countries(event) == ("SDN", "SDN")


def test_recipient_before_an_unnamed_object() -> None:
    event = one("Syria offered its troops to Lebanon.", "AGREE")
    assert countries(event) == ("SYR", "LBN")


@pytest.mark.parametrize(
    ("sentence", "cameo"),
    [
        ("A car bomb explosion killed three soldiers in Kabul.", "1832"),
        ("Two suicide bombers killed 12 people in Baghdad.", "1831"),
        ("Rebels killed three soldiers in Mali.", "190"),
    ],
)
def test_bombings_are_coded_by_their_means(sentence: str, cameo: str) -> None:
    assert one(sentence, "ASSAULT").cameo == cameo


def test_a_name_modifying_a_group_noun_is_the_actor() -> None:
    text = "The pro-Iranian Hizbollah (Party of God) group declared a unilateral cease-fire."
    event = one(text, "RETREAT")
    assert event.source is not None and "Hizbollah" in event.source.name


def test_a_dateline_parsed_as_the_head_of_a_coordination_hands_over() -> None:
    found = code(
        "OSLO (Example Wire) - Norwegian Prime Minister Kari Lund and Swedish Prime Minister "
        "Nils Holm agreed on Monday to open talks on fishing rights."
    )
    agree = [e for e in found if e.type == "AGREE"]
    assert agree, [(e.type, e.trigger) for e in found]
    assert {p.name for p in agree[0].participants} == {"Kari Lund", "Nils Holm"}


def test_two_states_restoring_ties_do_it_to_each_other() -> None:
    event = one("Saudi Arabia and Iran restored diplomatic ties on Friday.", "SUPPORT")
    assert countries(event) == ("SAU", "IRN")
