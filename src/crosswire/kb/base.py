"""The knowledge base of one process: the shipped file and the analyst's files (--kb, env
CROSSWIRE_KB), loaded once, indexed by normalised alias.

The shipped file carries its alias and office indexes (built with `keys_of`), and entries
are made from their compact rows only when a lookup reaches them: loading stays a JSON
read, not 27,000 objects."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from crosswire.actors.keys import fold, person_words
from crosswire.kb.model import Entry, entry_from_row
from crosswire.kb.user import read_user_file

ENV = "CROSSWIRE_KB"  # analyst files, separated by os.pathsep (inherited by worker processes)
SHIPPED = "kb.json.gz"
# Precedence of sources when several entries share an alias: the analyst's files first
RANK = {"crosswire": 1, "factbook": 2, "phoenix": 2}


def rank(entry: Entry) -> int:
    return RANK.get(entry.source, 0)


def keys_of(name: str) -> list[str]:
    """The index keys of a name: folded, and folded as a person name (transliteration made
    uniform, middle initials dropped: "Donald J. Trump" -> "donald trump")."""
    folded = fold(name)
    as_person = " ".join(person_words(name))
    return [folded] if as_person in ("", folded) else [folded, as_person]


def office_key(country: str, title: str) -> str:
    return f"{country}|{title}"


def build_indexes(entries: Iterable[Entry]) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """Alias key -> entry positions; "country|office" -> positions of persons so titled."""
    by_key: dict[str, list[int]] = {}
    by_office: dict[str, list[int]] = {}
    for index, entry in enumerate(entries):
        for name in (entry.name, *entry.aliases):
            for key in keys_of(name):
                bucket = by_key.setdefault(key, [])
                if not bucket or bucket[-1] != index:
                    bucket.append(index)
        if entry.type == "person":
            for country in entry.countries:
                for title in entry.titles:
                    by_office.setdefault(office_key(country, title), []).append(index)
    return by_key, by_office


@dataclass(slots=True)
class KnowledgeBase:
    """Entries in precedence order: the analyst's (made at load), then the shipped rows."""

    user: list[Entry]
    rows: list[list[Any]] = field(default_factory=list)
    index: dict[str, list[int]] = field(default_factory=dict)
    offices: dict[str, list[int]] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)
    files: tuple[str, ...] = ()
    _user_index: dict[str, list[int]] = field(default_factory=dict)
    _user_offices: dict[str, list[int]] = field(default_factory=dict)
    _made: dict[int, Entry] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._user_index, self._user_offices = build_indexes(self.user)

    def __len__(self) -> int:
        return len(self.user) + len(self.rows)

    def entry(self, position: int) -> Entry:
        """The shipped entry at a position, made from its row once."""
        made = self._made.get(position)
        if made is None:
            made = self._made[position] = entry_from_row(self.rows[position])
        return made

    def _collect(self, user: Iterable[int], shipped: Iterable[int]) -> list[Entry]:
        found = [self.user[i] for i in dict.fromkeys(user)]
        found += [self.entry(i) for i in dict.fromkeys(shipped)]
        return sorted(found, key=rank)

    def lookup(self, name: str) -> list[Entry]:
        """Entries one of whose names or aliases the name is, in precedence order."""
        keys = keys_of(name)
        user = [i for k in keys for i in self._user_index.get(k, ())]
        shipped = [i for k in keys for i in self.index.get(k, ())]
        return self._collect(user, shipped)

    def has(self, key: str) -> bool:
        """Whether a folded name is an alias of any entry (the matcher's cheap test)."""
        return key in self.index or key in self._user_index

    def holders(self, country: str, title: str) -> list[Entry]:
        key = office_key(country, title)
        return self._collect(self._user_offices.get(key, ()), self.offices.get(key, ()))

    def horizon(self, source: str) -> date | None:
        """The day up to which a compiled source follows who holds office (``horizons`` in
        the KB's header, `build.horizons`); None for a source without one."""
        day = self.meta.get("horizons", {}).get(source)
        return date.fromisoformat(day) if day else None

    def aliases(self) -> Iterable[str]:
        """Every alias key (the phrase matcher's vocabulary)."""
        yield from self.index
        yield from self._user_index


def read_shipped() -> dict[str, Any]:
    file = resources.files("crosswire") / "data" / "kb" / SHIPPED
    if not file.is_file():
        return {"missing": f"{SHIPPED}: run python -m crosswire.kb.build"}
    payload: dict[str, Any] = json.loads(gzip.decompress(file.read_bytes()))
    return payload


def user_files() -> tuple[str, ...]:
    return tuple(p for p in os.environ.get(ENV, "").split(os.pathsep) if p)


def use_files(paths: tuple[str, ...] | list[str]) -> None:
    """Make the analyst's files part of this process's KB (and of its worker processes)."""
    for path in paths:
        read_user_file(Path(path))  # a bad file fails here, with its file:line, not mid-run
    if paths:
        os.environ[ENV] = os.pathsep.join(paths)


def knowledge_base() -> KnowledgeBase:
    """This process's KB: the shipped file plus the files named in CROSSWIRE_KB."""
    return _loaded(user_files())


@cache
def _shipped() -> dict[str, Any]:
    return read_shipped()


def shipped_demonyms() -> dict[str, str] | None:
    """The Factbook's nationality forms -> alpha-3 the shipped file carries (`demonyms.py`),
    loaded with it; None when the file has none (absent, or built before it held them)."""
    demonyms: dict[str, str] | None = _shipped().get("demonyms")
    return demonyms


@cache
def _loaded(files: tuple[str, ...]) -> KnowledgeBase:
    payload = _shipped()
    tables = {"rows", "index", "offices", "demonyms"}
    meta = {k: v for k, v in payload.items() if k not in tables}
    user = [e for path in files for e in read_user_file(Path(path))]
    return KnowledgeBase(
        user,
        payload.get("rows", []),
        payload.get("index", {}),
        payload.get("offices", {}),
        meta,
        files,
    )
