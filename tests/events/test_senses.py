"""Word sense (data/events/senses.yaml): accidents, idioms, dismissals and
self-evacuation are no events; the harm and aid senses of the same verbs still are."""

from __future__ import annotations

import pytest
from tests.events.conftest import code, proposed

from crosswire import nlp, stages
from crosswire.events.context import article_context
from crosswire.events.senses import no_event, other_sense
from crosswire.model import Article


def types(text: str) -> list[str]:
    return [e.type for e in code(text)]


@pytest.mark.parametrize(
    "sentence",
    [
        "A 66-year-old woman was struck by a car in the crosswalk outside the store.",
        "A truck struck two police officers in Queens on Friday.",
        "A bus struck a protester in Caracas.",
        "A young mother was killed in a crash in Richmond Hill.",
        "Two soldiers were killed in a helicopter crash in Mali.",
        "A supermarket in Leeds was destroyed after a fire broke out on Friday night.",
        "Three villagers were killed when a storm hit the coast of Bangladesh.",
        "His father, whom the senator shot and killed in a hunting accident, was a rancher.",
    ],
)
def test_harm_by_a_vehicle_or_in_a_crash_is_an_accident(sentence: str) -> None:
    assert types(sentence) == []


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez was struck outside the store on Friday. A car struck her near the crosswalk.",
        "The driver fled the hit-and-run scene. The woman was struck in the parking lot.",
        "The woman was struck and killed by a motorist. A man was hit outside the store.",
    ],
    ids=["car-elsewhere", "hit-and-run-named", "motorist-on-the-joined-verb"],
)
def test_a_collision_without_a_doer_is_the_accident_the_article_tells(text: str) -> None:
    """One sense per discourse: the agentless "struck" is the car's, told in another clause."""
    assert "ASSAULT" not in types(text)


def test_a_collision_without_a_doer_stays_harm_where_the_article_tells_no_accident() -> None:
    text = "A protester was struck on the head in Caracas. Police arrested two men there."
    assert "ASSAULT" in types(text)


def test_a_person_doing_harm_with_a_vehicle_or_a_car_bomb_is_an_assault() -> None:
    assert "ASSAULT" in types("A man drove his car into the crowd and killed four people.")
    assert "ASSAULT" in types("Three people were killed by a car bomb in Baghdad.")
    assert "ASSAULT" in types("Government tanks fired on the protesters in Hama.")
    assert "ASSAULT" in types("British aircraft killed four Iraqi soldiers near Basra.")
    assert "ASSAULT" in types("Three villagers were killed when gunmen attacked the village.")
    assert "ASSAULT" in types("The embassy was destroyed after a bomb exploded in Nairobi.")


def test_an_idiom_is_not_the_verbs_event() -> None:
    assert types("The miners struck out on their own after the union talks failed.") == []
    assert types("The senator beat out two rivals for the nomination.") == []
    assert types("The speech fired up the protesters in Cairo.") == []
    assert types("The Supreme Court of Kenya struck down the election law.") == []
    assert types("Dock workers in Rotterdam struck for higher pay.") == ["PROTEST"]


def test_striking_someone_as_odd_is_no_event_but_striking_a_fleeing_man_is() -> None:
    assert types("The decision struck many Kenyan diplomats as strange.") == []
    assert types("Kenyan police struck the man as he fled the scene.") == ["ASSAULT"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The governor responded by firing the board.",
        "The mayor fired the police commissioner on Monday.",
    ],
)
def test_firing_a_person_or_a_body_is_a_dismissal(sentence: str) -> None:
    assert "ASSAULT" not in types(sentence)


def test_firing_shots_or_shells_is_shooting() -> None:
    assert "ASSAULT" in types("Soldiers fired shots at the protesters in Lagos.")
    assert "ASSAULT" in types("Syrian troops fired artillery shells at the rebel town.")
    assert "ASSAULT" in types("The United States fired anti-aircraft batteries at Russia.")


