"""The knowledge base's records: entries with aliases and dated roles, and their compact
JSON form (one list per entry, so the shipped file stays small and loads fast)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

TYPES = ("person", "organisation", "group", "country")
# Words that make a name an organisation's, not a person's ("Afghan National Security Forces")
ORG_WORDS = frozenset(
    [
        "party",
        "ministry",
        "agency",
        "organization",
        "organisation",
        "association",
        "council",
        "committee",
        "union",
        "front",
        "army",
        "movement",
        "bank",
        "company",
        "corporation",
        "group",
        "forces",
        "force",
        "court",
        "commission",
        "government",
        "administration",
        "institute",
        "university",
        "league",
        "federation",
        "alliance",
        "brigade",
        "brigades",
        "police",
        "national",
        "international",
        "office",
        "department",
        "fund",
        "foundation",
        "society",
        "church",
        "network",
        "news",
        "assembly",
        "parliament",
        "congress",
        "senate",
        "service",
        "services",
        "authority",
        "program",
        "programme",
        "center",
        "centre",
        "board",
        "bureau",
        "guard",
        "navy",
        "corps",
        "cartel",
        "tribunal",
        "mission",
        "secretariat",
    ]
)


@dataclass(frozen=True, slots=True)
class Role:
    """A country and sectors an entry holds between two dates (inclusive; None: open).
    ``dated`` False: the entry's default, which holds when no dated role does."""

    country: str | None
    sectors: tuple[str, ...]
    start: date | None = None
    end: date | None = None
    dated: bool = False
    title: str | None = None  # the office ("president"), where the source says it
    source: str = ""

    @property
    def sector(self) -> str | None:
        return self.sectors[0] if self.sectors else None

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def describe(self) -> str:
        code = (self.country or "") + "".join(self.sectors)
        if not self.dated:
            return f"[{code}] (default)"
        start = self.start.isoformat() if self.start else ""
        end = self.end.isoformat() if self.end else ""
        return f"[{code} {start}..{end}]"


@dataclass(frozen=True, slots=True)
class Entry:
    id: str  # stable: source prefix and folded canonical name ("phx:bill_clinton")
    name: str
    type: str  # one of TYPES
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]
    titles: tuple[str, ...] = ()  # offices the entry is named with ("president")
    source: str = ""  # "phoenix", "factbook", "crosswire", or the user file

    @property
    def countries(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.country for r in self.roles if r.country))


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def role_to_row(role: Role) -> list[Any]:
    return [
        role.country,
        "".join(role.sectors),
        role.start.isoformat() if role.start else None,
        role.end.isoformat() if role.end else None,
        int(role.dated),
        role.title,
        role.source,
    ]


def role_from_row(row: list[Any]) -> Role:
    country, sectors, start, end, dated, title, source = row
    split = tuple(sectors[i : i + 3] for i in range(0, len(sectors), 3))
    return Role(country, split, _day(start), _day(end), bool(dated), title, source)


def entry_to_row(entry: Entry) -> list[Any]:
    return [
        entry.id,
        entry.name,
        entry.type,
        list(entry.aliases),
        [role_to_row(r) for r in entry.roles],
        list(entry.titles),
        entry.source,
    ]


def entry_from_row(row: list[Any]) -> Entry:
    id_, name, type_, aliases, roles, titles, source = row
    return Entry(
        id_,
        name,
        type_,
        tuple(aliases),
        tuple(role_from_row(r) for r in roles),
        tuple(titles),
        source,
    )
