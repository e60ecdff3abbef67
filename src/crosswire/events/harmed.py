"""What an attack or a seizure is done to when its object names no actor: the thing or the
unnamed person it harms ("stormed a jewellery store", "intercepted three pirate boats",
"killed a toddler"), as the labelling guideline's target; its means ("fired 11 shots",
"threw stones") never are (data/events/harmed.yaml). An operation short of violence on a
place, a fixture or goods ("surrounded the building", "combing the town", "banging on the
door", "seized rifles and grenades") is done to whoever owns it, not to the thing: a target
is a person, a group, an organisation or a state (`operated_thing`)."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from crosswire.actors.keys import fold
from crosswire.actors.noun_senses import names_a_body_part
from crosswire.datafiles import DataModel, load
from crosswire.events.arguments import active_subjects, shared_object
from crosswire.events.context import Context
from crosswire.events.data import Recode, frames, modality
from crosswire.events.modality import counselled_against, modal_auxiliary
from crosswire.events.participants import actors_of, agent_key, written_word
from crosswire.events.patterns import Pattern, noun_patterns, verb_lemma, verb_patterns
from crosswire.events.syntax import agent_objects, direct_object, passive_subject
from crosswire.model import ActorRef, PloverType

Words = frozenset[str]
# Links from an attack to the participial clause that says whom it harmed
HARM_CLAUSES = {"advcl", "conj", "xcomp"}
# Entity labels of words that are a time or an amount, never a thing harmed
NOT_THING_ENTITIES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"}


class Harmed(DataModel):
    types: frozenset[PloverType]
    restricting_modes: Words
    preps: Words
    pattern_preps: Words
    means: Words
    cyber_words: Words
    not_things: Words
    portions: Words
    locative_preps: Words
    barriers: Words
    body_parts: Words
    operations: frozenset[PloverType]
    places: Words
    thoroughfares: Words
    forces: Words
    hazards: Words
    accident_verbs: Words
    suffering_verbs: Words
    warning_verbs: Words
    state_verbs: Words
    warned_conduct: Recode


@cache
def harmed() -> Harmed:
    return load("events/harmed.yaml", Harmed)


def harmed_targets(trigger: Token, pattern: Pattern) -> list[ActorRef]:
    """The unnamed things or people an attack or seizure at `trigger` is done to: its
    `preps`' or its pattern's target prepositions' objects ("fired at the car", "set fire
    to the building"), else its object or passive subject."""
    if pattern.type not in harmed().types or pattern.mode in harmed().restricting_modes:
        return []
    preps = harmed().preps | (harmed().pattern_preps & set(pattern.target_preps))
    objects = [
        g
        for c in trigger.children
        if c.dep_ == "prep" and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]
    located = [g for g in objects if _locative(g)]
    patient = direct_object(trigger) or shared_object(trigger) or passive_subject(trigger)
    # first where it goes ("drove a car into the store", "through the window of a store"),
    # then the object ("injured two others at the firm"), then where it happened ("threw
    # stones at the bank")
    candidates = [g for g in objects if g not in located]
    candidates += [patient] if patient is not None else []
    candidates += located
    for noun in (_whole(c) for c in candidates):
        if _harmed_noun(noun, pattern):
            return [_thing(noun)]
    return []


def harmed_without_doer(trigger: Token, pattern: Pattern, context: Context) -> list[ActorRef]:
    """Whom an attack that names no doer harmed: the victims of its harming clause ("a bomb
    exploded at the bank, killing two officers": the officers), else what it was done to
    ("a bomb exploded at the bank", "hundreds of stores were smashed"). An attack with
    neither is no event to code."""
    if pattern.type not in harmed().types or not _by_means_or_unsaid(trigger, context):
        return []
    for clause in trigger.children:
        if clause.dep_ in HARM_CLAUSES and clause.tag_ == "VBG" and _harms(clause):
            victim = direct_object(clause)
            if victim is not None:
                found = actors_of(victim, context) or harmed_targets(clause, pattern)
                if found:
                    return found
    return harmed_targets(trigger, pattern)


def done_by_a_thing(trigger: Token, pattern: Pattern, context: Context) -> bool:
    """Whether an attack's subject is a force of nature or an accident (`forces`: "a slab
    of hillside could break loose and destroy the neighbourhood", "the quake killed six"):
    no one attacks."""
    if pattern.type not in harmed().types or trigger.pos_ not in {"VERB", "AUX"}:
        return False
    forced = any(_a_force(s) for s in active_subjects(trigger, context))
    return forced or _harmed_by_an_accident(trigger)


