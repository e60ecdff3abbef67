"""Event triggers: a predicate that matches a pattern (data/events/verbs.yaml) whose
constraints the sentence meets (event nouns: `nominal`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Span, Token

from crosswire.events.arguments import active_subjects, arguments, inherited_patient
from crosswire.events.attributes import places
from crosswire.events.context import Context
from crosswire.events.data import frames, modality
from crosswire.events.event import build
from crosswire.events.harmed import attack_means, harmed_by_event
from crosswire.events.learned import learned_pattern
from crosswire.events.nominal import noun_roles
from crosswire.events.participants import (
    actors_of,
    country_actor,
    generic_actor,
    unique,
)
from crosswire.events.patterns import VISIT, Pattern, noun_patterns, verb_lemma, verb_patterns
from crosswire.events.recipients import recipients
from crosswire.events.referred import names_no_act
from crosswire.events.reporters import reporting_doers
from crosswire.events.senses import no_event, other_sense
from crosswire.events.syntax import (
    PHONE_WORDS,
    SUBJECTS,
    agent_objects,
    complement_preps,
    direct_object,
    infinitive_marker,
    marked_infinitives,
    object_matches,
    participle_noun,
    passive_subject,
    phoned_for,
    phrases,
    prepositional_objects,
    shared_object,
)
from crosswire.events.targets import moved_forces, owner_actors
from crosswire.events.undergoers import undergoes, undergone_from
from crosswire.model import ActorRef, EventMention

# ------------------------------------------------------------------ verbs


def code_verb(
    verb: Token, sentence: Span, context: Context, claimed: set[int]
) -> EventMention | None:
    """The event of the first of the verb's patterns that holds; the nouns that belong to
    it ("held talks") are added to `claimed`."""
    lemma = verb_lemma(verb)
    if no_event(verb, lemma, {p.type for p in verb_patterns()[lemma]}, context):
        return None
    for pattern in verb_patterns()[lemma]:
        event = _try_verb_pattern(verb, pattern, sentence, context)
        if event is not None:
            obj = direct_object(verb)
            if obj is not None:
                claimed.add(obj.i)
            claimed.update(
                t.i for t in verb.subtree if t.lemma_.lower() in noun_patterns() and t.head == verb
            )
            return event
    return None


def _try_verb_pattern(
    verb: Token, pattern: Pattern, sentence: Span, context: Context
) -> EventMention | None:
    if not all(holds(verb, pattern, context) for holds in _VERB_CONSTRAINTS):
        return None
    if other_sense(verb, verb_lemma(verb), pattern.type, context, bool(pattern.object)):
        return None  # "was struck by a car", "fired the board": another sense of the word
    subjects, objects = _roles(verb, pattern, context)
    if pattern.by_means and not subjects:  # "an Israeli airstrike hit a school": Israel
        subjects = [a for d in _means_doers(verb, context) for a in owner_actors(d, context)]
    if not subjects and pattern.type in frames().means_named_types:
        subjects = _threatened_by_what(verb, context)
    if not objects and (moved := _particle_object(verb, pattern, context)):
        objects = actors_of(moved, context)  # "pulled over the senator"
    obj = direct_object(verb)
    heads = [verb] + ([obj] if pattern.object and obj is not None else [])
    undergone = undergoes(verb, pattern.type)  # the objects are then the subject's actors
    targets = _verb_targets(objects, heads, pattern, context, undergone)
    if pattern.mode == VISIT and not pattern.host:
        if _goes_home(verb):
            return None  # "flew home to Washington" is no visit
        targets = targets or _visited_country(verb, context)
    if pattern.requires_target and not targets:
        return None
    if pattern.mode == VISIT and _trip_at_home(subjects, targets):
        context.vetoed.add(verb.i)  # "Clinton arrived in Philadelphia": no event at all
        return None
    if pattern.mode == VISIT and _private_trip(subjects):
        context.vetoed.add(verb.i)  # "Juanita Castro, who arrived in Miami in 1961"
        return None
    found = places(verb, context, heads)
    return build(verb, pattern, sentence, context, subjects, targets, found, heads)


def _roles(
    verb: Token, pattern: Pattern, context: Context
) -> tuple[list[ActorRef], list[ActorRef]]:
    """(doers, ones acted on): the verb's arguments, turned round where its subject
    undergoes the event ("LaSalle faces charges") or its object feels it ("the decision
    angered China", frames.yaml ``experiencer_verbs``), and a passive's doer taken from its
    reporter where the reporter's office does such acts ("X was charged, the DA said")."""
    subjects, objects = arguments(verb, context)
    if verb_lemma(verb) in frames().experiencer_verbs and not _urges_an_act(verb):
        return objects, subjects or _stimulus_owners(verb, context)
    if undergoes(verb, pattern.type):
        return undergone_from(verb, context), subjects + objects
    if not subjects and _patient(verb, context) is not None:
        return reporting_doers(verb, pattern.type, context), objects
    return subjects, objects


def _urged_not_felt(verb: Token, pattern: Pattern, context: Context) -> bool:
    """An emotion verb requests only with the act it urges ("encouraged Israel to show
    restraint"); "the decision encouraged Japan" asks nothing of Japan."""
    feeling = verb_lemma(verb) in frames().experiencer_verbs
    return pattern.type != "REQUEST" or not feeling or _urges_an_act(verb)


def _urges_an_act(verb: Token) -> bool:
    """An emotion verb with an infinitive is said to someone, not felt: "encouraged
    Israel to show restraint" urges Israel (the "results encouraged investors" feel)."""
    return any(
        c.dep_ in {"xcomp", "ccomp"} and infinitive_marker(c) is not None for c in verb.children
    )


def _stimulus_owners(verb: Token, context: Context) -> list[ActorRef]:
    """Whose act caused a feeling ("heartened by cooperation from Kenya": Kenya; "China's
    decision angered Japan": China): the owners of the passive's "by" noun or the active's
    subject."""
    stimuli = [g for c in verb.children if c.dep_ == "agent" for g in c.children]
    stimuli += [c for c in verb.children if c.dep_ in SUBJECTS]
    return [a for noun in stimuli if noun.pos_ == "NOUN" for a in owner_actors(noun, context)]


def _verb_targets(
    objects: list[ActorRef],
    heads: list[Token],
    pattern: Pattern,
    context: Context,
    undergone: bool = False,
) -> list[ActorRef]:
    """The objects (unless the pattern's object is a thing, "held talks", or what is sent,
    "sent an envoy to Baghdad"; not so the subject that `undergone` the act, "faced
    charges") and the actors of the pattern's target prepositions ("met with X") and of a
    dative ("gave X a loan")."""
    conveyed = verb_lemma(heads[0]) in recipients().conveying_verbs
    thing = pattern.object and pattern.type not in frames().object_target_types
    thing = thing and not undergone
    targets = list(objects) if not (thing or conveyed) else []
    found: list[ActorRef] = []
    for head in heads:
        for noun in prepositional_objects(head, pattern.target_preps):
            found += actors_of(noun, context)
        for dative in (c for c in head.children if c.dep_ == "dative"):
            if dative.pos_ in {"NOUN", "PROPN"}:
                found += actors_of(dative, context)  # "gave Vietnam a loan"
    for clause in marked_infinitives(heads[0], pattern.content_preps):
        # "called for the minister to resign": the one asked is the clause's subject
        subjects = [c for c in clause.children if c.dep_ in SUBJECTS]
        found += [a for s in subjects for a in actors_of(s, context)]
    passive = (passive_subject(heads[0]) or participle_noun(heads[0])) is not None
    undergoer = passive and pattern.type in frames().passive_target_types
    if found and all(t.key.startswith("agent:") for t in targets) and not undergoer:
        # "offered its troops to Lebanon": the unnamed object is what is given or moved,
        # the prepositional actor is the one it is done to (not so a passive's subject:
        # "the driver was charged with DWI")
        return found + targets
    return targets + found


def _trip_at_home(subjects: list[ActorRef], targets: list[ActorRef]) -> bool:
    """A visit whose only host is the visitor's own country: a trip at home, no visit
    between states. (A visitor of no known country may come from anywhere.)"""
    home = subjects[0].country if subjects else None
    return (
        home is not None
        and bool(targets)
        and all(t.key.startswith("country:") and t.country == home for t in targets)
    )


def _private_trip(subjects: list[ActorRef]) -> bool:
    """A trip by no one named, by people of no known office or by private people
    (frames.yaml ``private_sectors``): travel ("Juanita Castro, who arrived in Miami",
    "tourists visited Egypt"), not a visit between political actors, which an official,
    a state or an organisation makes."""
    return all(_private(s) for s in subjects)


def _private(actor: ActorRef) -> bool:
    """A private person, or unnamed forces of no known country (frames.yaml
    ``moved_sectors``: "an officer arrived at the bank", "soldiers arrived in the
    village"), whose trip is a movement; not "a Chinese military delegation"."""
    if actor.sector is None:
        return actor.key.startswith("person:")
    local = moved_forces(actor) and actor.country is None
    return local or actor.sector in frames().private_sectors


def _visited_country(verb: Token, context: Context) -> list[ActorRef]:
    """'arrived in Canada': the country of the visit's own place."""
    own = [p for p in places(verb, context, [verb], direct=True) if p.country]
    return [country_actor(own[0])] if own else []


def _goes_home(verb: Token) -> bool:
    return any(
        c.lower_ in frames().homeward and c.dep_ in {"advmod", "npadvmod", "prt"}
        for c in verb.children
    )


# Links to a predicate's complement ("found him guilty": oprd, or a small clause whose
# subject is the object and whose head is the adjective)
COMPLEMENTS = {"oprd", "acomp", "ccomp", "xcomp", "advcl"}


# The constraints a verb pattern may set, each true when the sentence meets it (or the
# pattern does not set it)


def _object_fits(verb: Token, pattern: Pattern, context: Context) -> bool:
    """The object is one of the pattern's words ("impose sanctions"), present where the
    pattern is transitive (as the subject of a passive), and none of the words it excludes
    ("met its commitments"). A passive's subject is its object ("sanctions were imposed
    on Iran", "the ambassador was summoned")."""
    obj = direct_object(verb)
    worded = obj or passive_subject(verb)
    if pattern.object and (worded is None or not object_matches(worded, pattern.object)):
        return False
    if not pattern.transitive and not pattern.object_not:
        return True  # nothing below reads the patient: it is not looked for
    # the passive's subject is its object ("was struck once in the back", "their demands
    # are met"), and so is a person or group both verbs act on ("striking and injuring a
    # woman"; in "struck and occupied the plant" only the occupying has the plant)
    patient = obj or _patient(verb, context) or _shared_actor(verb, context)
    if pattern.transitive and patient is None:
        return False
    return patient is None or not object_matches(patient, pattern.object_not)


def _shared_actor(verb: Token, context: Context) -> Token | None:
    shared = shared_object(verb)
    return shared if shared is not None and actors_of(shared, context) else None


def _particle_present(verb: Token, pattern: Pattern, context: Context) -> bool:
    if not pattern.particle:
        return True
    if any(c.dep_ == "prt" and c.lower_ == pattern.particle for c in verb.children):
        return True
    if verb.i + 1 < len(verb.doc):  # the parser's adverb right after it ("stepped down")
        after = verb.doc[verb.i + 1]
        if after.dep_ == "advmod" and after.head.i == verb.i and after.lower_ == pattern.particle:
            return True
    # the particle the parser took for a preposition: before a bare time ("turned himself
    # in Monday": nobody turns in a Monday) or the actor it moves ("pulled over the senator")
    return any(
        _bare_time_after(word, obj) or bool(actors_of(obj, context))
        for word, obj in _particle_as_preposition(verb, pattern.particle)
    )


def _particle_as_preposition(verb: Token, particle: str) -> Iterator[tuple[Token, Token]]:
    """The verb's prepositions written as the particle, each with its one object."""
    for word in verb.children:
        objects = [c for c in word.children if c.dep_ == "pobj"]
        if word.dep_ == "prep" and word.lower_ == particle and len(objects) == 1:
            yield word, objects[0]


def _bare_time_after(word: Token, obj: Token) -> bool:
    return (
        obj.ent_type_ in {"DATE", "TIME"}
        and obj.i == word.i + 1
        and not any(c.dep_ in {"det", "poss", "nummod"} for c in obj.children)
    )


def _particle_object(verb: Token, pattern: Pattern, context: Context) -> Token | None:
    """The object of a phrasal verb whose particle the parser took for a preposition
    governing it ("pulled [over the senator]"): an actor named right after the particle."""
    if not pattern.particle:
        return None
    pairs = _particle_as_preposition(verb, pattern.particle)
    return next((obj for _, obj in pairs if actors_of(obj, context)), None)


def _complement_present(verb: Token, pattern: Pattern, context: Context) -> bool:
    """'found him guilty': the predicate's complement is one of the pattern's words; so is
    a second object, the parser's reading of "held them hostage", and an adjective it
    reads as an adverb ("set the station ablaze"), and an object's predicate the parser
    hung inside a long object ("called Italy's refusal to let the ship dock unacceptable":
    on "dock")."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    adjectives = [c for c in verb.children if c.dep_ == "advmod" and c.pos_ == "ADJ"]
    complements = [c for c in verb.children if c.dep_ in COMPLEMENTS]
    stray = [t for o in objects[:1] for t in o.subtree if t.dep_ == "oprd"]
    # ... or an adjective it hung after the object as its modifier ("found the former
    # officer guilty of murder": "guilty" an amod of "officer")
    stray += [t for o in objects[:1] for t in o.children if t.dep_ == "amod" and t.i > o.i]
    return not pattern.complement or any(
        t.lemma_.lower() in pattern.complement and not _negated_word(t)
        for c in [*complements, *objects[1:], *adjectives, *stray]
        for t in (c, *c.children)
    )


def _negated_word(word: Token) -> bool:
    """ "pleaded not guilty", "found not liable": the complement says the opposite."""
    return any(c.dep_ == "neg" or c.lower_ == "not" for c in word.children)


def _phrase_present(verb: Token, pattern: Pattern, context: Context) -> bool:
    """'taken into custody', 'held without bail': a prepositional phrase on the predicate,
    its preposition and its object's lemma, is one of the pattern's."""
    return not pattern.phrase or any(phrase in pattern.phrase for phrase in phrases(verb))


def _done_by_means(verb: Token, pattern: Pattern, context: Context) -> bool:
    """'Russian missiles hit Kyiv', 'the school was hit by an Israeli airstrike': the
    active subject or the passive's agent is a weapon or an attack (`by_means`)."""
    return not pattern.by_means or any(attack_means(d) for d in _means_doers(verb, context))


def _threatened_by_what(verb: Token, context: Context) -> list[ActorRef]:
    """A passive threat with no agent is made by whose act it threatens with, where
    that act names its doer before it ("Hong Kong was threatened with Chinese military
    intervention", "Iran was threatened with American sanctions") and that doer is a state
    or of one; a possessor or an "of" phrase there is whom the act falls on."""
    if passive_subject(verb) is None or any(c.dep_ == "agent" for c in verb.children):
        return []
    objects = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
               for o in c.children if o.dep_ == "pobj"]  # fmt: skip
    modifiers = [m for o in objects for m in o.children if m.dep_ in {"amod", "compound"}]
    return [a for m in modifiers for a in actors_of(m, context) if a.country]


