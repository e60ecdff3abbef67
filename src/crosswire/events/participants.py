"""The actors a noun phrase names: a mention the actors stage found, a pronoun's
antecedent, or a generic agent keyed by country and sector ("Egyptian police")."""

from __future__ import annotations

from spacy.tokens import Token

from crosswire.actors.countries import country_code, country_name
from crosswire.actors.keys import fold
from crosswire.actors.lexicon import group_heads, roles
from crosswire.events.context import Context
from crosswire.events.data import agents, frames
from crosswire.events.syntax import CLAUSES, PASSIVE_SUBJECTS, SUBJECTS
from crosswire.model import ActorRef, Mention, Place
from crosswire.nlp import MAX_CLIMB

ACTOR_TYPES = {"PERSON", "ORG", "COUNTRY", "GROUP", "MEDIA"}


def actors_of(token: Token, context: Context) -> list[ActorRef]:
    """The actors a noun phrase names: its mention, its conjuncts, its apposition."""
    found: list[ActorRef] = []
    for head in [token, *(c for c in token.conjuncts if not dateline(c))]:
        actor = _actor_of_head(head, context)
        if actor is not None:
            found.append(actor)
    return found


def actors_under(prep: Token, context: Context) -> list[ActorRef]:
    return [a for child in prep.children if child.dep_ == "pobj" for a in actors_of(child, context)]


def dateline(token: Token) -> bool:
    """'GENEVA (Meridian Wire) - Putin and Biden agreed': the upper-case place opening a
    wire story is where it was filed, never the subject the parser may take it for."""
    return token.is_upper and len(token.text) > 1 and token.i - token.sent.start < 3


def _actor_of_head(token: Token, context: Context) -> ActorRef | None:
    if token.lower_ in frames().pronouns:
        return _antecedent(token, context)
    named_by = {"appos", "compound", "nmod"}  # "the Hizbollah group": the name is a modifier
    for candidate in [token, *(c for c in token.children if c.dep_ in named_by)]:
        mention = context.mention_at(candidate)
        if mention is not None and bare_demonym(mention, candidate):
            continue  # "Ugandan [candidates]": a modifier, not a person
        if mention is not None and mention.type in ACTOR_TYPES | {"PLACE"}:
            if mention.type == "PLACE":
                return (
                    country_actor(Place(mention.actor.name, mention.actor.country))
                    if mention.actor.country
                    else None
                )
            return mention.actor
    named = _person_in_phrase(token, context)
    return named.actor if named else generic_actor(token, context)


# ------------------------------------------------------------------ pronouns


def _antecedent(pronoun: Token, context: Context) -> ActorRef | None:
    """A pronoun in a reported or dependent clause is the reporting clause's subject
    ("Syria says it will ...", "Iraq renewed its demand ..."); he/she/his otherwise fall
    back to the previous person named."""
    found = _subject_above(pronoun, _pronoun_clause(pronoun), context)
    if found is not None:
        return found
    if pronoun.lower_ in frames().person_pronouns:
        previous = context.previous_person(pronoun)
        return previous.actor if previous else None
    return None


def _pronoun_clause(pronoun: Token) -> Token:
    """The clause a pronoun belongs to: a possessive's is the verb above its noun."""
    clause = pronoun.head
    if pronoun.dep_ == "poss":
        for _ in range(MAX_CLIMB):  # bounded: a climb over a parse always ends
            if clause.pos_ in {"VERB", "AUX"} or clause.head.i == clause.i:
                break
            clause = clause.head
    return clause


def _subject_above(pronoun: Token, clause: Token, context: Context) -> ActorRef | None:
    """The first named subject of `clause` or of the clauses reporting it."""
    for _ in range(4):
        actor = _named_subject(pronoun, clause, context)
        if actor is not None:
            return actor
        if clause.dep_ not in {"ccomp", "xcomp", "advcl", "conj", "relcl"}:
            break
        clause = clause.head
    return None


