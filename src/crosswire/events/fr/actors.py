"""Who a French noun phrase is: a person, a state, an organisation or an unnamed agent,
resolved to the keys crosswire's English actors stage gives the same actors, so an event
told in French and in English has the same participants.

Names French writes as English does ("Lavrov", "Pyongyang", "Iran") go through crosswire's
own tables and knowledge base (`crosswire.actors.classify`, `crosswire.kb`); French country
names, adjectives and capitals ("la Russie", "russe", "Moscou") through the French table
(data/events/fr/actors.yaml); a person the knowledge base does not know by the French
spelling of the whole name ("Sergueï Lavrov") is looked up by the surname, and keyed by the
knowledge base's name only when that settles one person."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from crosswire.actors import countries
from crosswire.actors.classify import classify
from crosswire.actors.keys import country_key, fold, person_key, person_words
from crosswire.events.fr.data import actor_names, country_words
from crosswire.events.participants import agent_key
from crosswire.kb.resolve import resolve_as
from crosswire.model import ActorRef

PERSON_TYPES = frozenset({"person"})
# spaCy's French labels -> the labels crosswire's classifier reads
LABELS = {"PER": "PERSON", "LOC": "GPE", "ORG": "ORG", "MISC": "NORP"}
# Dependents that belong to a noun phrase's own words (its name and its kind)
NAME_DEPS = frozenset({"flat:name", "flat:foreign", "flat"})


@dataclass(frozen=True, slots=True)
class Resolver:
    """A French document's actors: its people by their longest name, on the article's day."""

    doc: Doc
    day: date | None
    people: dict[tuple[str, ...], tuple[str, ...]]  # a name's words -> its longest name's

    @classmethod
    def of(cls, doc: Doc, day: date | None) -> Resolver:
        names = {tuple(person_words(e.text)) for e in doc.ents if e.label_ == "PER"}
        names.discard(())
        longest = {
            n: max((o for o in names if _contains(o, n)), key=len, default=n) for n in names
        }
        return cls(doc, day, longest)

    def actor(self, token: Token) -> ActorRef | None:
        """The actor the phrase headed by `token` names, or None (a pronoun, a thing)."""
        if token.pos_ == "PRON":
            return None
        entity = _entity_of(token)
        named = [
            found
            for c in token.children
            if c.dep_ == "appos" and (found := _entity_of(c)) is not None and found.label_ == "PER"
        ]
        if named:  # "le ministre russe, Sergueï Lavrov": the person, of the head's country
            return _with_country(self.entity_actor(named[0]), self.modifier_country(token))
        if entity is not None and _sector(entity.root) is not None:
            entity = None  # "ministre russe des Affaires étrangères": an office, not a name
        if entity is not None:
            return _with_country(self.entity_actor(entity), self.modifier_country(token))
        return self.common_noun(token)

    def entity_actor(self, entity: Span) -> ActorRef | None:
        text = entity.text
        code = country_of(text)
        if code is not None and entity.label_ != "PER":
            return country_ref(code)
        capital = actor_names().capitals.get(_bare(text)) or countries.capital_country(text)
        if capital is not None and entity.label_ != "PER":
            return replace(country_ref(capital), sector="GOV")  # a capital that acts
        if entity.label_ == "PER":
            return self.person(text)
        label = LABELS.get(entity.label_, "ORG")
        typed = classify(text, entity.start_char, entity.end_char, label, set(), self.day)
        return typed.actor if typed.type != "PERSON" else self.person(text)

    def person(self, name: str) -> ActorRef:
        """A person by the document's longest form of the name, with the knowledge base's
        name, country and sector where it knows the name or, failing that, its surname."""
        words = self.people.get(tuple(person_words(name)), tuple(person_words(name)))
        shown = " ".join(w.title() for w in words) if words != tuple(person_words(name)) else name
        for lookup in (shown, words[-1] if words else shown):
            found = resolve_as(lookup, PERSON_TYPES, self.day)
            if found is None or found.ambiguous or found.entry is None:
                continue
            if person_words(found.entry.name)[-1:] != list(words[-1:]):
                continue  # the KB's person has another surname: not this one
            key = person_key(found.entry.name)
            return ActorRef(key, shown, found.country, found.sector)
        return ActorRef("person:" + " ".join(words), shown)

    def common_noun(self, token: Token) -> ActorRef | None:
        """ "la police", "l'armée russe", "des milliers de manifestants", "la Russie"."""
        names = actor_names()
        lemma = fold(token.lemma_)
        if lemma in names.quantities:
            nested = [c for c in token.children if c.dep_ == "nmod" and _has_case(c, "de")]
            return self.common_noun(nested[0]) if nested else None
        code = country_of(_phrase(token))
        if code is not None and token.pos_ in {"PROPN", "NOUN"}:
            return country_ref(code)
        sector = _sector(token)
        if sector is None:
            return None
        country = self.modifier_country(token)
        kind = lemma if sector in names.keyed_by_noun else None
        return ActorRef(agent_key(country, sector, kind), _phrase(token), country, sector)

    def modifier_country(self, token: Token) -> str | None:
        """The country an adjective or a "de" complement gives a noun ("l'armée russe",
        "le ministre des Affaires étrangères de la Russie")."""
        for child in token.children:
            if child.dep_ == "amod":
                code = country_of(child.text) or country_of(child.lemma_)
                if code:
                    return code
            if child.dep_ == "nmod" and _has_case(child, "de"):
                entity = _entity_of(child)
                code = country_of(entity.text if entity else _phrase(child))
                if code:
                    return code
        return None


def country_of(text: str) -> str | None:
    """The country a French (or English) name or adjective names, without its article."""
    bare = _bare(text)
    return country_words().get(bare) or countries.country_code(text)


def country_ref(code: str) -> ActorRef:
    return ActorRef(country_key(code), countries.country_name(code), code, None)


def _with_country(actor: ActorRef | None, country: str | None) -> ActorRef | None:
    if actor is None or actor.country or country is None:
        return actor
    return replace(actor, country=country)


def _bare(text: str) -> str:
    """Folded, without a leading article ("la Russie" -> "russie", "l'Iran" -> "iran")."""
    folded = fold(text.replace("'", " ").replace("’", " "))
    for article in ("le ", "la ", "les ", "l "):
        if folded.startswith(article):
            return folded[len(article) :]
    return folded


def _entity_of(token: Token) -> Span | None:
    for entity in token.doc.ents:
        if entity.start <= token.i < entity.end:
            return entity
    return None


def _has_case(token: Token, word: str) -> bool:
    return any(c.dep_ == "case" and fold(c.lemma_) == word for c in token.children)


def _phrase(token: Token) -> str:
    """The noun with its adjectives and name parts, as written ("armée russe")."""
    kept = [c for c in token.children if c.dep_ in {"amod", *NAME_DEPS}]
    words = sorted([token, *kept], key=lambda t: t.i)
    return " ".join(t.text for t in words)


def _sector(token: Token) -> str | None:
    """The sector a noun names, with its adjectives ("homme armé") or alone ("police")."""
    agents = actor_names().agents
    lemma = fold(token.lemma_)
    adjectives = [fold(c.lemma_) for c in token.children if c.dep_ == "amod"]
    for adjective in adjectives:
        if f"{lemma} {adjective}" in agents:
            return agents[f"{lemma} {adjective}"]
    return agents.get(lemma) or agents.get(fold(token.text))


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))
