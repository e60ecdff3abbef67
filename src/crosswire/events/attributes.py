"""What an event carries besides its actors: its place, its date, whom the sentence
attributes it to, and the numbers it counts (killed, arrested, ...)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from crosswire.events.context import Context
from crosswire.events.data import modality
from crosswire.events.dates import (
    clause_dating,
    dated_elsewhere,
    recent_report,
    sentence_date,
)
from crosswire.events.modality import modality_of
from crosswire.events.patterns import Pattern
from crosswire.events.syntax import direct_object, own_tokens, passive_subject
from crosswire.model import ActorRef, DateFrom, Place

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
    """The event's date in the exported form (`contract_date`) and where it comes from
    (`crosswire.events.dates`): a time expression attached to its own words, else one its
    sentence applies to it ("text"); else, for a recent report, the publication date
    ("published"), unless the article places it elsewhere in time (`dated_elsewhere`). A
    time expression of its own that fixes no date ("recently", "for
    years", "Monday" with no publication date to resolve it) leaves it undated."""
    own = clause_dating(heads, context)
    fixed = next((d.date for d in own if d.date is not None), None)
    if fixed is not None:
        return fixed, "text"
    if own:
        return None, None
    shared = sentence_date(heads[0], context)
    if shared is not None:
        return shared, "text"
    negated, status, _ = modality_of(heads[0])
    if negated and heads[0].lemma_.lower() in modality().acceptances:
        status = "asserted"  # "will not accept": a refusal stated now (`stance`: REJECT)
    published = context.article.published
    if not published or not recent_report(heads[0], status):
        return None, None
    if not dated_elsewhere(heads[0], context, published):
        return published, "published"
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
