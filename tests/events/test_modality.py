"""Negation and modality on the right clause (`crosswire.events.modality`): a negated
participation or a negated reporting verb does not negate the event; conditionals,
counterfactuals, options and questions are hypothetical; unverified reports are reported;
the future told in reported speech is planned; what the text alleges is reported; an
apology with an if-clause was made; a clause with no cue of its own takes the modality of
the clause it hangs on (`crosswire.events.clause_links`)."""

from __future__ import annotations

import pytest
from tests.events.conftest import code

from crosswire import nlp
from crosswire.events.modality import modality_of
from crosswire.model import EventMention


def read(text: str, trigger: str) -> tuple[str, bool]:
    """(modality, negated) of the one event coded at `trigger`."""
    found = [e for e in code(text) if e.trigger.split()[0] == trigger]
    assert len(found) == 1, [(e.type, e.trigger) for e in code(text)]
    event: EventMention = found[0]
    return event.modality, event.negated


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("I was not on the phone call between Donald Trump and Volodymyr Zelensky.", "call"),
        ("Ukrainian officials were not at the meeting between Vladimir Putin and Joe Biden.",
         "meeting"),
        ("Police did not say that rebels attacked the Malian convoy.", "attacked"),
        ("Police did not confirm that rebels attacked the Malian convoy.", "attacked"),
    ],
    ids=["participation-call", "participation-meeting", "reporting-say", "reporting-confirm"],
)  # fmt: skip
def test_a_negated_participation_or_reporting_verb_does_not_negate_the_event(
    text: str, trigger: str
) -> None:
    assert read(text, trigger) == ("asserted", False)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Russia never attacked Ukraine.", "attacked"),
        ("No protesters were arrested by the Belarusian police.", "arrested"),
        ("Belarusian police arrested no protesters.", "arrested"),
        ("The talks between Russia and Ukraine did not take place.", "talks"),
        ("Boko Haram did not launch an attack on the Nigerian army.", "attack"),
    ],
    ids=["never", "no-subject", "no-object", "noun-subject", "support-verb"],
)
def test_the_event_itself_negated(text: str, trigger: str) -> None:
    assert read(text, trigger) == ("asserted", True)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Or you can kidnap the relatives of the Colombian commander.", "kidnap"),
        ("If Ukraine agrees, Russia will send humanitarian aid to Kyiv.", "send"),
        ("Will Russia attack Ukraine?", "attack"),
        ("The Malian rebels could have attacked the convoy.", "attacked"),
        ("If the talks between Russia and Ukraine collapse, the war will go on.", "talks"),
        ("The ministers met to discuss a withdrawal of Russian troops from Georgia.", "withdrawal"),
    ],
    ids=[
        "option-can",
        "conditional-if",
        "question",
        "counterfactual",
        "noun-in-if-clause",
        "topic-of-discussion",
    ],
)
def test_conditionals_counterfactuals_options_and_questions_are_hypothetical(
    text: str, trigger: str
) -> None:
    assert read(text, trigger)[0] == "hypothetical"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Russian troops reportedly shelled Kharkiv.", "shelled"),
        ("Syrian troops allegedly fired on protesters in Homs.", "fired"),
        ("Police are said to have arrested the Russian opposition leader.", "arrested"),
        ("According to unconfirmed reports, Taliban fighters attacked the Afghan convoy.",
         "attacked"),
    ],
    ids=["reportedly", "allegedly", "is-said-to", "according-to-reports"],
)  # fmt: skip
def test_what_the_text_marks_unverified_is_reported(text: str, trigger: str) -> None:
    assert read(text, trigger) == ("reported", False)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Turkey said it would keep attacking Syrian troops.", "attacking"),
        ("Condoleezza Rice was to ask the United Nations to authorize sanctions on Iran.", "ask"),
        ("More protests against the Serbian government are planned for Monday.", "protests"),
    ],
    ids=["would-in-reported-speech", "was-to", "noun-subject-planned"],
)
def test_the_future_in_reported_speech_and_arrangements_are_planned(
    text: str, trigger: str
) -> None:
    assert read(text, trigger)[0] == "planned"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The Kenyan minister avoided a meeting with Vladimir Putin.", "meeting"),
    ],
)
def test_what_was_avoided_did_not_happen(text: str, trigger: str) -> None:
    assert read(text, trigger) == ("asserted", True)


def test_a_thwarted_attack_was_still_an_attack() -> None:
    text = "A German helicopter thwarted an attack by Somali pirates on a freighter."
    assert read(text, "attack") == ("asserted", False)