def _harmed_by_an_accident(trigger: Token) -> bool:
    """A harm told with no doer whose stated cause is an accident or a force ("73 soldiers
    were killed when two helicopters crashed", "six died ... killed in a car crash")."""
    if any(c.dep_ == "agent" for c in trigger.children):
        return False
    if _a_force_after(trigger, {"in", "by"}):
        return True
    return any(c.dep_ == "advcl" and _an_accident(c) for c in trigger.children)


def _an_accident(clause: Token) -> bool:
    return _told_of_forces(clause) or fold(clause.lemma_) in harmed().accident_verbs


def _told_of_forces(clause: Token) -> bool:
    """Whether a clause's subjects are all forces ("oncoming rains will cause ...")."""
    subjects = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return bool(subjects) and all(_a_force(s) for s in subjects)


def _a_force_after(word: Token, prepositions: set[str]) -> bool:
    """Whether a force is the object of one of the word's `prepositions` ("in a crash")."""
    links = [c for c in word.children if c.dep_ == "prep" and c.lower_ in prepositions]
    return any(_a_force(o) for link in links for o in link.children if o.dep_ == "pobj")


def a_hazard_warning(trigger: Token, pattern: Pattern) -> bool:
    """Whether a warning is of what a force of nature or an accident will do ("warning
    residents that oncoming rains will cause landslides", "warned of flooding") or of a
    danger ("warned of the dangers of a trade war", "the threat he has been warning
    about"): an advisory, no threat by the one who warns."""
    if pattern.type != "THREATEN" or trigger.pos_ not in {"VERB", "AUX"}:
        return False
    if any(_told_of_forces(clause) for clause in _warned_content(trigger)):
        return True
    if any(counselled_against(g, to_no_one=True) for p in trigger.children for g in p.children):
        return True  # "the WHO warned against lifting restrictions": advice to no one
    return _a_force_after(trigger, {"of", "about"}) or any(
        fold(noun.lemma_) in harmed().hazards for noun in _warned_about(trigger)
    )


def warned_conduct(trigger: Token, pattern: Pattern, context: Context) -> list[ActorRef]:
    """The actors a warning tells only of what they are doing or have done ("unions are
    warning that the administration is brushing aside workers": the administration), or
    none: a warning of what will or may happen, on a condition or not, is a threat ("warned
    that air strikes could harm relations"), and one of no actor's conduct, or of a state
    (``state_verbs``), is left as it is ("warned that there is no room for compromise")."""
    if pattern.type != "THREATEN" or trigger.pos_ not in {"VERB", "AUX"}:
        return []
    if fold(trigger.lemma_) not in harmed().warning_verbs:
        return []
    clauses = _warned_content(trigger)
    if not clauses or any(_to_come(clause) for clause in clauses):
        return []
    if any(fold(v.lemma_) in harmed().state_verbs for c in clauses for v in (c, *c.conjuncts)):
        return []  # "warned that migrants are at risk": a state, no one's conduct
    doers = [d for c in clauses for d in _doers(c)]
    if any(d.lower_ in frames().pronouns for d in doers):
        return []  # "warned that they are ready": perhaps the warner's own side
    return [a for d in doers for a in actors_of(d, context)]


def _doers(clause: Token) -> list[Token]:
    """Who does what a clause tells: its active subject or its passive's "by" agent; a
    passive's subject undergoes it ("warned that voters are entitled to transparency":
    no one's conduct, "that workers are being brushed aside": not the workers')."""
    return [c for c in clause.children if c.dep_ == "nsubj"] + agent_objects(clause)


def _to_come(clause: Token) -> bool:
    """Whether a clause tells what will or may happen: a modal or a future on its verb or a
    verb joined to it, or a condition on it ("if the situation becomes uncontrollable")."""
    verbs = [clause, *clause.conjuncts]
    if any(modal_auxiliary(v) is not None for v in verbs):
        return True
    if any(_going_to(v) for v in verbs):
        return True
    conditions = modality().conditional_marks
    return any(
        m.dep_ == "mark" and m.lower_ in conditions
        for v in verbs
        for c in v.children
        if c.dep_ == "advcl"
        for m in c.children
    )


def _going_to(verb: Token) -> bool:
    """ "is going to act": a progressive of ``future_progressives`` with its infinitive."""
    future = fold(verb.lemma_) in modality().future_progressives and verb.tag_ == "VBG"
    return future and any(c.dep_ == "xcomp" for c in verb.children)


def _warned_about(trigger: Token) -> list[Token]:
    """What a warning is of or about: the preposition's object, or the noun a relative
    clause that leaves the preposition stranded hangs on ("the threat he warned about")."""
    links = [c for c in trigger.children if c.dep_ == "prep" and c.lower_ in {"of", "about"}]
    objects = [o for link in links for o in link.children if o.dep_ == "pobj"]
    stranded = [link for link in links if not any(c.dep_ == "pobj" for c in link.children)]
    if stranded and trigger.dep_ == "relcl":
        objects.append(trigger.head)
    return objects


