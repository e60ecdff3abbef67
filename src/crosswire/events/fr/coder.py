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
from crosswire.events.fr.actors import Resolver, singular
from crosswire.events.fr.attributes import modality, negated
from crosswire.events.fr.attribution import attributed_to
from crosswire.events.fr.data import Trigger, by_lemma, grammar
from crosswire.events.fr.dates import event_date
from crosswire.events.fr.nouns import code_nouns
from crosswire.events.fr.predicates import predicate
from crosswire.model import ActorRef, Article, EventMention, Place
from crosswire.nlp import load_french


def code_events(article: Article) -> list[EventMention]:
    """Zero or more coded events per sentence of the French `article`."""
    nlp = load_french()
    with nlp.memory_zone():
        doc = nlp(article.text)
        resolver = Resolver.of(doc, _day(article.published))
        return [
            event
            for sentence in doc.sents
            for event in _sentence_events(sentence, resolver, article)
        ]


def _sentence_events(sentence: Span, resolver: Resolver, article: Article) -> list[EventMention]:
    """The events of the sentence's predicates, or of its nouns where it has no verb."""
    verbs = [
        event
        for token in sentence
        if (event := code_predicate(token, sentence, resolver, article)) is not None
    ]
    return verbs + code_nouns(sentence, resolver, article)


def code_predicate(
    token: Token, sentence: Span, resolver: Resolver, article: Article
) -> EventMention | None:
    """The event a predicate reports, or None (no predicate, no trigger, or no trigger's
    constraints hold)."""
    found_predicate = predicate(token)
    if found_predicate is None:
        return None
    verb = found_predicate.clause
    trigger = _matching(verb, found_predicate.lemma, resolver)
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
    start, end = arguments.trimmed(sentence)
    participants = _distinct([found.source, found.target, *found.partners])
    return EventMention(
        article_id=article.id,
        type=kind,
        start=token.idx,
        end=token.idx + len(token.text),
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
        attributed_to=attributed_to(verb, sentence, resolver),
        trigger=token.text,
    )


def _matching(verb: Token, lemma: str, resolver: Resolver) -> Trigger | None:
    """The first trigger of the predicate's lemma whose constraints hold."""
    objects = _object_words(verb)
    for trigger in by_lemma().get(lemma, ()):
        if trigger.reflexive and not arguments.reflexive(verb):
            continue
        if trigger.object is not None and not objects & _folded(trigger):
            continue
        if trigger.complement is not None and not _sentenced(verb, trigger.complement):
            continue
        kinds = trigger.object_types
        if kinds is not None and arguments.object_kind(verb, resolver) not in kinds:
            continue
        if trigger.content_preps and not (
            arguments.complements(verb, trigger.content_preps)
            or any(c.dep_ == "xcomp" for c in verb.children)
        ):
            continue
        return trigger
    return None


def _sentenced(verb: Token, words: frozenset[str]) -> bool:
    """Whether one of `words` is in an "à" phrase of the verb's clause ("à sept ans de
    prison"), wherever the small parser hangs that phrase (the verb, its object, a noun
    it took for a verb)."""
    for token in verb.subtree:
        if token.lemma_.lower() not in words:
            continue
        path = [token, *(a for a in token.ancestors if a.i != verb.i and verb.is_ancestor(a))]
        if any(
            arguments.preposition(c.text) == "à"
            for t in path
            for c in t.children
            if c.dep_ == "case"
        ):
            return True
    return False


def _object_words(verb: Token) -> set[str]:
    """The direct object's lemma and written singular; with no object, those of a noun
    right after the verb that the small parser made its head ("ont fait grève" parsed as
    "grève" governing "fait")."""
    obj = arguments.direct_object(verb)
    if obj is None and verb.head.i == verb.i + 1 and verb.head.pos_ in {"NOUN", "ADJ"}:
        obj = verb.head
    return {fold(obj.lemma_), singular(fold(obj.text))} if obj is not None else set()


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


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published) if published else None
    except ValueError:
        return None
