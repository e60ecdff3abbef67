"""Whose an act or a thing is (`crosswire.events.owners`). Sentences written for the tests."""

from __future__ import annotations

import pytest

from crosswire import nlp, stages
from crosswire.events.context import article_context
from crosswire.events.owners import act_doers
from crosswire.model import Article


def doers(text: str, noun: str) -> list[str]:
    """The names of the doers `act_doers` finds for the first token `noun` in `text`."""
    article = Article(id="t", text=text, path="t.txt", published="2020-01-16")
    state = stages.run(stages.ArticleState(article, next(nlp.parse([text]))), until="scope")
    context = article_context(state.doc, article, state.mentions, state.times, state.attributions)
    token = next(t for t in state.doc if t.text == noun)
    return [a.name for a in act_doers(token, context)]


@pytest.mark.parametrize(
    ("text", "noun", "names"),
    [
        ("Russia's attack on Kyiv began at dawn.", "attack", ["Russia"]),
        ("Israeli strikes on Gaza continued.", "strikes", ["Israel"]),
        ("A Hamas attack killed three people.", "attack", ["Hamas"]),
        ("The arrest by Kenyan police was filmed.", "arrest", ["Kenyan police"]),
        ("The EU decision angered Tehran.", "decision", ["European Union"]),
        # a person or a place written before an act says when or where, not who
        ("The Gaza shelling went on.", "shelling", []),
    ],
)
def test_an_acts_doers_are_its_owner_or_its_by_phrase(
    text: str, noun: str, names: list[str]
) -> None:
    assert doers(text, noun) == names
