"""Resolving person mentions inside one document, then giving them cross-article keys.

Longest-name anchoring: a shorter name ("Lavrov", "Kim", "KIM JONG") belongs to the longest
name containing it that the document mentions. When several candidates share it (three Kims),
context picks: a full mention earlier in the same sentence, then the most often named
candidate, then the one the story introduced first; a possessor is never the person it owns
("Kim's right-hand man Kim Yong Chol": that "Kim" is not Kim Yong Chol).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from crosswire.actors.classify import Typed, display
from crosswire.actors.keys import person_words

Words = tuple[str, ...]


@dataclass(slots=True, eq=False)
class DocPerson:
    """One person of the document: the longest name, its forms, role and country."""

    words: Words
    forms: Counter[str] = field(default_factory=Counter)
    role: str | None = None
    sector: str | None = None
    country: str | None = None

    @property
    def key(self) -> str:
        return "person:" + " ".join(self.words)

    @property
    def name(self) -> str:
        return self.forms.most_common(1)[0][0] if self.forms else " ".join(self.words).title()


def _contains(longer: Words, shorter: Words) -> bool:
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


def _maximal(names: set[Words]) -> set[Words]:
    """Names not contained in a longer name of the document."""
    return {n for n in names if not any(o != n and _contains(o, n) for o in names)}


def resolve_people(
    mentions: list[Typed], sentence_of: dict[int, int], possessors: dict[int, int]
) -> dict[int, DocPerson]:
    """Map each PERSON mention index to its DocPerson."""
    words_of = {
        i: tuple(person_words(display(m.text)))
        for i, m in enumerate(mentions)
        if m.type == "PERSON"
    }
    words_of = {i: w for i, w in words_of.items() if w}
    full = {w for w in words_of.values() if len(w) >= 2}
    anchors = _maximal(full)
    people: dict[Words, DocPerson] = {}
    counts = Counter(words_of[i] for i in words_of if words_of[i] in anchors)
    assigned: dict[int, DocPerson] = {}
    for index in sorted(words_of, key=lambda i: mentions[i].start):
        words = words_of[index]
        candidates = sorted(a for a in anchors if _contains(a, words))
        choice = _choose(
            index, words, candidates, mentions, words_of, sentence_of, counts, possessors
        )
        person = people.setdefault(choice, DocPerson(choice))
        if words == choice:
            person.forms[display(mentions[index].text)] += 1
        assigned[index] = person
    return assigned


def _choose(
    index: int,
    words: Words,
    candidates: list[Words],
    mentions: list[Typed],
    words_of: dict[int, Words],
    sentence_of: dict[int, int],
    counts: Counter[Words],
    possessors: dict[int, int],
) -> Words:
    if not candidates:
        return words
    # "X's right-hand man Y": the possessor X is not Y
    owned = [words_of[i] for i, owner in possessors.items() if owner == index and i in words_of]
    candidates = [c for c in candidates if c not in owned] or candidates
    if len(candidates) == 1:
        return candidates[0]
    here = mentions[index].start
    earlier = [i for i in words_of if mentions[i].start < here and words_of[i] in candidates]
    same_sentence = [i for i in earlier if sentence_of.get(i) == sentence_of.get(index)]
    if same_sentence:
        return words_of[max(same_sentence, key=lambda i: mentions[i].start)]
    best = max(counts[c] for c in candidates)
    frequent = [c for c in candidates if counts[c] == best]
    if len(frequent) == 1:
        return frequent[0]
    # equally often named: the one the story introduced first (its protagonist)
    first = [
        i for i in sorted(words_of, key=lambda i: mentions[i].start) if words_of[i] in frequent
    ]
    return words_of[first[0]] if first else frequent[0]
