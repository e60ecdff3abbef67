"""Typing and resolving one repaired span: PERSON, ORG, MEDIA, COUNTRY, PLACE or GROUP,
with its canonical ActorRef (persons are finished in persons.py, which needs the whole doc)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from crosswire.actors import countries
from crosswire.actors.agents import agent_sector
from crosswire.actors.keys import (
    country_key,
    fold,
    group_key,
    media_key,
    org_key,
    people_key,
    place_key,
)
from crosswire.actors.lexicon import (
    Known,
    company_suffixes,
    group_heads,
    group_heads_any_number,
    known_names,
    medium_words,
    member_nouns,
    non_state_codes,
    org_heads,
    supranational_region,
)
from crosswire.actors.regions import regional_body
from crosswire.kb.base import knowledge_base, user_files
from crosswire.kb.model import ORG_WORDS, Entry
from crosswire.kb.resolve import choose
from crosswire.model import ActorRef
from crosswire.nlp import english_nouns

# persons are resolved with the whole doc (mentions.py), organisations and groups here
KB_TYPES = frozenset({"organisation", "group"})
# Sectors of a state's own bodies: one such body per country and head ("Supreme Court of
# Pakistan" is the Pakistani supreme court); "University of Ghana" is one of many
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
MAX_ACRONYM = 6  # letters: "PRI", "FARC"; a longer all-caps word is a name in capitals
# Labels under which a span may be a place
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_DETERMINER = re.compile(r"^(?:the|an?)\s+(?=\S)", re.IGNORECASE)
_COMPASS = re.compile(
    r"^(?:north|south|east|west|northern|southern|eastern|western|central|northeastern|"
    r"northwestern|southeastern|southwestern|occupied)\s+",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Typed:
    """A span with its type and actor; persons get their ActorRef later (key is provisional)."""

    start: int
    end: int
    text: str
    type: str
    actor: ActorRef
    label: str  # spaCy's (or the repair's) label
    is_capital: bool = False
    qualified: bool = False  # a town its qualifier placed ("Paris, Texas"): not read again
    office: str | None = None  # an office named alone ("the Iraqi prime minister"): its role


def display(text: str) -> str:
    """Readable form: all-caps words re-cased ("KIM JONG UN" -> "Kim Jong Un"), acronyms
    of up to four letters kept ("DPRK", "KCNA")."""
    words = text.split()
    if not any(w.isupper() and len(w) > 4 for w in words) and not (
        len(words) > 1 and all(w.isupper() for w in words)
    ):
        return " ".join(words)
    return " ".join(w.title() if w.isupper() and len(w) > 1 else w for w in words)


def lookup_known(text: str) -> Known | None:
    """A known medium/organisation by its name, or by its first words ("KCNA news agency")."""
    folded = fold(text)
    table = known_names()
    if folded in table:
        return table[folded]
    for suffix in medium_words():
        if folded.endswith(" " + suffix):
            head = folded[: -len(suffix) - 1]
            if head in table:
                return table[head]
    return None


def classify(
    text: str, start: int, end: int, label: str, person_words: set[str], day: date | None = None
) -> Typed:
    """Type and resolve one span. ``person_words`` are the folded words of the document's
    multi-word person names: evidence that a span spaCy called a place or an org is a name;
    ``day`` (the article's date) chooses among an organisation's dated roles in the KB."""
    shown = display(text)
    if label not in _PLACE_LABELS and countries.city_country(shown) is None:
        # "The UN" (a sentence's start) is the UN; "The Hague", "The Gambia" keep theirs
        shown = _DETERMINER.sub("", shown) or shown
    known = lookup_known(shown)
    if known is not None:
        return _known(text, start, end, label, known)
    from_kb = _from_kb(text, start, end, label, shown, day)
    if from_kb is not None:
        return from_kb  # before the country names: "PRI" is a party, not Puerto Rico
    code = countries.country_code(shown)
    if label == "PERSON" and code is not None:
        tagged = _country_tagged_person(text, start, end, shown, code, person_words)
        if tagged is not None:
            return tagged
    if label == "PERSON" and _all_country_words(shown):
        return _group(text, start, end, shown, "NORP")  # "Bosnian Serbs": a people
    if label == "PERSON" or _is_person_by_evidence(shown, label, person_words):
        return Typed(start, end, text, "PERSON", ActorRef("", shown), label)
    if code is not None and label in {"GPE", "NORP", "LOC"} and countries.people_of(shown):
        # "Nigerians protested": a country's people, civilians as CAMEO and PLOVER code them
        return _people(text, start, end, shown, code, label)
    if code is not None and label in {"GPE", "NORP", "ORG", "LOC"}:
        return Typed(start, end, text, "COUNTRY", _country_ref(code), label)
    if label == "GROUP":
        return _group(text, start, end, shown, label)
    if label == "ORG" and (countries.capital_country(shown) or _town_not_word(shown)):
        return _place(text, start, end, shown, label)  # the small model's "Abu Dhabi" ORG
    if label == "ORG":
        return _organisation(text, start, end, shown, label)
    if label == "NORP" and countries.city_country(shown) is None:
        sector = _agent_sector(fold(shown)) or _people_sector(shown)
        ref = ActorRef(group_key(shown, None), shown, None, sector)
        return Typed(start, end, text, "GROUP", ref, label)
    return _place(text, start, end, shown, label)


def _town_not_word(shown: str) -> bool:
    """A town's name the model called an organisation, unless it is one common noun of
    English ("attacked the Bank" names no town in India called Bank)."""
    common = " " not in shown and shown.lower() in english_nouns()
    return not common and countries.city_country(shown) is not None


def _known(text: str, start: int, end: int, label: str, known: Known) -> Typed:
    if known.kind == "MEDIA":
        ref = ActorRef(media_key(known.name), known.name, known.country, known.sector)
        return Typed(start, end, text, "MEDIA", ref, label)
    if known.kind == "GROUP":
        ref = ActorRef(group_key(known.name, None), known.name, known.country, known.sector)
        return Typed(start, end, text, "GROUP", ref, label)
    sector = known.sector or _international_sector(known)
    ref = ActorRef(org_key(known.name, known.country), known.name, known.country, sector)
    return Typed(start, end, text, "ORG", ref, label)


def _international_sector(known: Known) -> str | None:
    """An international body of organisations.yaml is coded as the KB codes it: by what it
    does where the KB knows ("UNHCR": refugees); its kind (UN, IGO, NGO) is its country code,
    no sector, as in PLOVER."""
    if known.country not in non_state_codes():
        return None
    return _kb_body_sector(known.name, user_files())


@lru_cache(maxsize=1024)  # a few hundred bodies, named again in every article
def _kb_body_sector(name: str, files: tuple[str, ...]) -> str | None:
    """The sector of the body the KB (with the analyst's `files`) knows by `name`."""
    bodies = [e for e in knowledge_base().lookup(name) if e.type in KB_TYPES]
    found = choose(name, bodies, date.today(), set(), []) if bodies else None
    return found.sector if found is not None and found.entry is not None else None


def _from_kb(
    text: str, start: int, end: int, label: str, shown: str, day: date | None
) -> Typed | None:
    """What the knowledge base knows under this name, for a span spaCy did not call a
    person: an organisation or armed group, with its country and sector on the day (a
    generic head word alone, "Senate", is no name); or a person's name spaCy took for a
    place or an organisation ("Jo Myong Rok"), made a person."""
    if label == "PERSON":
        return None
    acronym = shown.isupper() and len(shown) <= MAX_ACRONYM and " " not in shown
    if not acronym and countries.country_code(shown) is not None:
        return None  # "China", "Palestinian": a country's own name is the country
    folded = fold(shown)
    generic = folded in org_heads() or folded in group_heads()
    if " " not in folded and not shown.isupper() and generic:
        return None
    entries = knowledge_base().lookup(shown)
    if not entries:
        return None
    bodies = [e for e in entries if e.type in KB_TYPES]
    if not bodies:
        return _kb_person(text, start, end, label, shown, entries)
    found = choose(shown, bodies, day or date.today(), set(), [])
    if found.entry is None:
        return None
    # no country in the KB (a region code, an unplaced group): the name's own country word
    country = found.country or country_in(shown)
    sector, name = found.sector, found.entry.name
    if found.entry.type == "group":
        ref = ActorRef(group_key(name, country), name, country, sector)
        return Typed(start, end, text, "GROUP", ref, label)
    ref = ActorRef(org_key(name, country), name, country, sector)
    return Typed(start, end, text, "ORG", ref, label)


def _kb_person(
    text: str, start: int, end: int, label: str, shown: str, entries: list[Entry]
) -> Typed | None:
    """A name of two or more words, the first and last capitalised, that the KB knows only
    as a person's, with no word of an organisation's name ("the Clinton administration" is
    no person); the words between may be particles ("Dominique de Villepin")."""
    words = shown.split()
    if len(words) < 2 or not (words[0][:1].isupper() and words[-1][:1].isupper()):
        return None
    if set(fold(shown).split()) & ORG_WORDS or any(e.type != "person" for e in entries):
        return None
    return Typed(start, end, text, "PERSON", ActorRef("", shown), label)


def _all_country_words(shown: str) -> bool:
    """Every word names a country or its people ("Bosnian Serbs", "Kosovo Albanians")."""
    words = shown.split()
    return len(words) > 1 and all(countries.country_code(w) for w in words)


def _is_person_by_evidence(shown: str, label: str, person_words: set[str]) -> bool:
    """A span spaCy called a place/org whose words all belong to a person named in the doc,
    or that alone names a Factbook leader ("Trump administration"), and that is no known
    country, capital or city ("Pompeo", "Lavrov")."""
    if label not in {"GPE", "ORG", "LOC", "FAC", "NORP"}:
        return False
    words = fold(shown).split()
    known = all(w in person_words for w in words) or countries.is_leader_surname(shown)
    if not words or not known:
        return False
    return countries.country_code(shown) is None and countries.capital_country(shown) is None


def _country_ref(code: str) -> ActorRef:
    return ActorRef(country_key(code), countries.country_name(code), code, None)


def country_in(text: str, capitals: bool = False) -> str | None:
    """The country named by any word or word pair inside a longer span ("US Congress"); with
    ``capitals``, also by a capital city ("Baghdad University", "Bus Company of Tehran")."""
    words = re.findall(r"[A-Z][\w.'’-]*", text)
    lookups: list[Callable[[str], str | None]] = [countries.country_code]
    if capitals:
        lookups.append(countries.capital_country)
    for lookup in lookups:
        for size in (3, 2, 1):
            for index in range(len(words) - size + 1):
                code = lookup(" ".join(words[index : index + size]))
                if code:
                    return code
    return None


def _international_prefix(folded: str) -> Known | None:
    """ "United Nations Emergency Relief Coordinator": a body named after the international
    organisation it belongs to."""
    heads = [
        (name, known)
        for name, known in known_names().items()
        if known.kind == "ORG" and known.country in non_state_codes() and len(name) > 4
    ]
    found = [(name, known) for name, known in heads if folded.startswith(name + " ")]
    return max(found, key=lambda pair: len(pair[0]))[1] if found else None


def _organisation(text: str, start: int, end: int, shown: str, label: str) -> Typed:
    folded = fold(shown)
    parent = _international_prefix(folded)
    if parent is not None:
        ref = ActorRef(org_key(shown, parent.country), shown, parent.country, parent.sector)
        return Typed(start, end, text, "ORG", ref, label)
    if any(folded.endswith(" " + w) or folded == w for w in medium_words()):
        country = country_in(shown)
        return Typed(
            start, end, text, "MEDIA", ActorRef(media_key(shown), shown, country, "JRN"), label
        )
    branch = _national_branch(shown)
    if branch is not None:
        return Typed(start, end, text, "ORG", branch, label)
    if _is_company(folded):  # "Banco Santander SA": a business, "SA" no Saudi Arabia
        country = country_in(shown.rsplit(maxsplit=1)[0], capitals=True)
        ref = ActorRef(org_key(shown, country), shown, country, "BUS")
        return Typed(start, end, text, "ORG", ref, label)
    regional = regional_body(shown)  # "Ontario government": the region's own, not Canada's
    country = regional or country_in(shown, capitals=True)
    name = shown
    found = org_head(folded)
    sector = found[1] if found else None
    if (
        found
        and country
        and not regional
        and found[1] in STATE_SECTORS
        and _only_country_besides(shown, found[0])
    ):
        name = found[0]  # "Russian Foreign Ministry" -> org:RUS:foreign ministry
    if sector is None:  # "Nigerian Union of Teachers": the people it is made of
        sector = _agent_sector(folded)
    ref = ActorRef(org_key(name, country), shown, country, sector)
    return Typed(start, end, text, "ORG", ref, label)


def _national_branch(shown: str) -> ActorRef | None:
    """ "Pakistani Taliban", "Egyptian Muslim Brotherhood": a country word before the name
    of a group or organisation crosswire knows is that body's branch in the country: the
    country of the word, the sector of the body."""
    words = shown.split()
    if len(words) < 2 or not countries.country_code(words[0]):
        return None
    rest = " ".join(words[1:])
    known = lookup_known(rest)
    sector = known.sector if known is not None else None
    if sector is None:
        bodies = [e for e in knowledge_base().lookup(rest) if e.type in KB_TYPES]
        found = choose(rest, bodies, date.today(), set(), []) if bodies else None
        sector = found.sector if found is not None and found.entry is not None else None
    if sector is None:
        return None
    country = countries.country_code(words[0])
    return ActorRef(org_key(shown, country), shown, country, sector)


def org_head(folded: str) -> tuple[str, str] | None:
    """(head, sector) of the organisation-type word an organisation's folded name ends with
    ("russian foreign ministry") or opens on before "of" ("ministry of defence of ukraine",
    "supreme court of pakistan"), the longest first."""
    before_of = folded.split(" of ")[0] if " of " in folded else None
    for head, sector in org_heads().items():
        if folded == head or folded.endswith(" " + head) or folded.startswith(head + " of "):
            return head, sector
        if before_of is not None and (before_of == head or before_of.endswith(" " + head)):
            return head, sector
    return None


def _is_company(folded: str) -> bool:
    words = folded.split()
    return len(words) > 1 and words[-1] in company_suffixes()


def _only_country_besides(shown: str, head: str) -> bool:
    """The name is its country's word(s) and the head ("Russian Foreign Ministry", "Supreme
    Court of Pakistan"), so every such body of that country is one actor; "Kabul Ministry"
    or "Ministry of Health" keep their own names."""
    rest = re.sub(r"\b(?:of|the)\b", " ", fold(shown).replace(head, " ", 1)).split()
    if not rest:
        return False
    return countries.country_code(" ".join(rest)) is not None or all(
        countries.country_code(w) for w in rest
    )


def _agent_sector(folded: str) -> str | None:
    found = agent_sector(folded.split())
    return found[1] if found else None


def _people_sector(shown: str) -> str | None:
    """ "Kurds", "Bosnian Serbs", "Muslims": a people or a faith named by its plural noun,
    no agent noun, are civilians (CVL, as PLOVER codes them; the faith or the people is a
    qualifier, not a sector: REL is the clergy's); "Democrats", "Christian Democrats": the
    members of a party or movement (organisations.yaml `member_nouns`)."""
    words = shown.split()
    if not words or not words[-1][:1].isupper() or not words[-1].endswith("s"):
        return None
    folded = fold(shown).split()
    for size in (2, 1):
        found = member_nouns().get(" ".join(folded[-size:]))
        if found is not None:
            return found
    return "CVL" if len(words[-1]) > 3 else None


def _serving(shown: str) -> str | None:
    """ "NATO troops", "UN peacekeepers", "AU forces": the code of the international body
    whose name opens the group's (organisations.yaml; "AU" is no Australia here)."""
    words = shown.split()
    for size in range(len(words) - 1, 0, -1):
        known = known_names().get(fold(" ".join(words[:size])))
        if known is not None and known.kind == "ORG" and known.country in non_state_codes():
            return known.country
    return None


def _country_tagged_person(
    text: str, start: int, end: int, shown: str, code: str, person_words: set[str]
) -> Typed | None:
    """A country word the small model tagged as a person: a people ("Greeks must
    understand"), or a country's own name ("condemned Belarus", "Sri Lanka has
    established") when no person of the document bears it ("Jordan Smith"); None for a
    name that only reads as a plural of a people ("Francis", read as "Franci"s)."""
    if countries.people_of(shown) is not None:
        return (
            _people(text, start, end, shown, code, "PERSON")
            if countries.is_demonym(shown)
            else None
        )
    if set(fold(shown).split()) & person_words:
        return None
    return Typed(start, end, text, "COUNTRY", _country_ref(code), "PERSON")


def _people(text: str, start: int, end: int, shown: str, code: str, label: str) -> Typed:
    """A country's people, civilians as CAMEO and PLOVER code them."""
    return Typed(start, end, text, "GROUP", ActorRef(people_key(code), shown, code, "CVL"), label)


def _group(text: str, start: int, end: int, shown: str, label: str) -> Typed:
    folded = fold(shown)
    serving = _serving(shown)
    country = serving or country_in(shown)
    sector = next((s for h, s in group_heads_any_number().items() if _ends_with(folded, h)), None)
    sector = sector or _agent_sector(folded) or _people_sector(shown)
    head = next((h for h in group_heads() if folded.endswith(h)), folded)
    # a state's troops are one actor by their head ("Israeli troops", "Israeli forces"); the
    # bodies sharing a code (NATO's, the AU's: IGO) and groups of no known country ("Darfur
    # refugees", "Karen guerrillas") keep their own names
    own_name = serving is not None or (country is None and " " in folded)
    ref = ActorRef(group_key(folded if own_name else head, country), shown, country, sector)
    return Typed(start, end, text, "GROUP", ref, label)


def _ends_with(folded: str, phrase: str) -> bool:
    """Whether the folded name is the phrase or ends with it as whole words."""
    return folded == phrase or folded.endswith(" " + phrase)


def _place(text: str, start: int, end: int, shown: str, label: str) -> Typed:
    capital = countries.capital_country(shown)
    bare = _COMPASS.sub("", shown)
    country = capital or countries.city_country(shown)
    if country is None and not supranational_region(shown):  # "Latin America", "East Africa"
        country = countries.country_code(bare) or countries.city_country(bare) or country_in(shown)
    ref = ActorRef(place_key(shown, country), shown, country, None)
    return Typed(start, end, text, "PLACE", ref, label, is_capital=capital is not None)
