"""The doer of a harm told with no doer of its own, read from the act or operation it
happened in ("killed in shelling by Syrian forces", "killed in an Israeli airstrike",
"arrested in a police sweep"), and the nouns that name such acts."""

from __future__ import annotations

from spacy.tokens import Token

from crosswire.actors.keys import fold
from crosswire.actors.lexicon import facility_heads
from crosswire.events.context import Context
from crosswire.events.data import agents, frames
from crosswire.events.harmed import harmed
from crosswire.events.owners import named_owner
from crosswire.events.participants import (
    actors_of,
    actors_under_prep,
    possessor_actors,
)
from crosswire.events.patterns import Pattern, noun_patterns, told_act, verb_lemma, verb_patterns
from crosswire.model import ActorRef

# Prepositions whose object names the act or operation a harm happened in ("killed in an
# attack", "wounded during clashes"): read here for its doer, in `coordinated` to fold it
ACT_PREPS = frozenset({"in", "during"})


def doers_of_the_act_in(trigger: Token, pattern: Pattern, context: Context) -> list[ActorRef]:
    """ "one of its soldiers was killed in shelling by Syrian government forces", "killed
    in clashes between Serb police and ethnic Albanians", "killed in an Israeli airstrike",
    "the police sweep in which 89 people were arrested": a harm told in the passive with no
    doer of its own is done by the doer the act or operation it happened in names, its
    possessor, "by" phrase or actor modifier, or the first party "between" (as the
    guideline orders a reciprocal act); a judgement given in a court is the court's."""
    if trigger.tag_ == "VBN" and pattern.type in frames().court_types:
        return _court_it_was_done_in(trigger, context)
    if pattern.type not in harmed().types or trigger.tag_ != "VBN":
        return []
    # "was killed and another wounded in shelling": the phrase on the joined participle
    verbs = [trigger, *(c for c in trigger.conjuncts if c.tag_ == "VBN")]
    for prep in (p for verb in verbs for p in verb.children):
        if prep.dep_ != "prep" or prep.lower_ not in ACT_PREPS:
            continue
        for act in (_relative_head(g) for g in prep.children if g.dep_ in {"pobj", "pcomp"}):
            if not _an_act(act):
                continue
            found = possessor_actors(act, context) or actors_under_prep(act, "by", context)
            found = found or (_modifier_doers(act, context) if _an_operation(act) else [])
            found = found or actors_under_prep(act, "between", context)[:1]
            if found:
                return found
    return []


def _court_it_was_done_in(trigger: Token, context: Context) -> list[ActorRef]:
    """ "was convicted in state court", "was sentenced in federal court": a judgement told
    in the passive with no doer of its own is the court's it was given in."""
    for prep in (p for p in trigger.children if p.dep_ == "prep" and p.lower_ in {"in", "by"}):
        for court in (g for g in prep.children if g.dep_ == "pobj"):
            if court.lemma_.lower() in frames().court_nouns:
                return actors_of(court, context)
    return []


def _relative_head(word: Token) -> Token:
    """The noun a relative "which" stands for ("the sweep in which 89 were arrested")."""
    clause = word.head.head
    if word.lower_ in agents().relative_pronouns and clause.dep_ == "relcl":
        return clause.head
    return word


def _modifier_doers(act: Token, context: Context) -> list[ActorRef]:
    """The doers an act's modifiers name: a country ("Israeli", "a US strike") or an actor
    written before it ("a police raid", "a Taliban attack"); not a place or a building,
    which says where or what was hit ("a Kabul attack", "the embassy bombing"). The actor
    comes before the country ("a Sicilian police raid": the police, of Sicily's country
    once placed)."""
    before = [c for c in act.children if c.i < act.i]
    actors = [
        a
        for c in before
        if c.dep_ in {"compound", "nmod"} and not _a_place(c, context)
        for a in actors_of(c, context)
    ]
    return actors or [a for c in before if c.dep_ == "amod" for a in named_owner(c, context)]


def _an_operation(act: Token) -> bool:
    """An act's own noun ("raid", "airstrike", "shelling"), not the noun of a place that
    a verb is also made of ("held in a police jail")."""
    lemma = act.lemma_.lower()
    own = lemma in noun_patterns() or lemma in frames().operation_nouns
    return own or act.tag_ == "VBG" or act.lower_.endswith("ing")


def _a_place(word: Token, context: Context) -> bool:
    mention = context.mention_at(word)
    if mention is not None and mention.type == "PLACE":
        return True
    return fold(word.lemma_) in facility_heads()


def _an_act(word: Token) -> bool:
    """A noun or gerund of a harmful act ("shelling", "clashes", "a raid") or of an
    operation ("a police sweep"), not a body part or a place ("shot in his head")."""
    if word.tag_ == "VBG":
        return any(p.type in frames().told_acts for p in verb_patterns().get(verb_lemma(word), ()))
    return told_act(word) or word.lemma_.lower() in frames().operation_nouns