def test_people_evacuating_a_place_aid_no_one() -> None:
    assert "AID" not in types("Office workers in Dubai evacuated several buildings in the city.")
    assert "AID" in types("Red Cross workers evacuated civilians from the besieged town in Yemen.")
    assert "AID" in types("United Nations helicopters evacuated the wounded from Gorazde.")


@pytest.mark.parametrize(
    "sentence",
    [
        "A fire destroyed a warehouse in Cork on Sunday night, the fire brigade said.",
        "The blaze destroyed three homes near the Greek border.",
        "Floodwaters destroyed the bridge in the Pakistani city of Sukkur.",
        "An earthquake destroyed hundreds of buildings in eastern Turkey.",
        "Four climbers were killed by an avalanche in the Swiss Alps.",
        "Six people died in a fire at a hostel in Moscow.",
    ],
)
def test_harm_done_by_a_fire_or_a_natural_force_is_no_event(sentence: str) -> None:
    assert types(sentence) == []


def test_fire_with_a_doer_named_on_it_is_still_shooting() -> None:
    assert "ASSAULT" in types("Israeli fire killed three Palestinians in Gaza on Friday.")
    assert "ASSAULT" in types("Artillery fire destroyed a school in Donetsk.")
    assert "ASSAULT" in types("Rebels set fire to a police station in Bunia.")


@pytest.mark.parametrize(
    "sentence",
    [
        "A cyclist was killed in a hit-and-run in Leeds on Sunday.",
        "A drunken driver struck and killed a pedestrian in Queens.",
        "A drunken driver who fled after striking and killing a pedestrian was charged.",
    ],
)
def test_a_hit_and_run_or_a_drivers_harm_is_an_accident(sentence: str) -> None:
    assert "ASSAULT" not in types(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "A guard was treated at a hospital and released on Friday.",
        "The injured minister was released from hospital in Ankara on Tuesday.",
    ],
)
def test_a_discharge_from_medical_care_is_no_release(sentence: str) -> None:
    assert "RETREAT" not in types(sentence)


def test_a_release_from_custody_is_still_a_release() -> None:
    assert "RETREAT" in types("Iran released two British prisoners from jail on Monday.")


@pytest.mark.parametrize(
    "sentence",
    [
        "The escaped convict was serving life in prison for armed robbery in Texas.",
        "The former mayor is serving ten years in prison for bribery.",
    ],
)
def test_serving_a_sentence_is_a_state_not_an_event(sentence: str) -> None:
    assert types(sentence) == []


def test_committing_a_crime_is_no_pledge() -> None:
    assert "AGREE" not in types("The gang committed several robberies in three Texas counties.")
    assert "AGREE" in types("Japan committed to a new partnership with India on Monday.")


def test_an_apology_is_a_concession() -> None:
    assert types("Japan apologized to South Korea for the incident.") == ["CONCEDE"]


def test_a_strike_on_a_person_both_verbs_act_on_is_no_labour_strike() -> None:
    # the object shared through the coordination is the struck one's too
    assert "PROTEST" not in types("Rebels ambushed the convoy, striking and killing two soldiers.")
    assert types("Workers struck and occupied the plant on Monday.")[:1] == ["PROTEST"]


def _calls_are_requests(text: str) -> bool:
    article = Article(id="t", text=text, path="t.txt", published="2021-03-02")
    state = stages.run(stages.ArticleState(article, next(nlp.parse([text]))), until="scope")
    context = article_context(state.doc, article, state.mentions, [], [])
    verb = next(t for t in state.doc if t.lemma_ == "call")
    return not other_sense(verb, "call", "REQUEST", context)


def test_calling_someone_something_is_no_request() -> None:
    # the learned decision may read a request into any "call"; the sense check vetoes it
    assert not _calls_are_requests("Mob experts called him a traditional boss.")
    assert _calls_are_requests("Germany called on Iran to release the British sailors.")
    assert _calls_are_requests("The Egyptian president called for a ceasefire in Gaza.")
    assert _calls_are_requests("The UN called the warring parties to return to talks.")


