"""Who does what to whom (issue 19, arguments): the grammatical doer and recipient win over
datelines and titles, no event is done by an actor to itself unless the sentence says so,
a stated doer is never left out, and unnamed but stated people ("suspects", "a sniper")
are actors. Each sentence is written for the test."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc
from tests.events.conftest import built, code, headline_events

from crosswire import nlp
from crosswire.events.arguments import _agreeing_conjunct, _verb_above
from crosswire.events.participants import in_title_case
from crosswire.model import ActorRef, EventMention


def events_of(text: str, type_: str) -> list[EventMention]:
    found = [e for e in code(text) if e.type == type_]
    assert found, [(e.type, e.trigger) for e in code(text)]
    return found


def one(text: str, type_: str, trigger: str | None = None) -> EventMention:
    found = [e for e in events_of(text, type_) if trigger is None or e.trigger == trigger]
    assert len(found) == 1, [(e.type, e.trigger) for e in found]
    return found[0]


def named(actor: ActorRef | None) -> str:
    assert actor is not None, "no actor"
    return actor.name.lower()


# ------------------------------------------------------------------ datelines


def test_an_upper_case_acronym_subject_is_no_dateline() -> None:
    event = one("NATO on Tuesday accused Russia of violating the treaty.", "ACCUSE")
    assert event.source is not None and event.source.key == "org:IGO:nato"
    assert event.target is not None and event.target.country == "RUS"


def test_the_us_as_subject_is_no_dateline() -> None:
    event = one("The US on Thursday rejected calls by the envoy to lift the tariffs.", "REJECT")
    assert event.source is not None and event.source.country == "USA"


def test_a_dateline_is_not_the_doer_of_an_infinitive() -> None:
    text = "BLOOMINGTON, Minn. - Police used a Taser to arrest a man suspected of killing a woman."
    event = one(text, "COERCE", "arrest")
    assert "police" in named(event.source)


def test_a_dateline_city_is_not_the_target_of_a_passive() -> None:
    event = one("LONDON (AP) — Britain's Labour Party was accused on Friday of lying.", "ACCUSE")
    assert event.target is not None and "labour party" in named(event.target)


# ------------------------------------------------------------------ self-loops


def test_a_protest_noun_with_a_country_adjective_is_no_self_loop() -> None:
    event = one("Hundreds were injured in the Chilean riots.", "PROTEST")
    assert event.source is None or event.target is None or event.source.key != event.target.key


def test_local_police_are_not_their_country_acting_on_itself() -> None:
    event = one("Staunton police arrested the woman on Friday.", "COERCE")
    assert "police" in named(event.source)
    assert "woman" in named(event.target)


def test_no_event_of_a_sentence_is_a_self_loop() -> None:
    for text in (
        "Police arrested two suspects after the shooting in Ohio.",
        "The gunman shot two women before police killed him.",
        "Police have arrested a man in the death of a woman in Bloomington.",
    ):
        for event in code(text):
            if event.source is not None and event.target is not None:
                assert event.source.key != event.target.key, (text, event.trigger)


# ------------------------------------------------------------------ stated doers and recipients


def test_unnamed_people_are_targets() -> None:
    arrest = one("Police arrested two suspects after the shooting in Ohio.", "COERCE")
    assert "suspects" in named(arrest.target)
    shot = one("The gunman shot two women and a teenager.", "ASSAULT")
    assert "gunman" in named(shot.source) and "women" in named(shot.target)


def test_a_passive_agent_is_the_source() -> None:
    event = one("A soldier was shot by a sniper near the border.", "ASSAULT")
    assert "sniper" in named(event.source) and "soldier" in named(event.target)


def test_a_relative_pronoun_stands_for_the_actor_right_before_it() -> None:
    # the parse hangs "who was murdered" on "shooting", not on "mayor"
    text = "Two men were arrested in the shooting of a city's mayor who was murdered outside."
    murdered = one(text, "ASSAULT", "murdered")
    assert "mayor" in named(murdered.target)


def test_a_relative_pronoun_subject_is_its_noun() -> None:
    killed = one("Prosecutors said the man who killed three guards had escaped.", "ASSAULT")
    assert "man" in named(killed.source) and "guards" in named(killed.target)
    accuses = one(
        "Assange is fighting extradition to the United States, which accuses him of espionage.",
        "ACCUSE",
    )
    assert accuses.source is not None and accuses.source.country == "USA"


def test_the_passive_subject_controls_its_complement() -> None:
    event = one("Security forces were seen beating protesters in the capital.", "ASSAULT")
    assert "forces" in named(event.source) and "protesters" in named(event.target)


def test_an_instrument_object_does_not_control_the_purpose_clause() -> None:
    event = one("Police used a stun gun to arrest the suspect.", "COERCE")
    assert "police" in named(event.source) and "suspect" in named(event.target)


def test_an_object_pronoun_is_not_its_own_clause_subject() -> None:
    event = one("The gunman shot two women before police killed him.", "ASSAULT", "killed")
    assert "police" in named(event.source) and "gunman" in named(event.target)


def test_a_pronoun_in_a_quotation_is_not_the_speaker() -> None:
    for event in code('"He shot one man right away," said police spokesman Tim Fanning.'):
        assert event.source is None or event.source.name != "Tim Fanning"


def test_a_personal_pronoun_is_no_organisation() -> None:
    for event in code("She opened fire, killing two women, police said."):
        assert event.source is None or "police" not in named(event.source)


def test_a_headline_participle_is_a_passive() -> None:
    event = one("Local councillor arrested on suspicion of fraud", "COERCE")
    assert event.source is None
    assert "councillor" in named(event.target)
    # so is one of its adverbial clauses
    event = one("Protests in Lyon after local mayor gunned down outside town hall", "ASSAULT")
    assert event.source is None
    assert "mayor" in named(event.target)


# ------------------------------------------------------------------ titles


def test_an_abbreviated_title_is_no_country() -> None:
    for text, type_ in (
        ("Sen. Mark Warner criticized Saudi Arabia on Tuesday.", "ACCUSE"),
        ("Col. Ahmed Saleh accused the rebels of looting the town.", "ACCUSE"),
        ("Sen. Warner accused the administration of lying.", "ACCUSE"),
    ):
        event = one(text, type_)
        assert event.source is not None, text
        assert event.source.key.startswith("person:"), (text, event.source)
        for actor in event.participants:
            assert actor.country not in {"SEN", "COL"}, (text, actor)


# ------------------------------------------------------------------ whose actors are they


def test_a_plural_demonym_is_people_not_their_state() -> None:
    event = one("Young Chileans blocked roads in the capital on Sunday.", "PROTEST")
    assert event.source is not None and event.source.key == "agent:CHL:CVL"
    assert event.target is not None and event.target.key == "country:CHL"


def test_police_act_on_people_of_their_own_country() -> None:
    event = one("Kenyan police opened fire on Monday, killing a student.", "ASSAULT")
    assert event.target is not None and event.target.country == "KEN"


def test_forces_led_by_a_country_are_of_it() -> None:
    event = one("Saudi-led forces bombed the port on Friday.", "ASSAULT")
    assert event.source is not None and event.source.country == "SAU"


def test_the_owner_of_an_attacked_place_is_the_target() -> None:
    event = one("A camp for Syrian refugees was attacked by gunmen.", "ASSAULT")
    assert event.target is not None and event.target.country == "SYR"


def test_a_threat_is_aimed_at_whom_its_condition_names() -> None:
    event = one(
        "China has threatened to halt the talks on fishing rights if Japan goes ahead with the plan.",
        "THREATEN",
    )
    assert event.target is not None and event.target.country == "JPN"


def test_a_demand_noun_takes_its_content_from_the_verb_it_is_the_object_of() -> None:
    event = one("Egypt repeated its demand that Ethiopia halt the filling of the dam.", "REQUEST")
    assert event.target is not None and event.target.country == "ETH"


# ------------------------------------------------------------------ more stated participants


def test_coordinated_verbs_share_the_last_object() -> None:
    event = one("Soldiers shot and killed the driver on Friday.", "ASSAULT", "shot")
    assert "driver" in named(event.target)


def test_unnamed_people_of_different_kinds_are_different_participants() -> None:
    event = one("Prosecutors said the man who killed four people had escaped.", "ASSAULT")
    assert "man" in named(event.source) and "people" in named(event.target)


def test_the_noun_a_participle_is_on_controls_its_gerund() -> None:
    event = one("Man suspected of shooting two officers arrested in Ohio", "ASSAULT")
    assert named(event.source) == "man" and "officers" in named(event.target)


def test_the_agent_of_a_participle_owns_the_thing_done() -> None:
    event = one("Jordan condemned the decision announced on Monday by Israel.", "ACCUSE")
    assert event.target is not None and event.target.country == "ISR"


def test_a_quantity_keeps_its_words_in_the_name() -> None:
    event = one("Hundreds of farmers blocked the highway on Monday.", "PROTEST")
    assert named(event.source) == "hundreds of farmers"


def test_a_quotation_over_two_sentences_is_not_the_speaker() -> None:
    text = '"We saw it all. He shot the guard first," said the witness, Ann Lowe.'
    for event in code(text):
        assert event.source is None or event.source.name != "Ann Lowe"


def test_no_event_of_the_seed_articles_is_a_self_loop() -> None:
    from tests.events.test_seeds import _coded

    for event in _coded():
        if event.source is not None and event.target is not None:
            assert event.source.key != event.target.key, (event.trigger, event.source)


def test_a_list_parsed_as_an_apposition_keeps_every_member() -> None:
    for text, countries in (
        ("The UK, Canada, and Norway met yesterday", {"GBR", "CAN", "NOR"}),
        ("The US, Brazil, and Chile met on Friday", {"USA", "BRA", "CHL"}),
    ):
        event = one(text, "CONSULT")
        assert {a.country for a in event.participants} == countries, text


def test_a_name_the_recogniser_missed_is_still_the_actor() -> None:
    event = one("Armstead was shot in the left arm.", "ASSAULT")
    assert event.target is not None and event.target.name == "Armstead"
    assert event.source is None  # the sentence does not say who shot him


def test_a_surname_alone_is_the_person_named_in_full_before() -> None:
    text = "Police said Luis Orozco, 24, was a gang member. Orozco was arrested on Friday."
    event = one(text, "COERCE", "arrested")
    assert event.target is not None and event.target.name == "Luis Orozco"


def test_capitals_in_ain_title_case_line_make_no_actor() -> None:
    headline = next(nlp.parse(["Teen Shot Outside Brooklyn Vigil Dies At Hospital"]))
    sentence = next(nlp.parse(["Armstead was shot in the left arm on Sunday."]))
    assert in_title_case(headline[0])
    assert not in_title_case(sentence[0])


def test_a_sentence_full_of_names_is_no_title_for_its_verbs_are_lower_case() -> None:
    sentence = next(
        nlp.parse(["Gomes is scheduled to be arraigned in New Bedford District Court Wednesday."])
    )
    assert not in_title_case(sentence[0])
    event = one(
        "Gomes is scheduled to be arraigned in New Bedford District Court Wednesday.", "ACCUSE"
    )
    assert event.target is not None and event.target.name == "Gomes"


def test_a_meeting_takes_its_counterpart_only_from_its_own_prepositions() -> None:
    event = one("The two ministers met on the sidelines of the summit in Geneva.", "CONSULT")
    assert event.target is None  # the sidelines are where, not whom
    met = one("The Kenyan minister met with Ethiopian officials in Geneva.", "CONSULT")
    assert met.target is not None and met.target.name == "Ethiopian officials"


# ------------------------------------------------------------------ passives without a subject


def test_a_participle_joined_to_a_passive_shares_its_patient() -> None:
    text = "Witnesses identified the car and the driver was identified and arrested nearby."
    event = one(text, "COERCE", "arrested")
    assert "driver" in named(event.target)
    assert event.source is None or "witness" not in named(event.source)


def test_a_joined_ed_form_read_as_a_past_shares_the_passive() -> None:
    # the tagger reads "sentenced" as a past tense (VBD): still "was ... sentenced"
    text = "The 48-year-old Australian was evicted in April and sentenced to 50 weeks in jail."
    event = one(text, "SANCTION")
    assert event.source is None and "australian" in named(event.target)


def test_a_passive_joined_to_an_active_clause_is_done_to_its_subject() -> None:
    text = "The driver turned himself in at the station and was charged with manslaughter."
    event = one(text, "ACCUSE", "charged")
    assert event.source is None and "driver" in named(event.target)
    dispersed = one("Farmers marched on the ministry and were dispersed by police.", "COERCE")
    assert "police" in named(dispersed.source) and "farmers" in named(dispersed.target)


def test_an_infinitive_passive_takes_its_controller_as_patient() -> None:
    event = one("One man is believed to have been arrested in the raid.", "COERCE")
    assert event.source is None and "man" in named(event.target)


def test_a_reduced_clause_of_time_or_condition_is_a_passive() -> None:
    """ "when directly attacked": the subordinator opens a passive without subject or
    auxiliary (the tagger read a past tense), undergone by the main clause's subject."""
    text = "Although police have responded when directly attacked, they stood back."
    event = one(text, "ASSAULT", "attacked")
    assert event.source is None and "police" in named(event.target)


