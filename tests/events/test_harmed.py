"""What an attack or an operation is done to when its object names no actor
(crosswire.events.harmed, crosswire.events.targets): a place, a fixture or goods that an
operation short of violence is carried out on is no target; its owner is. Each sentence is
written for the test."""

from __future__ import annotations

import pytest
from tests.events.conftest import built, code
from tests.events.conftest import only_one as _one

from crosswire import nlp
from crosswire.events.harmed import harm_told_of, harmed_targets
from crosswire.events.patterns import Pattern

pytestmark = pytest.mark.slow


def _harmed(text: str, lemma: str, cameo: str = "190") -> list[str]:
    """The names of what `harmed_targets` finds for an ASSAULT at the verb `lemma`."""
    doc = next(nlp.parse([text]))
    verb = next(t for t in doc if t.lemma_ == lemma)
    pattern = Pattern(lemma=lemma, type="ASSAULT", example="", cameo=cameo)
    return [t.name for t in harmed_targets(verb, pattern)]


def test_a_building_surrounded_is_no_target() -> None:
    event = _one("Police surrounded the building and waited for hours.", "COERCE")
    assert event.source is not None and event.source.name == "Police"
    assert event.target is None


def test_the_owner_of_a_place_surrounded_is_the_target() -> None:
    event = built("Police surrounded the suspect's house.", "surrounded", "COERCE")  # the rule
    assert event.target is not None and event.target.name == "suspect"


def test_seized_weapons_are_no_target() -> None:
    event = _one("The army seized rifles, grenades and two speedboats in the raid.", "COERCE")
    assert event.target is None


def test_whom_goods_are_seized_from_is_the_target() -> None:
    event = _one("Troops seized weapons from the rebels in Kandahar.", "COERCE")
    assert event.target is not None and event.target.name == "rebels"


def test_the_owner_of_seized_goods_is_the_target() -> None:
    event = _one("Police seized the rebels' weapons.", "COERCE")
    assert event.target is not None and event.target.name == "rebels"


def test_a_building_stormed_is_the_target_of_the_attack() -> None:
    # violence against property: the property harmed is what the attack is done to
    event = _one("Rioters stormed the building on Monday.", "ASSAULT")
    assert event.target is not None and event.target.name == "building"


def test_the_object_harmed_comes_before_where_it_happened() -> None:
    assert _harmed("He injured two others on Monday at an accounting firm.", "injure", "180") == [
        "two others"
    ]


def test_an_act_stepped_up_is_not_what_is_harmed() -> None:
    assert _harmed("The army stepped up its offensive in the north.", "step") == []


def test_a_barrier_broken_through_is_on_the_place_it_closes() -> None:
    # the cars are the means of going in; the window is the store's
    assert _harmed("The gang drove two cars through the window of a jewellery store.", "drive") == [
        "jewellery store"
    ]


def test_the_way_an_attack_went_comes_after_its_object() -> None:
    assert _harmed("Riot police chased the youths through parts of the city.", "chase") == [
        "youths"
    ]


def test_an_attack_with_no_doer_is_done_to_whom_its_clause_says_it_killed() -> None:
    text = "A bomb exploded Friday at a bank branch in Woodburn, killing a police officer."
    event = _one(text, "ASSAULT")
    assert event.source is None
    assert event.target is not None and "officer" in event.target.name


def test_an_attack_with_no_doer_and_no_victim_is_done_to_the_place_it_hit() -> None:
    event = _one("A bomb exploded at an Oregon bank after it was evacuated.", "ASSAULT")
    assert event.source is None
    assert event.target is not None and "bank" in event.target.name


def test_a_blast_that_harms_no_one_named_is_no_event() -> None:
    assert not [e for e in code("A bomb exploded on Friday.") if e.type == "ASSAULT"]