def test_a_time_is_no_complement_of_a_call() -> None:
    # "on Monday" is no "called on": a call to the president is no request
    assert not _calls_are_requests("The German chancellor called the Turkish president on Monday.")
    assert "REQUEST" not in types("The German chancellor called the Turkish president on Monday.")
    assert _calls_are_requests("Germany called on Iran on Monday to release the sailors.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Both officials requested anonymity.",
        "An embassy official in Nairobi refused to identify himself.",
        "Reuters asked the ministry for comment.",
        "The lawyer said he would not be offering any comments on the testimony.",
        "Asked about the appeal, the deputy district attorney said such cases are rare.",
        "Pressed on the sanctions, the Russian foreign minister told reporters nothing.",
        '"I just say thank God it is over," the officer\'s mother said.',
    ],
)
def test_a_sources_terms_with_the_reporter_are_no_event(sentence: str) -> None:
    assert types(sentence) == []


def test_the_same_verbs_with_an_act_for_object_are_events() -> None:
    assert types("Iran refused to release the British sailors.") == ["REJECT"]
    assert types("Kenya requested assistance from the World Bank.") == ["REQUEST"]
    text = "The prosecutor asked the media not to identify the witnesses."
    assert types(text) == ["REQUEST"]
    assert types("China rebuked Australia for its comments.") == ["ACCUSE"]
    assert types("The minister criticised the comments of the Iranian envoy.") == ["ACCUSE"]


def test_a_phone_number_is_no_one_called_upon() -> None:
    # "call on" is a request where its object is someone, not where it is a number
    text = "Anyone with information should call police on 0800 555 111."
    assert "REQUEST" not in types(text)
    assert types("The United Nations called on Iran to free the sailors.") == ["REQUEST"]


def test_striking_oil_or_gold_is_a_find() -> None:
    assert types("The Texan oilman struck oil in Mississippi.") == []
    assert types("The moment Smith hit the gas, the woman died.") == []  # drove on
    assert types("The Texan struck gold in California.") == []
    assert types("Israeli jets struck Hamas targets in Gaza.") == ["ASSAULT"]


@pytest.mark.parametrize(
    ("sentence", "protest"),
    [
        ("Democrats said the judge has demonstrated hostility to voting rights.", False),
        ("The opposition rallied support for the strike.", False),
        ("Thousands demonstrated in Cairo against the government.", True),
        ("Supporters rallied outside the court in Lagos.", True),
    ],
)
def test_demonstrating_or_rallying_something_shows_or_gathers_it(
    sentence: str, protest: bool
) -> None:
    assert ("PROTEST" in {e.type for e in code(sentence)}) is protest


def test_offering_an_explanation_is_no_offer_to_act() -> None:
    text = "His lawyer, Benjamin Brafman, offered the explanation that he was too old to fight."
    assert "AGREE" not in types(text)
    assert types("The minister offered few details about the Kenyan plan.") == []
    assert "AGREE" in types("Norway offered to mediate between the two sides.")


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan detective said he asked how she felt after the shootings.",
        "The British minister asked whether Iran would release the sailors.",
    ],
)
def test_asking_a_question_is_no_request(text: str) -> None:
    assert "REQUEST" not in types(text)
    assert "REQUEST" in types("The British minister asked Iran to release the sailors.")


def test_hosting_refugees_is_no_visit() -> None:
    assert "CONSULT" not in types("Lebanon hosts more than a million Syrian refugees.")
    assert "CONSULT" in types("Kenya hosted the Ugandan president on Friday.")


def test_talking_about_something_with_no_one_is_no_consultation() -> None:
    assert "CONSULT" not in types("Investigators heard Smith talking about the robbery.")
    assert "CONSULT" not in types("Kimani Gray does not talk.")
    # a place or a time is no one to talk with
    assert "CONSULT" not in types("As Whiteside talked in court, the victim's daughter sobbed.")
    assert "CONSULT" in types("Putin and Erdogan talked about Syria.")
    assert "CONSULT" in types("The Indian prime minister talked with the Japanese premier.")


