"""Events folded into the event they are part of (`content.absorb_content`): the content of
a speech act, and an event noun that is another event's argument or background (guideline
section 2); events reported as facts in their own clauses are kept. The fixtures code the
triggers by hand so that each test checks the folding alone, on spaCy's parse."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from crosswire import nlp
from crosswire.events.content import Coded, absorb_content
from crosswire.model import EventMention


def _coded(text: str, triggers: dict[str, str]) -> Coded:
    """`text` parsed, with an event of the given type at each trigger word."""
    doc: Doc = next(nlp.parse([text]))
    found: Coded = []
    for token in doc:
        if token.text in triggers:
            found.append((token, _event(token, triggers[token.text])))
    assert len(found) == len(triggers), "every trigger word is in the text"
    return found


def _event(token: Token, type_: str) -> EventMention:
    sentence = token.sent
    return EventMention(
        article_id="t",
        type=type_,
        start=token.idx,
        end=token.idx + len(token.text),
        sentence_start=sentence.start_char,
        sentence_end=sentence.end_char,
        trigger=token.text,
    )


def _kept(text: str, triggers: dict[str, str]) -> list[str]:
    return [event.trigger for _, event in absorb_content(_coded(text, triggers))]


def test_content_of_a_request_is_folded_into_it() -> None:
    kept = _kept(
        "Germany urged Iran to release the prisoners.", {"urged": "REQUEST", "release": "RETREAT"}
    )
    assert kept == ["urged"]


def test_gerund_object_of_an_uncoded_accusation_is_no_event() -> None:
    # "accused" codes nothing here, but the shooting is still what he is accused of
    kept = _kept(
        "Police arrested the officer accused of shooting the teenager.",
        {"arrested": "COERCE", "shooting": "ASSAULT"},
    )
    assert kept == ["arrested"]


def test_what_one_is_charged_with_is_no_event_even_where_the_charge_codes_nothing() -> None:
    # a headline without a subject: "Charged" codes nothing, the murder is what is charged
    kept = _kept("Charged with murdering a sheriff's deputy", {"murdering": "ASSAULT"})
    assert kept == []
    kept = _kept(
        "Protesters were threatened with arrest.", {"threatened": "THREATEN", "arrest": "COERCE"}
    )
    assert kept == ["threatened"]


def test_participle_accusation_on_an_object_is_its_own_event() -> None:
    kept = _kept(
        "Police arrested the officer accused of shooting the teenager.",
        {"arrested": "COERCE", "accused": "ACCUSE", "shooting": "ASSAULT"},
    )
    assert kept == ["arrested", "accused"]


def test_event_noun_a_conviction_is_for_is_no_event() -> None:
    kept = _kept(
        "The court convicted him of the bombing of the embassy.",
        {"convicted": "SANCTION", "bombing": "ASSAULT"},
    )
    assert kept == ["convicted"]


def test_event_noun_an_arrest_is_for_is_no_event() -> None:
    kept = _kept(
        "Police arrested three men for the attack on a mosque.",
        {"arrested": "COERCE", "attack": "ASSAULT"},
    )
    assert kept == ["arrested"]


def test_passive_subject_of_a_prevention_is_no_event() -> None:
    kept = _kept("The rally was prevented by police.", {"prevented": "COERCE", "rally": "PROTEST"})
    assert kept == ["prevented"]


def test_background_event_noun_after_the_main_one_is_no_event() -> None:
    kept = _kept(
        "He was freed after his arrest on Monday.", {"freed": "RETREAT", "arrest": "COERCE"}
    )
    assert kept == ["freed"]


def test_participle_restating_the_governing_event_is_folded() -> None:
    kept = _kept(
        "Protesters condemned the killing of a man shot at a checkpoint.",
        {"condemned": "ACCUSE", "killing": "ASSAULT", "shot": "ASSAULT"},
    )
    assert kept == ["condemned"]


def test_fact_reported_by_a_speaker_is_kept() -> None:
    kept = _kept("Police said the gunman shot two officers.", {"shot": "ASSAULT"})
    assert kept == ["shot"]


def test_event_in_a_subordinate_clause_is_kept() -> None:
    kept = _kept(
        "Police arrested the man after he shot two officers.",
        {"arrested": "COERCE", "shot": "ASSAULT"},
    )
    assert kept == ["arrested", "shot"]


def test_event_noun_in_a_setting_adjunct_is_kept() -> None:
    kept = _kept(
        "Soldiers killed protesters during the demonstration.",
        {"killed": "ASSAULT", "demonstration": "PROTEST"},
    )
    assert kept == ["killed", "demonstration"]


def test_coordinated_events_are_both_kept() -> None:
    kept = _kept(
        "Rebels attacked the convoy and killed five soldiers.",
        {"attacked": "ASSAULT", "killed": "ASSAULT"},
    )
    assert kept == ["attacked", "killed"]


def test_gerund_clause_after_an_event_is_kept() -> None:
    kept = _kept(
        "A gunman wounded three people before killing a guard.",
        {"wounded": "ASSAULT", "killing": "ASSAULT"},
    )
    assert kept == ["wounded", "killing"]


def test_an_event_coded_agree_only_for_being_planned_has_no_content() -> None:
    # "summit" is a meeting word: planned, it is coded AGREE (the future recoding), but it
    # is no speech act, and the meeting hanging on it is an event of its own
    text = (
        "Officials are organising a landmark summit between the two leaders, with the"
        " foreign ministers also meeting in Geneva late Friday."
    )
    found = _coded(text, {"summit": "AGREE", "meeting": "CONSULT"})
    summit = next(event for _, event in found if event.trigger == "summit")
    summit.modality = "planned"
    assert [event.trigger for _, event in absorb_content(found)] == ["summit", "meeting"]
    summit.modality = "asserted"  # a summit agreed (as a speech act would be) takes it in
    assert "meeting" not in [event.trigger for _, event in absorb_content(found)]


def _folded(text: str, triggers: dict[str, str]) -> list[EventMention]:
    return [event for _, event in absorb_content(_coded(text, triggers))]


def test_a_promise_of_a_coercive_act_is_a_threat_coded_by_it() -> None:
    kept = _folded(
        "The Kenyan president vowed to arrest the gunmen.", {"vowed": "AGREE", "arrest": "COERCE"}
    )
    assert [(e.trigger, e.type) for e in kept] == [("vowed", "THREATEN")]
    assert kept[0].cameo == "132"  # THREATEN's code for a coercive content


def test_a_promise_of_cooperation_and_an_agreement_to_coerce_stay_agree() -> None:
    kept = _folded("Kenya vowed to help Somalia.", {"vowed": "AGREE", "help": "AID"})
    assert [(e.trigger, e.type) for e in kept] == [("vowed", "AGREE")]
    kept = _folded("Kenya agreed to arrest the gunmen.", {"agreed": "AGREE", "arrest": "COERCE"})
    assert [(e.trigger, e.type) for e in kept] == [("agreed", "AGREE")]


def test_a_promise_to_pursue_people_is_a_threat_though_the_pursuit_codes_nothing() -> None:
    for text in (
        "The president vowed to hunt down the bombers.",
        "The president vowed to find the bombers and bring them to justice.",
        "The minister promised to track down the killers.",
        "The minister vowed to bring those responsible to justice.",  # "to" on "responsible"
    ):
        trigger = text.split()[2]
        kept = _folded(text, {trigger: "AGREE"})
        assert [(e.trigger, e.type) for e in kept] == [(trigger, "THREATEN")], text
        assert kept[0].cameo == "130"


def test_a_promise_to_bring_something_or_agree_to_pursue_stays_agree() -> None:
    for text, trigger in (
        ("The president vowed to bring aid to the victims.", "vowed"),
        ("The president agreed to hunt down the bombers.", "agreed"),
    ):
        kept = _folded(text, {trigger: "AGREE"})
        assert [(e.trigger, e.type) for e in kept] == [(trigger, "AGREE")], text


def test_a_warning_beside_a_promise_does_not_make_it_a_threat() -> None:
    found = _coded(
        "Blair pledged to stand with Clinton, warning Saddam that the threat is real.",
        {"pledged": "AGREE", "warning": "THREATEN"},
    )
    assert all(event.type != "THREATEN" for _, event in found if event.trigger == "pledged")
    kept = [event for _, event in absorb_content(found) if event.trigger == "pledged"]
    assert kept and kept[0].type == "AGREE"


def test_a_clause_of_time_or_cause_is_no_content_of_the_act_it_is_set_beside() -> None:
    kept = _folded(
        "Turkey and Russia traded threats after Turkish forces shot down two Syrian jets.",
        {"traded": "THREATEN", "shot": "ASSAULT"},
    )
    assert [(e.trigger, e.type) for e in kept] == [("traded", "THREATEN"), ("shot", "ASSAULT")]


def test_talks_a_trip_was_made_for_are_no_argument_of_the_trip() -> None:
    found = _coded(
        "The envoy flew to Kabul for talks with the Taliban.",
        {"flew": "CONSULT", "talks": "CONSULT"},
    )
    found[0][1].mode = "visit"
    assert [e.trigger for _, e in absorb_content(found)] == ["flew", "talks"]
    found[0][1].mode = None  # "for" names what an act is for ("arrested for the attack")
    assert [e.trigger for _, e in absorb_content(found)] == ["flew"]


def test_a_promise_to_bring_to_justice_is_a_threat_however_the_parse_reads_to() -> None:
    # the parser takes "to" for an infinitive's and "justice" for the object of "bring"
    kept = _folded(
        "We promise to bring to justice the murderers of our friends.", {"promise": "AGREE"}
    )
    assert [e.type for e in kept] == ["THREATEN"]


def test_what_an_abandoned_plan_was_to_do_is_the_abandoning_s_object() -> None:
    text = "The pirates abandoned their plans to hijack the vessel."
    assert _kept(text, {"abandoned": "RETREAT", "hijack": "ASSAULT"}) == ["abandoned"]
    text = "The pirates unveiled their plans to hijack the vessel."
    assert _kept(text, {"unveiled": "RETREAT", "hijack": "ASSAULT"}) == ["unveiled", "hijack"]


def test_a_verb_joined_to_what_was_threatened_is_threatened_too() -> None:
    text = "Hamas threatened to kill the hostages and attack Israeli towns."
    found = {"threatened": "THREATEN", "kill": "ASSAULT", "attack": "ASSAULT"}
    assert _kept(text, found) == ["threatened"]


def test_a_clause_joined_to_a_demand_is_not_its_content() -> None:
    text = "Gonzalez wrote to Reno, demanding that Elian be returned and saying he does not recognize the courts."
    found = {"demanding": "REQUEST", "recognize": "REJECT"}
    assert _kept(text, found) == ["demanding", "recognize"]
