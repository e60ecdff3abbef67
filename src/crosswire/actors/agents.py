"""Agent nouns and the sector they give an actor: "police" -> COP, "rebels" -> REB,
"riot police" -> COP, "doctors" -> MED (health, as PLOVER writes it).

The table is data/actors/agents.tsv, compiled from the Phoenix (PETRARCH2) agents dictionary
by ``python -m tools.build_agents`` (MIT licence: data/actors/agents.LICENSE). Its codes are
CAMEO's; the sector codes actors carry are PLOVER's: data/actors/sectors.yaml lists them,
their readable names, and the CAMEO codes PLOVER writes otherwise (CAMEO's MED, the media,
is PLOVER's JRN; CAMEO's HLH, health, is PLOVER's MED).

Which table answers for a word (one source of truth per word, most specific first): a role
title of data/actors/roles.yaml ("chief justice", "police chief"); a group head of
data/actors/organisations.yaml (words that make a name a group: "troops", "militiamen");
crosswire's own agent nouns, data/events/agents.yaml (words the Phoenix table lacks, or
codes otherwise: "man" is CVL there, PPL in Phoenix); then this table. A longer phrase of
this table beats a shorter word of the others ("riot police" over "police" is the same
sector; "police chief X" is COP, not the GOV of "chief").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Literal

from pydantic import StringConstraints, model_validator

from crosswire.datafiles import Code, DataModel, load, load_tsv

Phrase = Annotated[str, StringConstraints(pattern=r"^[^\sA-Z](?:[^\tA-Z]*[^\sA-Z])?$")]
Codes = Annotated[str, StringConstraints(pattern=r"^(?:[A-Z]{3})+$")]
MAX_PHRASE_WORDS = 8  # the longest phrase a lookup tries ends this many words before the head


class AgentRow(DataModel):
    """One row of agents.tsv: a folded phrase, its codes, where they go, its form."""

    phrase: Phrase
    codes: Codes
    placement: Literal["after", "before"]  # after the actor's code (~SEC) or before (SEC~)
    plural: bool
    line: int  # in Phoenix.agents.txt


class SectorNames(DataModel):
    sectors: dict[Code, str]  # sector code -> readable name
    from_cameo: dict[Code, Code]  # a CAMEO agent code -> the PLOVER sector it is
    qualifiers: dict[Code, str]  # other agent codes: religion, kind of people
    former_markers: frozenset[str]  # "former", "ousted": the role's holder is ELI now
    munitions: frozenset[str]  # "cruise missile": a weapon the agent table lists, no agent

    @model_validator(mode="after")
    def _cameo_codes_become_sectors(self) -> SectorNames:
        unknown = sorted(set(self.from_cameo.values()) - set(self.sectors))
        if unknown:
            raise ValueError(f"from_cameo maps to codes that are no sector: {unknown}")
        return self


@dataclass(frozen=True, slots=True)
class AgentNoun:
    """An agent phrase and the codes it gives the actor it names."""

    phrase: str
    codes: tuple[str, ...]  # "GOVMED" -> ("GOV", "MED")
    placement: Literal["after", "before"]

    @property
    def sector(self) -> str | None:
        """The first of its codes that is a sector, as PLOVER writes it ("REBMUS" -> REB;
        CAMEO's "HLH" -> MED; "MUS" -> none); an organisation code placed before the
        actor's ("IGO~") is no sector of it."""
        if self.placement == "before":
            return None
        return next((plover for c in self.codes if (plover := plover_sector(c))), None)


def former_role(title_words: Sequence[str]) -> bool:
    """Whether the folded words of a title say its holder no longer holds the role."""
    return any(word in sector_file().former_markers for word in title_words)


def plover_sector(code: str) -> str | None:
    """The PLOVER sector a CAMEO agent code is, if it is one."""
    names = sector_file()
    code = names.from_cameo.get(code, code)
    return code if code in names.sectors else None


@cache
def sector_file() -> SectorNames:
    return load("actors/sectors.yaml", SectorNames)


@cache
def sector_codes() -> frozenset[str]:
    """Every code that is a sector in PLOVER's or CAMEO's writing: PLOVER's sectors and the
    CAMEO agent codes that are one of them (HLH, INS ...)."""
    names = sector_file()
    return frozenset(names.sectors) | frozenset(names.from_cameo)


@cache
def sector_names() -> dict[str, str]:
    """Sector code -> its readable name ("COP" -> "police")."""
    return dict(sector_file().sectors)


@cache
def agent_rows() -> list[AgentRow]:
    return load_tsv("actors/agents.tsv", AgentRow)


@cache
def agent_nouns() -> dict[str, AgentNoun]:
    """Folded phrase -> the agent noun it is (singular and plural forms alike); a munition
    the table lists ("cruise missile") is the means of an attack, no agent."""
    munitions = sector_file().munitions
    return {
        row.phrase: AgentNoun(
            row.phrase,
            tuple(row.codes[i : i + 3] for i in range(0, len(row.codes), 3)),
            row.placement,
        )
        for row in agent_rows()
        if row.phrase.split()[-1] not in munitions
    }


@cache
def plural_agents() -> frozenset[str]:
    """The agent phrases in their plural form: people in numbers ("refugees", "pirates"),
    not one office holder ("prime minister")."""
    return frozenset(row.phrase for row in agent_rows() if row.plural)


def agent_of(words: Sequence[str]) -> AgentNoun | None:
    """The longest agent phrase the folded `words` end with ("egyptian riot police" ->
    "riot police"); None when not even the last word is one."""
    table = agent_nouns()
    for start in range(max(0, len(words) - MAX_PHRASE_WORDS), len(words)):
        found = table.get(" ".join(words[start:]))
        if found is not None:
            return found
    return None


def agent_sector(words: Sequence[str]) -> tuple[str, str] | None:
    """(phrase, sector) of the longest agent phrase with a sector the `words` end with."""
    table = agent_nouns()
    for start in range(max(0, len(words) - MAX_PHRASE_WORDS), len(words)):
        found = table.get(" ".join(words[start:]))
        if found is not None and found.sector is not None:
            return found.phrase, found.sector
    return None