def test_a_bare_participle_complement_is_a_passive() -> None:
    event = one("A woman was seen shot in the arm near the market.", "ASSAULT")
    assert event.source is None and "woman" in named(event.target)


def test_the_subject_of_an_absolute_with_phrase_is_acted_on() -> None:
    text = "Two women were found dead at their home, with Mr Hall arrested shortly afterwards."
    event = one(text, "COERCE", "arrested")
    assert event.source is None and "hall" in named(event.target)


def test_joined_participles_share_the_passive_agent() -> None:
    for event in events_of("The teenager was shot and killed by police.", "ASSAULT"):
        assert "police" in named(event.source) and "teenager" in named(event.target)


def test_the_actor_named_on_a_passive_agent_is_the_doer() -> None:
    event = one("A student was killed by a police bullet in the capital.", "ASSAULT")
    assert "police" in named(event.source) and "student" in named(event.target)


def test_a_verb_the_parse_joined_to_a_noun_keeps_the_clause_subject() -> None:
    text = (
        "Video footage shows security forces using firearms, water cannons and tear gas to"
        " disperse protests and beating demonstrators with batons."
    )
    event = one(text, "ASSAULT", "beating")
    assert "forces" in named(event.source) and "demonstrators" in named(event.target)


# ------------------------------------------------------------------ what an attack harms


