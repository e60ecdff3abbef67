"""Duplicates and syndication: exact copies (equal normalised-text hash), near copies
(MinHash + LSH over word 5-shingles, datasketch) and re-posts that cite their original.

How a new article is linked to an earlier one, first rule that holds:

1. equal ``text_hash`` (the same normalised text);
2. estimated Jaccard similarity of the word 5-shingle sets ≥ ``jaccard`` (0.4);
3. containment: most shingles of the shorter text are in the longer one (``containment``
   0.5; the shorter text at least ``min_contained`` shingles and a fifth of the longer one,
   ``min_size_ratio``, since the estimate from MinHash is too coarse for very unequal
   sizes) -- a copy with its ending trimmed, or edited, or with a long piece of boilerplate
   added;
4. the article cites another one (``Citation.url`` equal to its URL, or the cited outlet equal
   to its outlet) and their leads (first ``LEAD_WORDS`` words) are near-identical
   (Jaccard ≥ ``lead_jaccard``): an aggregator's re-post with its own residue around it.

A near copy (rules 2-4) is no copy when the towns its lead puts things in and the
original's are apart (`event_places.written_places`, `event_places.apart`: another country,
or a city in another region): "A fire destroyed a warehouse in Lyon" and "... in Cork" share
most of their shingles, but they are one wording of two events (a template, a wire's
bulletin), not one report twice. A copy keeps its original's places: trimmed, edited or
wrapped in boilerplate, it still names them.

The thresholds are settings (``dedup`` in `crosswire.settings`), passed to `add`; what
shapes the stored signatures and LSH buckets (shingle size, permutations, seed, the lead's
length, the candidate threshold that sets the bands) stays a constant here.

Threshold choice (benchmarks/near_duplicates.py: 112 originals from the extraction benchmark
and the example corpus, 114 re-posts made by realistic edits, 6,214 negative pairs of which 48
are different outlets' articles on the same event): among different articles the largest
Jaccard is 0.11 and the largest containment 0.22, while the re-posts' smallest containment is
0.38 (a trimmed and copy-edited re-post has a Jaccard as low as 0.10, so Jaccard alone cannot
find it). Precision is 1.0 over the whole sweep (Jaccard 0.2-0.8, containment 0.3-0.9);
recall is 0.98 for containment 0.4-0.5 and falls above it (0.90 at 0.6, 0.79 at 0.9).
Jaccard 0.4 and containment 0.5 sit in the middle of the gaps. Candidates come from LSH at a
low threshold (0.2) on the whole text and on the lead, and are confirmed with the estimated
values, so an answer does not hinge on banding luck alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from crosswire.clean import normalise_text
from crosswire.model import Article
from crosswire.provenance import outlet_keys, url_key
from crosswire.settings import DEFAULT, DedupSettings
from crosswire.stories.event_places import apart, written_places
from crosswire.stories.records import INT, TEXT, Array, Entries, Optional, SetOf, TupleOf
from crosswire.stories.spilled import SpilledBuckets, SpilledDict
from crosswire.stories.state import JournaledState

# Not settings: each shapes what the index stores (an article's lead signature, the LSH
# bands), so a store written with one value cannot be queried with another
LEAD_WORDS = 60
CANDIDATE_THRESHOLD = 0.2  # LSH recall threshold, below every confirming threshold
NUM_PERM = 128
LEAD_PERM = 64
SHINGLE = 5
SEED = 1

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Lower-cased word tokens; punctuation and spacing differences vanish."""
    return _WORD.findall(normalise_text(text))


def shingles(tokens: list[str], size: int = SHINGLE) -> set[str]:
    if len(tokens) <= size:
        return {" ".join(tokens)}
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def minhash(items: set[str], num_perm: int = NUM_PERM) -> MinHash:
    scheme, permutations = _permutations(num_perm)
    signature = MinHash(num_perm=num_perm, seed=SEED, permutations=permutations, scheme=scheme)
    signature.update_batch([s.encode("utf-8") for s in items])
    return signature


@cache
def _permutations(num_perm: int) -> tuple[str, Any]:
    """The seeded hash permutations and their scheme, made once (datasketch would draw them
    again for every signature)."""
    template = MinHash(num_perm=num_perm, seed=SEED)
    return template.scheme, template.permutations


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What `DuplicateIndex.add` needs of an article's text: its MinHash signatures (whole
    text, lead) and its shingle count. A pure function of the text (`fingerprint`), so the
    worker that analyses an article makes it, and the one process that keeps the index only
    looks it up."""

    signature: LeanMinHash  # lean: without the permutations, sent from worker to driver
    lead_signature: LeanMinHash
    size: int
    places: tuple[str, ...] = ()  # written in the lead (event_places.written_places)


def fingerprint(text: str) -> Fingerprint:
    tokens = words(text)
    whole, lead = shingles(tokens), shingles(tokens[:LEAD_WORDS])
    return Fingerprint(
        LeanMinHash(minhash(whole)),
        LeanMinHash(minhash(lead, LEAD_PERM)),
        len(whole),
        written_places(text, LEAD_WORDS),
    )


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two MinHash signatures (hash value arrays)."""
    return float(np.count_nonzero(a == b)) / len(a)


