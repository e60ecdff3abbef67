"""Events named by a noun in a French sentence without a verb: a headline or a caption
("Attaque des rebelles contre un convoi de l'armée au Mali", "Bombardements russes sur
Kharkiv"). The doer is the noun's complement with one of its source prepositions ("des
rebelles", "par la Pologne") or the nationality adjective on it ("russes"); the one acted
on its complement with a target preposition ("contre un convoi"). In a sentence with a
verb the noun is left to the verb: there it is mostly background ("après l'attaque")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from crosswire.actors.keys import fold
from crosswire.events.fr import arguments
from crosswire.events.fr.actors import Resolver, country_ref
from crosswire.events.fr.data import NounTrigger, nouns
from crosswire.events.fr.dates import event_date
from crosswire.model import ActorRef, Article, EventMention

VERB_TAGS = frozenset({"VERB", "AUX"})
NOUN_TAGS = frozenset({"NOUN", "PROPN"})
NOUN_DEPS = frozenset({"nmod", "obl", "obl:mod", "obl:arg", "obl:agent"})
# A "verb" that modifies a noun (a participle, or an adjective the small model took for a
# verb: "diplomates russes") does not make the sentence report its own event
MODIFIER_DEPS = frozenset({"acl", "amod"})


def code_nouns(sentence: Span, resolver: Resolver, article: Article) -> list[EventMention]:
    """The events a verbless sentence's event nouns name."""
    if any(t.pos_ in VERB_TAGS and t.dep_ not in MODIFIER_DEPS for t in sentence):
        return []
    return [
        _coded(token, noun, sentence, resolver, article)
        for token in sentence
        if token.pos_ in NOUN_TAGS and (noun := _noun(token)) is not None
    ]


def _noun(token: Token) -> NounTrigger | None:
    table = nouns()
    return table.get(token.lemma_.lower()) or table.get(token.lower_.rstrip("s"))


def _coded(
    token: Token, noun: NounTrigger, sentence: Span, resolver: Resolver, article: Article
) -> EventMention:
    source, partners = _source(token, noun, resolver)
    target = _first(token, noun.target_preps, resolver)
    if target is None and noun.reciprocal and partners:
        target = partners[0]
    when, date_from = event_date(token, article.published, "asserted")
    start, end = arguments.trimmed(sentence)
    participants = {a.key: a for a in (source, target, *partners) if a is not None}
    return EventMention(
        article_id=article.id,
        type=noun.type,
        start=token.idx,
        end=token.idx + len(token.text),
        sentence_start=start,
        sentence_end=end,
        mode=noun.mode,
        cameo=noun.cameo,
        source=source,
        target=target,
        participants=list(participants.values()),
        date=when,
        date_from=date_from,
        trigger=token.text,
    )


def _source(
    token: Token, noun: NounTrigger, resolver: Resolver
) -> tuple[ActorRef | None, list[ActorRef]]:
    """The doer, and for a meeting the others coordinated with it ("entre A et B")."""
    for complement in _complements(token, noun.source_preps):
        actor = resolver.actor(complement)
        if actor is not None:
            others = [a for c in complement.conjuncts if (a := resolver.actor(c)) is not None]
            return actor, [a for a in others if a.key != actor.key]
    code = resolver.nationality(token)
    return (country_ref(code) if code else None), []


def _first(token: Token, preps: frozenset[str], resolver: Resolver) -> ActorRef | None:
    for complement in _complements(token, preps):
        actor = resolver.actor(complement) or resolver.owner(complement)
        if actor is not None:
            return actor
    return None


def _complements(token: Token, preps: frozenset[str]) -> list[Token]:
    """The noun's complements with one of `preps`, and those the small parser hung from
    its own complements or modifiers ("des rebelles contre un convoi": "contre" under
    "rebelles"), nearest first."""
    wanted = {arguments.preposition(p) for p in preps}
    near = list(token.children)
    near += [g for c in near if c.dep_ in NOUN_DEPS | MODIFIER_DEPS for g in c.children]
    return [
        c
        for c in near
        if c.dep_ in NOUN_DEPS
        and any(
            g.dep_ == "case" and fold(arguments.preposition(g.text)) in {fold(w) for w in wanted}
            for g in c.children
        )
    ]
