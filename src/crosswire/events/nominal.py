"""Event nouns: a noun that matches a pattern (data/events/nouns.yaml) and the actors
its phrase names ("talks between A and B", "Ireland's demand", "a hunger strike by
prisoners"), or a support verb's subject ("teachers began a hunger strike")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from crosswire.actors.keys import fold
from crosswire.events.arguments import active_subjects, arguments
from crosswire.events.attributes import places
from crosswire.events.context import Context
from crosswire.events.counted import counted_people
from crosswire.events.data import frames
from crosswire.events.event import build
from crosswire.events.participants import (
    actors_of,
    actors_under,
    agent_key,
    is_country,
    modifier_actor,
    possessor_actors,
    unique,
)
from crosswire.events.patterns import Pattern, noun_patterns, noun_types
from crosswire.events.referred import LIGHT_LINKS, container, names_no_act, owned_up_to
from crosswire.events.reporters import reporting_doers
from crosswire.events.syntax import (
    HYPHENS,
    PASSIVE_SUBJECTS,
    PHONE_WORDS,
    TIME_ENTITIES,
    prepositional_objects,
)
from crosswire.model import ActorRef, EventMention

PARTNER_PREPS = {"with"}  # "talks with X": X is the other party, not the one holding them
# A name before the noun: the parser's "compound", or "nmod" where adjectives come between
# ("the US economic and political embargo")
NAME_MODIFIERS = {"compound", "nmod"}


def code_noun(noun: Token, sentence: Span, context: Context) -> EventMention | None:
    """The event of the first of the noun's patterns whose words and actors are there
    ("talks between A and B", "a hunger strike by prisoners")."""
    patterns = noun_patterns().get(noun.lemma_.lower()) or noun_patterns().get(noun.lower_, ())
    if names_no_act(noun, context):
        return None
    for pattern in patterns:
        if not _noun_fits(noun, pattern):
            continue
        subjects, targets = noun_roles(noun, pattern, context)
        if not subjects and not targets:
            continue
        if pattern.requires_actor_pair and not (subjects and targets):
            continue
        if pattern.requires_target and not targets:
            continue  # "the reason for Ortiz's visit": a visit to no one and nowhere named
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
    the actors of its target prepositions, else the one who undergoes it ("the minister
    faced a probe")."""
    participants: list[ActorRef] = []
    partners: list[ActorRef] = []
    targets: list[ActorRef] = []
    for prep in _phrase_preps(noun, pattern):
        if prep.lower_ in pattern.participant_preps:
            found = actors_under(prep, context)
            (partners if prep.lower_ in PARTNER_PREPS else participants).extend(found)
        if prep.lower_ in pattern.target_preps:
            targets += actors_under(prep, context)
    participants += [a for a in _givers(noun, context) if a not in participants]
    if partners and not participants:
        doers = _doers(noun, context)
        if doers:  # "Putin's meeting with Xi", "Annan wrapped up a meeting with Saddam"
            return doers, targets + partners
    participants += partners
    objects = [
        p
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ in pattern.target_preps and not _dated_by(p)
    ]
    owners = _owners(noun, context, has_object=bool(objects))
    parties = [p.lower_ for p in noun.children if p.dep_ == "prep"]
    by_doer = participants and all(p == "by" for p in parties if p in pattern.participant_preps)
    undergone = not objects and fold(noun.lemma_) in frames().possessor_undergoes
    if by_doer or undergone:
        # "the mayor's arrest by police": with the doer in a "by" phrase, the possessor is
        # the one it is done to; so of an arrest whatever names its doer ("hours after his
        # arrest": the one arrested, not the arrester)
        possessed = possessor_actors(noun, context)
        keys = {a.key for a in possessed}
        owners = [a for a in owners if a.key not in keys]
        targets = possessed + targets
    if by_doer:
        subjects = owners + participants  # "an inquiry by A and B": both do it
    else:
        subjects = (
            owners + participants[:1]
            or _support_subjects(noun, context, pattern.type)
            or _role_doers(noun, context)
        )
        targets += participants[1:]
    return subjects, targets or _undergoers(noun, context)


