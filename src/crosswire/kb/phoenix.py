"""Reading the Phoenix (PETRARCH2) actor dictionaries: records of a primary phrase, ``+``
aliases and bracketed codes, each code optionally restricted to dates.

    BILL_CLINTON_  # comment
    +PRESIDENT_CLINTON
        [USAELI 640101-930120]
        [USAGOV 930120-010120]
        [USAELI]

Phrase lines in a row before the codes are one record (PETRARCH2's reader gives them the
codes that follow): the first is its name, the others aliases. A phrase after a blank line
starts a record of its own, which shares the codes that follow.

Dates follow PETRARCH2's ``dstr_to_ordate``: up to 7 characters are YYMMDD (years 00-30 are
20YY, others 19YY), longer ones YYYYMMDD (first 8 characters); an invalid date drops that
code (counted in `Parsed.bad_codes`), never the record.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from crosswire.actors.agents import plover_sector, sector_codes

_CODE = re.compile(r"\[([^\]]*)\]")
_COMMENT = re.compile(r"[#;].*$")
# A sector code can follow a country code ("USAGOV", "IGOUNOKID"): the sectors and CAMEO
# agent codes of data/actors/sectors.yaml (the one list crosswire reads), stored as PLOVER's
# sectors (CAMEO's MED, the media, is JRN; its HLH, health, is MED)
# Codes for no state; CAMEO writes the UN and the EU as IGOUNO / IGOEUR, crosswire as UNO/EUR
NON_STATE = frozenset({"IGO", "NGO", "MNC", "IMG", "UNO", "EUR"})
_SUB_IGO = frozenset({"UNO", "EUR"})
# What a body of a non-state code does when its code says nothing more: a company does
# business, a transnational militarised group fights. IGO and NGO are no sector in PLOVER
# (its country codes, as UNO and EUR): the UN is UNO with no sector, UNHCR UNO and REF
_IMPLIED_SECTOR = {"MNC": "BUS", "IMG": "REB"}


@dataclass(frozen=True, slots=True)
class RawRole:
    """One code of a record: country (None for a bare sector such as ``[ELI]``), sectors and
    the dates it holds between (inclusive; None: open)."""

    country: str | None
    sectors: tuple[str, ...]
    start: date | None = None
    end: date | None = None
    dated: bool = False  # False: the record's default, used when no dated role holds


@dataclass(slots=True)
class RawRecord:
    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[RawRole] = field(default_factory=list)
    comment: str = ""
    source: str = ""


@dataclass(slots=True)
class Parsed:
    records: list[RawRecord]
    bad_codes: list[str]


def phrase(text: str) -> str:
    """ "BILL_CLINTON_" -> "BILL CLINTON"."""
    return " ".join(text.replace("_", " ").split())


def parse_date(text: str) -> date:
    """A Phoenix date (YYMMDD or YYYYMMDD); ValueError when it is no date."""
    digits = text.strip()
    if not digits.isdigit():
        raise ValueError(text)
    if len(digits) <= 7:
        if len(digits) < 6:
            raise ValueError(text)
        yy = int(digits[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        return date(year, int(digits[2:4]), int(digits[4:6]))
    return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))


def parse_code(code: str) -> tuple[str | None, tuple[str, ...]] | None:
    """ "USAGOV" -> ("USA", ("GOV",)); "IGOUNOKID" -> ("UNO", ()); "IGOUNOREF" -> ("UNO",
    ("REF",)); "ELI" -> (None, ("ELI",)); "---" or "" -> None."""
    code = code.strip().upper()
    if len(code) < 3 or not code[:3].isalpha():
        return None
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    if chunks[0] in sector_codes() and chunks[0] not in NON_STATE:
        return None, _sectors(chunks)
    country, rest = chunks[0], chunks[1:]
    if country == "IGO" and rest and rest[0] in _SUB_IGO:
        country, rest = rest[0], rest[1:]
    # PLOVER codes what a body does as its sector (UNHCR "IGOUNOREF": refugees; the Red
    # Cross "NGOHLH": health) and what it is (IGO, NGO) as its country code; the implied
    # sector of a company or an armed group comes after any the code states
    sectors = list(_sectors(rest))
    implied = _IMPLIED_SECTOR.get(chunks[0])
    if implied and implied not in sectors:
        sectors.append(implied)
    return country, tuple(dict.fromkeys(sectors))


def _sectors(chunks: list[str]) -> tuple[str, ...]:
    """The PLOVER sectors among CAMEO code chunks, in order, once each."""
    return tuple(dict.fromkeys(p for c in chunks if (p := plover_sector(c))))


def parse_role(inside: str) -> RawRole | None:
    """The text inside one ``[...]``: a code and an optional date restriction."""
    parts = inside.split()
    if not parts:
        return None
    parsed = parse_code(parts[0])
    if parsed is None:
        return None
    country, sectors = parsed
    if len(parts) == 1:
        return RawRole(country, sectors)
    restriction = "".join(parts[1:])
    if restriction.startswith("<"):
        return RawRole(country, sectors, None, parse_date(restriction[1:]), True)
    if restriction.startswith(">"):
        return RawRole(country, sectors, parse_date(restriction[1:]), None, True)
    first, _, last = restriction.partition("-")
    return RawRole(country, sectors, parse_date(first), parse_date(last), True)


def parse(lines: Iterable[str], source: str = "") -> Parsed:
    """Records of one actor dictionary, in file order."""
    records: list[RawRecord] = []
    bad: list[str] = []
    current: RawRecord | None = None
    waiting: list[RawRecord] = []  # records before `current` that share its codes
    blank = False  # a blank line since the last phrase
    for raw in lines:
        comment_match = _COMMENT.search(raw)
        comment = comment_match.group(0)[1:].strip() if comment_match else ""
        line = _COMMENT.sub("", raw).rstrip()
        if not line.strip():
            blank = True
            continue
        stripped = line.strip()
        if stripped.startswith("+") and current is not None:
            current.aliases.extend(a for a in map(phrase, stripped.split("+")) if a)
            blank = False
            continue
        if not stripped.startswith("["):
            name = phrase(_CODE.split(stripped)[0])
            if not name:
                continue
            uncoded = current if current is not None and not current.roles else None
            if uncoded is not None and not blank and "[" not in stripped:
                # PETRARCH2 reads a phrase after a primary phrase that has no code yet as
                # sharing the codes that follow ("BORIS_YELTSIN_" then "YELTSIN", then
                # the dated codes of both): an alias, as if it began with "+"
                uncoded.aliases.append(name)
                continue
            # after a blank line it is an actor of its own that shares those codes (the
            # Department of Housing, then the Department of the Interior and its bureaus)
            waiting = [*waiting, uncoded] if uncoded is not None and blank else []
            current = RawRecord(name, comment=comment, source=source)
            records.append(current)
            blank = False
        if current is None:
            continue
        for inside in _CODE.findall(stripped):
            try:
                role = parse_role(inside)
            except ValueError:
                bad.append(f"{current.name}: [{inside}]")
                continue
            if role is not None:
                for record in (*waiting, current):
                    record.roles.append(role)
        if current.roles:
            waiting = []
    return Parsed(records, bad)