def test_the_property_or_person_an_attack_is_done_to_is_its_target() -> None:
    struck = one("Turkish forces struck a military airport near Idlib.", "ASSAULT")
    assert "airport" in named(struck.target)
    killed = one("A gunman shot and killed a toddler.", "ASSAULT")  # one act (coordinated)
    assert "toddler" in named(killed.target)


def test_the_complement_not_the_means_is_what_an_attack_harms() -> None:
    event = one("Rioters threw petrol bombs at a branch of the bank.", "ASSAULT")
    assert "branch" in named(event.target)


def test_the_means_of_an_attack_is_never_its_target() -> None:
    for text in ("The officers then fired 11 shots.", "Rioters threw stones and bottles."):
        for event in code(text):
            assert event.target is None, (text, event.target)


def test_missiles_thrown_at_people_attack_them_in_any_tense() -> None:
    for text, doer in (
        ("Protesters were throwing rocks at police.", "protesters"),
        ("Youths threw stones at police.", "youths"),
    ):
        event = one(text, "ASSAULT")
        assert (named(event.source), named(event.target)) == (doer, "police")


def test_whom_one_pleads_with_to_act_is_the_target_whatever_the_parse() -> None:
    text = "The doctors pleaded with the administration to reconsider its decision."
    event = one(text, "REQUEST")
    assert named(event.target) == "administration"


