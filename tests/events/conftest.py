"""Shared helper for the events tests: run the per-article stages on one text and code it."""

from __future__ import annotations

from crosswire import nlp, stages
from crosswire.events.coder import proposals
from crosswire.events.context import article_context
from crosswire.model import Article, EventMention


def code(text: str, published: str = "2020-01-16") -> list[EventMention]:
    """The event mentions the coder finds in `text`, published on `published`."""
    article = Article(id="t", text=text, path="t.txt", published=published)
    state = stages.ArticleState(article, next(nlp.parse([text])))
    return stages.run(state, until="events").events


def proposed(text: str, published: str = "2020-01-16") -> list[EventMention]:
    """What the patterns alone code in `text` (before the learned decision and before
    content is folded in): for tests of what the patterns set, such as modality."""
    article = Article(id="t", text=text, path="t.txt", published=published)
    state = stages.run(stages.ArticleState(article, next(nlp.parse([text]))), until="times")
    context = article_context(state.doc, article, state.mentions, state.times, state.attributions)
    return [event for sentence in state.doc.sents for _, event in proposals(sentence, context)]
