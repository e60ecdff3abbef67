"""Whom an event is done to when the arguments do not say: the actor behind an object or
inside the content, the country where it happens, a state's own country; and the country
of unnamed agents ("police" where the event happens)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from spacy.tokens import Token

from crosswire.actors.countries import country_name
from crosswire.actors.keys import fold
from crosswire.events.context import Context
from crosswire.events.data import agents, frames
from crosswire.events.harmed import harmed, harmed_targets, operated_thing, used_means
from crosswire.events.operations import doers_of_the_act_in
from crosswire.events.owners import act_doers, named_owner
from crosswire.events.participants import (
    actors_of,
    actors_under,
    actors_under_prep,
    agent_key,
    agent_kind,
    country_actor,
    unique,
)
from crosswire.events.patterns import Pattern, told_act, verb_lemma
from crosswire.events.recipients import (
    accused,
    is_case,
    moves_a_person,
    mutual,
    prepositional_recipients,
    recipients,
    refused,
)
from crosswire.events.syntax import PASSIVE_SUBJECTS, SUBJECTS, direct_object, passive_subject
from crosswire.model import ActorRef, Place

CONDITIONS = {"if", "unless"}  # a condition's subject is whom a threat or offer is aimed at


def complete_roles(
    trigger: Token,
    pattern: Pattern,
    subjects: list[ActorRef],
    targets: list[ActorRef],
    places: list[Place],
    context: Context,
) -> tuple[list[ActorRef], list[ActorRef]]:
    """(subjects, targets) with targets found beyond the arguments and unnamed agents
    given the country they act in. No actor is its own target: a state acting at home on
    no one named ("the Chilean riots", "Greek police arrested") has no target. An operation
    on a place, a fixture or goods is done to their owner, or to no one named. Two subjects
    of a mutual act are each other's target: the first named is the source (guideline 5)."""
    if not targets and len(subjects) == 2 and mutual(trigger):
        subjects, targets = subjects[:1], subjects[1:]  # "Turkey and Russia traded threats"
    if not subjects:
        subjects = doers_of_the_act_in(trigger, pattern, context)
    thing = operated_thing(trigger, pattern)
    if thing is not None:  # "surrounded the building", "seized rifles from the rebels"
        source = subjects[0] if subjects else None
        owners = [o for o in thing_owners(trigger, thing, context) if not one_side(source, o)]
        return [located(s, places, None) for s in subjects], _others(subjects, owners)
    if not targets and not (pattern.reciprocal and len(subjects) > 1):
        source = subjects[0] if subjects else None
        requested = pattern.type == "REQUEST"
        found = (
            prepositional_recipients(trigger, pattern.type, context)
            or fallback_targets(
                trigger,
                context,
                pattern.target_preps,
                source,
                requested,
                pattern.type in frames().judging_types,
                pattern.type in frames().binding_types,
            )
            or site_targets(trigger, pattern, context)
            or refused(trigger, pattern.type, context)
        )  # "called on Iran to release the sailors": Iran, before the content clause
        targets = [t for t in found if not one_side(source, t)]  # "Turkey ... Turkish forces"
    subjects = [located(s, places, None) for s in subjects]
    ruler = _ruler(pattern, subjects)
    targets = _others(subjects, [located(t, places, ruler) for t in targets])
    if not targets:  # "stormed a jewellery store", "killed a toddler"
        targets = _others(
            subjects, [located(t, places, ruler) for t in harmed_targets(trigger, pattern)]
        )
    if not targets and pattern.type in harmed().types and used_means(trigger):
        targets = _others(subjects, _joined_patients(trigger, context))
    if not targets and not moves_a_person(trigger, context) and not _on_a_case(trigger):
        # "took him to a jail in San Diego"; "prosecutors in Sweden dropped the charges": the
        # destination and the country of the case are no target
        targets = _others(subjects, _implied_targets(pattern, subjects, places, ruler))
    return subjects, targets


def _joined_patients(trigger: Token, context: Context) -> list[ActorRef]:
    """ "Riot police fired tear gas and chased the youths", "fired tear gas and arrested
    dozens of protesters": a means used on no one named is used on whom the act joined
    after it is done to."""
    objects = [direct_object(c) for c in trigger.conjuncts if c.i > trigger.i]
    return [a for o in objects if o is not None for a in actors_of(o, context)]