def _named_subject(pronoun: Token, clause: Token, context: Context) -> ActorRef | None:
    for subject in (c for c in clause.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS):
        if subject.i == pronoun.i or pronoun in subject.subtree:
            continue
        if subject.lower_ in frames().pronouns:
            continue
        actors = actors_of(subject, context)
        if actors:
            return actors[0]
    return None


# ------------------------------------------------------------------ named and generic actors


def _person_in_phrase(token: Token, context: Context) -> Mention | None:
    """'the Chairman of the State Affairs Commission Kim Jong Un': the person the phrase names."""
    for inner in token.subtree:
        if inner.dep_ in CLAUSES and inner.i != token.i:
            return None
        mention = context.mention_at(inner)
        if mention is not None and mention.type == "PERSON" and not bare_demonym(mention, inner):
            return mention
    return None


def generic_actor(token: Token, context: Context) -> ActorRef | None:
    """'the Egyptian president', 'police', 'thousands of farmers': an actor by its kind,
    keyed by country and sector (all Egyptian government actors are one participant)."""
    if token.lower_ in agents().quantities:
        nested = [
            g
            for c in token.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if nested:
            return generic_actor(nested[0], context)
    word = fold(token.text)
    sector = group_heads().get(word) or roles().get(word) or agents().agents.get(word)
    country = _modifier_country(token, context)
    if sector is None and (country is None or token.tag_ not in {"NNS", "NNPS"}):
        # an unknown plural with a country on it ("Ugandan opposition candidates") is
        # still that country's people; anything else unknown is no actor
        return None
    modifiers = [c.text for c in token.children if c.dep_ in {"amod", "compound"} and c.i < token.i]
    name = " ".join([*modifiers, token.text])
    return ActorRef(
        key=f"agent:{country or 'XXX'}:{sector or '-'}", name=name, country=country, sector=sector
    )


def _modifier_country(token: Token, context: Context) -> str | None:
    """The country named on a generic agent: 'Egyptian police', 'police of Kenya'."""
    for child in token.children:
        for target in _modifier_tokens(child):
            mention = context.mention_at(target)
            if mention is not None and mention.actor.country:
                return mention.actor.country
            if target.dep_ in {"amod", "compound"} and (code := demonym(target)):
                return code
    return None


def _modifier_tokens(child: Token) -> list[Token]:
    """The words of one dependent of a noun that may name its country."""
    if child.dep_ == "prep" and child.lower_ in {"of", "from", "in", "at"}:
        # "police of Kenya", "journalists at Sudan's main newspaper"
        objects = [g for g in child.children if g.dep_ == "pobj"]
        return objects + [
            m for g in objects for m in g.children if m.dep_ in {"poss", "amod", "compound"}
        ]
    return [child] if child.dep_ in {"amod", "compound", "poss", "nmod"} else []


# ------------------------------------------------------------------ countries


def demonym(token: Token) -> str | None:
    """The country of a nationality adjective the actors stage left without one
    ("Sierra Leonean", "Panamanian")."""
    words = " ".join(t.text for t in token.subtree)
    return country_code(words) or (country_code(token.text) if words != token.text else None)


def bare_demonym(mention: Mention, token: Token) -> bool:
    return (
        mention.type == "PERSON"
        and not mention.actor.country
        and token.dep_ in {"amod", "compound"}
        and demonym(token) is not None
    )


def is_country(token: Token, context: Context) -> bool:
    mention = context.mention_at(token)
    return mention is not None and mention.type == "COUNTRY"


def modifier_actor(token: Token, context: Context) -> ActorRef | None:
    """A country named by an adjective on a non-actor noun ("a Senegalese peace plan")."""
    if is_country(token, context):
        actors = actors_of(token, context)
        return actors[0] if actors else None
    code = demonym(token) if token.dep_ == "amod" else None
    return country_actor(Place(name=token.text, country=code)) if code else None


def country_actor(place: Place) -> ActorRef:
    code = place.country or ""
    return ActorRef(key=f"country:{code}", name=country_name(code) or code, country=code)


def unique(actors: list[ActorRef]) -> list[ActorRef]:
    seen: dict[str, ActorRef] = {}
    for actor in actors:
        seen.setdefault(actor.key, actor)
    return list(seen.values())
