"""Date-aware resolution of a name: which entry, which of its roles holds on the day, and
why; an office named alone ("the German chancellor") resolves to its holder on the day."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from crosswire.actors import countries
from crosswire.actors.keys import fold
from crosswire.actors.lexicon import roles
from crosswire.kb.base import KnowledgeBase, knowledge_base, rank
from crosswire.kb.model import Entry, Role

# Sectors of office holders: out of office, they are former officials (ELI)
OFFICE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "SPY", "LEG"})
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_HOW_RANK = {"dated": 3, "default": 2, "former": 1, "before": 1}
MAX_COUNTRY_WORDS = 3  # "the United Arab Emirates' foreign minister"


@dataclass(frozen=True, slots=True)
class Choice:
    entry: Entry
    role: Role | None
    how: str  # "dated", "default", "former", "before", "none"


@dataclass(frozen=True, slots=True)
class Resolution:
    name: str
    day: date
    entry: Entry | None = None
    role: Role | None = None
    country: str | None = None
    sector: str | None = None
    why: tuple[str, ...] = ()
    ambiguous: bool = False
    candidates: tuple[Entry, ...] = ()

    @property
    def found(self) -> bool:
        return self.entry is not None

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "date": self.day.isoformat(),
            "id": self.entry.id if self.entry else None,
            "canonical": self.entry.name if self.entry else None,
            "type": self.entry.type if self.entry else None,
            "source": self.entry.source if self.entry else None,
            "country": self.country,
            "sector": self.sector,
            "role": self.role.describe() if self.role else None,
            "ambiguous": self.ambiguous,
            "candidates": [
                {"id": c.id, "name": c.name, "countries": list(c.countries)}
                for c in self.candidates
            ],
            "why": list(self.why),
        }


def role_on(entry: Entry, day: date) -> tuple[Role | None, str]:
    """The role holding on the day: the latest-starting dated one, else the default; with
    neither, a person keeps the country of the nearest role (ELI once out of office)."""
    holding = [r for r in entry.roles if r.dated and r.holds_on(day)]
    if holding:
        return max(holding, key=lambda r: (r.start or date.min, r.sector != "ELI")), "dated"
    default = next((r for r in entry.roles if not r.dated), None)
    if default is not None:
        return default, "default"
    ended = [r for r in entry.roles if r.end and r.end < day]
    if ended:
        last = max(ended, key=lambda r: r.end or date.min)
        sector = ("ELI",) if last.sector in OFFICE_SECTORS else last.sectors
        return Role(last.country, sector, last.end, None, True, None, last.source), "former"
    later = [r for r in entry.roles if r.start and day < r.start]
    if later:
        first = min(later, key=lambda r: r.start or date.max)
        return Role(first.country, (), None, first.start, True, None, first.source), "before"
    return None, "none"


def context_countries(context: Iterable[str]) -> set[str]:
    """Country codes of the story's context: codes as given, names resolved."""
    codes = set()
    for item in context:
        code = item if re.fullmatch(r"[A-Z]{3}", item) else countries.country_code(item)
        if code:
            codes.add(code)
    return codes


def choose(
    name: str, entries: list[Entry], day: date, context: set[str], why: list[str]
) -> Resolution:
    best_rank = min(rank(e) for e in entries)
    choices = [Choice(e, *role_on(e, day)) for e in entries if rank(e) == best_rank]
    if len(entries) > len(choices):
        why.append(f"{len(entries) - len(choices)} lower-precedence entries set aside")
    in_context = [c for c in choices if c.role and c.role.country in context]
    if in_context and len(in_context) < len(choices):
        why.append("context countries " + ",".join(sorted(context)) + " chose among entries")
        choices = in_context
    top = max(_HOW_RANK.get(c.how, 0) for c in choices)
    choices = [c for c in choices if _HOW_RANK.get(c.how, 0) == top]
    codes = {(c.role.country if c.role else None) for c in choices}
    sectors = {(c.role.sector if c.role else None) for c in choices}
    pick = choices[0]
    if len(codes) > 1:
        why.append(f"{len(choices)} entries with different countries remain")
        return Resolution(
            name, day, why=tuple(why), ambiguous=True, candidates=tuple(c.entry for c in choices)
        )
    role = pick.role
    why.append(f"entry {pick.entry.id} ({pick.entry.source})")
    why.append(f"role {role.describe() if role else 'none'}: {pick.how} on {day.isoformat()}")
    sector = role.sector if role and len(sectors) == 1 else None
    return Resolution(
        name,
        day,
        pick.entry,
        role,
        role.country if role else None,
        sector,
        tuple(why),
        candidates=tuple(c.entry for c in choices) if len(choices) > 1 else (),
    )


