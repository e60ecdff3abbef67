"""An event's date (`crosswire.events.attributes.event_date`, rules in `events.dates`): a
time expression attached to its own clause, then one its sentence applies to it, then, for
a recent report only, the publication date; always in the export contract's form."""

from __future__ import annotations

import re

import pytest
from tests.events.conftest import code

from crosswire import nlp, stages
from crosswire.events.attributes import event_date
from crosswire.events.context import article_context
from crosswire.model import Article, EventMention
from crosswire.timex.values import CONTRACT

PUBLISHED = "2020-01-16"  # a Thursday


def dated(
    text: str, trigger: str, published: str | None = PUBLISHED
) -> tuple[str | None, str | None]:
    event = _one(code(text, published), trigger)
    return event.date, event.date_from


def word_date(
    text: str, word: str, published: str | None = PUBLISHED
) -> tuple[str | None, str | None]:
    """`event_date` of the first token `word` of `text`, whether or not an event is coded
    there: the dating rules alone."""
    article = Article(id="t", text=text, path="t.txt", published=published)
    state = stages.run(stages.ArticleState(article, next(nlp.parse([text]))), until="scope")
    context = article_context(state.doc, article, state.mentions, state.times, [])
    return event_date([next(t for t in state.doc if t.text == word)], context)


def _one(events: list[EventMention], trigger: str) -> EventMention:
    found = [e for e in events if e.trigger == trigger]
    assert len(found) == 1, [(e.type, e.trigger) for e in events]
    return found[0]


def test_a_time_expression_of_its_own_clause_dates_the_event() -> None:
    assert dated("Police arrested Alexei Navalny in March 2015.", "arrested") == ("2015-03", "text")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Shinzo Abe visited Seoul for the first time since 2009.", "visited"),
        (
            "Sudanese soldiers killed two protesters in what the opposition called the worst"
            " massacre since 1989.",
            "killed",
        ),
    ],
)
def test_a_bound_is_no_date_since_2009_does_not_date_the_visit(text: str, trigger: str) -> None:
    assert dated(text, trigger) == (PUBLISHED, "published")


def test_an_expression_in_another_sentence_never_dates_the_event() -> None:
    text = "The Kenyan army shelled Kismayo. The siege of the port began in March 2015."
    assert dated(text, "shelled") == (PUBLISHED, "published")


def test_a_headline_is_not_dated_by_the_line_the_parse_runs_it_into() -> None:
    text = "Troops kill five protesters in Khartoum\nPosted on April 10, 2019 by the editors"
    assert dated(text, "kill") == (PUBLISHED, "published")


def test_the_day_of_the_saying_does_not_date_what_was_reported() -> None:
    text = "Officials said on Monday that Russian troops had withdrawn from Crimea."
    assert dated(text, "withdrawn") == (PUBLISHED, "published")


def test_a_relative_clause_keeps_its_date_and_lends_none() -> None:
    events = code("The minister, who had met Vladimir Putin in 2015, criticised Russia on Monday.")
    assert (_one(events, "met").date, _one(events, "criticised").date) == ("2015", "2020-01-13")


def test_conjoined_verbs_share_the_date_attached_to_one_of_them() -> None:
    text = "Sudanese soldiers shot and killed two protesters on Saturday night in Khartoum."
    assert dated(text, "shot") == ("2020-01-11", "text")


def test_a_date_of_the_reported_clause_does_not_date_the_reporter_s_next_act() -> None:
    text = (
        "The ministry said the tariffs would take effect on June 1 and urged the United "
        "States to return to talks."
    )
    assert dated(text, "urged") == (PUBLISHED, "published")


def test_a_near_bound_still_dates_the_event() -> None:
    text = "Gunmen shot a Kenyan police officer shortly after 8 p.m. Wednesday."
    assert dated(text, "shot") == ("2020-01-15", "text")


def test_a_year_inside_a_noun_phrase_is_no_date_of_the_event() -> None:
    assert dated("Kenyan police arrested the driver of a 2013 Toyota.", "arrested") == (
        PUBLISHED,
        "published",
    )


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Protesters had blocked the road to the Kenyan parliament.", "blocked the road"),
        ("Emmanuel Macron will meet Angela Merkel in Berlin.", "meet"),
        ("Police have arrested dozens of protesters in Moscow in recent months.", "arrested"),
        ("Russia has been bombing Syrian towns for years.", "bombing"),
    ],
    ids=["past-perfect-background", "planned", "vague-recent-months", "duration"],
)
def test_only_a_recent_report_takes_the_publication_date(text: str, trigger: str) -> None:
    assert dated(text, trigger) == (None, None)


