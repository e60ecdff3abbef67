"""Links between articles in different languages: an article joins a story told in another
language through what survives translation, its meaning and its names.

The clusterer's text vectors are hashed words, and a Turkish report of a meeting shares no
word with the English ones. So each article also gets a `Meaning`, made once when it is
added: the multilingual Universal Sentence Encoder's embedding of its title and lead (one
vector space for the 16 languages the model was trained on: the same sentence in Turkish
and English lands close), its language (cleaning's guess, `Article.language`), and its name
keys (`name_keys`: capitalised words written in Latin letters and folded so that Лавров,
Lavrov and Lawrow give one key). Meanings are kept per article in the clusterer's state as
plain records (`MEANING`) and found again through `MeaningIndex`: (key, time bucket) ->
articles, where the keys are the article's names and locality-sensitive hashes of its
embedding (`lsh_keys`: texts with close embeddings share some).

Only pairs of articles in different languages are scored here (`pair_score`); within a
language the clusterer's own scoring decides, unchanged. An article's cross-language fit to
a story is its best pair score with one of the story's articles in another language, on the
same scale as `scoring.score` (the text weight on the embedding's similarity, the actor
weight on shared names, the time weight on closeness), so the same join score applies.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import numpy as np
from anyascii import anyascii

from crosswire.actors.keys import fold, fold_name_word
from crosswire.model import Article
from crosswire.scope.embedding import DIMENSIONS, lead, lead_vector
from crosswire.settings import StoriesSettings
from crosswire.stories.records import INT, TEXT, Array, Fields, ListOf, Optional, Pair, TupleOf
from crosswire.stories.scoring import UNDATED, WINDOW_DAYS
from crosswire.stories.spilled import SpilledDict

# Cosines of the multilingual USE below this carry no evidence: it is the 95th percentile of
# the cosines of title-and-lead between articles of different ECB+ dev topics (300 articles,
# measured: unrelated median 0.20, 95th 0.40; two events of one kind, median 0.54; one
# event, median 0.71). The embedding's similarity is the cosine's share of the way from this
# floor to 1.
UNRELATED_COSINE = 0.40
NAME_PREFIX = 5  # a name key is its first letters: inflected names (Лаврова, Lavrov'u) agree
# Keys of the embedding: 24 bands of 6 hyperplane signs. Two texts at cosine 0.65 share a
# band with probability 0.98, and 3.5 bands on average; two at 0.2 (unrelated news) 0.8. Not
# settings: they shape the stored index.
LSH_BANDS, LSH_BITS = 24, 6
LSH_SEED = 21
# Articles scored against at most, those sharing most keys: the cost per article stays
# bounded however many articles a time bucket holds
MAX_NEIGHBOURS = 50
UNKNOWN = "und"  # the language of an article cleaning could not guess

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_END = re.compile(r"[.!?:;\n]\s*$")
_REPEATED = re.compile(r"(.)\1+")
# spellings of one sound across romanisations and languages (Lawrow / Lavrov,
# Khakan / Hakan, Yahya / Jahja)
_SOUNDS = (("kh", "h"), ("w", "v"), ("ph", "f"), ("j", "y"), ("y", "i"), ("c", "k"), ("q", "k"))


@dataclass(slots=True)
class Meaning:
    """What an article says, in a form comparable across languages."""

    vector: np.ndarray  # unit multilingual USE embedding of title and lead, float32
    language: str
    names: tuple[str, ...]
    day: int | None


MEANING = Fields(
    "a meaning",
    [
        ("vector", Array("float32")),
        ("language", TEXT),
        ("names", TupleOf(TEXT)),
        ("day", Optional(INT)),
    ],
    Meaning,
)


def meaning_of(article: Article, day: int | None) -> Meaning:
    """The article's meaning: one embedding (the costly part, a few milliseconds)."""
    text = lead(article)
    vector = lead_vector(article)
    return Meaning(vector, article.language or UNKNOWN, tuple(sorted(name_keys(text))), day)


def name_keys(text: str) -> set[str]:
    """Keys of the names a text holds: words in a script with capitals that are capitalised
    and do not open a sentence (there, every word is), written in Latin letters, folded,
    their spellings of one sound made one, cut to ``NAME_PREFIX`` letters."""
    keys = set()
    for match in _WORD.finditer(text):
        word = match.group()
        if not word[0].isupper() or _opens_sentence(text, match.start()):
            continue
        key = sound_key(word)
        if len(key) >= 3:
            keys.add(key[:NAME_PREFIX])
    return keys


def sound_key(word: str) -> str:
    """A name written in Latin letters, folded as actor keys are, sounds made uniform."""
    latin = fold(anyascii(word.split("'")[0].split("’")[0]))
    key = fold_name_word(latin.replace(" ", ""))
    for spelled, sound in _SOUNDS:
        key = key.replace(spelled, sound)
    return _REPEATED.sub(r"\1", key)