def _means_doers(verb: Token, context: Context) -> list[Token]:
    """The active subject, its own or one a joined predicate shares ("the bullet entered
    through a window and hit him"), and the passive's agent: what a `by_means` pattern's
    act is done by. (A participle or complement is left to the act it serves: "drones
    were striking positions, hitting two launchers" is one attack.)"""
    own = [c for c in verb.children if c.dep_ == "nsubj"]
    shared = active_subjects(verb, context) if verb.dep_ == "conj" and not own else []
    return own + shared + agent_objects(verb)


def _no_opinion(verb: Token, pattern: Pattern, context: Context) -> bool:
    return not _states_an_opinion(verb)


def _phone_named(verb: Token, pattern: Pattern, context: Context) -> bool:
    return (
        not pattern.requires_phone
        or any(t.lower_ in PHONE_WORDS for t in verb.subtree if t.i != verb.i)
        or phoned_for(verb)
    )


def _content_present(verb: Token, pattern: Pattern, context: Context) -> bool:
    return (
        not pattern.requires_content
        or bool(complement_preps(verb, pattern.content_preps))
        or bool(marked_infinitives(verb, pattern.content_preps))
        or any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children)
    )


def _object_is_actor(verb: Token, pattern: Pattern, context: Context) -> bool:
    """The object (or passive subject) names an actor of an allowed type; a generic agent
    counts as a PERSON or GROUP, and so does an office named alone ("welcomed the Iraqi
    prime minister": its holder, even where the KB does not know who that was)."""
    if not pattern.object_types:
        return True
    obj = direct_object(verb) or _patient(verb, context) or _particle_object(verb, pattern, context)
    if obj is None:
        return False
    mention = context.mention_at(obj)
    if mention is not None:
        office = mention.role is not None and mention.type == "ORG"
        return mention.type in pattern.object_types or (office and "PERSON" in pattern.object_types)
    if obj.lower_ in frames().person_pronouns:
        return "PERSON" in pattern.object_types  # "he was released": a person, named before
    generic = generic_actor(obj, context) is not None
    return generic and bool({"PERSON", "GROUP"} & set(pattern.object_types))


