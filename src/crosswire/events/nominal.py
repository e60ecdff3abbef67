"""Event nouns: a noun that matches a pattern (data/events/nouns.yaml) and the actors
its phrase names ("talks between A and B", "Ireland's demand", "a hunger strike by
prisoners"), or a support verb's subject ("teachers began a hunger strike")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from crosswire.events.arguments import arguments
from crosswire.events.attributes import places
from crosswire.events.context import Context
from crosswire.events.data import frames
from crosswire.events.event import build
from crosswire.events.participants import actors_of, actors_under, is_country, unique
from crosswire.events.patterns import Pattern, noun_patterns
from crosswire.events.syntax import PHONE_WORDS
from crosswire.model import ActorRef, EventMention


def code_noun(noun: Token, sentence: Span, context: Context) -> EventMention | None:
    """The event of the first of the noun's patterns whose words and actors are there
    ("talks between A and B", "a hunger strike by prisoners")."""
    patterns = noun_patterns().get(noun.lemma_.lower()) or noun_patterns().get(noun.lower_, ())
    for pattern in patterns:
        if not _noun_fits(noun, pattern):
            continue
        subjects, targets = noun_roles(noun, pattern, context)
        if not subjects and not targets:
            continue
        if pattern.requires_actor_pair and not (subjects and targets):
            continue
        found = places(noun, context, [noun])
        return build(
            noun, pattern, sentence, context, unique(subjects), unique(targets), found, [noun]
        )
    return None


def _noun_fits(noun: Token, pattern: Pattern) -> bool:
    """The pattern's modifier is on the noun ("hunger strike"), a phone call is one."""
    if pattern.object and not any(
        c.dep_ in {"compound", "amod"} and c.lemma_.lower() in pattern.object for c in noun.children
    ):
        return False
    return (
        not pattern.requires_phone
        or any(t.lower_ in PHONE_WORDS for t in noun.subtree if t.i != noun.i)
        or noun.lower_ in PHONE_WORDS - {"call"}
    )


def noun_roles(
    noun: Token, pattern: Pattern, context: Context
) -> tuple[list[ActorRef], list[ActorRef]]:
    """(subjects, targets): the noun's owner or first participant ("Ireland's demand",
    "talks between A and B"), else a support verb's subject; the other participants and
    the actors of its target prepositions."""
    participants: list[ActorRef] = []
    targets: list[ActorRef] = []
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in pattern.participant_preps:
            participants += actors_under(prep, context)
        if prep.dep_ == "prep" and prep.lower_ in pattern.target_preps:
            targets += actors_under(prep, context)
    owners = [
        a
        for c in noun.children
        if c.dep_ == "poss" or (c.dep_ in {"amod", "compound"} and is_country(c, context))
        for a in actors_of(c, context)
    ]
    parties = [p.lower_ for p in noun.children if p.dep_ == "prep"]
    if participants and all(p == "by" for p in parties if p in pattern.participant_preps):
        return owners + participants, targets  # "an inquiry by A and B": both do it
    subjects = owners + participants[:1] or _support_subjects(noun, context)
    return subjects, targets + participants[1:]


def _support_subjects(noun: Token, context: Context) -> list[ActorRef]:
    """'Teachers began a hunger strike': the subject of a support verb is the noun's actor."""
    verb = noun.head
    if noun.dep_ not in {"dobj", "obj"} or verb.lemma_.lower() not in frames().support_verbs:
        return []
    return arguments(verb, context)[0]
