"""Event nouns that tell no act of their own here, whatever they name elsewhere: the kind
of an actor ("riot police"), what a charge is for ("murder charges"), an act referred to
("arrested for the murder", "protests against the invasion": the labelling guideline's
background references), and the nouns that count or own up to an act, which tell it."""

from __future__ import annotations

from spacy.tokens import Token

from crosswire.actors.keys import fold
from crosswire.events.context import Context
from crosswire.events.data import frames
from crosswire.events.harmed import harm_told_of
from crosswire.events.operations import ACT_PREPS
from crosswire.events.participants import actors_of
from crosswire.events.patterns import noun_types, told_act, verb_lemma, verb_patterns
from crosswire.events.recipients import is_case

# How a noun hangs on a support verb: its object, or its subject in the passive
LIGHT_LINKS = {"dobj", "obj", "nsubjpass"}


def names_no_act(noun: Token, context: Context) -> bool:
    """The noun names no act told here, whatever it means elsewhere: the kind of an actor
    ("riot police"), what a charge is for ("murder charges"), an act referred to."""
    return kind_of_actor(noun, context) or _what_a_case_is_for(noun) or referred_act(noun)


def _what_a_case_is_for(noun: Token) -> bool:
    """ "will face murder and kidnapping charges", "the assassination case": an act written
    before a charge or a case is what someone is accused of, not an act told as done."""
    if noun.dep_ in {"compound", "conj"} and is_case(_compound_head(noun)):
        return True
    return is_case(_listed_before(noun))


def _listed_before(noun: Token) -> Token | None:
    """The noun a list of modifiers beginning with this one ends on, read by the words
    where the parser made the list something else ("face murder and kidnapping charges":
    "murder" an object, "kidnapping" a verb): the first word after it that no list
    word ("and", a comma, a modifier) is."""
    listing = {"and", "or", ",", "attempted"}
    for word in noun.doc[noun.i + 1 : min(noun.i + 5, noun.sent.end)]:
        if word.lower_ not in listing and word.tag_ not in {"NN", "VBG", "JJ"}:
            return word if word.tag_ == "NNS" else None
        if word.tag_ in {"NN", "NNS"} and is_case(word):
            return word
    return None


def referred_act(noun: Token) -> bool:
    """ "arrested for the murder", "protests against the invasion", "charged in connection
    with the shooting", "in response to the attacks", "arrested in the killing of X": a
    harmful act named in such a phrase refers to one told elsewhere (the labelling
    guideline's background references), unless the phrase counts it ("a wave of
    killings") or owns up to it ("claimed responsibility for the attack"); one in a harm's
    own phrase ("were killed in an airstrike", folded into the harm's verb) is told there."""
    prep = noun.head
    if noun.dep_ != "pobj" or not told_act(noun) or container(noun) is not None:
        return False
    if prep.lower_ in frames().referring_preps:
        return owned_up_to(noun) is None
    if prep.lower_ in {"with", "to"}:
        # "in connection with", "in response to"; not "clashed with", "committed to"
        return prep.head.pos_ == "NOUN"
    return prep.lower_ in ACT_PREPS and prep.head.pos_ == "VERB" and not _in_its_harm(noun)


def _in_its_harm(noun: Token) -> bool:
    """ "were killed in an airstrike", "were arrested in a raid": the act's "in" phrase on
    a verb of the harm it did or of its own type (not "arrested in the shooting of X")."""
    if harm_told_of(noun) is not None:
        return True  # "were injured in the bombing", "died in the attack"
    verb = noun.head.head
    types = noun_types(noun)
    return any(p.type in types for p in verb_patterns().get(verb_lemma(verb), ()))


def _compound_head(noun: Token) -> Token:
    """The noun a compound (or a member of a list of compounds) is written before."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    return noun.head if noun.dep_ == "compound" else noun


def kind_of_actor(noun: Token, context: Context) -> bool:
    """A noun written before an actor's noun only says what kind of actor it is ("riot
    police", "attack helicopters", "protest leaders"), no event."""
    head = noun.head
    return noun.dep_ == "compound" and head.i > noun.i and bool(actors_of(head, context))


def container(noun: Token) -> Token | None:
    """'a wave of [unrest]', 'days of [clashes]': the noun that counts or spans the event."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ != "of" or head.head.pos_ != "NOUN":
        return None
    return head.head if head.head.lemma_.lower() in frames().event_containers else None


def owned_up_to(noun: Token) -> Token | None:
    """The verb of owning up to the act a noun names ("claimed responsibility for the
    attack", "took responsibility for the bombing"), or None."""
    prep = noun.head
    owning = prep.head
    verb = owning.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or owning.dep_ not in LIGHT_LINKS:
        return None
    if fold(owning.lemma_) not in frames().responsibility_nouns:
        return None
    return verb if fold(verb.lemma_) in frames().claiming_verbs else None
