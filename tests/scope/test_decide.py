"""The scope stage in the declared pipeline: a page in another language gets no English
coding at all (the Dutch "met" the coder would read as a meeting), a mixed page loses only
its foreign sentences, a sports page loses the "beat" the patterns read as an assault, a
technology page loses the "attacks" of its hackers, a political page keeps its events; the
decisions are stored with the analysis."""

from __future__ import annotations

import pytest

from crosswire import events, nlp, stages
from crosswire.events.coder import proposals
from crosswire.events.context import article_context
from crosswire.model import Analysis, Article
from crosswire.settings import DEFAULT, ScopeSettings
from crosswire.stages import ArticleState

DUTCH = (
    "De Nederlandse minister van Buitenlandse Zaken sprak maandag in Den Haag met zijn Duitse"
    " collega over de oorlog in Oekraïne."
)
NORWAY = "Norway's foreign minister met Pekka Haavisto in Oslo on Monday, the ministry said."
ARREST = "Police arrested two protesters outside the ministry on Tuesday."
DUTCH_PAGE = (
    f"{DUTCH} De regering wil de sancties tegen Rusland verder aanscherpen, zei een"
    " woordvoerder. Duizenden demonstranten protesteerden zaterdag in Amsterdam tegen de"
    " maatregelen van het kabinet."
)
SPORTS_PAGE = (
    "Ottawa held on to beat Detroit 4-2 on Saturday night.\n\n"
    "The Senators scored twice in the third period, and their goalie made 31 saves.\n\n"
    "Detroit has now lost five straight games on the road this season, and its coach was"
    " fired on Sunday."
)

# A product page whose sentences read as politics to the coder (attacks on users in two
# countries), its topic given by its title and lead
TECH_TITLE = "Microsoft rushes out emergency patch for Internet Explorer"
TECH_PAGE = (
    "Microsoft released an emergency patch on Tuesday for a flaw in Internet Explorer that"
    " attackers have used to break into computers.\n\n"
    "The company said targeted attacks by hackers against Irish and"
    " American users exploited the bug.\n\n"
    "The update is available through Windows Update, and users should restart their machines"
    " after installing it."
)


def _run(
    text: str, language: str | None = None, title: str | None = None
) -> tuple[ArticleState, list[str]]:
    """The state after every stage, and the types the coder alone finds in the text."""
    article = Article(
        id="t", text=text, path="t.txt", published="2020-01-16", language=language, title=title
    )
    state = stages.run(ArticleState(article, next(nlp.parse([text]))))
    raw = events.code_events(state.doc, article, state.mentions, state.times, state.attributions)
    return state, [e.type for e in raw]


def _patterns(text: str) -> list[str]:
    """The types the verb and noun patterns alone propose, before the learned decision."""
    article = Article(id="t", text=text, path="t.txt", published="2020-01-16")
    state = stages.run(ArticleState(article, next(nlp.parse([text]))), until="scope")
    context = article_context(state.doc, article, state.mentions, state.times, state.attributions)
    return [event.type for s in state.doc.sents for _, event in proposals(s, context)]


@pytest.mark.slow
def test_a_page_in_another_language_gets_no_english_coding() -> None:
    state, raw = _run(DUTCH_PAGE, language="nl")
    assert "CONSULT" in raw  # the Dutch "met" ("with"), read by the English coder
    assert state.events == []
    assert state.scope is not None and state.scope.language == "nl"
    assert {s.scope for s in state.scope.sentences} == {"other-language"}


@pytest.mark.slow
def test_a_mixed_page_loses_only_its_foreign_sentence() -> None:
    text = f"{NORWAY}\n\n{DUTCH}\n\n{ARREST}"
    state, raw = _run(text)
    assert raw.count("CONSULT") == 2
    assert [(e.type, e.trigger) for e in state.events] == [
        ("CONSULT", "met"),
        ("COERCE", "arrested"),
    ]
    assert state.events[0].start < text.index(DUTCH) < state.events[1].start
    assert state.scope is not None
    assert [s.scope for s in state.scope.sentences] == ["in", "other-language", "in"]


@pytest.mark.slow
def test_a_sports_page_loses_the_assault_the_coder_reads_in_beat() -> None:
    state, _ = _run(SPORTS_PAGE)
    assert "ASSAULT" in _patterns(SPORTS_PAGE)  # "beat", as the patterns read it
    assert state.events == []


@pytest.mark.slow
def test_a_technology_page_loses_the_attacks_the_coder_reads_in_it() -> None:
    state, raw = _run(TECH_PAGE, title=TECH_TITLE)
    assert "ASSAULT" in raw
    assert state.events == []


@pytest.mark.slow
def test_a_political_page_keeps_its_events() -> None:
    state, _ = _run(f"{NORWAY}\n\n{ARREST}")
    assert [e.type for e in state.events] == ["CONSULT", "COERCE"]
    assert state.scope is not None and state.scope.document > 0.5


@pytest.mark.slow
def test_the_decisions_are_stored_with_the_analysis() -> None:
    state, _ = _run(f"{NORWAY}\n\n{DUTCH}")
    analysis = state.analysis()
    assert state.scope is not None and analysis.scope == state.scope.sentences
    assert [(s.start, s.end) for s in analysis.scope] == analysis.sentences
    assert Analysis.from_dict(analysis.to_dict()) == analysis
    stored_before = {k: v for k, v in analysis.to_dict().items() if k != "scope"}
    assert Analysis.from_dict(stored_before).scope == []


@pytest.mark.slow
def test_the_language_thresholds_are_the_settings_given_with_the_state() -> None:
    text = f"{NORWAY}\n\n{DUTCH}\n\n{ARREST}"
    article = Article(
        id="t", text=text, path="t.txt", published="2020-01-16", language="en"
    )  # the page is English: its Dutch sentence is judged on its own
    default = stages.run(ArticleState(article, next(nlp.parse([text]))))
    assert default.scope is not None
    assert [s.scope for s in default.scope.sentences][1] == "other-language"
    every_line_short = ScopeSettings(sentence_min_chars=10_000)  # each keeps the page's
    settings = DEFAULT.model_copy(update={"scope": every_line_short})
    state = stages.run(ArticleState(article, next(nlp.parse([text])), settings=settings))
    assert state.scope is not None
    assert "other-language" not in {s.scope for s in state.scope.sentences}