def containment(similarity: float, size_a: int, size_b: int) -> float:
    """Share of the smaller set inside the larger, from their Jaccard and sizes:
    |A∩B| = J·(|A|+|B|)/(1+J)."""
    if not size_a or not size_b:
        return 0.0
    shared = similarity * (size_a + size_b) / (1 + similarity)
    return min(1.0, shared / min(size_a, size_b))


def is_copy(
    similarity: float, size_a: int, size_b: int, settings: DedupSettings = DEFAULT.dedup
) -> bool:
    """The whole-text rules (2 and 3 above) for two texts of these shingle counts."""
    if similarity >= settings.jaccard:
        return True
    small, large = sorted((size_a, size_b))
    comparable = small >= settings.min_contained and small >= settings.min_size_ratio * large
    return comparable and containment(similarity, size_a, size_b) >= settings.containment


class DuplicateIndex(JournaledState):
    """Remembers every article seen; `add` says which earlier one a new article copies.

    State per article: a 128-value uint32 signature of the whole text, a 64-value one of
    the lead, the shingle count, and the url/outlet keys; and the two LSH indexes' band
    buckets. All of it is spilled (spilled.py): in a store, only what recent articles used
    stays in memory.
    """

    SPILLED: ClassVar[dict[str, Entries[Any, Any]]] = {
        "by_hash": Entries(TEXT, TEXT),  # text hash -> the first article with it
        "signatures": Entries(TEXT, Array("uint32")),
        "lead_signatures": Entries(TEXT, Array("uint32")),
        "sizes": Entries(TEXT, INT),  # shingle counts
        "places": Entries(TEXT, TupleOf(TEXT)),  # the places its lead writes, when any
        "by_url": Entries(TEXT, TEXT),  # url key -> the first article at it
        "outlets": Entries(TEXT, SetOf(TEXT)),
        "original": Entries(TEXT, TEXT),
        "answers": Entries(TEXT, Optional(TEXT)),
    }
    BUCKETS = ("bands", "lead_bands")  # the LSH indexes' band buckets

    def __init__(self) -> None:
        self._changed: dict[str, set[Any]] = {}
        self.by_hash: SpilledDict = SpilledDict()
        self.signatures: SpilledDict = SpilledDict()
        self.lead_signatures: SpilledDict = SpilledDict()
        self.sizes: SpilledDict = SpilledDict()
        self.places: SpilledDict = SpilledDict()
        self.by_url: SpilledDict = SpilledDict()
        # article id -> its outlet keys
        self.outlets: SpilledDict = SpilledDict()
        # id -> the first article of its copy family
        self.original: SpilledDict = SpilledDict()
        self.answers: SpilledDict = SpilledDict()
        self.bands, self.lead_bands = SpilledBuckets(), SpilledBuckets()
        self._rebuild()

    def add(
        self,
        article: Article,
        keys: Fingerprint | None = None,
        settings: DedupSettings = DEFAULT.dedup,
    ) -> str | None:
        """The id of the earlier article this one duplicates (the first of its family), or
        None; then remember it. Adding an article again gives the same answer. `keys` is
        the article's `fingerprint`, made here when not given."""
        if article.id in self.answers:
            known: str | None = self.answers[article.id]
            return known
        keys = fingerprint(article.text) if keys is None else keys
        signature, lead_signature = keys.signature, keys.lead_signature
        self.bands.fetch(band_keys(self.lsh, signature))
        self.lead_bands.fetch(band_keys(self.lead_lsh, lead_signature))
        found = self.by_hash.get(article.text_hash) if article.text_hash else None
        found = found or self._near(signature, lead_signature, keys, settings)
        found = found or self._cited(article, lead_signature, keys.places, settings)
        self._remember(article, signature, lead_signature, keys)
        root = self.original.get(found, found) if found else None
        self.original[article.id] = root or article.id
        self.answers[article.id] = root
        for changed in ("original", "answers"):
            self._touch(changed, article.id)
        return root

    # ------------------------------------------------------------------ matching
    def _near(
        self,
        signature: MinHash,
        lead_signature: MinHash,
        keys: Fingerprint,
        settings: DedupSettings,
    ) -> str | None:
        """The most similar earlier article that the whole-text rules call a copy; texts
        sharing their lead are candidates too, which finds copies with a trimmed ending."""
        values = signature.hashvalues
        best: tuple[float, str] | None = None
        candidates = set(self.lsh.query(signature)) | set(self.lead_lsh.query(lead_signature))
        self.signatures.fetch(candidates)
        self.sizes.fetch(candidates)
        self.places.fetch(candidates)
        for candidate in sorted(candidates):
            similarity = jaccard(values, self.signatures[candidate])
            if (
                is_copy(similarity, keys.size, self.sizes[candidate], settings)
                and (best is None or similarity > best[0])
                and not self._elsewhere(keys.places, candidate)
            ):
                best = (similarity, candidate)
        return best[1] if best else None

    def _elsewhere(self, places: tuple[str, ...], candidate: str) -> bool:
        """Whether the candidate's lead puts things at places apart from these."""
        return apart(places, self.places.get(candidate, ()))

    def _cited(
        self,
        article: Article,
        lead_signature: MinHash,
        places: tuple[str, ...],
        settings: DedupSettings,
    ) -> str | None:
        cited_urls = {url_key(c.url) for c in article.cites} - {None}
        cited_outlets = {k for c in article.cites for k in outlet_keys(c.outlet, c.url)}
        if not cited_urls and not cited_outlets:
            return None
        candidates = {self.by_url[u] for u in cited_urls if u in self.by_url}
        candidates |= {
            c
            for c in self.lead_lsh.query(lead_signature)
            if self.outlets.get(c, set()) & cited_outlets
        }
        values = lead_signature.hashvalues
        self.places.fetch(candidates)
        candidates = {c for c in candidates if not self._elsewhere(places, c)}
        scored = [(jaccard(values, self.lead_signatures[c]), c) for c in sorted(candidates)]
        scored = [(s, c) for s, c in scored if s >= settings.lead_jaccard]
        return min(scored, key=lambda sc: (-sc[0], sc[1]))[1] if scored else None

    def _remember(
        self, article: Article, signature: MinHash, lead_signature: MinHash, keys: Fingerprint
    ) -> None:
        size = keys.size
        if keys.places:
            self.places[article.id] = keys.places
            self._touch("places", article.id)
        if article.text_hash and article.text_hash not in self.by_hash:
            self.by_hash[article.text_hash] = article.id
            self._touch("by_hash", article.text_hash)
        self.signatures[article.id] = signature.hashvalues.copy()
        self.lead_signatures[article.id] = lead_signature.hashvalues.copy()
        self.sizes[article.id] = size
        for changed in ("signatures", "lead_signatures", "sizes"):
            self._touch(changed, article.id)
        self.lsh.insert(article.id, signature, check_duplication=False)
        self.lead_lsh.insert(article.id, lead_signature, check_duplication=False)
        url = url_key(article.url)
        if url and url not in self.by_url:
            self.by_url[url] = article.id
            self._touch("by_url", url)
        outlets = outlet_keys(article.outlet, article.url)
        if outlets:
            self.outlets[article.id] = outlets
            self._touch("outlets", article.id)

    def _rebuild(self) -> None:
        """The LSH indexes over the band buckets."""
        self.lsh = candidate_index(NUM_PERM, self.bands)
        self.lead_lsh = candidate_index(LEAD_PERM, self.lead_bands)