def test_the_doer_of_an_ing_adjunct_is_the_subject_also_of_a_passive() -> None:
    event = one("Two police officers were attacked while arresting the suspect.", "COERCE")
    assert named(event.source) == "police officers"
    assert named(event.target) == "suspect"


# ------------------------------------------------------------------ bylines and cited media


def test_a_byline_the_parse_ran_into_the_sentence_is_no_actor() -> None:
    text = "By John Smith, Associated Press\nPolice arrested two protesters in Nairobi."
    event = one(text, "COERCE")
    assert named(event.source) == "police" and event.source is not None
    assert event.source.key.startswith("agent:") and "press" not in named(event.source)


def test_the_medium_that_reports_is_no_actor() -> None:
    for text in (
        "NAIROBI (Reuters) - Police arrested two protesters, the Daily Nation reported.",
        "According to the New York Times, the army attacked the rebels on Monday.",
    ):
        for event in code(text):
            for actor in (event.source, event.target):
                assert actor is None or not actor.key.startswith("media:"), (text, actor)


def test_the_grounds_of_an_arrest_are_no_target() -> None:
    event = one("Chargers' Jackson arrested on suspicion of drunk driving", "COERCE")
    assert event.target is None or "suspicion" not in named(event.target)


def test_a_headline_past_form_is_a_passive_and_a_full_sentence_is_not() -> None:
    headline = one("Chargers' Jackson arrested on suspicion of drunk driving", "COERCE")
    assert headline.source is None and "jackson" in named(headline.target)
    sentence = one("Police arrested on Monday two men in Nairobi.", "COERCE")
    assert "police" in named(sentence.source)


