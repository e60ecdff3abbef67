"""Event triggers (issue 19, recall): a pattern's phrase ("taken into custody") and an
object named by a personal pronoun ("released him"). Sentences written for the tests."""

from __future__ import annotations

import pytest
from tests.events.conftest import built, code, proposed

from crosswire import nlp, stages
from crosswire.events.context import article_context
from crosswire.events.learned import learned_pattern
from crosswire.events.triggers import _roles
from crosswire.model import Article


def test_a_phrase_pattern_codes_its_phrase() -> None:
    found = [e for e in code("Egyptian police took the opposition leader into custody.")]
    assert [(e.type, e.mode) for e in found] == [("COERCE", "arrest")]
    assert found[0].source is not None and "police" in found[0].source.name.lower()
    assert found[0].target is not None and "leader" in found[0].target.name.lower()


def test_a_phrase_pattern_needs_its_phrase() -> None:
    assert not proposed("Police took the complaints into account.")
    assert not proposed("The rebels held the town for a week.")


def test_a_phrase_pattern_holds_for_a_passive_joined_to_another() -> None:
    found = code("Ahmed Saleh was taken into custody and later released on bail.")
    assert [(e.type, e.mode) for e in found] == [("COERCE", "arrest"), ("RETREAT", "release")]
    assert all(e.target is not None and "saleh" in e.target.name.lower() for e in found)


def test_a_personal_pronoun_object_is_a_person() -> None:
    text = "Iranian guards arrested the sailor Tom Smith on Monday. Iran released him on Friday."
    released = [e for e in proposed(text) if e.type == "RETREAT"]
    assert len(released) == 1 and released[0].mode == "release"
    assert released[0].target is not None and "smith" in released[0].target.name.lower()


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez, who arrived in Miami in 1961, believes the boy should stay.",
        "New advice says travellers should exercise caution when visiting Kenya.",
    ],
)
def test_a_trip_by_no_one_of_known_office_is_no_visit(text: str) -> None:
    assert not [e for e in code(text) if e.type == "CONSULT"]


def test_an_official_s_arrival_abroad_is_a_visit() -> None:
    events = [e for e in code("Foreign Minister Sergei Lavrov arrived in Ankara on Monday.")]
    visits = [e for e in events if e.type == "CONSULT"]
    assert visits and visits[0].source is not None and "Lavrov" in visits[0].source.name


@pytest.mark.parametrize(
    ("text", "feeler", "cause"),
    [
        (
            "The Kenyan minister said she was heartened by cooperation from Ethiopia.",
            "KEN",
            "ETH",
        ),
        ("Iranian officials were outraged by the British seizure of the tanker.", "IRN", "GBR"),
        ("The British seizure of the tanker angered Iranian officials.", "IRN", "GBR"),
    ],
)
def test_one_who_feels_is_the_doer_and_the_cause_is_done_to(
    text: str, feeler: str, cause: str
) -> None:
    # verbs of feeling turn the parse's roles round (frames.yaml experiencer_verbs)
    article = Article(id="t", text=text, path="t.txt", published="2020-01-16")
    state = stages.run(stages.ArticleState(article, next(nlp.parse([text]))), until="scope")
    context = article_context(state.doc, article, state.mentions, state.times, state.attributions)
    verb = next(t for t in state.doc if t.lemma_ in {"hearten", "outrage", "anger"})
    pattern = learned_pattern(verb, "ACCUSE")
    doers, done_to = _roles(verb, pattern, context)
    assert [a.country for a in doers] == [feeler]
    assert done_to and done_to[0].country == cause


def test_an_official_a_killing_pattern_names_is_its_target() -> None:
    events = code("Gunmen killed Deputy Governor John Smith on Friday.")
    assert [(e.type, e.target and e.target.name) for e in events] == [("ASSAULT", "John Smith")]


def test_a_passive_subject_is_the_one_charged_whatever_the_charge_looks_like() -> None:
    events = [e for e in code("The driver was charged with DWI.") if e.type == "ACCUSE"]
    assert events and events[0].target is not None and events[0].target.name == "driver"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The senator called for the minister to resign.", "minister"),
        ("Rights groups called for the army to release the prisoners.", "army"),
    ],
)
def test_a_call_for_someone_to_act_is_a_request_of_them_not_their_act(
    text: str, target: str
) -> None:
    events = code(text)
    assert [e.type for e in events] == ["REQUEST"]
    assert events[0].target is not None and events[0].target.name == target


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("The Norwegian envoy encouraged Sudan to sign the ceasefire.", "NOR", "SDN"),
        ("The Malian minister pleaded with Algeria to reopen the border.", "MLI", "DZA"),
    ],
)
def test_an_emotion_verb_with_the_act_it_urges_is_a_request(
    text: str, source: str, target: str
) -> None:
    events = [e for e in code(text) if e.type == "REQUEST"]
    assert [(e.source and e.source.country, e.target and e.target.country) for e in events] == [
        (source, target)
    ]