def _patient(verb: Token, context: Context) -> Token | None:
    """The passive's subject, its own or the clause's it is joined to ("was arrested and
    released"), or the noun a past participle describes ("the explanation offered by the
    White House")."""
    return passive_subject(verb) or inherited_patient(verb, context) or participle_noun(verb)


_VERB_CONSTRAINTS: tuple[Callable[[Token, Pattern, Context], bool], ...] = (
    _object_fits,
    _particle_present,
    _complement_present,
    _phrase_present,
    _done_by_means,
    _no_opinion,
    _phone_named,
    _content_present,
    _object_is_actor,
    _urged_not_felt,
)


def _states_an_opinion(verb: Token) -> bool:
    """'agreed in an interview that Putin was a killer': one actor's agreement with a
    proposition is an opinion, not an accord (no "to", "with" or "on" complement)."""
    if verb.lemma_.lower() not in modality().opinion_verbs:
        return False
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    complements = [
        c
        for c in verb.children
        if c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ in {"with", "on", "to", "upon"})
    ]
    # "The Philippines and France agree that ...": parties agreeing together is an accord
    together = any(c.dep_ in SUBJECTS and list(c.conjuncts) for c in verb.children)
    return bool(clauses) and not complements and not together


# ------------------------------------------------------------------ learned events


