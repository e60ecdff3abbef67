"""The sex a person's first name says, where its bearers are nearly all of one sex
("Julie" Fem, "Luke" Masc; "Jordan" says nothing).

The table is data/actors/first_names.tsv, compiled from the U.S. Census Bureau's 1990 name
frequency files (public domain) by ``python -m tools.build_first_names``
(data/actors/first_names.LICENSE)."""

from __future__ import annotations

from functools import cache
from typing import Annotated, Literal

from pydantic import StringConstraints

from crosswire.datafiles import DataModel, load_tsv

Sex = Literal["Masc", "Fem"]  # as spaCy's morphology writes a pronoun's gender


class FirstName(DataModel):
    """One row of first_names.tsv."""

    name: Annotated[str, StringConstraints(pattern=r"^[a-z]+$")]
    sex: Sex
    share: float  # of the name's bearers, of that sex


@cache
def first_name_sexes() -> dict[str, Sex]:
    return {row.name: row.sex for row in load_tsv("actors/first_names.tsv", FirstName)}


def sex_of_first_name(word: str) -> Sex | None:
    """The sex `word`, a first name, says; None where it says none or is no first name."""
    return first_name_sexes().get(word.lower())
