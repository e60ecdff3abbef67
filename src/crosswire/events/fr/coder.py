"""The French coder: each sentence's predicates matched against the French triggers
(data/events/fr/triggers.yaml), with source and target from the parse (`arguments`),
negation and modality (`attributes`) and the date (`dates`). The article is parsed with
the French pipeline (`crosswire.nlp.load_french`, loaded on the first French article) in a
memory zone of its own: no French Doc outlives the call, the events are plain data."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span, Token

from crosswire.actors.keys import fold
from crosswire.events.fr import arguments
from crosswire.events.fr.actors import Resolver
from crosswire.events.fr.attributes import modality, negated
from crosswire.events.fr.data import Trigger, by_lemma, grammar
from crosswire.events.fr.dates import event_date
from crosswire.model import ActorRef, Article, EventMention, Place
from crosswire.nlp import load_french

PREDICATE_TAGS = frozenset({"VERB"})
# A participle used as an adjective ("le village attaqué") describes, it does not report;
# a "verb" the small parser makes a subject or object is a noun ("le manifestant")
NOT_PREDICATES = frozenset(
    {"amod", "acl", "fixed", "case", "nsubj", "nsubj:pass", "obj", "iobj", "nmod", "appos"}
    | {"obl", "obl:arg", "obl:mod", "obl:agent"}
)


def code_events(article: Article) -> list[EventMention]:
    """Zero or more coded events per sentence of the French `article`."""
    nlp = load_french()
    with nlp.memory_zone():
        doc = nlp(article.text)
        resolver = Resolver.of(doc, _day(article.published))
        return [
            event
            for sentence in doc.sents
            for token in sentence
            if (event := code_predicate(token, sentence, resolver, article)) is not None
        ]


def code_predicate(
    verb: Token, sentence: Span, resolver: Resolver, article: Article
) -> EventMention | None:
    """The event a predicate reports, or None (no trigger, or no trigger's constraints
    hold)."""
    if verb.pos_ not in PREDICATE_TAGS or verb.dep_ in NOT_PREDICATES:
        return None
    trigger = _matching(verb, resolver)
    if trigger is None:
        return None
    found = arguments.roles(verb, trigger, resolver)
    if trigger.requires_target and found.target is None:
        return None
    mood = modality(verb)
    kind, cameo, mode = trigger.type, trigger.cameo, trigger.mode
    recode = grammar().future_recode.get(kind)
    if mood == "planned" and recode is not None:
        kind, cameo, mode = recode.type, recode.cameo, None
    when, date_from = event_date(verb, article.published, mood)
    start, end = _trimmed(sentence)
    participants = _distinct([found.source, found.target, *found.partners])
    return EventMention(
        article_id=article.id,
        type=kind,
        start=verb.idx,
        end=verb.idx + len(verb.text),
        sentence_start=start,
        sentence_end=end,
        mode=mode,
        cameo=cameo,
        source=found.source,
        target=found.target,
        participants=participants,
        location=_location(verb, resolver),
        date=when,
        date_from=date_from,
        negated=negated(verb),
        modality=mood,
        trigger=verb.text,
    )


def _matching(verb: Token, resolver: Resolver) -> Trigger | None:
    """The first trigger of the verb's lemma whose constraints hold."""
    obj = arguments.direct_object(verb)
    for trigger in by_lemma().get(verb.lemma_.lower(), ()):
        if trigger.reflexive and not arguments.reflexive(verb):
            continue
        if trigger.object is not None and (obj is None or fold(obj.lemma_) not in _folded(trigger)):
            continue
        if trigger.complement is not None and not _sentenced(verb, trigger.complement):
            continue
        if trigger.object_types is not None:
            if arguments.object_kind(verb, resolver) not in trigger.object_types:
                continue
        if trigger.content_preps and not (
            arguments.complements(verb, trigger.content_preps)
            or any(c.dep_ == "xcomp" for c in verb.children)
        ):
            continue
        return trigger
    return None


def _sentenced(verb: Token, words: frozenset[str]) -> bool:
    """Whether a word of the verb's "à" complement (on the verb or, as the small parser
    often hangs it, on its object) is one of `words`."""
    obj = arguments.direct_object(verb)
    found = arguments.complements(verb, frozenset({"à"}))
    if obj is not None:
        found += arguments.complements(obj, frozenset({"à"}), arguments.NOUN_COMPLEMENTS)
    return any(t.lemma_.lower() in words for c in found for t in c.subtree)


def _folded(trigger: Trigger) -> frozenset[str]:
    return frozenset(fold(word) for word in trigger.object or ())


def _location(verb: Token, resolver: Resolver) -> Place | None:
    """A place the verb happens in ("à Ankara", "au Mali"), named by the NER."""
    for complement in arguments.complements(verb, frozenset({"à", "au", "en", "dans"})):
        entity = next((e for e in verb.doc.ents if e.start <= complement.i < e.end), None)
        if entity is not None and entity.label_ == "LOC":
            actor = resolver.entity_actor(entity)
            return Place(entity.text, actor.country if actor else None)
    return None


def _distinct(actors: list[ActorRef | None]) -> list[ActorRef]:
    seen: dict[str, ActorRef] = {}
    for actor in actors:
        if actor is not None and actor.key not in seen:
            seen[actor.key] = actor
    return list(seen.values())


def _trimmed(sentence: Span) -> tuple[int, int]:
    text = sentence.text
    return (
        sentence.start_char + len(text) - len(text.lstrip()),
        sentence.end_char - (len(text) - len(text.rstrip())),
    )


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published) if published else None
    except ValueError:
        return None
