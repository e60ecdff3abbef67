"""The declared per-article stages: the shipped declarations are consistent (what each stage
requires is given or assigned before it, as spaCy's ``analyze_pipes`` checks), a broken one
is reported, and the runner runs the stages in order, or up to a named one."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from crosswire import nlp, stages
from crosswire.model import Article, Scope, TimeExpr
from crosswire.stages import ARTICLE, SECTION, ArticleState, Declaration, Stage

PUBLISHED = "2020-01-16"  # a Thursday


def test_the_shipped_declarations_are_consistent() -> None:
    assert ARTICLE.problems() == []
    assert SECTION.problems() == []


def test_a_stage_before_what_it_requires_is_reported() -> None:
    early = Declaration((ARTICLE["mentions"], ARTICLE["events"], ARTICLE["times"]))
    assert early.problems() == [
        "mentions requires times, which no stage before assigns",
        "events requires times, attributions, scope, which no stage before assigns",
    ]


def test_a_section_without_its_given_attributions_is_reported() -> None:
    alone = Declaration(SECTION.stages)  # the article's given fields only
    assert alone.problems() == [
        "events requires attributions, scope, which no stage before assigns"
    ]


def test_misnamed_fields_and_functions_are_reported() -> None:
    typo = Stage("mentions", "crosswire.actors:find_mention", ("doc", "artcle"), "mentions")
    nowhere = Stage("quotes", "crosswire.nowhere:find_quotes", ("doc",), "quote")
    assert Declaration((typo, nowhere)).problems() == [
        "mentions: artcle is no field of ArticleState",
        "mentions: no function crosswire.actors:find_mention",
        "quotes: quote is no field of ArticleState",
        "quotes: no function crosswire.nowhere:find_quotes",
    ]


def test_a_second_stage_of_a_name_and_a_reassigned_parse_are_reported() -> None:
    reparse = Stage("mentions", "crosswire.nlp:load_nlp", ("text",), "doc")
    assert Declaration((ARTICLE["times"], ARTICLE["mentions"], reparse)).problems() == [
        "mentions: a second stage of that name",
        "mentions assigns doc, which is given",
    ]


def test_an_unknown_stage_name_says_which_are_declared() -> None:
    with pytest.raises(
        KeyError, match="no stage 'entities'; declared: times, mentions, attributions"
    ):
        ARTICLE.up_to("entities")


def test_a_stage_calls_what_its_module_holds_when_it_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    # looked up by name at each run, so a function replaced in its module is the one called
    found: list[TimeExpr] = []
    calls: list[tuple[str, str | None]] = []

    def stand_in(text: str, published: str | None) -> list[TimeExpr]:
        calls.append((text, published))
        return found

    monkeypatch.setattr("crosswire.timex.find_times", stand_in)
    article = Article(id="t", text="Talks on Friday.", path="t.txt", published=PUBLISHED)
    state = ArticleState(article, Doc(Vocab(), words=["Talks", "on", "Friday", "."]))
    ARTICLE["times"](state)
    assert calls == [("Talks on Friday.", PUBLISHED)]  # the required fields, in order
    assert state.times is found


@pytest.mark.slow
def test_the_runner_stops_after_the_stage_named() -> None:
    text = "Norway's foreign minister met Pekka Haavisto in Oslo on Monday, the ministry said."
    article = Article(id="t", text=text, path="t.txt", published=PUBLISHED)
    doc = next(nlp.parse([text]))
    prefix = stages.run(ArticleState(article, doc), until="scope")
    assert prefix.mentions and prefix.attributions and prefix.times
    assert prefix.events == []
    whole = stages.run(ArticleState(article, doc))
    assert [e.type for e in whole.events] == ["CONSULT"]
    assert whole.mentions == prefix.mentions and whole.times == prefix.times


@pytest.mark.slow
def test_captions_are_coded_apart_and_dated_from_their_day() -> None:
    caption = "Protesters marched through Manhattan on Tuesday."
    article = Article(
        id="c", text="Talks went on.", path="c.txt", published=PUBLISHED, captions=[caption]
    )
    in_scope = Scope(language="en", document=1.0, english=1)  # an article in scope as a whole
    captions = next(nlp.parse([article.caption_text]))
    coded = stages.caption_events(captions, article, [], in_scope)
    assert [(e.type, e.section, e.date) for e in coded] == [("PROTEST", "caption", "2020-01-14")]
    assert caption[coded[0].start : coded[0].end] == coded[0].trigger