def _warned_content(trigger: Token) -> list[Token]:
    """The clauses that say what is warned of: the trigger's complement clause, or a
    "that" clause the parse hangs on its object ("warning residents that ...")."""
    clauses = [c for c in trigger.children if c.dep_ == "ccomp"]
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    for clause in (c for o in objects for c in o.children if c.dep_ in {"acl", "relcl"}):
        if any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
            clauses.append(clause)
    return clauses


def _a_force(noun: Token) -> bool:
    of = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    words = {fold(w.lemma_) for w in (noun, *of)}
    words |= _compounds(noun)
    return bool(words & harmed().forces)


def _by_means_or_unsaid(trigger: Token, context: Context) -> bool:
    """Whether the attack's subject is a means or an event noun of the pattern files ("a
    car bomb exploded", "the attack killed 200") or it has none (a passive, an event
    noun)."""
    subjects = active_subjects(trigger, context) if trigger.pos_ in {"VERB", "AUX"} else []
    return all(_means(s) or fold(s.lemma_) in noun_patterns() for s in subjects)


def attack_means(noun: Token) -> bool:
    """Whether a noun is a weapon, a shot, an operation or an attack the noun patterns code
    ("Russian missiles", "an Israeli airstrike", "a drone strike", "Hezbollah rockets")."""
    lemma = fold(noun.lemma_)
    modifiers = {fold(c.lemma_) for c in noun.children if c.dep_ in {"compound", "amod"}}
    if modifiers & harmed().cyber_words:
        return False  # "a ransomware attack", "a cyber attack"
    if _means(noun) or lemma in frames().operation_nouns:
        return True
    attacks = [p for p in noun_patterns().get(lemma, ()) if p.type == "ASSAULT"]
    return any(p.of_the_word or _compounds(noun) & set(p.object) for p in attacks)


def used_means(trigger: Token) -> bool:
    """Whether the act's object is its means ("fired tear gas", "threw stones")."""
    found = direct_object(trigger)
    return found is not None and _means(found)


def _means(noun: Token) -> bool:
    words = {fold(noun.lemma_)} | _compounds(noun)
    return bool(words & harmed().means)


def _compounds(noun: Token) -> set[str]:
    """The lemmas of the nouns written into the noun ("car bomb": car)."""
    return {fold(c.lemma_) for c in noun.children if c.dep_ == "compound"}


def _harms(verb: Token) -> bool:
    """A verb some pattern codes as an attack ("killing", "injuring", "wounding")."""
    return any(p.type == "ASSAULT" for p in verb_patterns().get(verb_lemma(verb), ()))


def _locative(noun: Token) -> bool:
    """Whether a prepositional object says only where the act happened or the way it went
    ("fired at the car", "chased them through the city"), not what it broke into ("drove a
    car through the window")."""
    if noun.head.lower_ not in harmed().locative_preps:
        return False
    return noun.head.lower_ != "through" or fold(noun.lemma_) not in harmed().barriers


