"""Shared helper for the events tests: run the per-article stages on one text and code it."""

from __future__ import annotations

from crosswire import nlp, stages
from crosswire.model import Article, EventMention


def code(text: str, published: str = "2020-01-16") -> list[EventMention]:
    """The event mentions the coder finds in `text`, published on `published`."""
    article = Article(id="t", text=text, path="t.txt", published=published)
    state = stages.ArticleState(article, next(nlp.parse([text])))
    return stages.run(state, until="events").events
