"""Quote styles and speakers, on sentences written for the tests."""

import pytest

pytestmark = pytest.mark.slow


def test_straight_quotes_with_speaker(analyse) -> None:
    doc = analyse('"We will not give up our rights," Iranian President Hassan Rouhani said.')
    assert len(doc.quotes) == 1
    assert doc.quotes[0].text.startswith("We will not")
    assert doc.quotes[0].speaker.key == "person:hassan rouhani"


def test_curly_double_quotes(analyse) -> None:
    doc = analyse("Angela Merkel said: “Europe must stand together in this crisis.”")
    assert doc.quotes[0].speaker.key == "person:angela merkel"


def test_single_curly_quotes_and_apostrophes(analyse) -> None:
    doc = analyse(
        "‘We’ll be ready when the time comes, and that’s certain,’ Emmanuel Macron told reporters."
    )
    assert len(doc.quotes) == 1
    assert doc.quotes[0].text.startswith("We’ll be ready")
    assert doc.quotes[0].speaker.key == "person:emmanuel macron"


def test_split_quote_keeps_its_speaker(analyse) -> None:
    doc = analyse(
        "Justin Trudeau spoke after the vote. ‘This is a good day for all of us’, he added. "
        "‘Nobody should doubt our resolve on this question.’"
    )
    assert len(doc.quotes) == 2
    assert {q.speaker.key for q in doc.quotes} == {"person:justin trudeau"}


def test_scare_quotes_are_not_statements(analyse) -> None:
    doc = analyse("The plan was called a ‘breakthrough’ by the press.")
    assert doc.quotes == []