def test_conferring_something_on_someone_is_no_consultation() -> None:
    text = "The governor conferred the medal on a firefighter."
    doc = next(nlp.parse([text]))
    verb = next(t for t in doc if t.text == "conferred")
    article = Article(id="t", text=text, path="t.txt")
    state = stages.run(stages.ArticleState(article, doc), until="scope")
    context = article_context(doc, article, state.mentions, state.times, state.attributions)
    assert other_sense(verb, "confer", "CONSULT", context)
    assert "CONSULT" in types("The minister conferred with his advisers on Friday.")


def test_pulling_off_a_feat_is_no_coercion_or_attack() -> None:
    text = (
        "Thieves pulled off a two million-euro jewellery heist in central Paris on Monday "
        "morning after smashing their car through the store's front window."
    )
    assert all(e.trigger != "pulled" for e in code(text))
    assert "COERCE" in types("Nigerian police pulled over the opposition senator near Abuja.")


def test_harm_to_oneself_alone_is_no_event_but_what_it_does_to_others_is() -> None:
    assert "ASSAULT" not in types("A mafioso killed himself hours after his arrest.")
    found = code("A suicide bomber blew himself up in a market, killing 20 people.")
    assert [(e.type, e.target and e.target.name) for e in found] == [("ASSAULT", "people")]


@pytest.mark.parametrize(
    "text",
    [
        "Greek unions concede that the government was forced to increase consumer taxes.",
        "Woodward struck up a conversation with Felt in a waiting room.",
    ],
)
def test_an_admission_or_a_phrasal_verb_is_no_concession_or_attack(text: str) -> None:
    assert not {"CONCEDE", "ASSAULT"} & set(types(text))


def test_conceding_a_demand_is_a_concession() -> None:
    assert "CONCEDE" in types("The Bolivian government conceded the opposition's main demand.")


def test_arresting_a_thing_is_no_arrest() -> None:
    text = "The Fish and Wildlife Service is not the agency to arrest global warming."
    assert "COERCE" not in types(text)
    assert "COERCE" in types("Police arrested three looters on Friday.")


@pytest.mark.parametrize(
    ("text", "word", "lemma", "event_type"),
    [
        ("Governments recognized that the vote was fair.", "recognized", "recognize", "SUPPORT"),
        ("Israel acknowledged that the talks were useful.", "acknowledged", "acknowledge", "AGREE"),
        (
            "The ministry accepted that the rebels had taken the town.",
            "accepted",
            "accept",
            "AGREE",
        ),
    ],
)
def test_acknowledging_that_something_is_so_is_no_concession_or_agreement(
    text: str, word: str, lemma: str, event_type: str
) -> None:
    doc = next(nlp.parse([text]))
    verb = next(t for t in doc if t.text == word)
    article = Article(id="t", text=text, path="t.txt")
    state = stages.run(stages.ArticleState(article, doc), until="scope")
    context = article_context(doc, article, state.mentions, state.times, state.attributions)
    assert other_sense(verb, lemma, event_type, context)


def test_a_danger_to_a_state_of_things_is_no_threat() -> None:
    assert "THREATEN" not in types("Settlements in the West Bank threaten the viability of peace.")
    assert types("Russia threatened sanctions against Ukraine.") == ["THREATEN"]


def test_criminals_striking_is_no_labour_strike() -> None:
    assert "PROTEST" not in types("A band of jewel thieves have struck in the heart of Paris.")
    assert types("Dock workers in Rotterdam struck for higher pay.") == ["PROTEST"]


def test_a_gunman_who_marches_in_is_no_protest_march() -> None:
    text = "A woman was shot by a gunman who marched into an office party in Toronto."
    assert "PROTEST" not in types(text)
    assert "PROTEST" in types("Students who marched on parliament were arrested.")


def test_a_person_fired_from_a_job_at_a_firm_is_dismissed_not_shot() -> None:
    text = "A man who was fired last week from his job at an accounting firm walked in."
    assert "ASSAULT" not in types(text)
    assert types("Rockets were fired at Israel from Gaza.") == ["ASSAULT"]
    assert types("Shots were fired at police in Athens.") == ["ASSAULT"]


