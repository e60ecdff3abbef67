"""An analyst's own actors (docs/kb.md), the same format as crosswire's additions
(data/kb/additions.yaml): YAML, validated, each problem reported with its file and line.

    actors:
      - name: Jane Doe
        type: person              # person | organisation | group | country
        aliases: [Governor Doe]
        roles:
          - {country: USA, sector: GOV, from: 2019-01-07, to: 2023-01-02, title: governor}
          - {country: USA, sector: ELI}          # no dates: the default
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import Field

from crosswire.actors.keys import fold
from crosswire.datafiles import Code, DataFileError, DataModel, load_file
from crosswire.kb.model import Entry, Role


class UserRole(DataModel):
    country: Code | None = None
    sector: Code | None = None
    sectors: tuple[Code, ...] = ()  # more than one: "GOV" then "MIL"
    from_: date | None = Field(default=None, alias="from")
    to: date | None = None
    title: str | None = None


class UserActor(DataModel):
    name: str = Field(min_length=1)
    id: str | None = None
    type: Literal["person", "organisation", "group", "country"] = "person"
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    roles: tuple[UserRole, ...] = Field(min_length=1)


class UserFile(DataModel):
    actors: tuple[UserActor, ...]


def _role(role: UserRole, source: str) -> Role:
    sectors = tuple(dict.fromkeys([*([role.sector] if role.sector else []), *role.sectors]))
    dated = role.from_ is not None or role.to is not None
    title = fold(role.title) if role.title else None
    return Role(role.country, sectors, role.from_, role.to, dated, title, source)


def read_user_file(path: Path, source: str | None = None) -> list[Entry]:
    """The entries of one actors file; `DataFileError` (file:line: what) when it is invalid."""
    if not path.is_file():
        raise DataFileError(f"{path}: no such knowledge-base file")
    parsed = load_file(path, UserFile)
    origin = source or f"user:{path}"
    entries = []
    for actor in parsed.actors:
        roles = tuple(_role(r, origin) for r in actor.roles)
        titles = [fold(t) for t in actor.titles]
        titles += [r.title for r in roles if r.title and r.title not in titles]
        prefix = "cw" if source == "crosswire" else "user"
        ident = actor.id or f"{prefix}:{fold(actor.name).replace(' ', '_')}"
        entries.append(
            Entry(ident, actor.name, actor.type, actor.aliases, roles, tuple(titles), origin)
        )
    return entries
