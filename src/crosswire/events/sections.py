"""Events of the parts of an article that are not its body: the headline and the photo
captions. They are coded like the text (the stage runner, `crosswire.stages`, runs the
section stages on them) and marked here with their ``section``.

A headline states the story in few words, often without tense or articles, so its events are
kept apart from the text's (the stories stage prefers the main text for dates and counts).
Captions are not main text either, but they state facts (and dates) too."""

from __future__ import annotations

from crosswire.model import Article, EventMention, TimeExpr
from crosswire.timex.values import calendar_day


def title_in_text(article: Article) -> bool:
    """Some formats keep the headline as the text's first line."""
    return bool(article.title) and article.text.startswith(article.title or "")


def mark_headline(article: Article, events: list[EventMention]) -> list[EventMention]:
    """`events` (the body's), with those coded from a headline that opens the text marked
    as headline events; their offsets already point into the title, which is the text's
    first characters."""
    if not title_in_text(article):
        return events
    end = len(article.title or "")
    for event in events:
        if event.section == "body" and event.start < end:
            event.section = "headline"
            event.sentence_end = min(event.sentence_end, end)
    return events


def in_headline(events: list[EventMention]) -> list[EventMention]:
    """`events` coded from a headline parsed apart (offsets into `Article.title`), marked."""
    for event in events:
        event.section = "headline"
    return events


def in_captions(events: list[EventMention], times: list[TimeExpr]) -> list[EventMention]:
    """`events` coded from the captions (offsets into `Article.caption_text`, where `times`
    were found), marked ``section="caption"`` and dated from their caption."""
    for event in events:
        event.section = "caption"
        if event.date_from != "text":
            _date_from_caption(event, times)
    return events


def _date_from_caption(event: EventMention, times: list[TimeExpr]) -> None:
    """A caption shows one moment: the one day it names ("... was held in Manhattan, on
    Thursday") is the day of what it reports, even where the parse does not tie the date
    to the event's words."""
    days = {
        day.isoformat()
        for t in times
        if t.type == "DATE" and (day := calendar_day(t.value))
        and event.sentence_start <= t.start and t.end <= event.sentence_end
    }  # fmt: skip
    if len(days) == 1:
        event.date, event.date_from = days.pop(), "text"
