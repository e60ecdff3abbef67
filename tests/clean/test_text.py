"""Plain-text cleaning: residue, bullets, captions, datelines, the headline line."""

from __future__ import annotations

import pytest
from tests.clean.scraped import SCRAPED, text_source

from crosswire.clean import describe
from crosswire.clean.text import is_caption, is_residue


def test_scraper_residue_is_removed_and_bullets_kept() -> None:
    article = describe(text_source(SCRAPED))
    assert "Scroll down for video" not in article.text
    assert "Advertisement" not in article.text
    assert "•" not in article.text
    assert "The terminal opened on Wednesday after two weeks of delays." in article.text
    assert "coastlinewire" not in article.text and "Kaynak" not in article.text


def test_captions_are_set_aside() -> None:
    article = describe(text_source(SCRAPED))
    assert article.captions == ["Passengers wait on the new pier on opening day"]
    assert "Passengers wait" not in article.text


@pytest.mark.parametrize(
    ("dateline", "outlet"),
    [
        ("31.05.2018", None),
        ("Harbour Herald (31 May 2018)", "Harbour Herald"),
        ("May 31, 2018", None),
    ],
)
def test_datelines_in_text(dateline: str, outlet: str | None) -> None:
    article = describe(
        text_source(f"Ferry news\n\n{dateline}\n\nThe ferry ran late on Tuesday, officials said.")
    )
    assert article.published == "2018-05-31" and article.outlet == outlet
    assert "2018" not in article.text


def test_a_body_sentence_with_a_date_is_not_a_dateline() -> None:
    body = "Talks ended on 31 May 2018."
    article = describe(text_source(f"Port talks\n\n{body}\n\nBoth sides signed a deal."))
    assert body in article.text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The mayor (left) cuts the ribbon at the new pier on Wednesday", True),
        ("Crowds gather on the quay to watch the first ferry arrive", True),
        ("Fishermen pose for photos", True),  # short, but a picture cue
        ("Schools stay closed", False),  # a sub-heading
        ("The pier will open in May, the harbour master said on Monday", False),
        ("\u2018We are ready\u2019 the captain told reporters at the pier", False),
        ("The ferry left at noon. It reached the island an hour later", False),
    ],
)
def test_caption_detection(line: str, expected: bool) -> None:
    assert is_caption(line) is expected


def test_unpunctuated_prose_and_subheadings_stay_in_the_text() -> None:
    article = describe(
        text_source(
            "Pier opens\n\nThe new pier opened on Wednesday.\n\nWhat comes next\n\n"
            "The second phase will start in May, the harbour master said\n\n"
            "Workers lay the last planks of the pier on Tuesday evening\n\n"
            "The council expects the work to end by autumn.\n"
        )
    )
    assert "What comes next" in article.text
    assert "the harbour master said" in article.text
    assert article.captions == ["Workers lay the last planks of the pier on Tuesday evening"]
    assert article.text.endswith("The council expects the work to end by autumn.")


def test_title_skips_a_leading_dateline() -> None:
    article = describe(text_source("12.03.2024\n\nPier opens\n\nThe new pier opened on Wednesday."))
    assert article.title == "Pier opens" and article.published == "2024-03-12"


@pytest.mark.parametrize(
    "stop",
    ["。", "؟", "।"],  # Chinese and Japanese, Arabic, Hindi
)
def test_full_stops_of_other_scripts_end_paragraphs(stop: str) -> None:
    first, second = f"第一段文字很长很长很长{stop}", f"第二段文字也很长很长很长{stop}"
    article = describe(text_source(f"标题\n\n{first}\n\n{second}\n\nThird one, in English."))
    assert first + "\n\n" + second in article.text  # nothing added, no paragraph taken
    assert article.captions == []  # for a photo caption


def test_a_row_of_links_is_residue_and_a_sentence_with_a_bar_is_not() -> None:
    menu = "Home | World news | Politics | Sign in"
    stories = "Senators call for a new coordinator | Police hunt gunman | Storm hits coast"
    assert is_residue(menu) and is_residue(stories)
    assert not is_residue("The ministry said the talks were useful | and would go on.")
    assert not is_residue("Title of the story | The Daily Paper")
