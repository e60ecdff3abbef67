"""Precision controls: words that look like events but are not, and statements with no one
named."""

from __future__ import annotations

import pytest
from tests.events.conftest import code

from crosswire import nlp, stages
from crosswire.model import Article, Scope


def types(text: str) -> list[str]:
    return [e.type for e in code(text)]


def test_attacking_an_agreement_is_criticism() -> None:
    assert types("Republican senators in Washington attacked the agreement with Iran.") == [
        "ACCUSE"
    ]
    assert "ASSAULT" in types("Rebels attacked an army base in Mali.")


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        ("Senator Warren attacked Bloomberg over his record on policing.", "ACCUSE"),
        ("Senator Warren attacked Bloomberg during the debate on Wednesday.", "ACCUSE"),
        ("The premier came under attack from opposition lawmakers over the budget.", "ACCUSE"),
        ("A man attacked the mayor with a knife during the debate.", "ASSAULT"),
        ("Gunmen attacked the senator's convoy over the weekend.", "ASSAULT"),
    ],
)
def test_an_attack_over_a_stance_or_in_a_debate_is_criticism(text: str, coded: str) -> None:
    assert types(text) == [coded]


@pytest.mark.parametrize(
    "text",
    [
        "Over time, Gigante proved better at beating the law than Gotti.",
        "Republicans in the Kenyan parliament killed the bill on Tuesday.",
    ],
    ids=["beating-the-law", "killed-the-bill"],
)
def test_harming_a_text_or_a_rule_by_another_verb_than_attack_is_no_event(text: str) -> None:
    assert types(text) == []


def test_a_persons_name_is_no_text_attacked() -> None:
    # "Bill" is a first name here, not legislation
    text = "Oregon State Police bomb technician Bill Hakim was killed in the blast."
    assert types(text) == ["ASSAULT"]


def test_transitive_strike_is_an_attack_and_a_struck_deal_a_concluded_agreement() -> None:
    assert types("Israeli jets struck Hamas targets in Gaza.") == ["ASSAULT"]
    assert types("Dock workers in Rotterdam struck for higher pay.") == ["PROTEST"]
    assert types("Ghana struck a deal with the IMF.") == ["SUPPORT"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Spanish king flew home to Madrid on Friday.",
        "The Spanish king arrived in Barcelona on Friday.",
        "Mr Biden agreed in a television interview that Mr Putin was a killer.",
        "Iran has met its commitments under the deal.",
        "Residents agreed to meet again.",
        "Asked whether he trusted the Russian leader, Joe Biden said he did not.",
    ],
)
def test_no_event(sentence: str) -> None:
    assert code(sentence) == []


def test_a_legal_act_by_unnamed_agents_is_kept_where_their_statement_is_not() -> None:
    # a charge is news whoever brings it; "residents agreed" (above) is not
    assert "ACCUSE" in types("Police arrested the man and charged him with murder.")
    assert types("Residents urged calm.") == []


def test_a_statement_by_an_unnamed_office_of_state_is_an_event() -> None:
    # an institution acts in its office, named or not (guideline: "police" is an actor)
    assert types("Police urged calm.") == ["REQUEST"]
    assert types("Police negotiated with the gunman for two hours.") == ["CONSULT"]


def test_a_visit_abroad_is_a_visit() -> None:
    assert types("The Spanish king arrived in Lisbon on Friday.") == ["CONSULT"]
    # the head of an agency holds an office: his trip abroad is no private travel
    assert types("FBI Director Louis Freeh arrived in Nairobi on Monday.") == ["CONSULT"]


def test_unnamed_forces_of_no_country_arriving_somewhere_is_a_movement_not_a_visit() -> None:
    assert types("Soldiers arrived in the village on Monday.") == []
    assert types("A Chinese military delegation arrived in Islamabad on Monday.") == ["CONSULT"]


def test_parties_agreeing_together_is_an_accord() -> None:
    assert "AGREE" in types("The Philippines and France agree that the dispute must end.")


def test_meeting_demands_is_conceding_them() -> None:
    assert types("The Bolivian government met the demands of the miners.") == ["CONCEDE"]


def test_passive_participle_noun_is_the_patient() -> None:
    events = [e for e in code("Japanese citizens abducted by North Korea came home.")]
    event = next(e for e in events if e.type == "ASSAULT")
    assert event.source is not None and event.source.country == "PRK"
    assert event.target is not None and event.target.country == "JPN"


