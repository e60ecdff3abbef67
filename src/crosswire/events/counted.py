"""People stated only by their number: "Dozens gathered", "as many as 200 were killed",
"two of them escaped". A count standing for the ones who do or undergo an event is those
people (unnamed, ordinary people unless its "of" phrase names whose: "two of the
attackers" are the attackers)."""

from __future__ import annotations

from spacy.tokens import Token

from crosswire.actors.keys import fold
from crosswire.events.context import Context
from crosswire.events.data import frames
from crosswire.events.participants import actors_of, agent_key
from crosswire.model import ActorRef

# Numbers the recogniser says are something other than a count of people
NOT_COUNTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}


def counted_people(token: Token, context: Context) -> list[ActorRef]:
    """The people a bare count names, or the actors of its "of" phrase; none for a
    number of anything else (a year, a sum, "two of the boats")."""
    if not _count(token):
        return []
    wholes = [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if wholes:
        return actors_of(wholes[0], context)
    name = token.doc[token.left_edge.i : token.i + 1].text
    return [ActorRef(key=agent_key(None, "CVL", fold(token.text)), name=name, sector="CVL")]


def _count(token: Token) -> bool:
    """A cardinal number or a noun of a great number ("dozens") heading its phrase."""
    if token.ent_type_ in NOT_COUNTS or _sum(token):
        return False
    if token.pos_ == "NUM":
        return token.like_num  # "200", "two"; not "4x4"
    return token.pos_ == "NOUN" and token.lower_ in frames().people_counts


def _sum(token: Token) -> bool:
    """A number with a currency before it ("dlrs 50 million", "$3 million")."""
    before = [t for t in token.subtree if t.i < token.i]
    return any(t.is_currency or t.lower_ in frames().currency_words for t in before)