def test_a_meal_or_meeting_held_is_no_one_held() -> None:
    text = "A dinner between Kim Yong Chol and Mike Pompeo was held in Manhattan on Thursday."
    assert "COERCE" not in types(text)
    assert types("Egyptian police held the activist for two days.") == ["COERCE"]


def test_seizing_an_initiative_is_no_seizure_but_seizing_a_tanker_is() -> None:
    assert "COERCE" not in types(
        "The rejection enabled Mr. Bush to seize the initiative from Iraq."
    )
    assert "COERCE" not in types("The Kenyan opposition seized the moment to demand new elections.")
    assert types("Iran seized a British oil tanker in the Gulf.") == ["COERCE"]


def test_calling_someone_a_name_of_blame_is_disapproval_a_name_of_praise_is_not() -> None:
    blamed = [e for e in proposed("Saddam Hussein called President Bush a liar.")]
    assert [(e.type, e.mode) for e in blamed] == [("ACCUSE", "disapprove")]
    assert blamed[0].target is not None and blamed[0].target.name == "Bush"
    assert proposed("The Kenyan president called his rival a hero.") == []


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        ("South Korea and the United States began joint military drills.", ["COOPERATE"]),
        ("Students began exercises at the start of the class.", []),  # no two sides
        ("Russia launched 90 drones and five missiles at Ukraine.", ["ASSAULT"]),
    ],
)
def test_drills_need_two_sides_and_launched_missiles_are_an_attack(
    text: str, coded: list[str]
) -> None:
    assert types(text) == coded


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        ("Adam Neumann resigned as CEO of WeWork last week.", []),
        ("The coach stepped down as manager of the club.", []),
        ("The Peruvian president stepped down on Friday.", ["RETREAT"]),
        ("James Comey stepped down as director of the FBI.", ["RETREAT"]),
    ],
)
def test_leaving_a_private_post_is_no_political_retreat(text: str, coded: list[str]) -> None:
    assert [e.type for e in proposed(text)] == coded


@pytest.mark.parametrize(
    ("text", "idiom"),
    [
        ("Police set up roadblocks around the city.", True),
        ("The smoke set off the fire alarm.", True),
        ("Rioters set a police station ablaze.", False),
    ],
)
def test_set_with_a_particle_is_another_verb(text: str, idiom: bool) -> None:
    doc = next(nlp.parse([text]))
    verb = next(t for t in doc if t.text == "set")
    article = Article(id="t", text=text, path="t.txt")
    state = stages.run(stages.ArticleState(article, doc), until="scope")
    context = article_context(doc, article, state.mentions, state.times, state.attributions)
    assert no_event(verb, "set", {"ASSAULT"}, context) == idiom


def test_a_harm_beside_a_road_accidents_name_is_the_accident() -> None:
    text = "Woman killed in Queens hit-and-run, police arrest allegedly drunk driver"
    assert [e.type for e in code(text)] == ["COERCE"]
    # a shooting told beside it is still one
    text = "A man was shot dead in Queens on Monday, a day after a hit-and-run killed a cyclist."
    assert "ASSAULT" in [e.type for e in code(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The company fired 200 workers at its plant in Ohio.",
        "The club fired its coach at the end of the season.",
    ],
)
def test_people_fired_with_an_at_phrase_are_dismissed_not_shot(text: str) -> None:
    # only a weapon or a shot is fired at someone; people fired are let go, wherever
    assert types(text) == []
    assert "ASSAULT" in types("The gunman fired several rounds at officers.")


@pytest.mark.parametrize(
    "text",
    [
        "Gary Gomes will face murder and kidnapping charges after police found the bodies.",
        "He faces kidnapping charges in Texas.",
    ],
)
def test_an_act_that_names_a_charge_is_no_act_told_as_done(text: str) -> None:
    # parsed as a verb with "charges" its object, or as a noun written before "charges"
    assert "ASSAULT" not in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "The ministry released a report on Monday.",
        "The central bank released the frozen funds on Monday.",
        # "EU funds" are the EU's money, not its people: nobody is freed
        "Orban said he would back the package once frozen EU funds for Hungary were released.",
    ],
)
def test_releasing_a_thing_or_money_frees_no_one(text: str) -> None:
    assert "RETREAT" not in types(text)
    assert "RETREAT" in types("Police released the suspect without charge.")