def test_a_thing_that_destroys_is_no_attacker_and_its_damage_no_attack() -> None:
    text = "Officials say a slab of hillside could break loose and destroy a neighbourhood."
    assert not [e for e in code(text) if e.type == "ASSAULT"]


def test_a_quake_kills_but_attacks_no_one() -> None:
    assert not [
        e
        for e in code("The quake killed six people in the mountain villages.")
        if e.type == "ASSAULT"
    ]


def test_bombings_that_killed_people_are_an_attack_on_them() -> None:
    event = _one("The bombings killed more than 200 people in the capital.", "ASSAULT")
    assert event.source is None and event.target is not None and "people" in event.target.name


@pytest.mark.parametrize(
    "text",
    [
        "Officials in Oregon are warning residents that heavy rains will cause landslides.",
        "The United Nations warned that the storm could kill thousands in Bangladesh.",
        "The finance minister warned that the crisis could spread to Portugal.",
    ],
)
def test_a_warning_of_what_a_force_will_do_is_no_threat(text: str) -> None:
    assert not [e for e in code(text) if e.type == "THREATEN"]


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan president warned of the dangers of a trade war with Uganda.",
        "The Wikileaks editor spoke of the threat Julian Assange has been warning about.",
        "Brazilian doctors warned about the risk of a measles outbreak in Sao Paulo.",
    ],
    ids=["of-dangers", "stranded-about", "about-risk"],
)
def test_a_warning_of_a_danger_is_no_threat(text: str) -> None:
    """Who warns of a danger tells of it; the danger is not his threat."""
    assert not [e for e in code(text) if e.type == "THREATEN"]


def test_a_warning_of_what_an_actor_will_do_is_still_a_threat() -> None:
    text = "Officials in Oregon warned residents that the army will destroy their homes."
    assert [e for e in code(text) if e.type == "THREATEN"]


@pytest.mark.parametrize(
    "text",
    [
        "Seventy soldiers were killed near the border when two military helicopters crashed.",
        "Two police officers were killed in a car crash on Monday.",
    ],
)
def test_a_harm_with_an_accident_for_its_cause_is_no_attack(text: str) -> None:
    assert not [e for e in code(text) if e.type == "ASSAULT"]


def test_a_harm_with_an_attack_for_its_cause_is_still_an_attack() -> None:
    text = "Two police officers were killed in an ambush near the border on Monday."
    assert [e for e in code(text) if e.type == "ASSAULT"]


def test_what_a_ban_forbids_is_no_target() -> None:
    doc = next(nlp.parse(["Officials banned firecrackers ahead of the festival."]))
    verb = next(t for t in doc if t.lemma_ == "ban")
    ban = Pattern(lemma="ban", type="COERCE", mode="restrict", example="", cameo="172")
    assert harmed_targets(verb, ban) == []
    raid = Pattern(lemma="ban", type="COERCE", mode="seize", example="", cameo="170")
    assert [t.name for t in harmed_targets(verb, raid)] == ["firecrackers"]


def test_a_body_part_hit_is_its_owner_hit() -> None:
    event = _one("The protester's head was struck with a baton.", "ASSAULT")
    assert event.target is not None and event.target.name == "protester"


def test_a_hyphenated_word_the_parse_split_keeps_its_whole_name() -> None:
    event = _one("A factory worker shot three co-workers on Monday.", "ASSAULT")
    assert event.target is not None and event.target.name == "three co-workers"


def test_a_part_of_the_body_no_list_names_is_no_target_of_its_own() -> None:
    events = code("Police shot Kimani Gray. The last bullet hit his left lower forearm.")
    assert all(e.target is None or "forearm" not in e.target.name for e in events)
    events = code("Police shot the teen, striking his lower rib cage.")
    assert all(e.target is None or "cage" not in e.target.name for e in events)


