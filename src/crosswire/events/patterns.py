"""Loading the event knowledge: verb and noun patterns and modality cues (data/events/)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from crosswire.datafiles import read_yaml

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Pattern:
    """One verb or noun pattern; see the comments at the top of the data files."""

    lemma: str
    type: str
    example: str
    mode: str | None = None
    cameo: str | None = None
    object: tuple[str, ...] = ()
    object_types: tuple[str, ...] = ()
    target_preps: tuple[str, ...] = ()
    participant_preps: tuple[str, ...] = ()
    content_preps: tuple[str, ...] = ()
    reciprocal: bool = False
    host: bool = False
    requires_target: bool = False
    requires_phone: bool = False
    requires_content: bool = False
    requires_actor_pair: bool = False
    particle: str | None = None
    object_not: tuple[str, ...] = ()
    transitive: bool = False
    count: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _read(name: str) -> Any:
    return read_yaml(f"events/{name}")


def _pattern(entry: dict[str, Any]) -> Pattern:
    entry = dict(entry)
    for key in (
        "object",
        "object_types",
        "target_preps",
        "participant_preps",
        "content_preps",
        "object_not",
    ):
        if key in entry:
            if not all(
                isinstance(word, str) for word in entry[key]
            ):  # YAML reads bare on/no as bools
                raise ValueError(
                    f"{key} of pattern {entry['lemma']!r} must be quoted words: {entry[key]}"
                )
            entry[key] = tuple(entry[key])
    if entry["type"] not in PLOVER_TYPES:
        raise ValueError(f"unknown PLOVER type {entry['type']!r} in pattern for {entry['lemma']!r}")
    return Pattern(**entry)


@cache
def verb_patterns() -> dict[str, tuple[Pattern, ...]]:
    return _index(_read("verbs.yaml"))


@cache
def noun_patterns() -> dict[str, tuple[Pattern, ...]]:
    return _index(_read("nouns.yaml"))


def _index(entries: list[dict[str, Any]]) -> dict[str, tuple[Pattern, ...]]:
    by_lemma: dict[str, list[Pattern]] = defaultdict(list)
    for entry in entries:
        pattern = _pattern(entry)
        by_lemma[pattern.lemma].append(pattern)
    return {lemma: tuple(found) for lemma, found in by_lemma.items()}


@cache
def agents() -> dict[str, Any]:
    return _read("agents.yaml")


@cache
def modality() -> dict[str, Any]:
    return _read("modality.yaml")


@cache
def frames() -> dict[str, Any]:
    return _read("frames.yaml")
