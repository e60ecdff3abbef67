"""Unnamed people and groups a sentence names as doers or recipients: an organisation by
its head noun ("conservation groups", "the union"), members by their group ("gang
members"), people by the suffix of an agent noun ("unionists", "historians") or by a
person noun of data/events/agents.yaml ("the player") — and things stay no actor."""

from __future__ import annotations

import pytest
from tests.events.conftest import code
from tests.events.conftest import only_one as _one

from crosswire.model import ActorRef

pytestmark = pytest.mark.slow


def _sector(actor: ActorRef | None) -> str | None:
    assert actor is not None
    return actor.sector


def test_an_organisation_head_noun_is_an_actor() -> None:
    event = _one("Environmental groups sued the Kenyan government on Monday.", "ACCUSE")
    assert event.source is not None and event.source.name == "Environmental groups"
    assert _sector(event.source) == "SOC"


def test_a_union_is_labour_and_a_known_kind_before_the_head_says_more() -> None:
    assert (
        _sector(_one("The union accused the Kenyan government of lying.", "ACCUSE").source) == "LAB"
    )
    event = _one("Kenyan police arrested two gang members on Friday.", "COERCE")
    assert _sector(event.target) == "CRM"  # the gang's, not just members


def test_people_named_by_an_agent_suffix_are_actors() -> None:
    event = _one("Unionists marched on the Kenyan parliament to protest the cuts.", "PROTEST")
    assert event.source is not None and _sector(event.source) == "LAB"  # union-ist
    event = _one("Belarusian police arrested three anarchists in Minsk.", "COERCE")
    assert _sector(event.target) == "CVL"


def test_a_person_noun_of_the_agents_data_is_an_actor() -> None:
    event = _one("Kenyan police arrested the player on Sunday.", "COERCE")
    assert event.target is not None and event.target.name == "player"


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan police seized the playlist on Sunday.",
        "The Kenyan president criticised the decision on Monday.",
        "The Kenyan president criticised the report on Monday.",
    ],
)
def test_things_and_abstractions_stay_no_actor(text: str) -> None:
    # a seized thing may be the event's object, but it is no people of any sector
    events = code(text)
    assert events, text
    for event in events:
        assert event.target is None or event.target.sector is None, text


def test_a_relative_is_a_person_and_an_office_is_its_holder() -> None:
    event = _one("Kenyan police arrested her brother on Sunday.", "COERCE")
    assert event.target is not None and _sector(event.target) == "CVL"
    event = _one("The office of the Kenyan attorney general sued the company.", "ACCUSE")
    assert event.source is not None and event.source.country == "KEN"
    assert "attorney general" in event.source.name


def test_members_of_a_named_group_are_that_group() -> None:
    event = _one("Kenyan police arrested 52 members of Al-Shabaab on Friday.", "COERCE")
    # the named group answers for its members (here by its country), not their noun
    assert event.target is not None and event.target.country == "SOM"
    assert event.target.sector != "CVL"


def test_leaders_of_an_unnamed_group_act_for_it() -> None:
    # "leaders" alone are the government's; of labor unions, labour's (so the government
    # they blame is another side, not their own)
    event = _one(
        "Leaders of some of the largest Kenyan labor unions warned that the Kenyan government"
        " is ignoring workers.",
        "ACCUSE",
    )
    assert _sector(event.source) == "LAB", event
    assert event.target is not None and event.target.sector == "GOV", event


def test_a_person_noun_after_an_organisations_name_is_that_person() -> None:
    event = _one("Kenyan police arrested a Nairobi University football player on Monday.", "COERCE")
    assert event.target is not None and event.target.name.endswith("football player"), event


def test_federal_agents_are_law_enforcement() -> None:
    event = _one("Federal agents took Tom Hale into custody in Atlanta on Monday.", "COERCE")
    assert event.source is not None and "agents" in event.source.name
    assert _sector(event.source) == "COP"


def test_a_judge_and_a_lawyer_are_different_participants() -> None:
    text = (
        "Julian Assange's lawyer in London said he would appeal the ruling. "
        "Last month, a judge in London rejected Assange's attempt to delay the hearing."
    )
    events = {e.trigger: e for e in code(text)}
    lawyer, judge = events["appeal"].source, events["rejected"].source
    assert lawyer is not None and judge is not None and lawyer.key != judge.key


def test_a_mark_left_out_of_a_name_leaves_its_space() -> None:
    event = _one("The (former) factory worker shot three colleagues.", "ASSAULT")
    assert event.source is not None and event.source.name == "former factory worker"


@pytest.mark.parametrize(
    ("text", "event_type", "who"),
    [
        ("A task force of Canadian officials is investigating the bank.", "ACCUSE", "officials"),
        ("A mob of angry villagers attacked the Kenyan police station.", "ASSAULT", "villagers"),
    ],
    ids=["task-force-of", "mob-of"],
)
def test_a_body_of_people_is_the_people_it_is_of(text: str, event_type: str, who: str) -> None:
    event = _one(text, event_type)
    assert event.source is not None and who in event.source.name


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Governor Palin visited the church in Wasilla after the fire.", "CONSULT"),
        ("Gunmen attacked a mosque in Kabul on Friday.", "ASSAULT"),
    ],
    ids=["visited", "attacked"],
)
def test_a_congregation_is_an_actor(text: str, event_type: str) -> None:
    event = _one(text, event_type)
    assert event.target is not None and event.target.sector == "REL"


def test_the_weapon_of_an_attack_is_not_its_doer() -> None:
    text = "U.S. forces on Thursday launched cruise missile strikes against camps in Sudan."
    event = _one(text, "ASSAULT")
    assert event.source is not None and event.source.country == "USA"


def test_a_states_allies_are_the_ones_it_asks() -> None:
    # "its Western allies" are other states, not Kyiv's own officials named before
    [event] = code("Kyiv pressed its Western allies for more air defense systems.")
    assert event.target is not None and event.target.name == "Western allies"


def test_people_of_the_entertainment_trades_can_be_arrested() -> None:
    [event] = code("Police arrested a rapper and two influencers in Tehran on Monday.")
    assert event.type == "COERCE" and event.target is not None and event.target.name == "rapper"
