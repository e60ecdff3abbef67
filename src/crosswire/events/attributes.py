"""What an event carries besides its actors: its place, its date, whom the sentence
attributes it to, and the numbers it counts (killed, arrested, ...)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from crosswire.events.context import Context
from crosswire.events.patterns import Pattern
from crosswire.events.syntax import direct_object, own_tokens, passive_subject
from crosswire.model import ActorRef, DateFrom, Place
from crosswire.timex.values import calendar_day

PLACE_PREPS = {"in", "at", "near", "outside", "inside"}


def places(
    trigger: Token, context: Context, heads: list[Token], direct: bool = False
) -> list[Place]:
    """Places in the event's own words; `direct`: only the trigger's own prepositions
    ("arrived in Canada", not "arrived from the meeting in Canada")."""
    found: list[Place] = []
    for token in own_tokens(heads):
        if direct and token.head.head.i != trigger.i:
            continue
        if token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS | {"into", "to"}:
            mention = context.mention_at(token)
            if mention is not None and mention.type in {"PLACE", "COUNTRY"}:
                found.append(
                    Place(
                        name=mention.actor.name if mention.type == "COUNTRY" else mention.text,
                        country=mention.actor.country,
                    )
                )
    return found


def event_date(heads: list[Token], context: Context) -> tuple[str | None, DateFrom | None]:
    """The date a time expression in the event's own words gives, else the publication
    date; and which of the two it is."""
    spans = sorted((t.idx, t.idx + len(t.text)) for t in own_tokens(heads))
    for time in context.times:
        if time.type not in {"DATE", "TIME"} or not time.value or not time.value[:4].isdigit():
            continue
        if any(start < time.end and time.start < end for start, end in spans):
            day = calendar_day(time.value)  # a day without its clock time; else whole
            return (day.isoformat() if day else time.value), "text"
    if context.article.published:
        return context.article.published, "published"
    return None, None


def attribution(sentence: Span, context: Context) -> ActorRef | None:
    for found in context.attributions:
        if (
            found.sentence_start <= sentence.start_char < found.sentence_end
            or sentence.start_char <= found.sentence_start < sentence.end_char
        ):
            return found.source
    return None


def numbers(trigger: Token, pattern: Pattern) -> dict[str, int]:
    if not pattern.count:
        return {}
    obj = direct_object(trigger) or passive_subject(trigger)
    if obj is None:
        return {}
    for child in obj.children:
        if child.dep_ == "nummod" and child.text.replace(",", "").isdigit():
            return {pattern.count: int(child.text.replace(",", ""))}
    return {}