@pytest.mark.parametrize(
    "text",
    [
        "The jurors asked the holdouts how many people would Nichols have to kill.",
        "He asked when would the army attack the rebels.",
    ],
)
def test_a_reported_question_is_hypothetical_and_no_threat(text: str) -> None:
    """A question written as asked inside a statement (a wh-word, then an auxiliary before
    the subject) asks about the act; no one states it will happen."""
    assert [(e.type, e.modality) for e in code(text)] == [("ASSAULT", "hypothetical")]


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("Israel has the right to attack Hamas in Gaza.", "attack", "hypothetical"),
        ("Police foiled a plot to bomb the Kenyan embassy.", "bomb", "planned"),
    ],
    ids=["right-to", "plot-to-misparsed"],
)
def test_what_one_has_a_right_to_or_plots_is_not_done(text: str, trigger: str, status: str) -> None:
    assert read(text, trigger)[0] == status


def test_a_foiled_plot_is_not_the_foilers_act() -> None:
    [bombing] = [
        e for e in code("Police foiled a plot to bomb the Kenyan embassy.") if e.trigger == "bomb"
    ]
    assert bombing.source is None or "police" not in bombing.source.name.lower()


def test_a_question_about_another_clause_leaves_the_event_asserted() -> None:
    text = "Kenyan police arrested the opposition leader, so why is nobody talking about it?"
    assert read(text, "arrested") == ("asserted", False)


def test_reports_the_text_vouches_for_are_no_hedge() -> None:
    text = "Syrian troops killed 40 protesters in Homs, according to credible reports."
    assert read(text, "killed") == ("asserted", False)


def test_a_scheduled_passive_is_no_ones_threat() -> None:
    # "will be sentenced": the one sentenced commits to nothing, and no doer is named
    events = code("Former Kenyan minister John Mwangi will be sentenced on May 3.")
    assert [(e.type, e.modality) for e in events] == [("SANCTION", "planned")]
    # ... while a condition put to the one it would be done to keeps it a threat
    text = "The opposition leader will be arrested if he returns, the interior minister said."
    assert [e.type for e in code(text)] == ["THREATEN"]


@pytest.mark.parametrize(
    "text",
    [
        "If talks fail, Russia will impose sanctions on Ukraine.",
        "The Russian president said he would impose sanctions on Ukraine if no deal is reached.",
        "China warned Japan of dangerous consequences if Japanese troops enter the islands.",
        "Iran threatened Britain with retaliation if the tanker is not released.",
    ],
    ids=["will-if", "said-would-if", "warned-if", "threatened-if"],
)
def test_a_conditional_threat_is_a_threat_made(text: str) -> None:
    """The condition is what is threatened; the threat itself was made (asserted)."""
    threats = [e for e in code(text) if e.type == "THREATEN"]
    assert [e.modality for e in threats] == ["asserted"]


def test_a_threat_only_possible_or_a_conditional_promise_stays_hypothetical() -> None:
    possible = code("If talks fail, Russia could impose sanctions on Ukraine.")
    assert [e.modality for e in possible] == ["hypothetical"]
    promise = code("The Russian president would meet the Ukrainian president if invited.")
    assert [(e.type, e.modality) for e in promise] == [("AGREE", "hypothetical")]


@pytest.mark.parametrize(
    "text",
    [
        "Customs officials did not accept the Mexican offer.",
        "Syria did not agree to meet Turkish officials.",
        "Syria says it will not accept the proposal from Turkey.",
    ],
)
def test_a_withheld_acceptance_is_a_refusal_stated_now(text: str) -> None:
    [event] = code(text)
    assert (event.type, event.modality, event.negated) == ("REJECT", "asserted", False)
    assert (event.date, event.date_from) == ("2020-01-16", "published")


def test_wont_is_will_not() -> None:
    """ "won't", split by spaCy into "wo" and "n't", is a refusal stated as "will not"."""
    [event] = code("Syria says it won't cooperate with Turkey.")
    assert (event.type, event.modality, event.negated) == ("REJECT", "asserted", False)


def reading(text: str, word: str) -> tuple[str, bool]:
    """(modality, negated) that `modality_of` gives the first token `word` of `text`:
    for the clause rules, whatever the coder then decides about the event."""
    doc = next(nlp.parse([text]))
    token = next(t for t in doc if t.text == word)
    negated, status, _ = modality_of(token)
    return status, negated


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan president apologized if his remarks offended the Somali community.",
        "The Kenyan president has apologised if anyone was offended by the raid.",
    ],
)
def test_an_apology_with_an_if_clause_was_made(text: str) -> None:
    """The if-clause says what the apology is for; the apology was made."""
    verb = next(w for w in text.split() if w.startswith("apolog"))
    assert reading(text, verb) == ("asserted", False)