def test_money_or_honours_accepted_are_no_agreement() -> None:
    assert code("Prosecutors said the senator accepted millions of dollars in bribes.") == []
    assert [e.type for e in code("Portugal accepted the Spanish proposal.")] == ["AGREE"]


@pytest.mark.parametrize(
    ("sentence", "coded"),
    [
        (
            "Prime Minister Kyriakos Mitsotakis called President Recep Tayyip Erdogan to "
            "express his condolences.",
            ["CONSULT"],
        ),
        ("Blinken called his Chinese counterpart to discuss the crisis in Ukraine.", ["CONSULT"]),
        ("The protesters called the envoys to leave the country.", ["REQUEST"]),
        ("The president called on Iran to discuss the release of the sailors.", ["REQUEST"]),
    ],
)
def test_calling_someone_to_do_what_the_caller_does_on_the_line_is_a_call(
    sentence: str, coded: list[str]
) -> None:
    """A call to express condolences or to discuss is a phone call, no request; a call on
    someone to act, or for someone to act, stays a request (frames.yaml ``calls``)."""
    assert types(sentence) == coded


@pytest.mark.parametrize(
    "text",
    [
        "A man fired four days earlier from his job as an accountant walked into the office.",
        "The clerk was dismissed from his job at the firm on Thursday.",
    ],
)
def test_let_go_from_a_job_is_no_event(text: str) -> None:
    assert types(text) == []


def test_people_stated_by_their_number_alone_can_be_arrested() -> None:
    assert types("Turkish police arrested dozens on Monday.") == ["COERCE"]
    assert types("The measures arrested the decline of the lira.") == []


def test_an_army_taking_to_the_streets_is_no_protest() -> None:
    assert types("The Thai army took to the streets of Bangkok to clear barricades.") == []
    assert types("Thousands of students took to the streets of Dhaka.") == ["PROTEST"]


def test_a_participle_s_noun_is_its_object_for_the_words_a_pattern_excludes() -> None:
    # "offered" is no offer of concessions where what is offered is an explanation
    assert (
        types("Military officials said the explanation offered by the White House was false.") == []
    )


def test_a_place_held_or_captured_is_no_one_detained() -> None:
    text = (
        "After holding Indianapolis to three and out, Chiefs quarterback Brady Quinn threw a pick."
    )
    assert types(text) == []
    assert types("Police held the suspect for questioning.") == ["COERCE"]


def test_a_recording_that_captured_someone_arrested_no_one() -> None:
    assert types("Security cameras captured the gunman leaving the store.") == []
    assert types("Police captured the gunman near the store.") == ["COERCE"]


def test_killing_it_is_doing_well() -> None:
    assert types("The chef killed it at the cooking competition in Lyon.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Some say female pilots were held up by the lack of opportunities in the air force.",
        "Most of the Japanese companies acquired by foreigners are privately held.",
        "The rebels held off the army for a week.",
        "Police held back the crowd outside the stadium.",
    ],
)
def test_held_with_a_particle_or_an_adverb_of_its_idioms_detains_no_one(text: str) -> None:
    assert types(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "While Drake held Echenique scoreless in the first half, Artino found success.",
        "Jackson was held to just two catches for 25 yards.",
    ],
)
def test_held_in_a_state_or_to_a_mark_is_no_one_detained(text: str) -> None:
    assert types(text) == []


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Egyptian police held the activist for two days.", "COERCE"),
        ("Somali gunmen held the aid workers hostage for a month.", "ASSAULT"),
        ("Pirates held the crew to ransom for four months.", "ASSAULT"),
        ("Ukraine held Russia responsible for the attack on the dam.", "ACCUSE"),
    ],
)
def test_the_states_and_phrases_of_holding_its_patterns_code_stay_events(
    text: str, type_: str
) -> None:
    assert types(text) == [type_]