def _dated_by(prep: Token) -> bool:
    """ "the bombings on Aug. 7": a time phrase, not what the act is done to."""
    return any(c.dep_ == "pobj" and c.ent_type_ in TIME_ENTITIES for c in prep.children)


def _doers(noun: Token, context: Context) -> list[ActorRef]:
    """Who does what a noun names when its phrase names only whom they do it with: the
    possessor ("Putin's meeting with Xi"), else a support verb's subject ("Annan wrapped
    up a meeting with Saddam")."""
    return _owners(noun, context, has_object=True) or _support_subjects(noun, context)


def _phrase_preps(noun: Token, pattern: Pattern) -> list[Token]:
    """The prepositions of the noun's phrase: its own, those of a noun that counts it ("a
    wave of unrest by students"), and the target prepositions the parser hung on the verb
    whose object it is ("launched an attack on X", "charges were filed against him")."""
    preps = [c for c in noun.children if c.dep_ == "prep"]
    counting = container(noun)
    if counting is not None:
        preps += [c for c in counting.children if c.dep_ == "prep" and c != noun.head]
    verb = _light_verb(noun)
    if verb is not None:
        preps += [
            c
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ in frames().light_verb_target_preps
        ]
    return preps + _stray_agents(noun) + _agents_on_undergoer(noun, pattern)


def _stray_agents(noun: Token) -> list[Token]:
    """A "by" phrase the parser hung on an active verb after the noun, its object ("Castro
    attended a rally Thursday by media workers"): an active verb has no agent, so the
    phrase is the noun's (it counts only where it names actors)."""
    verb = noun.head
    if noun.dep_ not in {"dobj", "obj"} or any(
        c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children
    ):
        return []
    return [
        c
        for c in verb.children
        if c.dep_ in {"agent", "prep"} and c.lower_ == "by" and c.i > noun.i
    ]


def _agents_on_undergoer(noun: Token, pattern: Pattern) -> list[Token]:
    """A "by" phrase the parser hung on the object of the act's own target "of" ("the
    arrest of the opposition leader by Belarusian police"): a leader is done nothing "by",
    so the phrase is the act's."""
    if "by" not in pattern.participant_preps or "of" not in pattern.target_preps:
        return []
    undergoers = prepositional_objects(noun, {"of"})
    return [c for u in undergoers for c in u.children if c.dep_ == "prep" and c.lower_ == "by"]


def _light_verb(noun: Token) -> Token | None:
    """The support or undergoer verb whose object (or passive subject) the noun is, or
    that is said of it as a participle ("an attack carried out by rebels", "a threat
    received by the bank", "charges being brought against him"), or a verb of taking part
    whose "in" phrase it is ("hundreds joined in a vigil"); that of the noun counting it
    ("held a new round of talks", "launched a wave of attacks")."""
    counting = container(noun)
    if counting is not None:
        return _light_verb(counting)
    head = noun.head
    if noun.dep_ in LIGHT_LINKS and head.pos_ in {"VERB", "AUX"} and _light(head):
        return head
    if _taken_part_in(noun):
        return head.head
    owned = owned_up_to(noun)
    if owned is not None:
        return owned
    return next(
        (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and _light(c)), None
    )


def _light(verb: Token) -> bool:
    return verb.lemma_.lower() in frames().support_verbs | frames().undergoer_verbs


def _taken_part_in(noun: Token) -> bool:
    """ "students joined in the protest", "youths engaged in clashes": the noun is what a
    verb of taking part has its subject take part in."""
    prep = noun.head
    verb = prep.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ == "in"
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() in frames().participation_verbs
    )