def test_an_emotion_verb_without_an_act_requests_nothing() -> None:
    assert [
        e for e in code("The Ethiopian decision encouraged Kenya.") if e.type == "REQUEST"
    ] == []


@pytest.mark.parametrize(
    "text",
    [
        "A second suspect in the robbery turned himself in Tuesday.",
        "The wanted Serbian commander turned himself in to the police on Friday.",
    ],
)
def test_one_who_gives_himself_up_surrenders(text: str) -> None:
    assert [e.type for e in code(text)] == ["RETREAT"]


def test_a_preposition_with_its_own_place_is_no_particle() -> None:
    assert [
        e.type for e in code("The defendant turned himself in the chair to face the jury.")
    ] == []


def test_one_who_faces_charges_is_the_accused() -> None:
    events = [
        e
        for e in code("The Zambian finance minister faced charges of fraud.")
        if e.type == "ACCUSE"
    ]
    assert [e.target and e.target.name.lower().removeprefix("the ") for e in events] == [
        "zambian finance minister"
    ]


@pytest.mark.parametrize(
    "text",
    ["The minister slammed the door of the car.", "A winter storm blasted the coast of Maine."],
)
def test_a_verb_of_criticism_needs_an_actor_criticised(text: str) -> None:
    assert [e for e in code(text) if e.type == "ACCUSE"] == []


@pytest.mark.parametrize(
    "text",
    [
        "The Bolivian governor pleaded not guilty to the charges in La Paz.",
        "A Chilean court found the former general not guilty of torture.",
    ],
)
def test_a_negated_complement_is_no_plea_or_conviction(text: str) -> None:
    assert [e.type for e in code(text) if e.type in {"CONCEDE", "SANCTION"}] == []


@pytest.mark.parametrize(
    "text",
    [
        "Prosecutors filed charges against the former Peruvian minister.",
        "The Peruvian company brought a lawsuit against the former minister.",
        "Lima police pressed charges against the former Peruvian minister.",
    ],
)
def test_a_case_brought_against_someone_is_an_accusation_of_them(text: str) -> None:
    found = [e for e in proposed(text) if e.type == "ACCUSE"]
    assert [e.mode for e in found] == ["allege"]
    assert found[0].target is not None and "minister" in found[0].target.name


def test_filing_or_bringing_something_else_is_no_accusation() -> None:
    assert not [
        e for e in proposed("The Peruvian minister filed his tax return.") if e.type == "ACCUSE"
    ]
    assert not [
        e for e in proposed("The Kenyan envoy brought a gift for the king.") if e.type == "ACCUSE"
    ]


def test_going_on_strike_is_a_strike_going_on_a_trip_is_not() -> None:
    struck = [e for e in proposed("Thousands of teachers in Chile went on strike on Monday.")]
    assert [(e.type, e.mode) for e in struck] == [("PROTEST", "strike")]
    assert not [
        e for e in proposed("The Chilean teachers went on a trip to Lima.") if e.type == "PROTEST"
    ]


def test_exchanging_fire_is_fighting_exchanging_views_is_not() -> None:
    fought = [e for e in proposed("Rebels exchanged fire with Congolese troops near Goma.")]
    assert [e.type for e in fought] == ["ASSAULT"]
    assert fought[0].target is not None and "troops" in fought[0].target.name
    assert not proposed("The Congolese and Rwandan leaders exchanged views on trade.")


def test_martial_law_declared_or_the_internet_shut_down_is_coercion() -> None:
    declared = proposed("The Thai army declared martial law in Bangkok on Tuesday.")
    assert [(e.type, e.mode) for e in declared] == [("COERCE", "curfew")]
    shut = proposed("Ethiopian authorities shut down the internet in Tigray.")
    assert [(e.type, e.mode) for e in shut] == [("COERCE", "restrict")]
    assert not proposed("The minister declared the election free and fair.")
    assert not proposed("The Kenyan factory shut down its production line.")


def test_rescued_people_are_helped_a_rescued_deal_is_not() -> None:
    rescued = proposed("The coast guard rescued 200 Libyan migrants off Lampedusa.")
    assert [e.type for e in rescued] == ["AID"]
    assert not proposed("The Kenyan leaders tried to rescue the peace deal.")