@pytest.mark.parametrize(
    ("text", "noun", "verb"),
    [
        ("A car bomb explosion in the market killed two Somali soldiers.", "explosion", "killed"),
        ("Three Kenyan guards were wounded in the blast on Friday.", "blast", "wounded"),
        # a verb of harm suffered that codes no act of its own
        ("Two Somali ministers were injured in the bombing.", "bombing", "injured"),
        ("A Kenyan guard died in the blast on Friday.", "blast", "died"),
        ("The guard injured his knee in the blast.", "blast", None),  # no one else
        ("The explosion destroyed the warehouse.", "explosion", None),  # no harm to people told
        ("Investigators examined the blast site.", "blast", None),
    ],
)
def test_the_harm_an_event_noun_did_is_told_by_its_verb(
    text: str, noun: str, verb: str | None
) -> None:
    doc = next(nlp.parse([text]))
    told = harm_told_of(next(t for t in doc if t.text == noun))
    assert (told.text if told is not None else None) == verb


def test_an_event_noun_that_killed_is_one_attack_on_those_killed() -> None:
    attacks = [e for e in code("A bomb explosion at the bank killed a Kenyan police officer.")]
    assert [(e.type, e.target and e.target.name) for e in attacks] == [
        ("ASSAULT", "Kenyan police officer")
    ]


def test_those_injured_in_an_attack_told_by_a_noun_are_its_targets() -> None:
    event = built("Two Somali ministers were injured in the bombing.", "bombing", "ASSAULT")
    assert event.target is not None and event.target.name == "Somali ministers"


def test_the_destruction_an_attack_causes_is_no_one_it_harmed() -> None:
    event = built("The militants caused massive destruction in the town.", "caused", "ASSAULT")
    assert event.target is None or "destruction" not in event.target.name


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        # a warning that tells only what others are doing blames them
        ("The minister warned that Russia is massing troops on the border.", ("ACCUSE", "Russia")),
        # a warning of what will or may happen, on a condition or not, is a threat
        ("The minister warned that Russia would pay a price.", ("THREATEN", None)),
        (
            "The minister warned that the army will act if Russia crosses the border.",
            ("THREATEN", None),
        ),
        # a warning of no actor's conduct, or of a state, is left a threat
        ("The minister warned that there is no room for compromise.", ("THREATEN", None)),
        ("The minister warned that Russia is not ready for talks.", ("THREATEN", None)),
        # a passive's subject undergoes what is told: it is not blamed, its "by" agent is
        (
            "The Electoral Commission warned that voters are entitled to transparency.",
            ("THREATEN", None),
        ),
        ("Unite warned that workers are being brushed aside.", ("THREATEN", None)),
        (
            "Unite warned that workers are being brushed aside by the mayor.",
            ("ACCUSE", "mayor"),
        ),
    ],
)
def test_a_warning_of_what_others_do_is_blame_and_of_what_will_come_a_threat(
    text: str, coded: tuple[str, str | None]
) -> None:
    event = built(text, "warned", "THREATEN")
    assert event.type == coded[0]
    if coded[1] is not None:
        assert event.target is not None and event.target.name == coded[1]


def test_a_missile_fired_into_the_open_sea_is_a_show_of_force_at_no_target() -> None:
    event = _one("North Korea fired two ballistic missiles into the sea on Monday.", "MOBILIZE")
    assert event.cameo == "150" and event.target is None
    assert [e.type for e in code("Hamas fired rockets into Israel on Saturday.")] == ["ASSAULT"]


def test_what_fire_is_set_to_is_the_target_of_the_arson() -> None:
    event = _one("Rioters set fire to a police station in Lagos.", "ASSAULT")
    assert event.target is not None and event.target.name == "police station"


def test_a_means_used_on_no_one_named_is_used_on_whom_the_joined_act_is_done_to() -> None:
    text = "Kenyan police fired tear gas and arrested dozens of protesters in Nairobi."
    [fired] = [e for e in code(text) if e.type == "ASSAULT"]
    assert fired.target is not None and "protesters" in fired.target.name
