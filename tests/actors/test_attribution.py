"""Attribution cues, one kind per test, on sentences written for the tests."""

import threading

import pytest
from tests.actors.conftest import analyse_text

pytestmark = pytest.mark.slow


def _sources(doc) -> list[str | None]:
    return [a.source.key if a.source else None for a in doc.attributions]


def test_capital_said(analyse) -> None:
    doc = analyse("The two leaders met on Friday, Beijing said.")
    assert "country:CHN" in _sources(doc)


def test_agency_said_in_dispatch(analyse) -> None:
    doc = analyse("The minister arrived on Monday, KCNA news agency said in a short dispatch.")
    cues = [a for a in doc.attributions if a.source and a.source.key == "media:kcna"]
    assert cues and "said" in cues[0].cue


def test_ministry_said_on_twitter(analyse) -> None:
    doc = analyse("The Russian foreign ministry said on Twitter that talks had begun.")
    assert "org:RUS:foreign ministry" in _sources(doc)


def test_according_to(analyse) -> None:
    doc = analyse("Ten people died in the blast, according to Xinhua.")
    found = [a for a in doc.attributions if a.cue.startswith("according to")]
    assert found and found[0].source.key == "media:xinhua"


def test_told(analyse) -> None:
    doc = analyse("Vladimir Putin told reporters the deal was close.")
    assert "person:vladimir putin" in _sources(doc)


def test_pronoun_takes_the_previous_source(analyse) -> None:
    doc = analyse(
        "Tass said the talks had started. It said they would last two days. "
        "Chinese President Xi Jinping said trade mattered. He added that peace came first."
    )
    sources = _sources(doc)
    assert sources.count("media:tass") == 2
    assert sources.count("person:xi jinping") == 2


def test_bare_noun_takes_the_named_body(analyse) -> None:
    doc = analyse(
        "The Japanese defence ministry reported a launch. The ministry said in a statement "
        "that no damage was done."
    )
    assert _sources(doc).count("org:JPN:defence ministry") == 2


def _finishes(work, seconds: float = 60.0) -> bool:
    """Whether `work` returns: run in a daemon thread, so a loop that never ends fails the
    test instead of hanging the suite (a guard, not a speed check)."""
    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(seconds)
    return not thread.is_alive()


def test_cue_inside_a_word_is_no_cue() -> None:
    # "citing" inside "exciting": the search once climbed from the next word to the root
    # and never stopped there (spaCy makes a new Token on every access)
    text = "The exciting, long match ended on Friday, officials said."
    found: list = []
    assert _finishes(lambda: found.append(analyse_text(text)))
    assert not [a for a in found[0].attributions if "citing" in a.cue]


def test_cue_before_the_root_climbs_to_the_root(analyse) -> None:
    doc = analyse("Citing Xinhua, the minister said ten people had died.")
    assert any(a.cue.lower().startswith("citing") for a in doc.attributions)