def _whole(noun: Token) -> Token:
    """The thing a portion, an amount or a barrier is of: "entered parts of the town" (the
    town), "did not cross an inch of its territory", "seized a cache of arms" (arms: a
    means), "smashed the windows of the embassy" (the embassy), "hit an officer's face"
    (the officer)."""
    if body_part(noun):
        owner = [c for c in noun.children if c.dep_ == "poss"]
        return owner[0] if owner else noun  # "an officer's face": the officer
    if fold(noun.lemma_) not in harmed().portions | harmed().barriers:
        return noun  # "shot into crowds of people": the crowds
    of = [
        g
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return _whole(of[0]) if of else noun


def _harmed_noun(noun: Token, pattern: Pattern) -> bool:
    """A common or proper noun that is neither the pattern's own object ("opened fire"),
    a means, a pronoun, a time or an amount ("on Monday", "80 percent"), an event ("made
    an arrest"), nor a word that names no thing."""
    if noun.pos_ not in {"NOUN", "PROPN"} or noun.lower_ in frames().pronouns:
        return False
    if noun.ent_type_ in NOT_THING_ENTITIES or fold(noun.lemma_) in noun_patterns():
        return False
    lemma = fold(noun.lemma_)
    words = {lemma, fold(noun.text)}
    words |= _compounds(noun)
    if words & set(pattern.object):
        return False
    return not words & (harmed().means | harmed().not_things)


def _thing(noun: Token) -> ActorRef:
    """An actor keyed by its noun, named with the words written before it."""
    modifiers = [
        c.left_edge.i
        for c in noun.children
        if c.dep_ in {"amod", "compound", "nummod"} and c.i < noun.i
    ]
    before = noun.doc[min([noun.i, *modifiers]) : noun.i].text_with_ws
    name = before + written_word(noun)  # "three co-workers", split at the hyphen
    return ActorRef(key=agent_key(None, None, fold(noun.lemma_)), name=name)


def operated_thing(trigger: Token, pattern: Pattern) -> Token | None:
    """The place, fixture or goods an operation of one of the `operations` types (a search,
    a cordon, a seizure) is carried out on: its object or passive subject, or with none, the
    object of one of its `preps` ("banging on the door"). None where the object is anything
    else ("arrested the man at the house": the man decides)."""
    if pattern.type not in harmed().operations:
        return None
    patient = direct_object(trigger) or shared_object(trigger) or passive_subject(trigger)
    candidates = (
        [patient]
        if patient is not None
        else [
            g
            for c in trigger.children
            if c.dep_ == "prep" and c.lower_ in harmed().preps
            for g in c.children
            if g.dep_ == "pobj"
        ]
    )
    return next((c for c in candidates if _place(c) or _goods(c)), None)


def _place(noun: Token) -> bool:
    """A common noun of a place or a part of one ("the building", "the town", "the door"),
    or a street's name ("Snyder Avenue", whatever the recogniser took it for)."""
    lemma = fold(noun.lemma_)
    if noun.pos_ == "NOUN":
        return lemma in harmed().places
    return noun.pos_ == "PROPN" and lemma in harmed().thoroughfares


def _goods(noun: Token) -> bool:
    """Weapons or ammunition, alone or in a list ("seven rifles, RPG launchers, three
    speedboats and grenades"): the list is goods, none of its members an actor."""
    listed = [a for a in noun.children if a.dep_ == "appos"]  # "14 rifles, 31 magazines"
    members = {noun, *noun.conjuncts, *listed, *(c for a in listed for c in a.conjuncts)}
    for member in members:
        whole = _whole(member)
        words = {fold(whole.lemma_), fold(whole.text)}
        words |= _compounds(whole)
        words |= {w[:-1] for w in words if w.endswith("s")}  # "Rifles" the tagger left plural
        if words & harmed().means:
            return True
    return False


def body_part(noun: Token) -> bool:
    """Whether the noun names a part of the body ("face", "forearm"), alone or with the
    noun written before it ("rib cage")."""
    lemma = fold(noun.lemma_)
    if lemma in harmed().body_parts or names_a_body_part(lemma):
        return True
    before = [c for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1]
    return bool(before) and names_a_body_part(f"{fold(before[0].lemma_)} {lemma}")


def harm_told_of(noun: Token) -> Token | None:
    """The verb that tells the harm an event named by a noun did, as its subject or the
    phrase it was done in or by ("the explosion killed a police officer", "were killed in
    the blast", "were injured in the blast", "died in the bombing"), or None."""
    verb, preposition = noun.head, None
    if noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in {"in", "by"}:
        verb, preposition = verb.head, verb
    elif noun.dep_ != "nsubj":
        return None
    if verb.pos_ != "VERB":
        return None
    if preposition is not None:
        return verb if _sufferer(verb) is not None else None
    return verb if tells_harm_done(verb) else None


def _sufferer(verb: Token) -> Token | None:
    """Whom a verb telling harm says suffered it: the passive subject of a verb of harm
    done ("were killed"), the subject of a verb of harm suffered ("died", `suffering_verbs`)
    where it has no object ("injured his leg" tells of no one else)."""
    found = passive_subject(verb)
    if found is not None:
        return found if tells_harm_done(verb) or _suffering(verb) else None
    if not _suffering(verb) or direct_object(verb) is not None:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _suffering(verb: Token) -> bool:
    return fold(verb.lemma_) in harmed().suffering_verbs


def tells_harm_done(verb: Token) -> bool:
    """A verb whose pattern counts the harm an act did ("killed", "wounded": frames.yaml
    ``harm_results``)."""
    patterns = verb_patterns().get(verb_lemma(verb), ())
    return any(p.count in frames().harm_results for p in patterns)


def harmed_by_event(noun: Token, context: Context) -> list[ActorRef]:
    """Those the harm an event named by a noun did fell on (`harm_told_of`): the verb's
    object, or whom it says suffered it."""
    verb = harm_told_of(noun)
    if verb is None:
        return []
    victim = direct_object(verb) if noun.dep_ == "nsubj" else _sufferer(verb)
    return actors_of(victim, context) if victim is not None else []
