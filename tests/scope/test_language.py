"""Which sentences are read as English: a page's own language unless a long enough sentence
clearly says otherwise; short pages read as English."""

from __future__ import annotations

from crosswire.scope.language import is_english, page_language
from crosswire.settings import ScopeSettings

GERMAN = "Der Außenminister traf seinen französischen Amtskollegen in Paris zu Gesprächen."
ENGLISH = "The foreign minister met his French counterpart in Paris for talks on the crisis."
LONG_GERMAN_PAGE = " ".join([GERMAN] * 4)


def test_a_german_sentence_on_an_english_page_is_not_english() -> None:
    assert not is_english(GERMAN, "en")
    assert is_english(ENGLISH, "en")


def test_an_english_sentence_on_a_german_page_is_english() -> None:
    assert is_english(ENGLISH, "de")
    assert not is_english(GERMAN, "de")


def test_a_short_line_keeps_its_page_language() -> None:
    assert is_english("Sign up", "en")
    assert not is_english("Sign up", "de")


def test_the_page_language_is_the_article_s_or_guessed() -> None:
    assert page_language("de", LONG_GERMAN_PAGE) == "de"
    assert page_language(None, LONG_GERMAN_PAGE) == "de"
    assert page_language(None, " ".join([ENGLISH] * 4)) == "en"


def test_a_short_page_is_read_as_english_whatever_was_guessed() -> None:
    assert page_language("tl", "The rebels in Mindanao disarmed.") == "en"


def test_nigerian_pidgin_guesses_are_read_as_english() -> None:
    assert page_language("pcm", " ".join([ENGLISH] * 4)) == "en"


def test_the_lengths_and_probabilities_are_settings() -> None:
    assert page_language("de", LONG_GERMAN_PAGE, ScopeSettings(page_min_chars=10_000)) == "en"
    assert is_english(GERMAN, "en", ScopeSettings(other_language_confidence=1.0))
    assert not is_english(ENGLISH, "de", ScopeSettings(english_likelihood=1.0))
    assert is_english(GERMAN, "en", ScopeSettings(sentence_min_chars=1_000))