def test_a_time_or_an_event_is_no_thing_an_attack_harms() -> None:
    for text in ("Rebels attacked again on Tuesday night.", "Police seized him after the arrest."):
        for event in code(text):
            assert event.target is None or event.target.name.lower() not in {
                "tuesday night",
                "night",
                "arrest",
            }, (text, event.target)


def test_a_later_participle_shares_the_passive_agent_of_the_first() -> None:
    text = "The suspect was tackled by police officers and taken into custody in Ohio."
    event = one(text, "COERCE")
    assert "police" in named(event.source) and "suspect" in named(event.target)


def test_a_subordinate_past_with_a_subject_stays_active() -> None:
    text = (
        "Pakistan issued a statement as soon as Armenia resorted to military provocations"
        " against Azerbaijan."
    )
    event = one(text, "ASSAULT", "resorted")
    assert event.source is not None and event.source.country == "ARM"


def test_a_headline_joint_act_of_several_stays_active() -> None:
    event = one("The US, Russia, and Switzerland met yesterday", "CONSULT")
    assert event.source is not None and event.source.country == "USA"


# ------------------------------------------------------------------ shared and inherited doers


def test_joined_verbs_share_the_subject_of_a_passive_first_verb() -> None:
    event = one("Officers were called to the scene and arrested the gunman.", "COERCE")
    assert "officers" in named(event.source)


def test_a_participle_clause_is_done_to_the_main_subject() -> None:
    text = "Arrested in Paris on Monday, the Iranian diplomat Assadollah Assadi was flown home."
    event = one(text, "COERCE", "Arrested")
    assert event.source is None
    assert "assadi" in named(event.target)


def test_a_time_phrase_gerund_is_done_by_the_subject_not_the_object() -> None:
    event = one("The Iraqi army shelled the rebels before attacking Mosul.", "ASSAULT", "attacking")
    assert "army" in named(event.source)


def test_a_passive_joined_to_a_passive_keeps_its_patient_for_the_pattern() -> None:
    event = one("Ahmed Saleh was arrested on Monday and released on Friday.", "RETREAT")
    assert event.mode == "release"
    assert "saleh" in named(event.target)


def test_a_participle_clause_on_a_joined_verb_takes_the_first_verbs_subject() -> None:
    text = (
        "Ahmed Saleh and Omar Aziz were arrested on Friday and were being held in a police "
        "jail, charged with killing the mayor."
    )
    event = one(text, "ACCUSE", "charged")
    assert "saleh" in named(event.target)


def test_a_passive_joined_to_a_participle_read_as_an_adjective_shares_its_subject() -> None:
    event = one("The gunman Ahmed Saleh was eventually Tasered and taken into custody.", "COERCE")
    assert "saleh" in named(event.target)


def _coordinated_passive(auxiliary: str) -> Doc:
    """ "Witnesses saw a Camry and Smith {auxiliary} arrested.", parsed as a parser may:
    the car and the man coordinated as the passive subject of "arrested"."""
    words = ["Witnesses", "saw", "a", "Camry", "and", "Smith", auxiliary, "arrested", "."]
    heads = [1, 1, 3, 7, 3, 3, 7, 1, 1]
    deps = ["nsubj", "ROOT", "det", "nsubjpass", "cc", "conj", "auxpass", "conj", "punct"]
    tags = ["NNS", "VBD", "DT", "NNP", "CC", "NNP", "VBD", "VBN", "."]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags)


def test_a_singular_verb_takes_only_the_last_of_a_subject_the_parse_coordinated() -> None:
    # a coordinated subject takes a plural verb: with "was", the car belongs to the
    # clause before and the man alone was arrested
    doc = _coordinated_passive("was")
    found = _agreeing_conjunct(doc[3])
    assert found is not None and found.text == "Smith"
    assert _agreeing_conjunct(_coordinated_passive("were")[3]) is None


def test_a_headline_run_into_the_line_below_is_a_passive() -> None:
    # the headline has no auxiliary and no full stop; the parse joins it to the sentence
    # below (hanging its verb on that sentence's, or making it the root)
    for text, arrested in (
        (
            "Kenyan minister arrested on suspicion of fraud\n"
            "Kenya's trade minister John Mwangi was arrested on Monday on suspicion of fraud.",
            "minister",
        ),
        (
            "Striker Mwangi arrested on suspicion of assault\n"
            "Nairobi striker John Mwangi was arrested on Monday on suspicion of assault.",
            "Mwangi",
        ),
    ):
        headline = [e for e in code(text) if e.type == "COERCE" and e.start < text.index("\n")]
        assert headline and headline[0].source is None, text
        assert headline[0].target is not None and arrested in headline[0].target.name, text