def test_a_season_gives_its_year_and_a_century_no_date() -> None:
    assert dated("Police arrested Alexei Navalny in the summer of 2019.", "arrested") == (
        "2019",
        "text",
    )
    century = "Egyptian forces attacked the fortress in the 14th century."
    assert dated(century, "attacked") == (None, None)


def test_an_unresolved_expression_of_its_own_leaves_the_event_undated() -> None:
    assert dated("Police arrested Alexei Navalny on Monday.", "arrested", published=None) == (
        None,
        None,
    )


def test_every_coded_date_follows_the_export_contract() -> None:
    text = (
        "Police arrested Alexei Navalny last weekend. Troops attacked Kismayo in the fall of"
        " 2019. Rebels shelled Aleppo in the 1990s. Police detained Navalny this week. The"
        " army attacked Idlib in the second quarter."
    )
    events = code(text)
    assert len(events) >= 4
    for event in events:
        assert event.date is None or re.fullmatch(CONTRACT, event.date), event


def test_an_article_that_dates_its_story_long_ago_keeps_the_publication_date_off_it() -> None:
    text = (
        "Zurana Horton was killed in October 2011 in Brownsville. Prosecutors said Andrew"
        " Lopez fired the shots at a crowd from a rooftop."
    )
    assert dated(text, "fired") == (None, None)


def test_a_recent_story_keeps_the_publication_date_for_its_past_events() -> None:
    text = (
        "Police arrested two men on Tuesday in Brownsville. Prosecutors said Andrew Lopez"
        " fired the shots at a crowd from a rooftop."
    )
    assert dated(text, "fired") == (PUBLISHED, "published")


def test_a_background_clause_dated_long_ago_does_not_date_the_story() -> None:
    # "since ... in October 2011" tells the past beside the news; the arrest is today's
    text = (
        "Brownsville has been tense since Zurana Horton was killed in October 2011. Police"
        " arrested two men in Brooklyn."
    )
    assert dated(text, "arrested") == (PUBLISHED, "published")


def test_a_present_perfect_report_is_recent_whatever_the_article_dated_before() -> None:
    text = (
        "Zurana Horton was killed in October 2011 in Brownsville. Police have arrested"
        " two men in Brooklyn."
    )
    assert dated(text, "arrested") == (PUBLISHED, "published")


def test_a_date_of_another_clause_of_the_sentence_keeps_the_publication_date_off() -> None:
    text = "Two men went on trial on Wednesday for killing a teenager in Brooklyn."
    assert dated(text, "killing") == (None, None)


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "Michalis Kaltezas was killed by a police officer during a demonstration in Athens"
            " in 1985.",
            "killed",
            "1985",
        ),
        (
            "In a heated exchange with Jeb Magruder in 2003, Fred LaRue criticised Richard Nixon.",
            "criticised",
            "2003",
        ),
        (
            "Jose Orozco was convicted by the same jury last month of murder.",
            "convicted",
            "2019-12",
        ),
    ],
    ids=["during-a-demonstration-in", "in-an-exchange-in", "by-the-jury-last-month"],
)
def test_the_date_of_the_setting_dates_the_event(text: str, trigger: str, expected: str) -> None:
    assert dated(text, trigger) == (expected, "text")


def test_a_date_on_a_predicative_adjective_dates_its_verb() -> None:
    text = "A jury found Vincent Gigante guilty in 1997 of racketeering and extortion."
    assert dated(text, "found") == ("1997", "text")


def test_a_time_expression_that_is_a_subject_dates_nothing() -> None:
    # the parse makes "2016" the subject of "released" ("since" its subordinator)
    text = (
        "Two hostages, an American and an Australian, who had been held by the Taliban in"
        " Afghanistan since 2016 were released Tuesday in a prisoner swap."
    )
    assert word_date(text, "released", published=None) == (None, None)


def test_a_time_that_is_the_predicate_of_a_copula_dates_its_subject() -> None:
    text = "The meeting between Vladimir Putin and Recep Erdogan was Monday."
    assert word_date(text, "meeting") == ("2020-01-13", "text")


def test_a_clause_that_describes_a_time_takes_its_date() -> None:
    text = (
        "Paris also witnessed another dramatic robbery on Sunday night when thieves armed with"
        " Kalashnikovs stormed a subsidiary of the rail operator SNCF."
    )
    assert dated(text, "stormed") == ("2020-01-12", "text")


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "On Wednesday tensions seemed to ease until police arrested Mahnefah Gray.",
            "arrested",
            "2020-01-15",
        ),
        (
            "In 1972, after police arrested the burglars, Fred LaRue joined the campaign.",
            "arrested",
            "1972",
        ),
    ],
    ids=["on-wednesday-until", "in-1972-after"],
)
def test_a_time_that_opens_the_sentence_frames_its_clauses(
    text: str, trigger: str, expected: str
) -> None:
    assert dated(text, trigger) == (expected, "text")


