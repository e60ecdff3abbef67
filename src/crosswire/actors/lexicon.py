"""Lookups over the stage's data files: media, organisations, roles, reporting cues."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from crosswire.actors.data import countries, media, organisations, reporting, roles_file
from crosswire.actors.keys import fold


@dataclass(frozen=True, slots=True)
class Known:
    """A named organisation or medium whose identity is general knowledge."""

    kind: str  # MEDIA, ORG or GROUP
    name: str  # readable canonical name
    country: str | None
    sector: str | None


@cache
def known_names() -> dict[str, Known]:
    """Folded name form -> what it is (media, platforms, IGOs, state institutions)."""
    orgs = organisations()
    table: dict[str, Known] = {}
    for agency in media().agencies:
        names = agency.names
        for name in names:
            table[fold(name)] = Known("MEDIA", names[0], agency.country, "JRN")
    for platform in media().platforms:
        table[fold(platform)] = Known("MEDIA", platform, None, None)
    for name, (code, readable, *function) in orgs.international.items():
        table.setdefault(fold(name), Known("ORG", readable, code, next(iter(function), None)))
    for name, (country, sector) in orgs.institutions.items():
        table.setdefault(fold(name), Known("ORG", name, country, sector))
    for name, (country, sector) in orgs.groups.items():
        table.setdefault(fold(name), Known("GROUP", name, country, sector))
    return table


@cache
def case_sensitive_names() -> frozenset[str]:
    """Short all-caps name forms that must match with their case ("AP" but not "ap")."""
    orgs = organisations()
    names = [n for a in media().agencies for n in a.names]
    names += list(orgs.international) + list(orgs.institutions)
    names += media().platforms
    return frozenset(n for n in names if len(n) <= 4)


@cache
def known_names_pattern() -> re.Pattern[str]:
    """One regex finding every known media/organisation name in a text, longest first."""
    orgs = organisations()
    names = [n for a in media().agencies for n in a.names]
    names += list(orgs.international) + list(orgs.institutions)
    names += list(orgs.groups) + list(media().platforms)
    alternatives = sorted({re.escape(n) for n in names}, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(alternatives) + r")(?![\w])")


@cache
def medium_words() -> tuple[str, ...]:
    return tuple(fold(w) for w in media().medium_words)


@cache
def medium_descriptors() -> tuple[str, ...]:
    return tuple(fold(w) for w in media().medium_descriptors)


@cache
def org_heads() -> dict[str, str]:
    """Head words of state bodies ("foreign ministry") -> sector, longest first."""
    heads = organisations().heads
    return dict(sorted(((fold(k), v) for k, v in heads.items()), key=lambda kv: -len(kv[0])))


@cache
def company_suffixes() -> frozenset[str]:
    """Folded last words of company names ("corp", "ag", "sa")."""
    return frozenset(fold(w) for w in organisations().company_suffixes)


@cache
def group_heads() -> dict[str, str]:
    """Head words of groups of state people ("troops", "police") -> sector, longest first."""
    heads = organisations().group_heads
    return dict(sorted(((fold(k), v) for k, v in heads.items()), key=lambda kv: -len(kv[0])))


def singular(word: str) -> str:
    """The singular of a plural noun of people ("militants" -> "militant", "militiamen" ->
    "militiaman", "authorities" -> "authority"); other words as they are."""
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@cache
def group_heads_any_number() -> dict[str, str]:
    """The group heads and the singular of each ("militant" for "militants"), longest
    first: one member of a group has the group's sector, whatever the agents table says of
    the singular noun (Phoenix codes "militant" UAF but its group head "militants" is REB)."""
    table = dict(group_heads())
    for head, sector in group_heads().items():
        words = head.split()
        table.setdefault(" ".join([*words[:-1], singular(words[-1])]), sector)
    return dict(sorted(table.items(), key=lambda kv: -len(kv[0])))


@cache
def member_nouns() -> dict[str, str]:
    """Folded plural nouns of a party's or movement's members ("democrats") -> sector."""
    return {fold(k): v for k, v in organisations().member_nouns.items()}


@cache
def roles() -> dict[str, str]:
    """Role phrase (folded) -> sector, plural forms included, longest first."""
    table: dict[str, str] = {}
    for role, sector in roles_file().roles.items():
        folded = fold(role)
        table[folded] = sector
        table.setdefault(folded + "s", sector)
        if folded.endswith("man"):
            table.setdefault(folded[:-3] + "men", sector)
    return dict(sorted(table.items(), key=lambda kv: -len(kv[0])))


@cache
def role_pattern() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + _role_alternatives() + r")\b")


@cache
def role_pattern_any_case() -> re.Pattern[str]:
    """The role phrases as written in running text ("Crown Prince", "foreign minister")."""
    return re.compile(role_pattern().pattern, re.IGNORECASE)


@cache
def capitalised_role_pattern() -> re.Pattern[str]:
    """The role phrases written with a capital ("Secretary of State", "Foreign minister").
    The capital is tested first, so the long alternation is tried at few places."""
    return re.compile(r"\b(?=[A-Z])(?i:" + _role_alternatives() + r")\b")


def _role_alternatives() -> str:
    return "|".join(re.escape(r) for r in roles())


@cache
def role_modifiers() -> frozenset[str]:
    return frozenset(roles_file().modifiers)


@cache
def reporting_verbs() -> frozenset[str]:
    return frozenset(reporting().verbs)


@cache
def prepositional_cues() -> tuple[str, ...]:
    cues = reporting().prepositional
    return tuple(sorted(cues, key=len, reverse=True))


@cache
def channel_nouns() -> frozenset[str]:
    return frozenset(reporting().channels)


@cache
def famous_roles() -> frozenset[str]:
    """Titles whose holders are named without a country (see roles.yaml)."""
    return frozenset(fold(r) for r in roles_file().named_without_country)


@cache
def non_state_codes() -> frozenset[str]:
    """PLOVER codes of actors that are no state (UNO, EUR, IGO, NGO, ...)."""
    return frozenset(organisations().non_state_codes)


@cache
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    folded = sorted({fold(p) for p in phrases}, key=len, reverse=True)
    return re.compile(rf"(?:^| )(?:{'|'.join(re.escape(p) for p in folded)})(?: |$)")


def supranational(name: str) -> bool:
    """Whether a name holds a region larger than a state or its adjective ("European
    partners", "Latin American leaders", "East Africa"; see countries.yaml)."""
    phrases = (*countries().supranational, *countries().supranational_regions)
    return bool(_phrase_pattern(phrases).search(fold(name)))


def supranational_region(name: str) -> bool:
    """Whether a place's name holds a region larger than a state ("North America", "the
    Middle East"); an adjective alone does not make one ("Western Australia")."""
    return bool(_phrase_pattern(countries().supranational_regions).search(fold(name)))


@cache
def facility_heads() -> frozenset[str]:
    """Nouns that make the name before them a building or a place (organisations.yaml)."""
    return frozenset(fold(w) for w in organisations().facility_heads)


@cache
def document_heads() -> frozenset[str]:
    """Last words that make a name a law or a text ("... Democracy Act"), no actor."""
    return frozenset(fold(w) for w in organisations().document_heads)