def test_a_place_object_does_not_control_a_purpose_clause() -> None:
    # the small tagger takes "Taser" for a place; police, not the United States, arrest
    found = [
        e
        for e in code("Police used a Taser to arrest the suspect in Minneapolis.")
        if e.type == "COERCE"
    ]
    assert len(found) == 1 and found[0].source is not None, found
    assert found[0].source.name.lower() == "police"


def test_a_protest_the_parser_read_as_a_participle_is_done_by_its_noun() -> None:
    # the tagger reads "protested" as a participle on the verbless sentence's root
    event = one("Hundreds of people protested outside the US embassy in London.", "PROTEST")
    assert event.source is not None and "people" in event.source.name
    assert event.target is not None and event.target.country == "USA"
    # a caption or headline drops a passive's auxiliary: its noun is still the victim
    event = one("Two people killed in Kabul blast.", "ASSAULT")
    assert event.source is None and event.target is not None


def test_a_passive_without_agent_takes_the_doer_its_when_clause_names() -> None:
    event = one(
        "A Brooklyn woman was killed on Thursday when two robbers emptied their pistols.",
        "ASSAULT",
    )
    assert event.source is not None and "robbers" in event.source.name
    assert event.target is not None and "woman" in event.target.name
    # the patient of the passive is no doer of its own "when" clause
    assert all(
        e.source is None or "man" not in e.source.name.lower()
        for e in code("The man was shot when the man stepped out of his car.")
    )


def test_a_participle_of_stance_after_be_is_done_by_its_subject() -> None:
    # "is committed to" states China's own commitment: China is the source, not the target
    event = one("China said it is committed to the formula granting Hong Kong autonomy.", "AGREE")
    assert event.source is not None and event.source.country == "CHN"
    assert event.target is None
    event = one("The government is committed to talks with the rebels.", "AGREE")
    assert "government" in named(event.source)
    # ... and so is one joined to a first predicate, whose subject it shares
    text = "He said the new administration represents change and is committed to the protection."
    event = one(text, "AGREE")
    assert "administration" in named(event.source)


def test_a_doer_the_parser_joined_to_the_first_verb_as_one_noun_does_the_next() -> None:
    # the parse reads "sniper shot" as one noun, the root, and "killed" as its conjunct
    event = one("A sniper shot and killed a doctor in Buffalo.", "ASSAULT")
    assert "sniper" in named(event.source)
    assert "doctor" in named(event.target)
    event = one("A detective shot and killed a woman in Brooklyn, the police said.", "ASSAULT")
    assert "detective" in named(event.source)


def test_a_pronoun_found_guilty_is_the_verdicts_target() -> None:
    # "found him guilty": "him" is the subject of the small clause "him guilty", and the
    # one the verdict is on
    events = code("Police arrested Michael Webb. The jury found him guilty.")
    verdict = next(e for e in events if e.type == "SANCTION")
    assert "jury" in named(verdict.source)
    assert named(verdict.target) == "michael webb"


def test_a_statement_closed_by_a_quotation_mark_is_no_headline() -> None:
    # the sentence ends with a full stop inside the closing quotes: its past form is active
    event = one("The crowd marched to the ministry in Nairobi, chanting ``resign.''", "PROTEST")
    assert "crowd" in named(event.source)


@pytest.mark.parametrize(
    ("text", "type_", "modality", "negated"),
    [
        (
            "Narendra Modi became the first Indian prime minister to visit Israel.",
            "CONSULT",
            "asserted",
            False,
        ),
        # the copula's mood carries over, its negation does not: she did condemn it
        (
            "Angela Merkel was not the first leader to condemn the attack.",
            "ACCUSE",
            "asserted",
            False,
        ),
        ("Japan will be the first country to send aid to Nepal.", "AGREE", "planned", False),
    ],
)
def test_the_first_to_act_is_the_copulas_subject(
    text: str, type_: str, modality: str, negated: bool
) -> None:
    event = one(text, type_)
    assert event.source is not None and text.startswith(event.source.name)
    assert (event.modality, event.negated) == (modality, negated)


