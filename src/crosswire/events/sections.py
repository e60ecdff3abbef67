"""Headlines are coded too, but marked ``section="headline"``: a headline states the story
in few words, often without tense or articles, so its events are kept apart from the text's
(the stories stage prefers the main text for dates and counts)."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc

from crosswire import actors, timex
from crosswire.events.coder import code_events
from crosswire.model import Article, EventMention


def title_in_text(article: Article) -> bool:
    """Some formats keep the headline as the text's first line."""
    return bool(article.title) and article.text.startswith(article.title or "")


def mark_headline(article: Article, events: list[EventMention]) -> None:
    """Events coded from a headline that opens the text are marked as headline events; their
    offsets already point into the title, which is the text's first characters."""
    if not title_in_text(article):
        return
    end = len(article.title or "")
    for event in events:
        if event.section == "body" and event.start < end:
            event.section = "headline"
            event.sentence_end = min(event.sentence_end, end)


def headline_events(doc: Doc, article: Article) -> list[EventMention]:
    """The events of a headline kept apart from the text (`doc` is the title's parse), with
    offsets into `article.title`."""
    headline = dataclasses.replace(article, text=doc.text)
    mentions = actors.find_mentions(doc, headline)
    times = timex.find_times(doc.text, article.published)
    coded = code_events(doc, headline, mentions, times, [])
    for event in coded:
        event.section = "headline"
    return coded
