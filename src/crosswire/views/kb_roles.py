"""A person's dated roles from the actor knowledge base, for the actor screen and its API:
which entry the stored actor is, and every (country, sector, from, to) the KB gives it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from pydantic import Field

from crosswire.actors.keys import person_words
from crosswire.kb import Entry, Role, knowledge_base
from crosswire.model import Entity

PERSON = "PERSON"


@dataclass(slots=True)
class DatedRole:
    country: str | None
    sector: str | None  # the first of its sectors (PLOVER)
    sectors: list[str]
    from_: Annotated[date | None, Field(serialization_alias="from")] = None  # None: open
    to: date | None = None  # None: open (still held, as far as the source knows)
    dated: bool = True  # False: the entry's default, holding when no dated role does
    title: str | None = None  # the office, where the source names it
    source: str = ""  # phoenix, factbook, crosswire, or the analyst's file


@dataclass(slots=True)
class KbPerson:
    id: str
    name: str
    source: str
    roles: list[DatedRole]  # dated roles by start, the default last


def kb_person(entity: Entity) -> KbPerson | None:
    """The KB person a stored person is: the one entry named by the actor's key or name
    (the stage keys a person the KB knows by the KB's own name); None for other actors, a
    name the KB lacks, or one it gives several persons (a surname alone: which Clinton?)."""
    if entity.type != PERSON:
        return None
    entries = _persons(entity)
    if len(entries) != 1:
        return None
    entry = entries[0]
    roles = sorted(entry.roles, key=lambda r: (not r.dated, r.start or date.min))
    return KbPerson(entry.id, entry.name, entry.source, [_dated(r) for r in roles])


def _persons(entity: Entity) -> list[Entry]:
    """Person entries whose name or alias is the actor's key words or its name; those whose
    own name gives the key win (several may list "President Bush")."""
    key_words = entity.key.removeprefix("person:")
    kb = knowledge_base()
    found: dict[str, Entry] = {}
    for name in dict.fromkeys([key_words, entity.name]):
        for entry in kb.lookup(name):
            if entry.type == "person":
                found.setdefault(entry.id, entry)
    exact = [e for e in found.values() if " ".join(person_words(e.name)) == key_words]
    return exact or list(found.values())


def _dated(role: Role) -> DatedRole:
    return DatedRole(
        role.country,
        role.sector,
        list(role.sectors),
        role.start,
        role.end,
        role.dated,
        role.title,
        role.source,
    )
