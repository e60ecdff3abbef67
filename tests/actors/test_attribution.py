"""Attribution cues, one kind per test, on sentences written for the tests."""

import pytest

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
