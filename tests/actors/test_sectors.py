"""Sectors from head nouns, their modifiers and coordinated country words: small texts
written for these tests."""

import pytest

pytestmark = pytest.mark.slow


def _found(doc) -> dict[str, tuple[str, str | None, str | None]]:
    return {m.text: (m.type, m.actor.country, m.actor.sector) for m in doc.mentions}


def test_the_people_are_the_last_word_after_its_modifiers(analyse) -> None:
    doc = analyse("Angry Spanish dock workers blocked the port on Tuesday.")
    assert _found(doc)["Spanish dock workers"] == ("GROUP", "ESP", "LAB")


def test_a_demonym_tagged_as_a_person_still_heads_a_state_body(analyse) -> None:
    doc = analyse("The president has banned Kenyan opposition groups from the vote.")
    groups = [m for m in doc.mentions if m.text.startswith("Kenyan opposition")]
    assert groups and (groups[0].actor.country, groups[0].actor.sector) == ("KEN", "OPP")


def test_a_capital_followed_by_a_body_is_that_state_s_body(analyse) -> None:
    doc = analyse("Aid deliveries improved as the Nairobi government sought support.")
    assert _found(doc)["Nairobi government"] == ("ORG", "KEN", "GOV")


def test_coordinated_country_words_share_the_head(analyse) -> None:
    doc = analyse("Dutch and Belgian troops crossed the river on Monday.")
    found = _found(doc)
    assert found["Belgian troops"] == ("GROUP", "BEL", "MIL")
    dutch = next(m for m in doc.mentions if m.text == "Dutch")
    assert (dutch.type, dutch.actor.country, dutch.actor.sector) == ("GROUP", "NLD", "MIL")
    assert dutch.actor.key != next(m for m in doc.mentions if m.text == "Belgian troops").actor.key


def test_a_country_word_listed_before_a_plain_country_keeps_no_sector(analyse) -> None:
    doc = analyse("Talks between Norway and Sweden resumed in Oslo.")
    assert _found(doc)["Norway"] == ("COUNTRY", "NOR", None)