def test_a_blocked_bill_is_vetoed_a_blocked_road_is_a_protest() -> None:
    assert [e.type for e in proposed("Hungarian lawmakers blocked the Kenyan sanctions bill.")] == [
        "REJECT"
    ]
    assert [e.type for e in proposed("Polish farmers blocked roads in Warsaw.")] == ["PROTEST"]


def test_a_loan_approved_for_a_country_is_aid_a_budget_approved_is_not() -> None:
    lent = proposed("The International Monetary Fund approved a loan to Pakistan.")
    assert [e.type for e in lent] == ["AID"]
    assert lent[0].target is not None and lent[0].target.key == "country:PAK"
    assert not proposed("The Kenyan parliament approved the budget.")


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        ("Sanctions were imposed on Iran by the European Union.", ("SANCTION", "European Union")),
        ("The Russian envoy was summoned by the Polish foreign ministry.", ("ACCUSE", "ministry")),
    ],
)
def test_a_passive_subject_is_the_object_a_pattern_asks_for(
    text: str, coded: tuple[str, str]
) -> None:
    found = [(e.type, e.source.name if e.source else "") for e in proposed(text)]
    assert any(t == coded[0] and coded[1] in name for t, name in found), found


def test_a_learned_word_takes_no_mode_from_an_object_nor_a_complement_from_a_pattern() -> None:
    doc = next(nlp.parse(["The council imposed new rules and called the plan a sham."]))
    imposed = next(t for t in doc if t.text == "imposed")
    called = next(t for t in doc if t.text == "called")
    # "imposed a curfew" is a curfew by its object; new rules are not one
    assert learned_pattern(imposed, "COERCE").mode is None
    # "called X a liar" codes ACCUSE only with its complement; the learned word needs none
    assert learned_pattern(called, "ACCUSE").complement == ()


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("An Israeli airstrike hit a school in Gaza on Tuesday.", "Israel"),
        ("The school was hit by an Israeli airstrike on Tuesday.", "Israel"),
        ("Hezbollah rockets slammed into northern Israel.", "Hezbollah"),
    ],
)
def test_what_a_weapon_or_an_attack_hits_is_attacked_by_its_owner(text: str, source: str) -> None:
    # one attack: an airstrike that is the passive's agent is the hitting, not a second one
    [event] = [e for e in code(text) if e.type == "ASSAULT"]
    assert event.source is not None and event.source.name == source


@pytest.mark.parametrize(
    "text",
    [
        "The senator hit the campaign trail in Iowa.",
        "The economy was hit hard by the recession.",
        "He was hit by a car on Monday.",
        "The storm pounded the coast.",
        "Shares hit a record high.",
    ],
)
def test_hit_by_no_weapon_proposes_no_attack(text: str) -> None:
    assert not [e for e in proposed(text) if e.type == "ASSAULT"]


def test_a_passive_threat_is_made_by_whose_act_it_threatens_with() -> None:
    [event] = [e for e in proposed("Iran was threatened with American sanctions.")]
    assert event.type == "THREATEN" and event.source is not None
    assert event.source.key == "country:USA"
    # the victim of a crime one is charged with is no doer
    [event] = code("John Smith was charged with the murder of Smith's wife.")
    assert event.source is None


def test_whom_a_learned_search_is_for_is_its_target() -> None:
    event = built("Investigators have been searching for Kopp since May.", "searching", "ACCUSE")
    assert event.target is not None and event.target.name == "Kopp"
    event = built("The search for Kopp was extended to Mexico.", "search", "ACCUSE")
    assert event.target is not None and event.target.name == "Kopp"


def test_hit_by_a_cyber_attack_or_a_heist_is_no_attack() -> None:
    assert not [e for e in code("Louisiana hit by ransomware attack") if e.type == "ASSAULT"]
    assert not [e for e in code("Paris hit by 2 million euro jewelry heist") if e.type == "ASSAULT"]


def test_an_object_s_predicate_hung_inside_a_long_object_is_the_verb_s_complement() -> None:
    text = (
        "French Interior Minister Gerald Darmanin called Italy's refusal to let a rescue ship "
        'dock "unacceptable."'
    )
    found = [(e.type, e.mode) for e in code(text)]
    assert found == [("ACCUSE", "disapprove")]


def test_a_verdict_the_parser_hung_on_the_object_is_its_complement() -> None:
    # "guilty" parsed as a modifier after "officer", not as the verb's complement
    events = code("A jury found the former officer guilty of second-degree murder.")
    assert [(e.type, e.mode) for e in events] == [("SANCTION", "convict")]
    assert code("A jury found the former officer not guilty of murder.") == []