def _on_a_case(trigger: Token) -> bool:
    """Whether the trigger acts on a case: whoever it is against, not the case's country."""
    return is_case(direct_object(trigger) or passive_subject(trigger))


def case_targets(trigger: Token, case: Token, context: Context) -> list[ActorRef]:
    """Whom a case acted on is against ("dropped its investigation into the minister"), or
    whom the act says it is about ("discontinued the investigation regarding the mayor")."""
    return accused(case, context) or [
        a
        for prep in trigger.children
        if prep.dep_ == "prep" and prep.lower_ in recipients().case_preps - {"of", "on"}
        for a in actors_under(prep, context)
    ]


def thing_owners(trigger: Token, thing: Token, context: Context) -> list[ActorRef]:
    """Whose a place or goods are: the thing's possessor or owner ("the suspect's door",
    "the home of the mayor"), else whom the trigger takes it "from"."""
    return owner_actors(thing, context) or actors_under_prep(trigger, "from", context)


def _ruler(pattern: Pattern, subjects: list[ActorRef]) -> ActorRef | None:
    """The source whose jurisdiction unnamed targets are in: a state source of an event a
    state does to its own people, or police and courts, which act at home whatever they do
    ("Egyptian police opened fire, killing one person"); armed forces act abroad as well,
    so the unnamed people they arrest or search are not theirs by that alone."""
    if not subjects:
        return None
    at_home = subjects[0].sector in agents().home_sectors
    abroad = subjects[0].sector in recipients().abroad_sectors  # "the navy captured pirates"
    jurisdiction = pattern.type in frames().jurisdiction_types and not abroad
    return subjects[0] if at_home or jurisdiction else None


def _others(subjects: list[ActorRef], targets: list[ActorRef]) -> list[ActorRef]:
    keys = {s.key for s in subjects}
    return [t for t in targets if t.key not in keys]


def _implied_targets(
    pattern: Pattern, subjects: list[ActorRef], places: list[Place], ruler: ActorRef | None
) -> list[ActorRef]:
    """No one named: an act done in another country is done to it ("lifted the curfew in
    Montenegro"), a protest at home is against the authorities, one abroad against no one
    named, a state acts on its own country."""
    if pattern.cameo in recipients().spoken:
        return []  # "led Palin to apologize": to no one named, not to her country
    abroad = bool(places) and (not subjects or subjects[0].country != places[0].country)
    domestic = pattern.type in frames().domestic_types
    material = pattern.type not in frames().talk_types  # a talk abroad is not done to it
    # a doer of no known country is not known to act abroad ("police found explosives in
    # a shed in Dundalk": not an act on Ireland)
    foreign = abroad and bool(subjects) and subjects[0].country is not None
    if material and not domestic and foreign and places[0].country:
        return [country_actor(places[0])]
    if domestic:
        return [] if abroad else domestic_target(subjects, places)
    if ruler and is_state(ruler) and pattern.type in frames().home_types:
        # "the government lifted the state of emergency", "police prevented the rally":
        # a state acting on no one named acts on its own country
        return domestic_target([ruler], places)
    return []


def is_state(actor: ActorRef) -> bool:
    return actor.key.startswith("country:") or actor.sector in frames().state_sectors


def domestic_target(subjects: list[ActorRef], places: list[Place]) -> list[ActorRef]:
    """The country acted on at home: where the act is, or else the doers' own (a protest
    that names no one it is against is against the authorities there, as event datasets
    code unnamed protest targets; a state acting on no one named acts on its country)."""
    country = next((p.country for p in places if p.country), None)
    if country is None and subjects:
        country = subjects[0].country
    if country is None or country in frames().not_states:
        return []
    return [country_actor(Place(name=country_name(country) or country, country=country))]


def only_vague(actors: list[ActorRef], places: list[Place]) -> bool:
    """Every actor is an unnamed agent of no known country, none of them a state's
    office ("police appealed for witnesses", "prosecutors negotiated": an institution acts
    in its office, named or not; "a group was meeting", "doctors offered": unnamed people
    speak for themselves), and no place says whose."""
    offices = frames().state_sectors
    vague = all(a.key.startswith("agent:XXX:") and a.sector not in offices for a in actors)
    return vague and not any(p.country for p in places)