def test_headlines_are_coded_and_marked() -> None:
    title = "Kenya and Uganda sign border pact"
    body = "Kenya signed the pact with Uganda in Nairobi on Monday."
    article = Article(id="h", text=body, path="h.txt", published="2020-01-16", title=title)
    in_scope = Scope(language="en", document=1.0, english=1)  # an article in scope as a whole
    coded = stages.headline_events(next(nlp.parse([title])), article, [], in_scope)
    assert [(e.type, e.section) for e in coded] == [("SUPPORT", "headline")]
    assert title[coded[0].start : coded[0].end] == coded[0].trigger

    opening = Article(
        id="o", text=f"{title}\n\n{body}", path="o.txt", published="2020-01-16", title=title
    )
    state = stages.ArticleState(opening, next(nlp.parse([opening.text])))
    inline = stages.run(state, until="headline").events
    sections = {e.section for e in inline}
    assert sections == {"headline", "body"}
    assert all((e.section == "headline") == (e.start < len(title)) for e in inline)


def test_dateline_is_no_subject_and_a_place_is_no_target_of_talk() -> None:
    event = next(
        e
        for e in code("GENEVA (Reuters) - Russia and the United States agreed to resume talks.")
        if e.type == "AGREE"
    )
    assert event.source is not None and event.source.country in {"RUS", "USA"}
    reached = next(
        e for e in code("Iran and Britain reached an agreement in Vienna.") if e.type == "SUPPORT"
    )
    assert reached.target is None or reached.target.country != "AUT"


def test_stated_intention_is_an_agreement() -> None:
    events = code("Donald Trump expressed his intention to lift sanctions on Cuba.")
    assert [(e.type, e.modality) for e in events] == [("AGREE", "planned")]


def test_a_state_force_blocking_a_street_restricts_and_does_not_protest() -> None:
    # guideline: "block (by authorities)" is COERCE; a protest is civilians'
    assert types("Police blocked the street in the Mount Pleasant neighborhood.") == ["COERCE"]
    assert types("Farmers blocked roads in Warsaw.") == ["PROTEST"]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Somali pirates seized a Saudi supertanker on Sunday.", "ASSAULT"),
        ("Militants detained two journalists in Mosul.", "ASSAULT"),
        ("Police seized 20 kilograms of cocaine in the port.", "COERCE"),
        ("Police detained two journalists in Minsk.", "COERCE"),
    ],
)
def test_a_seizure_by_criminals_or_armed_irregulars_is_violence_not_coercion(
    text: str, type_: str
) -> None:
    assert types(text) == [type_]


def test_recognition_withheld_is_a_refusal() -> None:
    # recognising a government supports it; "does not recognize" refuses it (acceptances)
    assert types("France recognized Kosovo in 2008.") == ["SUPPORT"]
    assert types("Serbia does not recognize Kosovo.") == ["REJECT"]
    assert types("The report recognized the need for reform.") == []


def test_hacking_an_actor_is_cyber_coercion_and_hacking_a_thing_is_no_event() -> None:
    [event] = code("Chinese hackers hacked the Pentagon.")
    assert (event.type, event.mode) == ("COERCE", "cyber")
    assert types("Hackers hacked his Twitter account.") == []


def test_what_an_actor_decided_slammed_is_criticised_and_its_owner_the_target() -> None:
    [event] = code("Tehran slammed the EU decision as illegal.")
    assert (event.type, event.mode) == ("ACCUSE", "disapprove")
    assert event.target is not None and event.target.name == "European Union"
    assert types("The storm slammed the coast on Monday.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The senator lent her support to the bill.",
        "France lent its voice to the campaign.",
        "He lent his car to a friend.",
    ],
)
def test_lending_support_or_a_thing_between_people_is_no_aid(text: str) -> None:
    assert "AID" not in types(text)


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        ("China conducted military drills near Taiwan on Saturday.", "MOBILIZE"),
        ("Kenya held joint military exercises with Uganda.", "COOPERATE"),
        ("Russia and Belarus held joint military exercises.", "COOPERATE"),
    ],
)
def test_drills_near_a_state_are_a_show_of_force_and_joint_drills_cooperation(
    text: str, coded: str
) -> None:
    assert types(text) == [coded]


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        ("China protested the US warship transit in the Taiwan Strait.", "ACCUSE"),
        ("The Chinese foreign ministry protested to Washington over the arms sale.", "ACCUSE"),
        ("Greek students protested against the reform.", "PROTEST"),
        ("For weeks the communist government has held such rallies almost daily.", "PROTEST"),
        ("SEE MORE: Hong Kong protests: 800 students under siege in university", "PROTEST"),
    ],
)
def test_a_state_that_protests_complains_officially(text: str, coded: str) -> None:
    assert types(text) == [coded]