def candidate_index(num_perm: int, buckets: SpilledBuckets) -> MinHashLSH:
    """datasketch's LSH at ``CANDIDATE_THRESHOLD``, for inserting and querying only, its
    bands' buckets all in `buckets` (`BandTable`), and no record of each key's bands (which
    only removing a key needs; an article is never removed)."""
    lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=num_perm, params=_bands(num_perm))
    lsh.hashtables = [BandTable(buckets, i) for i in range(lsh.b)]
    lsh.keys = _NoKeys()
    return lsh


@cache
def _bands(num_perm: int) -> tuple[int, int]:
    """datasketch's bands and rows for ``CANDIDATE_THRESHOLD`` at `num_perm`: found by
    numerical integration, about 50 ms an index (every load of the dedup stage, every
    partition of a partitioned batch), so found once."""
    found = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=num_perm)
    return found.b, found.r


def band_keys(lsh: MinHashLSH, signature: MinHash) -> list[bytes]:
    """The bucket keys of a signature's bands in `lsh` (as `BandTable` makes them)."""
    values = signature.hashvalues
    return [
        BandTable.key(i, lsh._H(values[start:end])) for i, (start, end) in enumerate(lsh.hashranges)
    ]


class BandTable:
    """One LSH band's buckets, as a view of the buckets all bands share (the band's number
    leads each key): datasketch's storage keeps a Python set per bucket, two thirds of the
    index's memory, and in memory only."""

    __slots__ = ("_band", "_buckets")

    def __init__(self, buckets: SpilledBuckets, band: int) -> None:
        self._buckets, self._band = buckets, band

    @staticmethod
    def key(band: int, value: bytes) -> bytes:
        return band.to_bytes(2, "big") + value

    def insert(self, value: bytes, key: str, buffer: bool = False) -> None:
        self._buckets.add(self.key(self._band, value), key)

    def get(self, value: bytes) -> list[str]:
        return self._buckets.get(self.key(self._band, value))


class _NoKeys:
    def insert(self, key: str, *bands: bytes, buffer: bool = False) -> None:
        pass