def test_a_participle_with_an_object_is_its_nouns_active_verb() -> None:
    # the parser hangs "killed" on "airstrikes" as a participle, the noun being the subject
    # of "said"; a passive participle takes no object, so the airstrikes killed
    event = one("Israeli airstrikes killed at least 20 people in Gaza, officials said.", "ASSAULT")
    assert event.source is not None and event.source.country == "ISR"
    assert "people" in named(event.target)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # the parse hangs the participle on "governors"; "them" cannot be its own subject
        (
            "Hundreds of teachers wrote to the governors urging them to raise pay.",
            "teachers",
            "governors",
        ),
        ("Farmers surrounded the minister, urging him to resign.", "farmers", "minister"),
    ],
)
def test_a_participle_adding_to_a_clause_is_done_by_its_subject_to_its_object(
    text: str, source: str, target: str
) -> None:
    event = one(text, "REQUEST", "urging")
    assert source in named(event.source) and target in named(event.target)


def test_a_predicate_left_unlinked_after_a_comma_shares_the_subject() -> None:
    text = (
        "A sacked gunman bought a rifle, then returned to the plant and opened fire on his bosses."
    )
    assert "gunman" in named(one(text, "ASSAULT").source)


def test_an_infinitive_on_a_noun_of_purpose_is_the_clause_subjects() -> None:
    event = one("Turkey opened its border in a move to demand EU support.", "REQUEST")
    assert event.source is not None and event.source.country == "TUR"
    # a noun set beside the clause is not the subject's means
    text = "Despite parliamentary reports urging new rules, officials in Britain made no changes."
    assert all(e.source is None or "official" not in e.source.name for e in code(text))


def test_an_infinitive_on_a_possessed_noun_is_the_possessors() -> None:
    event = one("The navy foiled the pirates' attempt to attack a tanker.", "ASSAULT")
    assert "pirates" in named(event.source)
    text = "The navy foiled the pirates' intention of attacking merchant vessels."
    [event] = [e for e in code(text) if e.trigger.startswith("attacking")]
    assert "pirates" in named(event.source)


def test_a_plot_an_infinitive_completes_is_not_the_foilers() -> None:
    # the parser hangs "to assassinate" on "foiled" as its complement, not on "plot"
    text = "The security service said it had foiled a plot to assassinate President Luis Arce."
    event = one(text, "ASSAULT")
    assert (event.source, event.modality) == (None, "planned")
    rebels = one("Police foiled the rebels' plot to attack the base.", "ASSAULT")
    assert "rebels" in named(rebels.source)


def test_a_plan_a_support_verb_carries_is_its_subjects() -> None:
    event = one("Russia announced a plan to withdraw its troops from Kherson.", "CONCEDE")
    assert event.source is not None and event.source.country == "RUS"


def test_an_infinitive_on_a_noun_of_asking_is_the_one_askeds_not_yet_done() -> None:
    text = "Trump's request to the Ukrainian president to investigate his rivals was improper."
    event = one(text, "ACCUSE")
    assert "president" in named(event.source) and event.modality == "hypothetical"
    # no one asked is named: no one named does it, the asker least of all
    event = one("The UN's request to release the sailors went unheeded.", "RETREAT")
    assert event.source is None and event.modality == "hypothetical"


def test_a_past_form_with_a_charge_preposition_is_a_passive_even_with_a_full_stop() -> None:
    event = one("John Smith charged with murdering his neighbour.", "ACCUSE")
    assert event.source is None and "smith" in named(event.target)


def test_the_purpose_of_a_passive_participle_is_its_agents() -> None:
    text = (
        "Police prevented the sit-in staged by nurses near the town hall to protest the closures."
    )
    event = one(text, "PROTEST", "protest")
    assert "nurses" in named(event.source)


def test_a_past_form_of_a_verb_that_needs_its_object_without_one_is_a_passive() -> None:
    text = "The judge spoke of a rampage that left two guards dead and a third guard wounded."
    event = one(text, "ASSAULT", "wounded")
    assert event.source is None and "guard" in named(event.target)


def test_a_past_form_after_a_clause_set_off_on_the_root_noun_is_its_main_verb() -> None:
    text = (
        "The Kenyan opposition - which considers the US biased and has rejected the Trump "
        "administration as a mediator if peace talks are ever revived - called for an "
        "emergency meeting of the council."
    )
    event = one(text, "REQUEST", "called")
    assert "opposition" in named(event.source)


