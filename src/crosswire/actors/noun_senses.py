"""What a common noun most often names, where it is a person or a part of the body: a doer
or recipient the text states by what the person is ("a fired accountant opened fire"), a
wound that is harm done to its owner ("hit his left forearm").

The table is data/actors/noun_senses.tsv, compiled from WordNet 3.0 by
``python -m tools.build_noun_senses`` (data/actors/noun_senses.LICENSE): the nouns whose
most frequent sense is a kind of person (WordNet's noun.person) or a part of the body
(noun.body)."""

from __future__ import annotations

from functools import cache
from typing import Annotated, Literal

from pydantic import StringConstraints

from crosswire.datafiles import DataModel, load_tsv

NounClass = Literal["person", "body"]


class NounSense(DataModel):
    """One row of noun_senses.tsv."""

    noun: Annotated[str, StringConstraints(pattern=r"^[a-z]+( [a-z]+)*$")]
    kind: NounClass
    alike: int  # of its senses, those of that class
    senses: int


@cache
def noun_classes() -> dict[str, NounClass]:
    return {row.noun: row.kind for row in load_tsv("actors/noun_senses.tsv", NounSense)}


def names_a_person(lemma: str) -> bool:
    """Whether the common noun `lemma` (folded) most often names a kind of person."""
    return noun_classes().get(lemma) == "person"


def names_a_body_part(phrase: str) -> bool:
    """Whether the common noun or noun phrase (folded lemmas: "forearm", "rib cage") most
    often names a part of the body."""
    return noun_classes().get(phrase) == "body"