def test_an_opening_time_does_not_date_the_object_the_clause_is_about() -> None:
    text = "On Monday, the United Nations condemned the attack on Kismayo."
    assert word_date(text, "attack") == (None, None)


def test_an_opening_time_does_not_frame_past_perfect_background() -> None:
    text = "On Monday, police arrested him because he had attacked a guard."
    assert word_date(text, "attacked") == (None, None)


def test_a_setting_s_time_that_may_belong_to_a_noun_after_it_dates_nothing() -> None:
    text = "Police arrested him in connection with the murder in 2005."
    assert word_date(text, "arrested")[0] != "2005"


def test_a_time_inside_the_sentence_does_not_frame_a_bounded_clause() -> None:
    text = "Fred LaRue joined the campaign in 1972 after police arrested the burglars."
    assert dated(text, "arrested") == (None, None)


def test_a_participle_joined_to_a_past_perfect_shares_it() -> None:
    """ "had moved troops and attacked": both told as before the news; "arrested the man
    and charged him" (no "had") is the news."""
    text = "The United States had moved troops into the Gulf and attacked Iraq."
    assert dated(text, "attacked") == (None, None)
    assert dated("Police arrested the man and charged him.", "charged") == (PUBLISHED, "published")


def test_a_present_perfect_relative_clause_is_a_recent_report() -> None:
    text = "Yvonne Hiller, who has been arrested by police in Philadelphia, is a Muslim."
    assert dated(text, "arrested") == (PUBLISHED, "published")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("He knew that he was going to be shot by the police, the sheriff said.", "shot"),
        ("The Indian navy foiled the pirates' intention of attacking merchant ships.", "attacking"),
    ],
    ids=["going-to", "foiled"],
)
def test_an_event_that_did_not_take_place_takes_no_publication_date(
    text: str, trigger: str
) -> None:
    assert dated(text, trigger) == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "Turkey has sent troops to Idlib in the past month.",
        "Police detained Alexei Navalny in Moscow this week.",
    ],
)
def test_a_span_up_to_the_report_dates_nothing(text: str) -> None:
    trigger = "sent troops" if "sent" in text else "detained"
    assert dated(text, trigger) == (None, None)


def test_a_vague_time_of_a_noun_subject_s_clause_blocks_the_publication_date() -> None:
    text = "Fighting has escalated dramatically in recent days in northwest Syria."
    assert word_date(text, "Fighting") == (None, None)


def test_a_date_in_what_a_charge_is_for_keeps_a_recent_charge_news() -> None:
    text = "Police charged Jose Orozco with murdering a sheriff's deputy on January 3."
    assert dated(text, "charged") == (PUBLISHED, "published")


def test_a_date_years_back_in_what_a_verdict_is_for_makes_it_background() -> None:
    text = "He was jailed for life after a court convicted him of stabbing his wife in 1999."
    assert dated(text, "convicted") == (None, None)


def test_a_date_of_a_participant_s_description_does_not_place_the_event() -> None:
    text = "Police arrested a gang member accused of gunning down a deputy a month ago."
    assert dated(text, "arrested") == (PUBLISHED, "published")


def test_a_future_clause_s_date_does_not_place_a_past_event() -> None:
    text = "Unionists marched on the parliament, where a vote will be held on Thursday."
    assert dated(text, "marched") == (PUBLISHED, "published")


@pytest.mark.parametrize(
    ("text", "word", "date"),
    [
        # the clause tells part of the event its noun names: the noun's date is its own
        (
            "Rudolph has been on the run since the January 1998 bombing of a clinic that"
            " killed an officer.",
            "killed",
            "1998-01",
        ),
        (
            "The protest marked a return to the larger demonstrations of early December, when"
            " thousands of people rallied in Havana.",
            "rallied",
            "2019-12",
        ),
        # the parser may hang the "when" clause on another noun: the time before "when" is
        # what it describes
        (
            "The protest marked a return to the larger demonstrations of early December, when"
            " hundreds of thousands of people rallied in some of Cuba's biggest gatherings"
            " since the triumph of the revolution that brought Castro to power 41 years ago.",
            "rallied",
            "2019-12",
        ),
        ("In 1998, when the police arrested him, the group protested.", "arrested", "1998"),
    ],
)
def test_a_relative_clause_takes_the_date_of_the_event_noun_it_describes(
    text: str, word: str, date: str
) -> None:
    assert word_date(text, word) == (date, "text")


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("He also is charged in three attacks.", "charged", (None, None)),
        ("Bin Laden, who is accused of masterminding the attack, fled.", "accused", (None, None)),
        # a progressive or a present perfect still reports what is news now
        ("Police said the man is being held in Nairobi.", "held", (PUBLISHED, "published")),
        ("The man has been charged with murder.", "charged", (PUBLISHED, "published")),
    ],
)
def test_a_simple_present_passive_is_a_standing_state_not_dated_by_publication(
    text: str, word: str, expected: tuple[str | None, str | None]
) -> None:
    assert word_date(text, word) == expected


