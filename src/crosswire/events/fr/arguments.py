"""Source and target of a French predicate from its Universal Dependencies parse: the
subject of an active verb (``nsubj``) and its object (``obj``) or prepositional complement
(``obl``/``iobj`` with "avec", "à", "contre", ... as the trigger allows); for a passive
(``nsubj:pass``) the agent ("par": ``obl:agent``) and the subject. A verb that shares its
subject with the verb it depends on ("a décidé d'attaquer", "s'est rendu à Pékin et a
rencontré ...") takes that verb's subject."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from crosswire.events.fr.actors import Resolver, a_name, country_ref
from crosswire.events.fr.data import Trigger
from crosswire.model import ActorRef

SUBJECTS = frozenset({"nsubj"})
PASSIVE_SUBJECTS = frozenset({"nsubj:pass"})
OBJECTS = frozenset({"obj"})
COMPLEMENTS = frozenset({"obl", "obl:arg", "obl:mod", "iobj"})
NOUN_COMPLEMENTS = frozenset({"nmod"})
# Verbs whose subject an infinitive or a conjoined verb shares
SHARED = frozenset({"xcomp", "conj"})
FULL_STOPS = frozenset({".", "!", "?", ";"})
REFLEXIVE = frozenset({"se", "s'", "s’", "me", "nous", "vous"})
# The key prefix of an actor -> its kind, as the triggers' object_types name them
KINDS = {"person": "PERSON", "country": "COUNTRY", "org": "ORG", "group": "GROUP"}
KINDS |= {"agent": "AGENT", "place": "PLACE", "media": "ORG"}


@dataclass(frozen=True, slots=True)
class Roles:
    source: ActorRef | None
    target: ActorRef | None
    partners: tuple[ActorRef, ...] = ()  # coordinated with the source ("A et B")


# Contracted prepositions: "au" and "aux" are "à le(s)", "du" and "des" "de le(s)"
CONTRACTED = {"au": "à", "aux": "à", "du": "de", "des": "de", "d'": "de", "d’": "de"}


def preposition(word: str) -> str:
    """A preposition as the triggers name it ("au" -> "à")."""
    lowered = word.lower()
    return CONTRACTED.get(lowered, lowered)


def passive(verb: Token) -> bool:
    """A passive with "être" ("a été attaqué"); a reflexive verb the small parser gives a
    passive subject ("se sont rencontrés") is active."""
    if reflexive(verb):
        return False
    return any(c.dep_ == "aux:pass" for c in verb.children) or (
        "Pass" in verb.morph.get("Voice", [])
        and any(c.dep_ in PASSIVE_SUBJECTS for c in verb.children)
    )


def reflexive(verb: Token) -> bool:
    return any(c.lower_ in REFLEXIVE and c.pos_ == "PRON" for c in verb.children)


def direct_object(verb: Token) -> Token | None:
    """What the verb acts on: its object, or the subject of its passive."""
    deps = PASSIVE_SUBJECTS if passive(verb) else OBJECTS
    found = [c for c in verb.children if c.dep_ in deps and c.lower_ not in REFLEXIVE]
    # a noun the small parser took for a verb's infinitive keeps its article ("a condamné
    # l'opposant" parsed as condamner + opposer): a verb takes no determiner
    found += [
        c for c in verb.children if c.dep_ == "xcomp" and any(d.dep_ == "det" for d in c.children)
    ]
    return found[0] if found else None


def complements(
    verb: Token, preps: frozenset[str], deps: frozenset[str] = COMPLEMENTS
) -> list[Token]:
    """The verb's prepositional complements introduced by one of `preps` ("avec X")."""
    wanted = {preposition(p) for p in preps}
    return [
        c
        for c in verb.children
        if c.dep_ in deps
        and any(g.dep_ == "case" and preposition(g.text) in wanted for g in c.children)
    ]


def roles(verb: Token, trigger: Trigger, resolver: Resolver) -> Roles:
    """Who acts and who is acted on, as the trigger reads the verb's dependents."""
    if passive(verb):
        agents = [c for c in verb.children if c.dep_ == "obl:agent"]
        subject = _subject(verb, PASSIVE_SUBJECTS)
        source = resolver.actor(agents[0]) if agents else None
        return Roles(source, resolver.actor(subject) if subject is not None else None)
    subject = _subject(verb, SUBJECTS | PASSIVE_SUBJECTS)
    source = resolver.actor(subject) if subject is not None else None
    partners = tuple(
        a for c in (subject.conjuncts if subject is not None else ()) if (a := resolver.actor(c))
    )
    target = _target(verb, trigger, resolver)
    if target is None and trigger.reciprocal and partners:
        target, partners = partners[0], partners[1:]
    if target is None and trigger.reciprocal:
        target = _person_after(verb, resolver, source)
    if trigger.mode == "visit" and target is not None and target.key.startswith("place:"):
        # a visit to a city is a visit to its state (the host): "s'est rendu à Bagdad"
        target = country_ref(target.country) if target.country else target
    if trigger.host:
        source, target = target, source  # the guest visits: the host is the target
    return Roles(source, target, partners)


def object_kind(verb: Token, resolver: Resolver) -> str | None:
    """The kind of actor the direct object is (PERSON, COUNTRY, AGENT, ...), or None."""
    obj = direct_object(verb)
    actor = resolver.actor(obj) if obj is not None else None
    return KINDS.get(actor.key.split(":", 1)[0]) if actor else None


def _target(verb: Token, trigger: Trigger, resolver: Resolver) -> ActorRef | None:
    """The object, else a complement the trigger names ("avec X", "sur X"); either may be
    a thing of the target's rather than the target ("la position de l'UE", "le blocus
    américain", "le nord d'Israël": the guideline's possessor), and the small parser often
    hangs the complement from the object ("des sanctions à la Biélorussie")."""
    obj = direct_object(verb)
    if obj is not None and trigger.target_object and trigger.object is None:
        actor = resolver.actor(obj) or resolver.owner(obj)
        if actor is not None:
            return actor
    for complement in complements(verb, trigger.target_preps):
        actor = resolver.actor(complement) or resolver.owner(complement)
        if actor is not None:
            return actor
    if obj is not None:
        for complement in complements(obj, trigger.target_preps, NOUN_COMPLEMENTS):
            actor = resolver.actor(complement) or resolver.owner(complement)
            if actor is not None:
                return actor
    return None


def _person_after(verb: Token, resolver: Resolver, source: ActorRef | None) -> ActorRef | None:
    """The first person named after a meeting verb in its sentence, for a parse that lost
    the object ("a rencontré mardi à Ankara son homologue turc Hakan Fidan": the small
    model hangs the name from the place): the other side of a meeting is named after it."""
    doc = verb.doc
    for entity in doc.ents:
        if entity.label_ != "PER" or entity.start <= verb.i or not a_name(entity):
            continue
        if any(t.text in FULL_STOPS or "\n" in t.text for t in doc[verb.i : entity.start]):
            break  # the small parser may cut a sentence at a name; a full stop ends it
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


def trimmed(sentence: Span) -> tuple[int, int]:
    """The sentence's characters without surrounding whitespace."""
    text = sentence.text
    return (
        sentence.start_char + len(text) - len(text.lstrip()),
        sentence.end_char - (len(text) - len(text.rstrip())),
    )
