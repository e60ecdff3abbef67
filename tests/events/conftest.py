"""Shared helper for the events tests: run the per-article stages on one text and code it."""

from __future__ import annotations

from spacy.tokens import Token

from crosswire import nlp, pipeline, stages
from crosswire.events.coder import proposals
from crosswire.events.context import Context, article_context
from crosswire.events.triggers import code_learned
from crosswire.model import Article, EventMention


def code(text: str, published: str = "2020-01-16") -> list[EventMention]:
    """The event mentions the coder finds in `text`, published on `published`."""
    article = Article(id="t", text=text, path="t.txt", published=published)
    state = stages.ArticleState(article, next(nlp.parse([text])))
    return stages.run(state, until="events").events


def only_one(text: str, type_: str) -> EventMention:
    """The one event of `type_` the coder finds in `text`, asserted to be one."""
    events = [e for e in code(text) if e.type == type_]
    assert len(events) == 1, [(e.type, e.source, e.target) for e in code(text)]
    return events[0]


def word_in_context(text: str, word: str) -> tuple[Token, Context]:
    """The first token `word` of `text` and the article's context, after the stages
    before events."""
    article = Article(id="t", text=text, path="t.txt", published="2020-01-16")
    state = stages.run(stages.ArticleState(article, next(nlp.parse([text]))), until="scope")
    context = article_context(state.doc, article, state.mentions, state.times, state.attributions)
    return next(t for t in state.doc if t.text == word), context


def headline_events(title: str) -> list[EventMention]:
    """The events coded in an article whose only news is its headline `title`."""
    article = Article(
        id="t",
        title=title,
        text="More details were not immediately available.",
        path="t",
        published="2024-01-15",
    )
    [analysis] = pipeline.analyse_articles([article])
    return analysis.events


def proposed(text: str, published: str = "2020-01-16") -> list[EventMention]:
    """What the patterns alone code in `text` (before the learned decision and before
    content is folded in): for tests of what the patterns set, such as modality."""
    article = Article(id="t", text=text, path="t.txt", published=published)
    state = stages.run(stages.ArticleState(article, next(nlp.parse([text]))), until="scope")
    context = article_context(state.doc, article, state.mentions, state.times, state.attributions)
    return [event for sentence in state.doc.sents for _, event in proposals(sentence, context)]


def built(text: str, word: str, type_: str) -> EventMention:
    """The event the learned decision's `type_` at the first token `word` builds (its
    arguments found as a pattern's would be), asserted to be one."""
    article = Article(id="t", text=text, path="t.txt", published="2020-01-16")
    state = stages.run(stages.ArticleState(article, next(nlp.parse([text]))), until="scope")
    context = article_context(state.doc, article, state.mentions, state.times, state.attributions)
    token = next(t for t in state.doc if t.text == word)
    event = code_learned(token, type_, context.sentence_of(token), context)
    assert event is not None
    return event