def located(actor: ActorRef, places: list[Place], source: ActorRef | None) -> ActorRef:
    """An unnamed agent with no country of its own ("police", "12 workers") is of the
    event's place, or, acted on by a state source, of that source's jurisdiction."""
    if actor.country or not actor.key.startswith("agent:"):
        return actor
    country = places[0].country if places and places[0].country else None
    if country is None and source is not None and source.sector in frames().state_sectors:
        country = source.country
    if country is None:
        return actor
    key = agent_key(country, actor.sector, agent_kind(actor.key))
    return replace(actor, key=key, country=country)


# ------------------------------------------------------------------ targets beyond the arguments


def fallback_targets(
    trigger: Token,
    context: Context,
    own_preps: tuple[str, ...] = (),
    source: ActorRef | None = None,
    requested: bool = False,
    judging: bool = False,
    binding: bool = False,
) -> list[ActorRef]:
    """No target among the arguments: the actor behind a non-actor object or patient
    ("praised Haiti's efforts", "a camp for Congolese refugees was attacked"), else the
    addressee inside the content clause ("threatened to break relations with Russia",
    "demanded that the US cancel ...", "its demand that Israel ease ..."), else the one a
    condition is on ("threatened to stop talks if the United States goes ahead"), else a
    prepositional complement or the actor behind it ("cut supplies to a Cambodian camp"):
    of the pattern's `own_preps` where it names them ("met with", so "met on the sidelines
    of the Assembly" has none), else of any verb's target prepositions. The subject of a
    content clause on the `source`'s own side is not addressed ("the ambassador warned that
    the Chinese government will not sit on its hands": his government will act). For a
    request (`requested`), whom the thing is asked "from" comes before its owner, and whose
    the thing asked for is ("asked for the public's help", "called for Iran's withdrawal")
    comes before the prepositions. A judgement (`judging`: frames.yaml ``judging_types``)
    of an act is of its doer, as is stopping one (``thwarting_verbs``). What a promise
    (`binding`: frames.yaml ``binding_types``) says someone will do names no target by
    its subject."""
    patient = direct_object(trigger) or passive_subject(trigger)
    if trigger.lemma_.lower() in recipients().conveying_verbs:
        patient = None  # "dispatched dozens of agents": what is sent belongs to no target
    if patient is not None and is_case(
        patient
    ):  # "dropped its investigation into the mayor": the mayor
        found = [a for a in case_targets(trigger, patient, context) if not one_side(source, a)]
        if found:
            return found
    thwarting = verb_lemma(trigger) in frames().thwarting_verbs
    if patient is not None and ((judging and told_act(patient)) or thwarting):
        # "condemned the arrest of the journalist", "praised the attack on Israel": said of
        # an act, to the one who did it ("condemned Russia's attack", "the arrest by
        # police"), never to the one it was done to; whatever a thwarting verb stops is an
        # act ("foiled a piracy attempt on five vessels")
        return [a for a in act_doers(patient, context) if not one_side(source, a)]
    if patient is not None:
        # a request of a thing is made of whom it is asked "from" ("seeking Assange's
        # extradition from the UK": the UK is asked, Assange is extradited)
        asked = actors_under_prep(patient, "from", context) if requested else []
        owners = asked or owner_actors(patient, context)
        if owners:
            return owners
    if requested:
        found = _written_to(trigger, context)
        if found:
            return found  # "wrote to Janet Reno, demanding that Elian be returned"
    clauses = _content_clauses(trigger)
    for clause in clauses:
        found = _content_targets(clause, context, with_subject=not binding)
        found = [t for t in found if not one_side(source, t)]
        if found:
            return found
    for clause in [trigger, *clauses]:
        found = _conditioned(clause, context)
        if found:
            return found
    if requested:
        found = _asked_of(trigger, context)
        if found:
            return found
    preps = own_preps or frames().verb_target_preps
    own = [c for c in trigger.children if c.dep_ == "prep"]
    # else the pattern's own the parse hung on the object of another ("fired through a
    # wall at police officers": "at" on the wall; not "condemned the acts in a telegram to
    # Clinton", where any verb's "to" would be taken)
    nested = [p for prep in own if prep.lower_ not in preps for p in _object_preps(prep)]
    nested = [p for p in nested if p.lower_ in own_preps]
    return _prep_targets(own, preps, context) or _prep_targets(nested, preps, context)