def test_a_real_condition_stays_hypothetical() -> None:
    # the clause is conditional; the event coded from it is a threat made (see above)
    text = "Kenya will attack Somali militants if they are provoked."
    assert reading(text, "attack")[0] == "hypothetical"
    text = "The Kenyan president would apologize if the raid killed civilians."
    assert reading(text, "apologize")[0] == "hypothetical"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Police allege the former guard shot two officers in Nairobi.", "shot"),
        ("The Kenyan soldier accused of shooting two protesters was arrested.", "shooting"),
        ("Two men were charged with killing a Kenyan journalist.", "killing"),
        ("Gray resigned over allegations he had attacked a journalist.", "attacked"),
        ("Syrian troops allegedly stormed the town and fired on protesters.", "fired"),
        ("Reports that Kenyan troops shelled the town are unconfirmed.", "shelled"),
    ],
    ids=["police-allege", "accused-of", "charged-with", "allegations-that", "conjoined",
         "reports-that"],
)  # fmt: skip
def test_what_the_text_alleges_is_reported(text: str, trigger: str) -> None:
    assert reading(text, trigger) == ("reported", False)


def test_the_setting_of_an_allegation_is_not_alleged() -> None:
    text = "The senator said the central allegation in this impeachment had been debunked."
    assert reading(text, "impeachment") == ("asserted", False)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("If he had not surrendered, he was going to be shot by the police.", "shot"),
        ("Kenya could have attacked Somalia without consulting the United Nations.",
         "consulting"),
        ("The envoys tried to persuade Syria to meet Turkish officials.", "meet"),
        ("Some advisers would like to see China agree to the trade deal.", "agree"),
        ("There is a need for a treaty ratified by the Kenyan parliament.", "ratified"),
        ("Attacking Somali ports would not stop the pirates.", "Attacking"),
    ],
    ids=["going-to-with-condition", "counterfactual-without", "tried-to-persuade",
         "would-like-to-see", "need-for", "option-as-subject"],
)  # fmt: skip
def test_counterfactuals_attempts_and_wishes_are_hypothetical(text: str, trigger: str) -> None:
    assert reading(text, trigger) == ("hypothetical", False)


def test_an_intention_foiled_is_not_an_attack_made() -> None:
    text = "The Indian navy foiled the pirates' intention of attacking merchant vessels."
    assert reading(text, "attacking")[0] == "planned"
    assert reading(text, "foiled") == ("asserted", False)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Kenya will reopen the border after Somali troops withdraw from Gedo.", "withdraw"),
        ("Officials said the suspect would be released after he is charged.", "charged"),
        ("Russia will impose sanctions on Ukraine and expel the Ukrainian envoys.", "expel"),
        ("Talks between Kenya and Somalia are due to start on Monday.", "Talks"),
        ("The suspect is awaiting trial in Nairobi.", "trial"),
    ],
    ids=["temporal-clause", "temporal-clause-reported", "conjoined-will", "due-to",
         "awaiting"],
)  # fmt: skip
def test_what_a_future_clause_carries_is_planned(text: str, trigger: str) -> None:
    assert reading(text, trigger)[0] == "planned"


def test_a_past_temporal_clause_keeps_its_own_time() -> None:
    text = "Kenya reopened the border after Somali troops withdrew from Gedo."
    assert reading(text, "withdrew") == ("asserted", False)


def test_not_until_means_it_happened_then() -> None:
    text = "The Kenyan president did not meet the Somali leader until March."
    assert read(text, "meet") == ("asserted", False)


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Kenyan police did not arrest or charge the protesters.", "charge", True),
        ("The Kenyan army did not attack the town but shelled the border post.", "shelled",
         False),
        ("Police arrested no protesters and released the journalists.", "released", False),
    ],
    ids=["shared", "contrast", "negative-object"],
)  # fmt: skip
def test_a_conjoined_predicate_shares_a_negation_word_only(
    text: str, trigger: str, expected: bool
) -> None:
    assert reading(text, trigger)[1] is expected