def split_office(name: str) -> tuple[str, str] | None:
    """ "the German chancellor" -> ("DEU", "chancellor"); "Russia's foreign minister" ->
    ("RUS", "foreign minister"); None when the name is no country word and office."""
    words = _THE.sub("", name.strip()).split()
    table = roles()
    for size in range(1, min(MAX_COUNTRY_WORDS, len(words) - 1) + 1):
        code = countries.country_code(" ".join(words[:size]))
        office = fold(" ".join(words[size:]))
        if code and office in table:
            return code, office
    return None


def resolve_office(
    kb: KnowledgeBase, name: str, code: str, office: str, day: date
) -> Resolution | None:
    holders = []
    for entry in kb.holders(code, office):
        role, how = role_on(entry, day)
        in_office = how == "dated" and role and role.sector in OFFICE_SECTORS
        if in_office and role and role.country == code and _holds(kb, entry, role, office, day):
            holders.append((entry, role))
    why = [f"office {office!r} of {code} on {day.isoformat()}"]
    if not holders:
        return None
    if len(holders) > 1:
        # an office has one holder at a time: the latest appointed before the day
        latest = max(r.start or date.min for _, r in holders)
        holders = [(e, r) for e, r in holders if (r.start or date.min) == latest]
        why.append("the latest-appointed holder on the day")
    if len(holders) > 1:
        why.append(f"{len(holders)} holders known")
        entries = tuple(e for e, _ in holders)
        return Resolution(name, day, why=tuple(why), ambiguous=True, candidates=entries)
    entry, role = holders[0]
    why += [f"entry {entry.id} ({entry.source})", f"role {role.describe()} holds"]
    return Resolution(name, day, entry, role, code, role.sector, tuple(why))


def _holds(kb: KnowledgeBase, entry: Entry, role: Role, office: str, day: date) -> bool:
    """Whether `role`, holding on the day, is `office`. A role naming the office is. One
    naming none (Phoenix's) only where nothing else can be meant: the entry has no role
    naming the office; if it is named with several offices, the role is its last one (a
    career ends in the office it is best known by: Lavrov, named as ambassador and as
    foreign minister, held a government role from 1994 and another from 2004, and only the
    second was the ministry); and the day is within its source's horizon (an open Phoenix
    role in 2024 is no evidence that anyone still holds the office: Merkel, Obama)."""
    if role.title is not None or any(r.title == office for r in entry.roles):
        return role.title == office
    dated = [r for r in entry.roles if r.dated and r.start is not None]
    last = max(dated, key=lambda r: r.start or date.min, default=None)
    if len(entry.titles) > 1 and role is not last:
        return False
    horizon = kb.horizon(role.source) if role.source else None
    return horizon is None or day <= horizon


def resolve_as(
    name: str,
    types: frozenset[str],
    on: date | None = None,
    context: set[str] | frozenset[str] = frozenset(),
    kb: KnowledgeBase | None = None,
) -> Resolution | None:
    """The stage's lookup: the name's entries of the given types only (no office phrases),
    resolved on the day with the story's country codes; None when the KB has none."""
    kb = kb or knowledge_base()
    entries = [e for e in kb.lookup(name) if e.type in types]
    if not entries:
        return None
    return choose(name, entries, on or date.today(), set(context), [])


def resolve(
    name: str,
    on: date | None = None,
    context: Iterable[str] = (),
    kb: KnowledgeBase | None = None,
) -> Resolution:
    """How a name resolves on a day (None: today), given the story's countries."""
    kb = kb or knowledge_base()
    day = on or date.today()
    why: list[str] = []
    office = split_office(name)
    if office is not None:
        found = resolve_office(kb, name, *office, day)
        if found is not None:
            return found
        why.append(f"office {office[1]!r} of {office[0]}: no holder known on the day")
    entries = kb.lookup(name) or kb.lookup(_THE.sub("", name.strip()))
    if entries:
        count = f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'}"
        why.append(f"alias {fold(name)!r}: {count}")
        return choose(name, entries, day, context_countries(context), why)
    return Resolution(name, day, why=(*why, "not in the knowledge base"))
