"""The actors stage's data files (src/crosswire/data/actors/), typed and loaded once per
process. Each field is explained where the data file sets it."""

from __future__ import annotations

import re
from functools import cache
from typing import Annotated

from pydantic import Field, StringConstraints

from crosswire.datafiles import Code, DataModel, Sector, load, load_tsv

Names = tuple[str, ...]  # in the file's order: readers sort by length, stable


class Countries(DataModel):
    aliases: dict[str, Code | None]  # None: the name says no one country
    supranational: Names
    supranational_regions: Names
    epithets: dict[str, Code]
    code_overrides: dict[Code, Code]
    names: dict[Code, str]
    seats: dict[str, Code]


class Agency(DataModel):
    names: Names = Field(min_length=1)  # the first is the readable name
    country: Code | None = None


class Media(DataModel):
    agencies: tuple[Agency, ...]
    platforms: Names
    medium_words: Names
    medium_descriptors: Names


class Organisations(DataModel):
    non_state_codes: tuple[Code, ...]
    # name -> (code, readable name) or (code, readable name, the sector of its function)
    international: dict[str, tuple[Code, str] | tuple[Code, str, Sector]]
    institutions: dict[str, tuple[Code | None, Sector]]  # name -> (country, sector)
    heads: dict[str, Sector]
    company_suffixes: Names
    facility_heads: Names
    document_heads: Names
    group_heads: dict[str, Sector]
    groups: dict[str, tuple[Code | None, Sector]]  # name -> (country, sector)
    member_nouns: dict[str, Sector]  # "Democrats" -> PTY: members, not a people


class Reporting(DataModel):
    verbs: Names
    prepositional: Names
    channels: Names


class Roles(DataModel):
    roles: dict[str, Sector]
    organisation_offices: Names
    modifiers: Names
    named_without_country: Names


# "Sen.", "Lt. Gen.": capitalised abbreviations, each with its full stop
TitleForm = Annotated[str, StringConstraints(pattern=r"^[A-Z][a-z]{0,5}\.(?: [A-Z][a-z]{0,5}\.)*$")]


class Titles(DataModel):
    abbreviations: dict[TitleForm, str | None]  # title -> the role it abbreviates, if any


class Transliteration(DataModel):
    """One row of transliteration.tsv: a regular expression on a name word, its replacement."""

    pattern: re.Pattern[str]
    replacement: str = ""


@cache
def countries() -> Countries:
    return load("actors/countries.yaml", Countries)


@cache
def media() -> Media:
    return load("actors/media.yaml", Media)


@cache
def organisations() -> Organisations:
    return load("actors/organisations.yaml", Organisations)


@cache
def reporting() -> Reporting:
    return load("actors/reporting.yaml", Reporting)


@cache
def roles_file() -> Roles:
    return load("actors/roles.yaml", Roles)


@cache
def titles() -> Titles:
    return load("actors/titles.yaml", Titles)


@cache
def transliteration() -> list[Transliteration]:
    return load_tsv("actors/transliteration.tsv", Transliteration)
