"""Duplicates and syndication: exact copies (equal normalised-text hash) and near copies
(MinHash + LSH over word shingles, datasketch).

Threshold: a re-post with added boilerplate, a trimmed ending or a changed headline keeps a
Jaccard similarity of word 5-shingles well above 0.6, while different articles on the same
topic stay below 0.2 (see benchmarks/near_duplicates.py); LSH is set at 0.6 and candidates are
confirmed with the estimated Jaccard, so the answer does not hinge on LSH banding luck.
"""

from __future__ import annotations

from datasketch import MinHash, MinHashLSH

from crosswire.clean import normalise_text
from crosswire.model import Article
from crosswire.stories.state import PickledState

THRESHOLD = 0.6
NUM_PERM = 128
SHINGLE = 5


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    words = normalise_text(text).split()
    if len(words) <= size:
        return {" ".join(words)}
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def minhash(text: str) -> MinHash:
    signature = MinHash(num_perm=NUM_PERM, seed=1)
    signature.update_batch([s.encode("utf-8") for s in shingles(text)])
    return signature


class DuplicateIndex(PickledState):
    """Remembers every article seen; `add` says which earlier one a new article copies."""

    def __init__(self) -> None:
        self.by_hash: dict[str, str] = {}
        self.lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self.signatures: dict[str, MinHash] = {}
        self.original: dict[str, str] = {}  # id -> the first article of its copy family

    def add(self, article: Article) -> str | None:
        """The id of the earlier article this one duplicates, or None; then remember it."""
        found = self.by_hash.get(article.text_hash)
        signature = minhash(article.text)
        if found is None:
            found = self._near(signature)
        if article.id in self.signatures:  # seen already (same record twice)
            return (
                self.original.get(article.id)
                if self.original.get(article.id) != article.id
                else None
            )
        self.by_hash.setdefault(article.text_hash, article.id)
        self.signatures[article.id] = signature
        self.lsh.insert(article.id, signature)
        root = self.original.get(found, found) if found else article.id
        self.original[article.id] = root
        return root if found else None

    def _near(self, signature: MinHash) -> str | None:
        candidates = sorted(self.lsh.query(signature))
        scored = [(signature.jaccard(self.signatures[c]), c) for c in candidates]
        scored = [(score, c) for score, c in scored if score >= THRESHOLD]
        if not scored:
            return None
        best = max(score for score, _ in scored)
        return min(c for score, c in scored if score == best)