def _opens_sentence(text: str, at: int) -> bool:
    before = text[:at].rstrip(" \t\"'«“(")
    return not before or bool(_SENTENCE_END.search(before))


@cache
def _hyperplanes() -> np.ndarray:
    rng = np.random.default_rng(LSH_SEED)
    return rng.standard_normal((LSH_BANDS * LSH_BITS, DIMENSIONS)).astype(np.float32)


def lsh_keys(vector: np.ndarray) -> list[str]:
    """One key per band: the signs of the embedding on the band's seeded hyperplanes."""
    signs = (_hyperplanes() @ vector) > 0
    return [
        f"e{band}:"
        + "".join("1" if s else "0" for s in signs[band * LSH_BITS : (band + 1) * LSH_BITS])
        for band in range(LSH_BANDS)
    ]


def index_keys(meaning: Meaning) -> list[str]:
    return [*lsh_keys(meaning.vector), *(f"n:{name}" for name in meaning.names)]


def pair_score(a: Meaning, b: Meaning, settings: StoriesSettings) -> float | None:
    """How well two articles in different languages tell one story, on the scale of
    `scoring.score`; None when they are too far apart in time."""
    closeness = _closeness(a.day, b.day, settings.decay_days)
    if closeness is None:
        return None
    cosine = float(np.dot(a.vector, b.vector))
    similarity = max(0.0, (cosine - UNRELATED_COSINE) / (1 - UNRELATED_COSINE))
    weights = settings.weights
    return (
        weights.text * similarity
        + weights.actors * _shared_names(a.names, b.names)
        + weights.time * closeness
    )


def _shared_names(names: tuple[str, ...], others: tuple[str, ...]) -> float:
    """The share of names in common, of the article naming fewer (as `scoring` counts
    shared actors): the names two look-alike events share (the minister who travels) are
    outweighed by those they do not (where he went, whom he met)."""
    if not names or not others:
        return 0.0
    return len(set(names) & set(others)) / min(len(names), len(others))


def _closeness(day: int | None, other: int | None, decay_days: float) -> float | None:
    if day is None or other is None:
        return 0.5
    if abs(day - other) > WINDOW_DAYS:
        return None
    return math.exp(-abs(day - other) / decay_days)


def _bucket(day: int | None) -> int:
    return UNDATED if day is None else day // WINDOW_DAYS


def _near_buckets(day: int | None) -> list[int]:
    if day is None:
        return [UNDATED]
    return [day // WINDOW_DAYS + step for step in (-1, 0, 1)]


MEANING_KEY = Pair(TEXT, INT)  # (index key, time bucket)
ARTICLES = ListOf(TEXT)


class MeaningIndex:
    """The articles' meanings (`meanings`: article id -> `Meaning`) and the articles by
    (index key, time bucket) (`index`): the clusterer's spilled dictionaries, which it
    saves. Entries are only added: an article's story is looked up when it is found."""

    def __init__(self, meanings: SpilledDict, index: SpilledDict) -> None:
        self.meanings, self.index = meanings, index

    def add(self, article_id: str, meaning: Meaning) -> None:
        self.meanings[article_id] = meaning
        self.meanings.touch(article_id)
        at = _bucket(meaning.day)
        entries = [(key, at) for key in index_keys(meaning)]
        self.index.fetch(entries)
        for entry in entries:
            self.index[entry] = [*self.index.get(entry, []), article_id]
            self.index.touch(entry)

    def neighbours(self, meaning: Meaning) -> list[str]:
        """Articles in another language sharing index keys with this meaning, near its
        date: the ``MAX_NEIGHBOURS`` sharing most (ties: article ids)."""
        keys = index_keys(meaning)
        entries = [(key, bucket) for key in keys for bucket in _near_buckets(meaning.day)]
        self.index.fetch(entries)
        hits = Counter(a for entry in entries for a in self.index.get(entry, []))
        self.meanings.fetch(list(hits))
        ranked = sorted(
            (a for a in hits if self.meanings[a].language != meaning.language),
            key=lambda a: (-hits[a], a),
        )
        return sorted(ranked[:MAX_NEIGHBOURS])

    def fits(
        self,
        meaning: Meaning,
        story_of: Iterable[tuple[str, str]],
        settings: StoriesSettings,
    ) -> dict[str, float]:
        """Story id -> the best pair score of the meaning with one of the story's articles;
        `story_of` gives (neighbour article id, its story now)."""
        best: dict[str, float] = {}
        for article_id, story_id in story_of:
            found = pair_score(meaning, self.meanings[article_id], settings)
            if found is not None and found > best.get(story_id, -1.0):
                best[story_id] = found
        return best
