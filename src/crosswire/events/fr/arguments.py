"""Source and target of a French predicate from its Universal Dependencies parse: the
subject of an active verb (``nsubj``) and its object (``obj``) or prepositional complement
(``obl``/``iobj`` with "avec", "à", "contre", ... as the trigger allows); for a passive
(``nsubj:pass``) the agent ("par": ``obl:agent``) and the subject. A verb that shares its
subject with the verb it depends on ("a décidé d'attaquer", "s'est rendu à Pékin et a
rencontré ...") takes that verb's subject."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from crosswire.actors.keys import fold
from crosswire.events.fr.actors import Resolver
from crosswire.events.fr.data import Trigger
from crosswire.model import ActorRef

SUBJECTS = frozenset({"nsubj"})
PASSIVE_SUBJECTS = frozenset({"nsubj:pass"})
OBJECTS = frozenset({"obj"})
COMPLEMENTS = frozenset({"obl", "obl:arg", "obl:mod", "iobj"})
# Verbs whose subject an infinitive or a conjoined verb shares
SHARED = frozenset({"xcomp", "conj"})
REFLEXIVE = frozenset({"se", "s'", "s’", "me", "nous", "vous"})
# The key prefix of an actor -> its kind, as the triggers' object_types name them
KINDS = {"person": "PERSON", "country": "COUNTRY", "org": "ORG", "group": "GROUP"}
KINDS |= {"agent": "AGENT", "place": "PLACE", "media": "ORG"}


@dataclass(frozen=True, slots=True)
class Roles:
    source: ActorRef | None
    target: ActorRef | None
    partners: tuple[ActorRef, ...] = ()  # coordinated with the source ("A et B")


def passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "aux:pass" for c in verb.children)


def reflexive(verb: Token) -> bool:
    return any(c.lower_ in REFLEXIVE and c.pos_ == "PRON" for c in verb.children)


def direct_object(verb: Token) -> Token | None:
    found = [c for c in verb.children if c.dep_ in OBJECTS and c.lower_ not in REFLEXIVE]
    return found[0] if found else None


def complements(verb: Token, preps: frozenset[str]) -> list[Token]:
    """The verb's prepositional complements introduced by one of `preps` ("avec X")."""
    return [
        c
        for c in verb.children
        if c.dep_ in COMPLEMENTS
        and any(g.dep_ == "case" and fold(g.text) in {fold(p) for p in preps} for g in c.children)
    ]


def roles(verb: Token, trigger: Trigger, resolver: Resolver) -> Roles:
    """Who acts and who is acted on, as the trigger reads the verb's dependents."""
    if passive(verb):
        agents = [c for c in verb.children if c.dep_ == "obl:agent"]
        subject = _subject(verb, PASSIVE_SUBJECTS)
        source = resolver.actor(agents[0]) if agents else None
        return Roles(source, resolver.actor(subject) if subject is not None else None)
    subject = _subject(verb, SUBJECTS)
    source = resolver.actor(subject) if subject is not None else None
    partners = tuple(
        a for c in (subject.conjuncts if subject is not None else ()) if (a := resolver.actor(c))
    )
    target = _target(verb, trigger, resolver)
    if target is None and trigger.reciprocal and partners:
        target, partners = partners[0], partners[1:]
    if target is None and trigger.reciprocal:
        target = _person_after(verb, resolver, source)
    if trigger.host:
        source, target = target, source  # the guest visits: the host is the target
    return Roles(source, target, partners)


def object_kind(verb: Token, resolver: Resolver) -> str | None:
    """The kind of actor the direct object is (PERSON, COUNTRY, AGENT, ...), or None."""
    obj = direct_object(verb)
    actor = resolver.actor(obj) if obj is not None else None
    return KINDS.get(actor.key.split(":", 1)[0]) if actor else None


def _target(verb: Token, trigger: Trigger, resolver: Resolver) -> ActorRef | None:
    obj = direct_object(verb)
    if obj is not None and trigger.target_object and trigger.object is None:
        actor = resolver.actor(obj)
        if actor is not None:
            return actor
    for complement in complements(verb, trigger.target_preps):
        actor = resolver.actor(complement)
        if actor is not None:
            return actor
    if obj is not None and trigger.object is not None:
        # "a signé un accord avec X" is handled above; "un accord de paix avec X"
        for complement in complements(obj, trigger.target_preps):
            actor = resolver.actor(complement)
            if actor is not None:
                return actor
    return None


def _person_after(verb: Token, resolver: Resolver, source: ActorRef | None) -> ActorRef | None:
    """The first person named after a meeting verb in its sentence, for a parse that lost
    the object ("a rencontré mardi à Ankara son homologue turc Hakan Fidan": the small
    model hangs the name from the place): the other side of a meeting is named after it."""
    for entity in verb.doc.ents:
        if entity.label_ != "PER" or entity.start <= verb.i or entity.end > verb.sent.end:
            continue
        actor = resolver.entity_actor(entity)
        if actor is not None and (source is None or actor.key != source.key):
            return actor
    return None


def _subject(verb: Token, deps: frozenset[str]) -> Token | None:
    """The verb's own subject, else that of the verb it shares its subject with."""
    top = verb
    for _ in range(3):
        found = [c for c in top.children if c.dep_ in deps]
        if found:
            return found[0]
        if top.dep_ not in SHARED or top.head.i == top.i:
            return None
        top = top.head
        deps = SUBJECTS  # the governing verb is active: "a décidé d'être reçu" is rare
    return None