def test_a_verb_the_parse_joined_to_a_named_object_hangs_on_the_objects_verb() -> None:
    # the parse of "Officials escorted the Libyan, Salem, and put him on a flight, said X":
    # "put" joined to the name apposed to the object
    words = ["Officials", "escorted", "the", "Libyan", ",", "Salem", ",", "and", "put", "him"]
    heads = [1, 1, 3, 1, 1, 1, 5, 5, 5, 8]
    deps = ["nsubj", "ROOT", "det", "dobj", "punct", "conj", "punct", "cc", "conj", "dobj"]
    pos = ["NOUN", "VERB", "DET", "PROPN", "PUNCT", "PROPN", "PUNCT", "CCONJ", "VERB", "PRON"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert _verb_above(doc[8]).text == "escorted"
    assert _verb_above(doc[1]).text == "escorted"  # the root hangs on itself
    # an object the tagger took for a verb ("foiled the attack, capturing 26 brigands and
    # confiscating their weapons": "brigands" a verb, the object of "foiled")
    words = ["Warship", "foiled", "brigands", "and", "confiscating", "weapons"]
    heads = [1, 1, 1, 2, 2, 4]
    deps = ["nsubj", "ROOT", "dobj", "cc", "conj", "dobj"]
    pos = ["NOUN", "VERB", "VERB", "CCONJ", "VERB", "NOUN"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert _verb_above(doc[4]).text == "foiled"


def test_a_measure_of_distance_or_time_is_no_object() -> None:
    """ "five buildings away": the parser's object is where, not what, was acted on."""
    event = one("Orozco was arrested five buildings away on 223rd Street.", "COERCE")
    assert "orozco" in named(event.target)


def test_a_headlines_second_predicate_shares_the_first_ones_subject() -> None:
    """ "X foils attack, nabs 26 pirates": the parser hangs the first on the second."""
    event = one("Indian Navy foils attack in Gulf of Aden, nabs 26 pirates", "COERCE", "nabs")
    assert "indian navy" in named(event.source)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Gray pointed a revolver at the officers, who fired 11 rounds, striking Gray.",
            "officers",
        ),
        (
            "Troops opened fire on the protesters, who had gathered in the square, killing three.",
            "Troops",
        ),
    ],
)
def test_a_result_of_harm_is_done_by_the_doer_of_the_harm_it_follows(
    text: str, source: str
) -> None:
    results = [e for e in code(text) if e.trigger in {"striking", "killing"}]
    assert results and results[0].source is not None and results[0].source.name == source


def test_of_two_subjects_the_parser_gave_one_verb_the_nearest_is_its_subject() -> None:
    # a headline's two clauses, read as one with "woman" and "police" both subjects of arrest
    text = "Woman killed in Queens hit-and-run, police arrest allegedly drunk driver"
    event = one(text, "COERCE")
    assert named(event.source) == "police"


def test_a_verb_joined_to_the_wrong_clause_takes_the_subject_it_agrees_with() -> None:
    # the parse joins "have attempted" to "he will have"; "have" agrees with "relatives"
    text = (
        "The boy's Miami relatives say he will have a better life here and have attempted "
        "to portray his father as a pawn of Fidel Castro."
    )
    event = built(text, "portray", "ACCUSE")
    assert event.source is not None and event.source.name == "Miami relatives"


def test_a_headline_past_form_with_an_object_and_a_by_phrase_is_a_passive() -> None:
    [event] = headline_events("Apple fined 1.8 billion euros by EU over music streaming")
    assert event.source is not None and event.source.key.endswith("european union")
    assert event.target is not None and event.target.name == "Apple"


def test_a_tensed_verb_after_a_reported_future_is_the_reporter_s() -> None:
    """ "X said the alliance would ... and called on Russia": X called on Russia."""
    text = (
        "NATO Secretary-General Jens Stoltenberg said the alliance would strengthen its "
        "cyber defences and called on Russia to stop its reckless behaviour."
    )
    event = one(text, "REQUEST")
    assert "stoltenberg" in named(event.source)
    assert named(event.target) == "russia"


def test_what_one_phones_someone_to_do_is_the_caller_s() -> None:
    event = one("Macron phoned Putin to urge him to end the war.", "REQUEST")
    assert (named(event.source), named(event.target)) == ("macron", "putin")


def test_a_second_predicate_the_parser_took_for_what_was_said_is_the_speaker_s() -> None:
    """ "X said ... and warned that": the parser hangs "warned" on "said" as its content."""
    text = (
        "The Korean Central News Agency said the drills were a rehearsal for invasion and "
        "warned that Pyongyang would take countermeasures."
    )
    assert named(one(text, "THREATEN").source) == "kcna"


def test_a_name_the_parser_took_for_an_adverb_before_a_subjectless_verb_is_its_subject() -> None:
    event = one("Turkey attacks Kurdish militants in northern Iraq.", "ASSAULT")
    assert named(event.source) == "turkey"