def _object_preps(prep: Token) -> list[Token]:
    return [p for g in prep.children if g.dep_ == "pobj" for p in g.children if p.dep_ == "prep"]


def _prep_targets(preps: list[Token], words: Collection[str], context: Context) -> list[ActorRef]:
    """The actors (or their owners) the objects of those of `preps` in `words` name; a
    harmful act's doers where the object is one ("against the detention of journalists by
    the military": the military)."""
    return [
        a
        for prep in preps
        if prep.lower_ in words
        for g in prep.children
        if g.dep_ == "pobj" and g.lemma_.lower() not in frames().helper_nouns
        for a in (
            act_doers(g, context)
            if told_act(g)
            else actors_of(g, context) or owner_actors(g, context)
        )
    ]


def site_targets(trigger: Token, pattern: Pattern, context: Context) -> list[ActorRef]:
    """The actor at whose premises an event done there is held ("rallied outside the
    Russian embassy", "in front of parliament"): for the `site_target_types`."""
    if pattern.type not in frames().site_target_types:
        return []
    sites = [p for p in trigger.children if p.dep_ == "prep" and p.lower_ in frames().site_preps]
    sites += [  # "in front of X": the object of "of" on "front"
        of
        for p in trigger.children
        if p.dep_ == "prep" and p.lower_ == "in"
        for front in p.children
        if front.dep_ == "pobj" and front.lower_ == "front"
        for of in front.children
        if of.dep_ == "prep" and of.lower_ == "of"
    ]
    return [a for site in sites for a in actors_under(site, context)]


def _written_to(trigger: Token, context: Context) -> list[ActorRef]:
    """Whom the message a request's participle says is sent to, before whom its content
    is about: the "to" object of the verb or the letter it hangs on ("wrote to Janet Reno,
    demanding that Elian be returned", "sent a letter to Reno asking that his son be
    moved")."""
    if trigger.dep_ not in {"advcl", "acl"}:
        return []
    head = trigger.head
    verb = head.head if head.pos_ in {"NOUN", "PROPN"} else head
    letters = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    found = (actors_under_prep(host, "to", context) for host in [head, verb, *letters])
    return next((actors for actors in found if actors), [])


def _asked_of(trigger: Token, context: Context) -> list[ActorRef]:
    """The possessor of what a request asks "for": the one who is to give or do it."""
    return [
        a
        for prep in trigger.children
        if prep.dep_ == "prep" and prep.lower_ == "for"
        for thing in prep.children
        if thing.dep_ == "pobj" and not actors_of(thing, context)
        for owner in thing.children
        if owner.dep_ == "poss"
        for a in actors_of(owner, context)
    ]


def one_side(source: ActorRef | None, other: ActorRef) -> bool:
    """Whether `other` is the `source`'s own state: both are a country or a state body
    (government, forces, police, courts, ...) of the same country ("China's ambassador"
    and "the Chinese government", "the Kremlin" and "Russia")."""
    if source is None or not source.country or source.country != other.country:
        return False
    return is_state(source) and is_state(other)


def _content_clauses(trigger: Token) -> list[Token]:
    """The clauses that say what a predicate is about; for an event noun that is the
    object of its verb, the verb's ("reiterated its demand that ...")."""
    clauses = [c for c in trigger.children if c.dep_ in {"xcomp", "ccomp"}]
    if trigger.pos_ in {"NOUN", "PROPN"}:
        clauses += [c for c in trigger.children if c.dep_ == "acl"]
        if trigger.dep_ in {"dobj", "obj"}:
            clauses += [c for c in trigger.head.children if c.dep_ == "ccomp"]
    return clauses


