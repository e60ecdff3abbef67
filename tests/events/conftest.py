"""Shared helper for the events tests: run the per-article stages on one text and code it."""

from __future__ import annotations

from crosswire import actors, nlp, timex
from crosswire.events import code_events
from crosswire.model import Article, EventMention


def code(text: str, published: str = "2020-01-16") -> list[EventMention]:
    """The event mentions the coder finds in `text`, published on `published`."""
    article = Article(id="t", text=text, path="t.txt", published=published)
    doc = next(nlp.parse([text]))
    mentions = actors.find_mentions(doc, article)
    times = timex.find_times(text, article.published)
    attributions = actors.find_attributions(doc, article, mentions)
    return code_events(doc, article, mentions, times, attributions)
