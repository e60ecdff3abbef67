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

import re
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
_ARTICLE = re.compile(r"^(?:les?|la|l['’])\s*", re.IGNORECASE)
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
        longest = {n: max((o for o in names if _contains(o, n)), key=len, default=n) for n in names}
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
        if entity is not None and (_sector(entity.root) is not None or not a_name(entity)):
            entity = None  # "ministre russe des Affaires étrangères": an office, not a name
        if entity is not None:
            return _with_country(self.entity_actor(entity), self.modifier_country(token))
        return self.common_noun(token)

    def entity_actor(self, entity: Span) -> ActorRef | None:
        text = entity.text
        code = country_of(text)
        if code is not None and entity.label_ != "PER":
            return country_ref(code)
        capital = capital_country(text)
        if capital is not None and entity.label_ != "PER" and _acts(entity):
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
        found = _sector(token)
        country = self.modifier_country(token)
        if found is None:
            # an unknown plural with a nationality on it ("deux ingénieurs chinois") is
            # still that country's people, as the English coder reads "Ugandan candidates"
            number = token.morph.get("Number", [])
            plural = "Plur" in number if number else token.lower_.endswith(("s", "x"))
            nationality = self.nationality(token)
            if nationality is None or not plural or token.pos_ != "NOUN":
                return None
            return ActorRef(agent_key(nationality, None), _phrase(token), nationality, None)
        noun, sector = found
        kind = noun if sector in names.keyed_by_noun else None
        return ActorRef(agent_key(country, sector, kind), _phrase(token), country, sector)

    def modifier_country(self, token: Token, depth: int = 1) -> str | None:
        """The country an adjective or a "de" complement gives a noun ("l'armée russe",
        "le ministre des Affaires étrangères de la Russie", "le secrétaire d'État
        américain"). A nationality adjective follows its noun in French: the word right
        after the noun is read as one whatever the small parser made of it ("la chancelière
        autrichienne" parsed as a subject and its verb)."""
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if following is not None and following.pos_ in {"ADJ", "VERB", "PROPN", "NOUN"}:
            code = adjective_country(following)
            if code:
                return code
        for child in token.children:
            if child.dep_ in {"amod", "acl"} and (code := adjective_country(child)):
                return code
            if child.dep_ == "nmod" and _has_case(child, "de"):
                entity = _entity_of(child)
                named = entity.text if entity else _phrase(child)
                code = country_of(named) or city_country(named)
                if code is None and depth:
                    code = self.modifier_country(child, depth - 1)
                if code:
                    return code
        return None

    def nationality(self, token: Token) -> str | None:
        """The country of a nationality adjective on the noun, not of a place named in a
        complement ("des ingénieurs chinois", not "des villages de la région d'Idleb")."""
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        modifiers = [c for c in token.children if c.dep_ in {"amod", "acl"}]
        for word in ([following] if following is not None else []) + modifiers:
            code = adjective_country(word)
            if code:
                return code
        return None

    def owner(self, token: Token) -> ActorRef | None:
        """The actor a thing belongs to: its "de" complement ("la position de l'Union
        européenne", "le nord d'Israël") or its nationality adjective ("le blocus
        américain")."""
        for child in token.children:
            if child.dep_ == "nmod" and _has_case(child, "de"):
                actor = self.actor(child)
                if actor is not None:
                    return actor
            agents = [g for g in child.children if g.dep_ == "obl:agent"]
            if child.dep_ == "acl" and agents:  # "la proposition présentée par la Turquie"
                actor = self.actor(agents[0])
                if actor is not None:
                    return actor
        code = self.modifier_country(token, depth=0)
        return country_ref(code) if code else None


def country_of(text: str) -> str | None:
    """The country a French (or English) name or adjective names, without its article."""
    bare = _bare(text)
    written = _ARTICLE.sub("", text.strip())  # countrynames knows "Allemagne", not "l'Allemagne"
    return country_words().get(bare) or countries.country_code(written)


def capital_country(name: str) -> str | None:
    """The country whose capital a French or English name is ("Moscou", "Séoul")."""
    return actor_names().capitals.get(_bare(name)) or countries.capital_country(name)


def city_country(name: str) -> str | None:
    """The country of a capital or a known city named in French or as English writes it
    ("un tribunal d'Ankara", "la police de Moscou")."""
    bare = _bare(name)
    return (
        actor_names().capitals.get(bare)
        or countries.capital_country(name)
        or countries.city_country(name)
    )


def adjective_country(token: Token) -> str | None:
    """The country a nationality adjective names ("russe", "biélorusses"), not a name."""
    table = country_words()
    adjectives = {a for c in actor_names().countries.values() for a in c.adjectives}
    for word in (fold(token.text), fold(token.lemma_)):
        if word in adjectives:
            return table[word]
    return None


def a_name(entity: Span) -> bool:
    """Whether a PER entity reads as a person's name: every word capitalised but the name
    particles ("Dakar le Premier ministre malien" is a place and an office run together)."""
    if entity.label_ != "PER":
        return True
    particles = {"de", "du", "d", "des", "van", "von", "bin", "ben", "al", "el", "ibn", "da"}
    words = [w for w in fold(entity.text).split() if w not in particles]
    written = entity.text.replace("'", " ").replace("’", " ").split()
    return bool(words) and all(w[:1].isupper() or fold(w) in particles for w in written)


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


def _acts(entity: Span) -> bool:
    """A capital that is the subject, object or agent of a verb stands for its state
    ("Pyongyang a tiré"); one a complement merely places is the city ("à Ankara")."""
    return entity.root.dep_ in {"nsubj", "nsubj:pass", "obj", "obl:agent", "iobj"}


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


def _sector(token: Token) -> tuple[str, str] | None:
    """The agent noun (singular) and the sector it names, with its adjectives ("homme
    armé"), its "de" complement ("secrétaire d'État") or alone ("police"). The small
    model's lemma is not always a noun's ("manifestant" as the verb "manifester"), so the
    word as written, made singular, is tried too."""
    agents = actor_names().agents
    nouns = [fold(token.lemma_), singular(fold(token.text))]
    modifiers = [c for c in token.children if c.dep_ in {"amod", "acl"}]
    adjectives = [w for c in modifiers for w in (fold(c.lemma_), singular(fold(c.text)))]
    for noun in nouns:
        for adjective in adjectives:
            if f"{noun} {adjective}" in agents:
                return noun, agents[f"{noun} {adjective}"]
        for child in token.children:
            if child.dep_ == "nmod" and f"{noun} de {fold(child.lemma_)}" in agents:
                return noun, agents[f"{noun} de {fold(child.lemma_)}"]
    for noun in nouns:
        if noun in agents:
            return noun, agents[noun]
    return None


def singular(word: str) -> str:
    """A French plural's singular, by its ending ("manifestants", "armés", "journaux")."""
    if word.endswith("aux") and len(word) > 4:
        return word[:-3] + "al"
    return word[:-1] if word.endswith(("s", "x")) and len(word) > 3 else word


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))