def _conditioned(clause: Token, context: Context) -> list[ActorRef]:
    """The named subjects of a condition on `clause` ("... if the United States goes ahead")."""
    return [
        a
        for condition in clause.children
        if condition.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in condition.children)
        for subject in condition.children
        if subject.dep_ in SUBJECTS | PASSIVE_SUBJECTS and subject.lower_ not in frames().pronouns
        for a in actors_of(subject, context)
    ]


def _content_targets(clause: Token, context: Context, with_subject: bool) -> list[ActorRef]:
    """The content clause's named subjects (where `with_subject`), else the doer a passive
    clause names in its "by" phrase ("allege the attacks were plotted by bin Laden"), else
    the actors of its first complement that names any."""
    # a verbless small clause's subject is the predicate's object, a pronoun as well
    # ("found him guilty"); a pronoun subject of a clause of its own may be the speaker's
    # side ("warned that they will act"), left to the rules below
    small = clause.pos_ in {"ADJ", "NOUN"}
    subjects = [
        a
        for c in clause.children
        if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS and (small or c.lower_ not in frames().pronouns)
        for a in actors_of(c, context)
        if with_subject
    ]
    if subjects:
        return subjects
    doers = _agents_of(clause, context)
    if doers:
        return doers
    for child in clause.children:
        found = _complement_actors(child, context)
        if found:
            return found
    return []


def _complement_actors(child: Token, context: Context) -> list[ActorRef]:
    if child.dep_ in {"dobj", "obj", "dative"}:
        named = actors_of(child, context)
        if child.head.lemma_.lower() in recipients().movements:
            # "warned it could send troops": the forces sent are the means, not the target
            named = [a for a in named if not moved_forces(a)]
        # "threatened to resume attacks in Israel": an act done in a country is aimed at it
        return named or owner_actors(child, context) or _countries_in(child, context)
    if child.dep_ == "prep" and child.lower_ in frames().content_target_preps:
        return [
            a
            for g in child.children
            if g.dep_ == "pobj"
            for a in (actors_of(g, context) or owner_actors(g, context))
        ]
    return []


def moved_forces(actor: ActorRef) -> bool:
    """Unnamed forces ("troops", "police units"), which a mobilisation moves."""
    return actor.key.startswith("agent:") and actor.sector in frames().moved_sectors


def _countries_in(noun: Token, context: Context) -> list[ActorRef]:
    """The countries an "in" phrase on the noun names ("attacks in Israel")."""
    return [a for a in actors_under_prep(noun, "in", context) if a.key.startswith("country:")]


def owner_actors(noun: Token, context: Context, depth: int = 0) -> list[ActorRef]:
    """The actors a non-actor noun phrase belongs to: its possessor, a country modifier or
    the object of one of its prepositions ("offer from Kabul", "boycott of contact with").
    A harm suffered belongs to no one it is done to ("the circumstances of his death"),
    nor a text or a rule to whom it is about (`_owning_prep`)."""
    found: list[ActorRef] = []
    if fold(noun.lemma_) in frames().suffered_nouns:
        return found
    for child in noun.children:
        if child.dep_ in {"poss", "amod", "compound", "nmod"}:
            found += named_owner(child, context)
        elif child.dep_ == "acl" and child.tag_ == "VBN":
            found += _agents_of(child, context)  # "the move announced by Pompeo"
        elif child.dep_ == "prep" and _owning_prep(noun, child):
            for g in (g for g in child.children if g.dep_ == "pobj"):
                found += actors_of(g, context) or (
                    owner_actors(g, context, depth + 1) if depth < 1 else []
                )
    return unique(found)


def _owning_prep(noun: Token, prep: Token) -> bool:
    """A preposition whose object an act on the noun is done to ("an offer from Kabul",
    "sanctions on Iran"), not the topic of a text or a rule ("a law on foreign agents")."""
    if prep.lower_ not in frames().object_target_preps:
        return False
    topic = fold(noun.lemma_) in frames().topic_nouns
    return not (topic and prep.lower_ in frames().topic_preps)


def _agents_of(participle: Token, context: Context) -> list[ActorRef]:
    return [
        a
        for agent in participle.children
        if agent.dep_ == "agent"
        for g in agent.children
        if g.dep_ == "pobj"
        for a in actors_of(g, context)
    ]