def _owners(noun: Token, context: Context, has_object: bool) -> list[ActorRef]:
    """The actors before the noun that do it: a possessive ("Ireland's demand"), a country
    or nationality ("a Russian campaign", "Palestinian criticism"), and a named actor in a
    compound where the noun's object follows ("the police shooting of a boy", "an SEC
    inquiry into WeWork") or a state body ("a police killing", "an army offensive")."""
    found: list[ActorRef] = []
    for child in noun.children:
        if _prefixed(child):
            continue  # "anti-American protests", "intra-Afghan talks": no doer named
        if child.dep_ == "poss" or (child.dep_ in NAME_MODIFIERS and is_country(child, context)):
            found += actors_of(child, context)
        elif child.dep_ == "amod":
            for modifier in (child, *child.conjuncts):
                actor = modifier_actor(modifier, context)
                found += [_its_people(actor, modifier, noun)] if actor is not None else []
        elif child.dep_ in NAME_MODIFIERS and _before(child, noun, context):
            actors = actors_of(child, context)
            if has_object or any(_state_body(a, _violent(noun)) for a in actors):
                found += actors
        elif child.dep_ == "nummod" and child.lower_ in frames().people_counts:
            # "Thousands rally in Belgrade": a headline's verb the tagger took for a noun,
            # its subject for the number of it
            found += counted_people(child, context)
    return found


def _its_people(actor: ActorRef, modifier: Token, noun: Token) -> ActorRef:
    """ "Greek riots", "Iranian protests": an act a country's people do, not its state,
    done by its people (frames.yaml `people_acts`)."""
    if not actor.key.startswith("country:") or not noun_types(noun) & frames().people_acts:
        return actor
    return ActorRef(
        key=agent_key(actor.country, "CVL"), name=modifier.text, country=actor.country, sector="CVL"
    )


def _prefixed(modifier: Token) -> bool:
    """A word joined by a hyphen to the one before it ("anti-American")."""
    if modifier.i == 0:
        return False
    before = modifier.doc[modifier.i - 1]
    return before.text in HYPHENS and not before.whitespace_


def _before(modifier: Token, noun: Token, context: Context) -> bool:
    """The name on a modifier ends before its noun ("Greece attack police" taken for one
    name in a headline names no doer of the attack)."""
    mention = context.mention_at(modifier)
    return mention is None or mention.end <= noun.idx


def _state_body(actor: ActorRef, armed: bool = False) -> bool:
    """An actor of the state that is no single person ("police", "the army"), one that
    bears arms where the act is violence: "the embassy bombing" names what was bombed."""
    sectors = frames().state_sectors & frames().moved_sectors if armed else frames().state_sectors
    return actor.sector in sectors and not actor.key.startswith("person:")


def _violent(noun: Token) -> bool:
    return "ASSAULT" in noun_types(noun)


def _support_subjects(
    noun: Token, context: Context, event_type: str | None = None
) -> list[ActorRef]:
    """'Teachers began a hunger strike': the subject of a support verb is the noun's actor
    ("charges were filed by prosecutors", "an attack carried out by rebels": the agent;
    with no agent, a reporter whose office does such acts: "the district attorney announced
    that charges were filed", `reporters`); so is the subject of a clause a meeting or visit
    sets the time of ("during a visit to Kenya, the minister said", "after talks with
    Putin, Merkel said")."""
    verb = _light_verb(noun)
    doers = frames().support_verbs | frames().participation_verbs | frames().claiming_verbs
    if verb is None or verb.lemma_.lower() not in doers:
        return _framing_subjects(noun, context)
    subjects = arguments(verb, context)[0]
    if subjects or event_type is None or noun.dep_ not in PASSIVE_SUBJECTS:
        return subjects
    return reporting_doers(verb, event_type, context)


