"""The growth corpus's worlds: names rewritten in place, so an analysis's offsets hold."""

from __future__ import annotations

from tests.stories.factory import ROJAS, analysis, article

from growth_corpus import Cipher

TEXT = "Ana Rojas met the Harbour Board in Valparaiso on Monday. She said 400 ships came."


def test_a_world_rewrites_names_in_place_and_keeps_common_words() -> None:
    world, other = Cipher(3), Cipher(4)
    text = world.text(TEXT)
    assert len(text) == len(TEXT) and text != other.text(TEXT)
    assert " met the " in text and " She said 400 ships came." in text  # stop words stay
    assert "Rojas" not in text and "Valparaiso" not in text


def test_a_worlds_actors_match_its_text() -> None:
    world = Cipher(3)
    item = article("a", TEXT)
    found = analysis(item, ROJAS)
    found.mentions[0].start, found.mentions[0].end = 0, 9  # "Ana Rojas"
    found.mentions[0].text = "Ana Rojas"
    moved = world.analysis(found, "w3")
    [mention] = moved.mentions
    assert world.text(TEXT)[mention.start : mention.end] == mention.text
    assert mention.actor.key == "person:" + mention.text.lower()
    assert moved.article_id == "w3"
