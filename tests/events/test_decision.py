"""The learned decision combined with the patterns, on sentences written for the tests."""

from __future__ import annotations

import numpy as np
import pytest
from tests.events.conftest import code, word_in_context

from crosswire import nlp, stages
from crosswire.events.coder import proposals
from crosswire.events.context import article_context
from crosswire.events.decision import said_as
from crosswire.events.learned import learned_pattern
from crosswire.events.model import event_model
from crosswire.events.nominal import noun_roles
from crosswire.events.triggers import code_learned
from crosswire.model import Article

SPORTS = "Russia beat Croatia 3-1 in the World Cup quarter-final on Saturday."


def _proposed(text: str) -> list[tuple[str, str]]:
    """(trigger word, type) of what the patterns alone code in the first sentence."""
    article = Article(id="t", text=text, path="t.txt", published="2021-03-02")
    state = stages.run(stages.ArticleState(article, next(nlp.parse([text]))), until="scope")
    context = article_context(state.doc, article, state.mentions, state.times, state.attributions)
    sentence = next(iter(state.doc.sents))
    return [(token.text, event.type) for token, event in proposals(sentence, context)]


def test_a_trigger_in_a_sports_sense_is_not_coded() -> None:
    assert ("beat", "ASSAULT") in _proposed(SPORTS)  # the pattern fires on the word
    assert code(SPORTS) == []  # the model finds no event in that sense


def test_the_same_trigger_in_its_violent_sense_is_coded() -> None:
    events = code("Soldiers beat the prisoners in a jail near Kabul on Monday.")
    assert [(e.type, e.trigger) for e in events] == [("ASSAULT", "beat")]


def test_a_passive_strike_on_a_person_is_an_assault_not_a_labour_strike() -> None:
    events = code("The opposition leader was struck twice in the back in Kabul.")
    assert [(e.type, e.trigger) for e in events] == [("ASSAULT", "struck")]


def test_a_support_verb_carrying_a_coded_event_adds_no_event_of_its_own() -> None:
    events = code("For weeks the communist government has held such rallies almost daily.")
    assert [(e.type, e.trigger) for e in events] == [("PROTEST", "rallies")]
    events = code("Police held the suspect for two days.")  # a detention, its own event
    assert [(e.type, e.trigger) for e in events] == [("COERCE", "held")]


def test_verdicts_follow_the_thresholds() -> None:
    model = event_model()
    none = model.classes.index("none")
    sure = [0.0] * len(model.classes)
    sure[model.classes.index("ASSAULT")] = 1.0
    unsure = [0.0] * len(model.classes)
    unsure[none] = 1.0
    assert model.verdict(np.array(sure), None) == "ASSAULT"
    assert model.verdict(np.array(unsure), None) is None
    assert model.verdict(np.array(unsure), "PROTEST") is None  # no event: dropped
    assert model.verdict(np.array(sure), "ASSAULT") == "ASSAULT"
    assert model.verdict(np.array(unsure), "CONSULT", nominal=True) == "CONSULT"  # noun pattern


def test_a_noun_that_says_something_is_no_event_the_model_may_find() -> None:
    text = "Russian military sources said the convoy was attacked."
    article = Article(id="t", text=text, path="t.txt", published="2020-01-16")
    state = stages.run(stages.ArticleState(article, next(nlp.parse([text]))), until="scope")
    context = article_context(state.doc, article, state.mentions, state.times, state.attributions)
    sources = next(t for t in state.doc if t.text == "sources")
    assert code_learned(sources, "ASSAULT", sources.sent, context) is None
    assert noun_roles(sources, learned_pattern(sources, "ASSAULT"), context)[0]  # it names one


def test_a_verb_that_says_an_event_began_adds_no_event_of_its_own() -> None:
    events = code("The officer drew his pistol and started firing at the teenager.")
    assert [e.trigger for e in events if e.type == "ASSAULT"] == ["firing"]


def test_a_verb_of_saying_is_never_an_act_of_force() -> None:
    doc = next(nlp.parse(["Two rebel commanders told AFP by phone on Sunday."]))
    told = next(t for t in doc if t.text == "told")
    assert said_as(told, "ASSAULT") and said_as(told, "COERCE")
    assert not said_as(told, "ACCUSE") and not said_as(told, "REQUEST")


@pytest.mark.parametrize(
    ("text", "word", "kept"),
    [
        (
            "When Patrick walked into the back of the room, the women turned around.",
            "walked",
            False,
        ),
        ("Israel and Egypt sat down in Cairo on Monday.", "sat", True),
        ("Abbas sat down with Netanyahu in Cairo on Monday.", "sat", True),
    ],
)
def test_a_meeting_no_pattern_codes_needs_two_sides(text: str, word: str, kept: bool) -> None:
    token, context = word_in_context(text, word)
    event = code_learned(token, "CONSULT", token.sent, context)
    assert (event is not None) == kept


@pytest.mark.parametrize(
    "text",
    [
        "Israeli strikes on Rafah killed at least 35 people.",
        "Russian strikes on Kharkiv killed five people on Monday.",
    ],
)
def test_the_noun_that_did_a_coded_harm_is_no_event_of_another_type(text: str) -> None:
    assert [e.type for e in code(text)] == ["ASSAULT"]
