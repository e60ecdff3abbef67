"""What each *mention* of a disputed event says on the disputed field.

A stored `Contradiction` lists each value with the articles behind it, which hides that
one article can say two things (a "Wednesday" in one sentence and a "Thursday" in the
next). This module goes back to the event's mentions and the article analyses' time
expressions, so a page can show every sentence's own value, with the date each time
expression was resolved to ("Thursday (2018-05-31)").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from crosswire.model import ActorRef, Analysis, Article, Event, EventMention, TimeExpr


@dataclass(slots=True)
class TimeSaid:
    text: str  # as written: "Thursday"
    value: str | None  # what it was resolved to: "2018-05-31"

    def __str__(self) -> str:
        return f"{self.text} ({self.value})" if self.value else self.text


@dataclass(slots=True)
class MentionClaim:
    """One sentence of one article reporting the event, and what it says on the field."""

    article_id: str
    source: str  # "Daily Mail, 2018-05-31"
    url: str | None  # the article's own address, as stored (templates check the scheme)
    section: str
    sentence: str
    value: str  # what this mention says: "2018-05-31", "Oslo", "12", "A – B"
    times: list[TimeSaid]  # time expressions of its sentence, when the field is the date
    said: str  # the value as the sentence puts it: "Thursday (2018-05-31)", else `value`


def mention_value(mention: EventMention, field: str) -> str | None:
    """What one mention says on `field`, as fusion compares it (see stories/fuse.py)."""
    if field == "date":  # the text's own date; a publication date is no claim
        return mention.date if mention.date_from == "text" else None
    if field == "location":
        return mention.location.name if mention.location else None
    if field == "participants":
        names = {a.key: a.name for a in _actors(mention)}
        return " – ".join(sorted(names.values())) if len(names) >= 2 else None
    number = mention.numbers.get(field)
    return None if number is None else str(number)


def _actors(mention: EventMention) -> list[ActorRef]:
    found = [mention.source, mention.target, *mention.participants]
    return [a for a in found if a is not None]


def mention_claims(
    event: Event,
    field: str,
    articles: dict[str, Article],
    analysis_of: Callable[[str], Analysis | None],
    sentence_of: Callable[[Article, EventMention], str],
    label_of: Callable[[Article], str],
) -> list[MentionClaim]:
    """Every mention of `event` that says something on `field`, in article order."""
    claims = []
    for mention in sorted(event.mentions, key=lambda m: (m.article_id, m.section, m.start)):
        value = mention_value(mention, field)
        article = articles.get(mention.article_id)
        if value is None or article is None:
            continue
        times = _times(analysis_of(article.id), mention) if field == "date" else []
        saying = [str(t) for t in times if t.value and t.value.startswith(value)]
        claims.append(
            MentionClaim(
                article_id=article.id,
                source=label_of(article),
                url=article.url,
                section=mention.section,
                sentence=sentence_of(article, mention).strip(),
                value=value,
                times=times,
                said=", ".join(saying) or value,
            )
        )
    return claims


def _times(analysis: Analysis | None, mention: EventMention) -> list[TimeSaid]:
    """The time expressions of the mention's sentence (analysis offsets point into the
    body text only, so a headline or caption mention has none)."""
    if analysis is None or mention.section != "body":
        return []
    inside: list[TimeExpr] = [
        t
        for t in analysis.times
        if mention.sentence_start <= t.start and t.end <= mention.sentence_end
    ]
    return [TimeSaid(t.text, t.value) for t in sorted(inside, key=lambda t: t.start)]


def saying_several(claims: list[MentionClaim]) -> list[tuple[str, list[str]]]:
    """Articles whose own sentences disagree: (source label, what each of them says)."""
    said: dict[str, tuple[str, dict[str, str]]] = {}
    for claim in claims:
        said.setdefault(claim.article_id, (claim.source, {}))[1].setdefault(claim.value, claim.said)
    return [
        (source, [values[v] for v in sorted(values)])
        for source, values in said.values()
        if len(values) > 1
    ]
