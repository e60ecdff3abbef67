"""The verb and noun patterns (data/events/verbs.yaml, nouns.yaml), typed and indexed by
lemma, and the lemma of a token as the pattern files key it."""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from pydantic import RootModel
from spacy.tokens import Token

from crosswire.datafiles import Cameo, DataModel, load
from crosswire.events.data import frames
from crosswire.model import PloverType

ActorType = str  # an actor mention's type: PERSON, COUNTRY, ORG, GROUP, MEDIA
VISIT = "visit"  # the mode of the patterns of a trip


class Pattern(DataModel):
    """One verb or noun pattern; see the comments at the top of the data files."""

    lemma: str
    type: PloverType
    example: str
    mode: str | None = None
    cameo: Cameo | None = None
    object: tuple[str, ...] = ()
    object_types: tuple[ActorType, ...] = ()
    target_preps: tuple[str, ...] = ()
    participant_preps: tuple[str, ...] = ()
    content_preps: tuple[str, ...] = ()
    reciprocal: bool = False
    host: bool = False
    requires_target: bool = False
    requires_phone: bool = False
    requires_content: bool = False
    requires_actor_pair: bool = False
    by_means: bool = False
    particle: str | None = None
    object_not: tuple[str, ...] = ()
    transitive: bool = False
    complement: tuple[str, ...] = ()
    phrase: tuple[str, ...] = ()
    count: str | None = None

    @property
    def of_the_word(self) -> bool:
        """Whether the pattern codes its word by itself, not only within a phrase ("take
        into custody"), with a complement ("find guilty") or with a particle ("turn in"):
        only such a pattern says what the word means elsewhere."""
        return not (self.phrase or self.complement or self.particle)


class PatternFile(RootModel[list[Pattern]]):
    """A pattern file: a list of patterns, tried in order for each lemma."""


@cache
def verb_patterns() -> dict[str, tuple[Pattern, ...]]:
    return _index(load("events/verbs.yaml", PatternFile).root)


@cache
def noun_patterns() -> dict[str, tuple[Pattern, ...]]:
    return _index(load("events/nouns.yaml", PatternFile).root)


def _index(patterns: list[Pattern]) -> dict[str, tuple[Pattern, ...]]:
    by_lemma: dict[str, list[Pattern]] = defaultdict(list)
    for pattern in patterns:
        by_lemma[pattern.lemma].append(pattern)
    return {lemma: tuple(found) for lemma, found in by_lemma.items()}


def verb_lemma(token: Token) -> str:
    """The lemma, or a regular-inflection guess where the small model's lemmatizer slips
    ("dined" -> "din"): the pattern files are keyed by real lemmas."""
    lemma = token.lemma_.lower()
    if lemma in verb_patterns():
        return lemma
    word = token.lower_
    if word in frames().irregular_pasts:
        return frames().irregular_pasts[word]
    for suffix, replacement in _REGULAR_ENDINGS:
        if (
            word.endswith(suffix)
            and (guess := word[: -len(suffix)] + replacement) in verb_patterns()
        ):
            return guess
    return lemma


_REGULAR_ENDINGS = (
    ("ied", "y"),
    ("ed", "e"),
    ("ed", ""),
    ("es", ""),
    ("s", ""),
    ("ing", "e"),
    ("ing", ""),
)


def noun_types(noun: Token) -> set[str]:
    """The event types the noun patterns give the noun's lemma."""
    return {p.type for p in noun_patterns().get(noun.lemma_.lower(), ())}


def told_act(noun: Token) -> bool:
    """A noun that names a harmful act ("the arrest", "the attack", "the killing"): a noun
    pattern of one of frames.yaml ``told_acts``, or the noun of such a verb pattern."""
    if noun.pos_ != "NOUN":
        return False
    lemma = noun.lemma_.lower()
    verb = lemma[:-3] if lemma.endswith("ing") else lemma
    patterns = [*noun_patterns().get(lemma, ()), *verb_patterns().get(verb, ())]
    return any(p.type in frames().told_acts for p in patterns)