@pytest.mark.parametrize(
    ("text", "word", "date"),
    [
        # published on a Friday: a meeting told in the simple present is scheduled, on the
        # coming Monday; told in the past, it was on the last one
        ("He and Arafat meet separately Monday with the envoy.", "meet", "1998-05-04"),
        ("He and Arafat met separately Monday with the envoy.", "met", "1998-04-27"),
    ],
)
def test_a_bare_weekday_of_a_simple_present_is_the_coming_one(
    text: str, word: str, date: str
) -> None:
    assert word_date(text, word, "1998-05-01") == (date, "text")


def test_an_act_told_in_the_simple_present_passive_is_going_on() -> None:
    # "are shelled" is no status the act left: the shelling goes on as the report is written
    text = "Officials said the cities of the region are shelled every night."
    assert word_date(text, "shelled") == (PUBLISHED, "published")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The bombings on Aug. 7 killed 259 people in the two capitals.", "1998-08-07"),
        ("The attack on Monday killed three soldiers near the border.", "1998-08-17"),
    ],
)
def test_a_verb_whose_subject_names_the_event_has_the_subjects_time(text: str, date: str) -> None:
    killed = [e for e in code(text, published="1998-08-20") if e.type == "ASSAULT"]
    assert [(e.date, e.date_from) for e in killed] == [(date, "text")]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Police fired on the crowd when protesters marched on the palace on Monday.", "fired"),
        (
            "Slepian was shot in his home shortly after he returned from synagogue on Monday.",
            "shot",
        ),
    ],
)
def test_a_clause_at_the_same_time_lends_its_date_to_the_main_one(text: str, trigger: str) -> None:
    assert dated(text, trigger) == ("2020-01-13", "text")


def test_a_clause_the_event_only_follows_lends_no_date() -> None:
    text = "Police arrested Alexei Navalny after he fled the scene on Monday."
    assert dated(text, "arrested")[0] != "2020-01-13"


def test_a_planned_event_takes_the_time_it_is_scheduled_for() -> None:
    # planned by the participle ("set for"), hence an AGREE: the future recoding
    text = "The issue is expected to dominate a NATO summit set for Washington in April."
    [summit] = [e for e in code(text, PUBLISHED) if e.trigger == "summit"]
    assert (summit.type, summit.modality) == ("AGREE", "planned")
    assert (summit.date, summit.date_from) == ("2020-04", "text")


def test_a_time_after_a_compared_party_is_that_party_s_not_the_event_s() -> None:
    # "after Egypt in 1979": Egypt's elided establishing, not the Gulf states'
    text = (
        "The two Gulf states are the third and fourth Arab countries to establish diplomatic"
        " relations with Israel, after Egypt in 1979 and Jordan in 1994."
    )
    assert word_date(text, "establish")[0] != "1979"
    assert word_date("Kim met Putin in Vladivostok in April 2019.", "met") == ("2019-04", "text")


@pytest.mark.parametrize(
    ("text", "trigger", "date"),
    [
        ("Israel seized the Golan Heights in the 1967 war.", "seized", "1967"),
        ("Iraq invaded Kuwait during the 1990 crisis.", "invaded", "1990"),
    ],
)
def test_a_period_the_clause_happens_within_dates_it(text: str, trigger: str, date: str) -> None:
    assert dated(text, trigger) == (date, "text")