def test_the_object_of_an_attempt_is_no_attempt() -> None:
    text = "The Kenyan minister tried to block the investigation into the killings."
    assert reading(text, "investigation") == ("asserted", False)


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("A meeting of Kenyan and Somali ministers next month is in doubt.", "meeting",
         "planned"),
        ("The summit between Kenya and Somalia opens tomorrow.", "opens", "planned"),
        ("Russia is unlikely to cut output at a meeting with exporters next month.",
         "meeting", "planned"),
        ("Kenyan police arrested the Somali envoy last week.", "arrested", "asserted"),
    ],
    ids=["next-month", "tomorrow", "noun-in-a-phrase", "last-week"],
)  # fmt: skip
def test_a_time_ahead_makes_it_scheduled(text: str, trigger: str, expected: str) -> None:
    assert reading(text, trigger)[0] == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Russia could retaliate by attacking Ukrainian ports.", "attacking", "hypothetical"),
        ("The officer could face life in prison for killing the protester.", "killing",
         "asserted"),
    ],
    ids=["by-means", "for-reason"],
)  # fmt: skip
def test_a_clause_of_means_shares_its_verbs_mood_a_reason_does_not(
    text: str, trigger: str, expected: str
) -> None:
    assert reading(text, trigger)[0] == expected


def test_in_charge_of_is_no_charge() -> None:
    text = "The detective in charge of the investigation retired."
    assert reading(text, "investigation") == ("asserted", False)


def test_a_meeting_in_the_simple_present_dated_after_publication_is_planned() -> None:
    # published on Thursday 2020-01-16: "Monday" is the Monday after
    events = code("Netanyahu and Arafat meet separately Monday with Albright.", "2020-01-16")
    meeting = next(e for e in events if e.trigger == "meet")
    assert (meeting.type, meeting.modality, meeting.date) == ("AGREE", "planned", "2020-01-20")


def test_an_act_in_the_past_tense_dated_on_an_earlier_day_stays_asserted() -> None:
    events = code("Netanyahu met Albright on Monday.", "2020-01-16")
    meeting = next(e for e in events if e.trigger == "met")
    assert (meeting.type, meeting.modality, meeting.date) == ("CONSULT", "asserted", "2020-01-13")


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Vice-President Moody Awori has declined to resign despite growing pressure.", "yield"),
        ("The rebels refused to negotiate with the government.", "meet"),
    ],
)
def test_declining_or_refusing_an_act_is_a_refusal_not_a_negated_act(text: str, mode: str) -> None:
    events = [e for e in code(text) if e.type not in {"ASSAULT"}]
    assert [(e.type, e.mode, e.modality, e.negated) for e in events] == [
        ("REJECT", mode, "asserted", False)
    ]
    # denying an act negates it: no refusal
    denied = code("Iran denied meeting the US envoy.")
    assert [(e.type, e.negated) for e in denied] == [("CONSULT", True)]


def test_a_subject_of_not_or_neither_nor_negates_its_predicate() -> None:
    events = code(
        "Not the US nor any of the rebels it backs are preventing civilians from leaving."
    )
    assert [(e.type, e.negated) for e in events] == [("COERCE", True)]


def test_what_a_refusal_or_failure_names_did_not_happen() -> None:
    text = "Farmers began a hunger strike in protest of the Greek government's refusal to accept the ruling."
    assert read(text, "accept") == ("denied", True)


def test_an_act_of_anyone_at_all_is_hypothetical() -> None:
    assert read("Anyone who attacks Iran will regret it, the minister said.", "attacks")[0] == (
        "hypothetical"
    )


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "Voters appeared reluctant to criticise the government.",
            "criticise",
            ("hypothetical", False),
        ),
        ("The minister was unwilling to meet the rebels.", "meet", ("denied", True)),
        ("The minister was willing to meet the rebels.", "meet", ("planned", False)),
    ],
)
def test_reluctance_leaves_an_act_open_and_unwillingness_says_it_does_not_happen(
    text: str, trigger: str, expected: tuple[str, bool]
) -> None:
    assert read(text, trigger) == expected


def test_what_would_have_happened_did_not_and_commits_no_one() -> None:
    events = code("Had the police arrived earlier, they would have arrested the gunman.")
    assert [(e.type, e.modality) for e in events] == [("COERCE", "hypothetical")]


def test_a_condition_without_if_is_a_condition() -> None:
    events = code("Had the rebels attacked the town, the army would have responded.")
    assert [(e.type, e.modality) for e in events] == [("ASSAULT", "hypothetical")]
    events = code("Should the rebels attack the town, the army will respond.")
    assert [(e.type, e.modality) for e in events] == [("ASSAULT", "hypothetical")]
    events = code("The rebels should attack the town, the commander said.")
    assert all(e.modality != "asserted" or e.type != "ASSAULT" for e in events)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("His fear of being extradited to the US kept him in the embassy.", "extradited"),
        ("The migrants face being deported by Germany.", "deported"),
    ],
)
def test_what_one_fears_or_faces_may_yet_come(text: str, trigger: str) -> None:
    assert read(text, trigger)[0] == "hypothetical"


