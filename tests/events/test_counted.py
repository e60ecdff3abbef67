"""People stated only by their number (issue 19, arguments): a bare count as the subject or
object of an event is those people; a count with an "of" phrase is the actors it names; a
year, a sum or a count of things is no one. Sentences written for the tests."""

from __future__ import annotations

from tests.events.conftest import code, word_in_context

from crosswire.events.counted import counted_people


def _events(text: str, type_: str) -> list[tuple[str | None, str | None]]:
    return [
        (e.source.name if e.source else None, e.target.name if e.target else None)
        for e in code(text)
        if e.type == type_
    ]


def _counted(text: str, word: str) -> list[str]:
    token, context = word_in_context(text, word)
    return [a.name for a in counted_people(token, context)]


def test_a_bare_number_of_people_is_acted_on() -> None:
    found = _events("Kenyan police arrested 26 in Nairobi on Monday.", "COERCE")
    assert found and found[0][1] == "26"


def test_a_noun_of_a_great_number_is_people() -> None:
    found = _events("Hundreds were arrested by Kenyan police in Nairobi on Monday.", "COERCE")
    assert found and found[0][1] == "Hundreds"
    assert _counted("Dozens gathered outside the ministry.", "Dozens") == ["Dozens"]


def test_a_count_with_an_of_phrase_is_the_actors_it_names() -> None:
    found = _events("Two of the attackers were arrested by Kenyan police on Monday.", "COERCE")
    assert found and "attackers" in (found[0][1] or "")
    assert _counted("Two of the boats sank.", "Two") == []


def test_a_number_that_is_a_thing_or_a_date_is_no_one() -> None:
    assert _counted("Robbers crashed a 4x4 into the store.", "4x4") == []
    assert _counted("The army arrested him in 2019.", "2019") == []
    assert _counted("The court fined him 500 dollars.", "500") == []


def test_a_sum_after_a_currency_word_is_no_one() -> None:
    # wire copy writes the currency before the amount: a sum, not 50 million people
    assert _counted("The minister requested dlrs 50 million in aid.", "million") == []
    assert _counted("Gunmen killed 50 in Kano.", "50") == ["50"]