def code_learned(
    token: Token, event_type: str, sentence: Span, context: Context, borrow_harmed: bool = True
) -> EventMention | None:
    """The event the learned decision found at a word no pattern coded: its arguments are
    found as a pattern's would be (`learned.learned_pattern`), for a noun with none of its
    own those its harm fell on (`borrow_harmed`: "the explosion killed an officer"); None
    where it names none."""
    pattern = learned_pattern(token, event_type)
    if token.pos_ in {"VERB", "AUX"}:
        if no_event(token, verb_lemma(token), {event_type}, context):
            return None
        if _object_excluded(token, event_type, context):
            return None
        return _try_verb_pattern(token, pattern, sentence, context)
    if _speaker(token) or names_no_act(token, context):
        return None
    subjects, targets = noun_roles(token, pattern, context)
    if not subjects and not targets and borrow_harmed:
        targets = harmed_by_event(token, context)  # "the explosion killed an officer"
    if not subjects and not targets:
        return None
    found = places(token, context, [token])
    return build(
        token, pattern, sentence, context, unique(subjects), unique(targets), found, [token]
    )


def _object_excluded(verb: Token, event_type: str, context: Context) -> bool:
    """The word's own pattern of this type excludes its object ("intercepted two rockets",
    "met its commitments"): the learned decision does not code it either."""
    return any(
        p.type == event_type
        and p.object_not
        and not p.object
        and not _object_fits(verb, p, context)
        for p in verb_patterns().get(verb_lemma(verb), ())
    )


def _speaker(noun: Token) -> bool:
    """A noun that says something ("military sources said"): a speaker or a document."""
    return noun.dep_ in SUBJECTS and noun.head.lemma_.lower() in frames().saying_verbs
