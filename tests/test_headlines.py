"""Title-case headlines parsed as sentences (issue 19): recased as the body writes each word,
parsed, and the parse laid back onto the words as written. Headlines written for the tests."""

from __future__ import annotations

import pytest
from tests.events.conftest import headline_events

from crosswire import headlines, nlp, pipeline
from crosswire.model import Article

TITLE = "Sacked Guard Kills Two Women at Chicago Warehouse: Police"
BODY = (
    "A security guard who had been sacked shot two women at a warehouse in Chicago on "
    "Monday, police said. The guard was arrested at the scene."
)


def test_a_title_case_line_is_told_from_a_sentence_and_from_capitals() -> None:
    assert headlines.title_case(TITLE)
    assert not headlines.title_case("Sacked guard kills two women at a Chicago warehouse")
    assert not headlines.title_case("GUARD KILLS TWO WOMEN IN CHICAGO")
    assert not headlines.title_case("Guard Arrested")  # too few words to tell


def test_a_headline_takes_the_casing_its_body_gives_each_word() -> None:
    cased = headlines.sentence_cased(TITLE, BODY)
    assert cased == "Sacked guard kills two women at Chicago warehouse: Police"
    assert headlines.sentence_cased("Sacked guard kills two women in Chicago", BODY) is None


def test_acronyms_and_countries_the_body_does_not_show_stay_as_written() -> None:
    cased = headlines.sentence_cased("UN Envoy Meets Rebel Leaders in Kenya", "The envoy met.")
    assert cased == "UN envoy meets rebel leaders in Kenya"


def test_the_recased_parse_is_laid_onto_the_headline_as_written() -> None:
    cased = headlines.sentence_cased(TITLE, BODY)
    assert cased is not None
    doc = headlines.as_written(next(nlp.parse([cased])), TITLE)
    assert doc.text == TITLE
    by_word = {t.text: t for t in doc}
    assert by_word["Kills"].pos_ == "VERB" and by_word["Kills"].lemma_ == "kill"
    assert by_word["Guard"].pos_ == "NOUN" and by_word["Guard"].dep_ == "nsubj"


def test_a_headline_parsed_apart_is_parsed_in_sentence_case() -> None:
    article = Article(id="t", text=BODY, path="t.txt", title=TITLE, published="2020-01-16")
    headline = pipeline.parse_articles([article])[0].headline
    assert headline is not None and headline.text == TITLE
    assert [t.pos_ for t in headline if t.text in {"Guard", "Kills", "Women"}] == [
        "NOUN",
        "VERB",
        "NOUN",
    ]


def test_title_case_lines_of_a_text_are_recased_by_its_other_lines() -> None:
    text = f"{TITLE}\n{BODY}\nGuard Had Been Sacked Last Week\nHe had worked there."
    recased = headlines.recased_lines(text)
    assert recased is not None and len(recased) == len(text)
    lines = recased.split("\n")
    assert lines[0] == "Sacked guard kills two women at Chicago warehouse: Police"
    assert lines[1] == BODY and lines[3] == "He had worked there."
    assert lines[2] == "Guard had been sacked last week"
    assert headlines.recased_lines(BODY) is None


def test_a_headline_opening_the_text_is_parsed_in_sentence_case() -> None:
    article = Article(id="t", text=f"{TITLE}\n{BODY}", path="t.txt", published="2020-01-16")
    doc = pipeline.parse_articles([article])[0].text
    assert doc.text == article.text
    assert [t.pos_ for t in doc[:8] if t.text in {"Guard", "Kills", "Women"}] == [
        "NOUN",
        "VERB",
        "NOUN",
    ]


@pytest.mark.parametrize(
    ("title", "word", "lemma"),
    [
        ("EU sanctions Russian oligarchs over Ukraine war", "sanctions", "sanction"),
        ("Court sentences opposition leader to ten years", "sentences", "sentence"),
        ("Pakistan summons Afghan envoy over border clashes", "summons", "summon"),
        ("Houthis attack cargo ship in Red Sea", "attack", "attack"),  # "Houthis" an ADJ
        # a verb the parse left with neither subject nor object, read in the past
        ("Mali junta expels French ambassador", "expels", "expel"),
    ],
)
def test_a_headline_with_no_verb_or_a_stranded_one_reads_its_verb_as_one(
    title: str, word: str, lemma: str
) -> None:
    read = headlines.verbal_reading(next(nlp.parse([title])), lambda w: w == lemma)
    token = next(t for t in read if t.text == word)
    assert (token.pos_, token.lemma_) == ("VERB", lemma)
    assert read.text == title  # the words as written


def test_a_noun_phrase_headline_keeps_its_nouns() -> None:
    title = "US sanctions on Iran"
    read = headlines.verbal_reading(next(nlp.parse([title])), lambda w: w == "sanction")
    assert [t.pos_ for t in read if t.text == "sanctions"] == ["NOUN"]


def test_a_verbless_headline_parsed_apart_codes_its_event() -> None:
    events = headline_events("EU sanctions Russian oligarchs over Ukraine war")
    assert [(e.type, e.section) for e in events] == [("SANCTION", "headline")]


@pytest.mark.parametrize(
    ("lemma", "pasts"),
    [
        ("sanction", ["sanctioned"]),
        ("ban", ["banned"]),
        ("seize", ["seized"]),
        ("deny", ["denied"]),
        ("expel", ["expeled", "expelled"]),  # the stress decides: both are tried
        ("visit", ["visited", "visitted"]),
    ],
)
def test_the_past_forms_tried_for_a_headline_verb(lemma: str, pasts: list[str]) -> None:
    assert headlines._pasts(lemma) == pasts