def test_a_crime_a_clause_is_about_does_not_date_it() -> None:
    # "in the 2019 shooting": in connection with it, the arrest is not dated 2019
    text = "Kenyan police arrested two men in the 2019 shooting."
    assert dated(text, "arrested") == (PUBLISHED, "published")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Police have arrested the activist more than a dozen times.", "arrested"),
        ("Rebels repeatedly attacked the convoy near Kabul.", "attacked"),
        ("Three times, gunmen attacked the clinic.", "attacked"),
        ("Police had arrested suspects in only four cases.", "arrested"),
    ],
)
def test_an_act_told_as_done_several_times_takes_no_publication_date(text: str, word: str) -> None:
    assert word_date(text, word) == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "The guard was hit several times by the robbers.",  # blows in one attack
        "Police arrested the activist on the march.",
    ],
)
def test_one_act_keeps_its_publication_date(text: str) -> None:
    word = "hit" if "hit" in text else "arrested"
    assert word_date(text, word) == (PUBLISHED, "published")


def test_a_blast_s_own_date_dates_what_it_did() -> None:
    assert dated("The Jan. 7 blast killed 12 people in the market.", "killed") == (
        "2020-01-07",
        "text",
    )


def test_a_participle_on_the_object_of_a_verb_takes_the_verb_s_date() -> None:
    text = (
        "Last Friday, a group of scientists sent letters to the Interior Department "
        "urging the government to overturn the rule."
    )
    assert word_date(text, "urging") == ("2020-01-10", "text")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Earlier, the demand had been refused by the Taliban government.", "refused"),
        ("Police previously arrested the man in Denver.", "arrested"),
    ],
)
def test_an_act_placed_before_the_news_takes_no_publication_date(text: str, word: str) -> None:
    assert word_date(text, word) == (None, None)


def test_earlier_on_a_day_is_that_day() -> None:
    assert word_date("Police arrested the man earlier on Tuesday.", "arrested") == (
        "2020-01-14",
        "text",
    )


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Nearly 200 Israeli soldiers have been killed since 1985.", "killed"),
        ("Investigators have been searching for Kopp since the Oct. 23 slaying.", "searching"),
    ],
)
def test_a_perfect_tally_since_a_bound_has_no_one_date(text: str, trigger: str) -> None:
    # neither the bound nor the publication day is when it happened
    assert dated(text, trigger) == (None, None)
    # without the bound the perfect is a recent report
    assert dated("Police have arrested 20 people.", "arrested") == (PUBLISHED, "published")


def test_a_duration_on_an_event_noun_tells_how_long_not_when() -> None:
    # "a two-day visit" leaves the visit a recent report, dated by the publication
    text = "The German defence minister, ending a two-day visit to Poland, said it was ready."
    assert dated(text, "visit") == (PUBLISHED, "published")


def test_a_time_between_subject_and_verb_dates_the_verb() -> None:
    # the parse hangs "on Monday" on "police"; news style dates the firing
    text = "Kenyan police on Monday fired tear gas at opposition supporters in Kisumu."
    assert dated(text, "fired") == ("2020-01-13", "text")


def test_an_infinitive_of_purpose_takes_the_time_of_its_clause() -> None:
    text = "Turkey opened its border in March 2020 in a move to demand EU support."
    assert word_date(text, "demand") == ("2020-03", "text")


def test_talks_a_trip_was_made_for_are_held_at_the_trips_time() -> None:
    text = "The French foreign minister arrived in Kenya on Tuesday for talks with President Ruto."
    events = code(text, published="2024-03-14")
    assert [(e.trigger, e.date) for e in events] == [
        ("arrived", "2024-03-12"),
        ("talks", "2024-03-12"),
    ]


def test_a_participle_describing_a_party_as_it_was_then_dates_the_event() -> None:
    text = "Two aid workers were abducted by gunmen wearing military uniforms in August 2016."
    assert dated(text, "abducted") == ("2016-08", "text")


def test_a_past_participle_describing_a_party_tells_an_earlier_time() -> None:
    text = "A man accused of fraud in August 2016 was arrested in Lagos."
    assert dated(text, "arrested")[0] != "2016-08"


def test_a_when_clause_dates_each_of_its_joined_predicates() -> None:
    text = (
        "Senator John Marsh denied the charges until April 2003, when he appeared before a "
        "federal judge in Boston and pleaded guilty to bribery."
    )
    assert dated(text, "pleaded") == ("2003-04", "text")


def test_a_joined_predicate_shares_the_since_bound_of_the_first() -> None:
    text = "Since 2014, Russia has annexed Crimea and backed separatists in eastern Ukraine."
    assert dated(text, "backed")[0] is None


def test_an_opening_participle_clause_dates_its_main_clause() -> None:
    text = "Speaking in Kyiv on Monday, Zelensky accused Russia of war crimes."
    date, source = dated(text, "accused")
    assert source == "text" and date is not None
    after = "Zelensky accused Russia of war crimes, speaking in Kyiv on Monday."
    assert dated(after, "accused")[1] != "text"  # what follows may come after it
