"""Names in headline-cased lines keep only the words the body confirms: small texts
written for these tests."""

import pytest

from crosswire.actors.headline_names import confirmed_names, headline_lines
from crosswire.actors.repair import Candidate

TITLE = "Mayor Ann Berwick Quits Over Budget Row\nThe mayor, Ann Berwick, said on Monday she quits."
CAPITALS = (
    "TRIAL DATE SET FOR LANGDALE MURDER ACCUSED\n"
    "A trial date was set for a man from Langdale, the court said."
)


def test_title_case_and_all_capital_lines_are_headline_lines() -> None:
    assert headline_lines(TITLE) == [(0, TITLE.index("\n"))]
    assert headline_lines(CAPITALS) == [(0, CAPITALS.index("\n"))]
    assert headline_lines("The mayor said on Monday she quits.") == []


def test_a_headline_name_ends_at_a_word_the_body_writes_in_lower_case() -> None:
    start = TITLE.index("Ann")
    end = TITLE.index(" Over")
    names = confirmed_names(TITLE, [Candidate(start, end, "PERSON")])
    assert [c.text(TITLE) for c in names] == ["Ann Berwick"]


def test_all_capital_headline_keeps_only_the_words_the_body_capitalises() -> None:
    start = 0
    end = CAPITALS.index(" MURDER")
    names = confirmed_names(CAPITALS, [Candidate(start, end, "ORG")])
    assert [c.text(CAPITALS) for c in names] == ["LANGDALE"]


def test_words_the_body_writes_apart_are_two_names() -> None:
    text = "Berwick Thanks Okafor\nOn Monday, Berwick met Okafor. She thanks him."
    names = confirmed_names(text, [Candidate(0, text.index("\n"), "PERSON")])
    assert [c.text(text) for c in names] == ["Berwick", "Okafor"]


def test_given_names_only_the_headline_writes_stay_before_the_surname() -> None:
    text = "Tomasz Pawel Kowalczyk Flees Prison Van\nOn Monday, Kowalczyk fled from a van."
    names = confirmed_names(text, [Candidate(0, text.index(" Flees"), "PERSON")])
    assert [c.text(text) for c in names] == ["Tomasz Pawel Kowalczyk"]
    later = confirmed_names(text, [Candidate(0, text.index(" Prison"), "PERSON")])
    assert [c.text(text) for c in later] == ["Tomasz Pawel Kowalczyk"]


def test_a_generation_after_the_name_stays_with_it() -> None:
    text = "Tomasz Kowalczyk Jr. Flees Prison Van\nOn Monday, Kowalczyk fled from a van."
    names = confirmed_names(text, [Candidate(0, text.index(" Flees"), "PERSON")])
    assert [c.text(text) for c in names] == ["Tomasz Kowalczyk Jr."]


def test_a_text_in_capitals_throughout_keeps_its_names() -> None:
    text = "MAYOR ANN BERWICK QUITS\nMAYOR ANN BERWICK SAID ON MONDAY SHE QUITS OVER THE BUDGET."
    cand = Candidate(text.index("ANN"), text.index(" QUITS"), "PERSON")
    assert confirmed_names(text, [cand]) == [cand]


def test_names_outside_headline_lines_and_lexicon_names_are_kept() -> None:
    body_name = Candidate(TITLE.index("Ann Berwick,"), TITLE.index(", said"), "PERSON")
    added = Candidate(0, TITLE.index(" Over"), "PERSON", "added")
    assert confirmed_names(TITLE, [body_name, added]) == [body_name, added]


@pytest.mark.slow
def test_headline_verb_is_no_part_of_the_person_later_mentions_link_to(analyse) -> None:
    doc = analyse(
        "Senate Aide Walt DeMarco Dies at 75\n"
        "Walt DeMarco, a senate aide who served a prison term, has died. DeMarco was 75."
    )
    assert "person:walt demarco dies" not in doc.keys("PERSON")
    assert doc.find("DeMarco").actor.key == "person:walt demarco"