def _framing_subjects(noun: Token, context: Context) -> list[ActorRef]:
    """The active subjects of the clause whose time phrase, set before it, a talk noun
    heads ("During a visit ...", "After talks ...", "On a trip ..."), or that goes
    somewhere for it ("arrived in Nairobi for talks with Moi"): its participants (not
    "after the attack, the US evacuated staff": an attack is no one's setting)."""
    prep = noun.head
    clause = prep.head
    if noun.dep_ != "pobj" or not (_setting(prep) or _purpose(prep)):
        return []
    talk = "CONSULT" in noun_types(noun)
    if not talk or clause.pos_ not in {"VERB", "AUX"}:
        return []
    return [a for t in active_subjects(clause, context) for a in actors_of(t, context)]


def _setting(prep: Token) -> bool:
    # set before the clause ("reporting on a call from X to Y" tells what is reported)
    return prep.lower_ in frames().setting_preps and prep.i < prep.head.i


def _purpose(prep: Token) -> bool:
    """ "flew to Paris for talks": "for" on a clause with no object, whose subject is the
    one who goes to the talks ("thanked Iran for talks with the EU", "criticised him for
    meeting X": the object's)."""
    clause = prep.head
    objects = [c for c in clause.children if c.dep_ in {"dobj", "dative", "attr"}]
    return prep.lower_ == "for" and prep.dep_ == "prep" and not objects


def _givers(noun: Token, context: Context) -> list[ActorRef]:
    """'received an inquiry from X', 'drew criticism from X', 'were under attack from X':
    the one an event undergone comes from does it (not "the withdrawal from Iraq", which
    no one undergoes), the phrase on the verb or on the noun ("received a phone call from
    his Turkish counterpart")."""
    verb = _light_verb(noun)
    phrase = [*verb.children, *noun.children] if verb is not None else []
    if _under(noun):
        phrase = [*noun.children, *noun.head.head.children]  # "from" on either
    elif verb is None or verb.lemma_.lower() not in frames().undergoer_verbs:
        return []
    froms = [c for c in phrase if c.dep_ == "prep" and c.lower_ == "from"]
    return [a for prep in froms for a in actors_under(prep, context)]


def _under(noun: Token) -> bool:
    """ "came under attack", "were under fire": the noun of "under" on a verb."""
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ == "under" and head.head.pos_ in {"VERB", "AUX"}


def _undergoers(noun: Token, context: Context) -> list[ActorRef]:
    """The one an event is done to, as the clause's subject: "the minister faced a probe",
    "a threat received by the bank", "came under attack", "is the target of a campaign"."""
    head = noun.head
    verb = _light_verb(noun)
    if verb is not None and verb.lemma_.lower() in frames().undergoer_verbs:
        clause = verb
    elif _under(noun):
        clause = head.head
    elif noun.dep_ == "pobj" and head.lower_ == "of" and _role(head.head, "undergoer"):
        return _holders(head.head, context)
    else:
        return []
    return arguments(clause, context)[0]


def _role_doers(noun: Token, context: Context) -> list[ActorRef]:
    """'X is the main suspect in the killing', 'X, the suspect in the killing': the one a
    predicate or apposed noun names as the event's doer."""
    head = noun.head
    role = head.head
    if noun.dep_ != "pobj" or head.lower_ not in {"in", "of", "behind"} or not _role(role, "doer"):
        return []
    return _holders(role, context)


def _holders(role: Token, context: Context) -> list[ActorRef]:
    """Who a role noun is said of: the subject of its copula, or the noun it is apposed to."""
    if role.dep_ == "attr":
        return arguments(role.head, context)[0]
    return actors_of(role.head, context)


def _role(role: Token, kind: str) -> bool:
    """'X is the target of', 'X was the subject of' (an undergoer), 'X is the suspect in'
    (a doer): a predicate or apposed noun naming who takes that part in an event."""
    words = frames().undergoer_nouns if kind == "undergoer" else frames().doer_nouns
    return role.dep_ in {"attr", "appos"} and role.lemma_.lower() in words