def test_facing_charges_is_an_accusation_made() -> None:
    events = [e for e in code("Nichols faces charges of murder.") if e.type == "ACCUSE"]
    assert events and all(e.modality == "asserted" for e in events)


@pytest.mark.parametrize(
    ("text", "word", "status"),
    [
        # a purpose is as planned as the act done for it
        ("The two leaders plan to meet in Oslo to discuss the border.", "discuss", "planned"),
        # ... and as asserted
        ("Police fired tear gas to disperse the protesters.", "disperse", "asserted"),
    ],
)
def test_a_purpose_infinitive_takes_the_mood_of_the_act_it_serves(
    text: str, word: str, status: str
) -> None:
    assert reading(text, word)[0] == status


def test_what_is_prevented_did_not_happen() -> None:
    text = "The navy sent a helicopter to prevent the pirates from hijacking the vessel."
    assert read(text, "hijacking") == ("denied", True)


@pytest.mark.parametrize(
    ("text", "trigger", "reading"),
    [
        ("The president did not resign and called for new elections.", "called",
         ("asserted", False)),
        ("Ruto would not sign the bill and invited the protesters to talks.", "invited",
         ("asserted", False)),
        ("The leaders did not meet or talk on Monday.", "meet", ("asserted", True)),
    ],
)  # fmt: skip
def test_a_joined_predicate_with_its_own_tense_keeps_its_own_reading(
    text: str, trigger: str, reading: tuple[str, bool]
) -> None:
    # "did not" and "would not" govern the bare form after them, not a past tense joined on
    assert read(text, trigger) == reading


@pytest.mark.parametrize(
    ("text", "trigger", "negated"),
    [
        ("France suspended a plan to accept 3,500 migrants from Italy.", "accept", True),
        ("The government abandoned its plan to attack the rebels.", "attack", True),
        ("France unveiled a plan to accept migrants from Italy.", "accept", False),
    ],
    ids=["suspended-plan", "abandoned-plan", "unveiled-plan"],
)
def test_what_a_cancelled_plan_was_to_do_will_not_happen(
    text: str, trigger: str, negated: bool
) -> None:
    assert read(text, trigger) == ("planned", negated)


@pytest.mark.parametrize(
    "text",
    [
        "The rebels say they\u2019ll attack the capital.",
        "The rebels say they'll attack the capital.",
    ],
    ids=["typeset-apostrophe", "straight-apostrophe"],
)
def test_a_contracted_future_is_read_whatever_apostrophe_the_page_sets(text: str) -> None:
    assert reading(text, "attack") == ("planned", False)


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("The rebels were too weak to attack the capital.", True),
        ("Her brother had too much common sense to point a gun at an officer.", True),
        ("The rebels were strong enough to attack the capital.", False),
    ],
    ids=["too-adjective", "too-much-noun", "enough"],
)
def test_what_one_is_too_weak_to_do_is_not_done(text: str, negated: bool) -> None:
    word = "point" if "point" in text else "attack"
    assert reading(text, word)[1] is negated


@pytest.mark.parametrize(
    ("text", "word", "status"),
    [
        ("A jury in Texas recommended that John Marsh be executed.", "executed", "hypothetical"),
        ("The UN insisted that the prisoners be released.", "released", "hypothetical"),
        ("Police said the protesters were detained on Monday.", "detained", "asserted"),
    ],
    ids=["be-executed", "be-released", "indicative"],
)
def test_a_subjunctive_that_clause_is_wanted_not_done(text: str, word: str, status: str) -> None:
    assert reading(text, word)[0] == status


@pytest.mark.parametrize(
    "text",
    ["Economists warned against raising tariffs.", "The WHO warned against lifting restrictions."],
)
def test_warning_no_one_against_an_act_is_advice_and_the_act_not_done(text: str) -> None:
    assert code(text) == []


def test_warning_someone_against_an_act_is_a_threat() -> None:
    [threat] = code("Russia warned the United States against sending troops to Ukraine.")
    assert (threat.type, threat.modality) == ("THREATEN", "asserted")
    assert reading("Economists warned against raising tariffs.", "raising")[0] == "hypothetical"


def test_a_question_with_its_copula_before_the_subject_is_a_question() -> None:
    assert reading("What was the Swedish investigation about?", "investigation")[0] == (
        "hypothetical"
    )
