"""ECB+ dev articles as crosswire reads them, and their per-article analyses cached on disk.

The per-article stages (spaCy parse, actors, times, events...) take minutes over the 772
articles on a small machine and do not change when only the cross-article stages do, so
`analysed` keeps them in ``benchmarks/.cache/`` (gitignored), keyed by the article's text
and the code of the per-article stages: a change to either analyses again.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, bench_data
from crosswire.model import Analysis, Article
from near_duplicates import Text, article_of, iso_day

CACHE = ROOT / "benchmarks" / ".cache"
PIECE = 32  # articles analysed per call, as a pipeline batch


def ecb_texts(path: Path | None = None) -> list[Text]:
    """The dev articles: id, title, text, date (often none) and gold story."""
    path = path or bench_data("stories", "ecbplus-dev.jsonl")
    texts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            day, gold = iso_day(row.get("date")), str(row["cluster"])
            texts.append(Text(str(row["id"]), row.get("title") or "", row["text"], day, gold))
    return texts


def _code_version() -> str:
    """A digest of the per-article code and the data it reads (a rule in a data file
    changes analyses as a change of code does): the cache is stale when either changes."""
    digest = hashlib.sha256()
    src = ROOT / "src" / "crosswire"
    for folder in ("actors", "timex", "events", "scope", "clean"):
        for path in sorted((src / folder).rglob("*.py")):
            digest.update(path.read_bytes())
    for path in sorted((src / "data").rglob("*")):
        if path.is_file():
            digest.update(path.read_bytes())
    for name in ("stages.py", "nlp.py", "pipeline.py", "model.py"):
        digest.update((src / name).read_bytes())
    return digest.hexdigest()[:12]


def analysed(texts: list[Text]) -> list[tuple[Article, Analysis]]:
    """Each text as an article with its analysis, from the cache where it holds them."""
    from crosswire.pipeline import analyse_articles

    version = _code_version()
    path = CACHE / f"ecbplus-{version}.pickle"
    cached: dict[str, Analysis] = pickle.loads(path.read_bytes()) if path.exists() else {}
    articles = [article_of(t) for t in texts]
    key = {a.id: f"{a.id}:{a.text_hash}:{a.published}" for a in articles}
    missing = [a for a in articles if key[a.id] not in cached]
    started = time.perf_counter()
    for k in range(0, len(missing), PIECE):
        piece = missing[k : k + PIECE]
        for article, analysis in zip(piece, analyse_articles(piece), strict=True):
            cached[key[article.id]] = analysis
        CACHE.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(cached))
        print(f"analysed {k + len(piece)}/{len(missing)} "
              f"in {time.perf_counter() - started:.0f}s", flush=True)  # fmt: skip
    return [(a, cached[key[a.id]]) for a in articles]


if __name__ == "__main__":
    analysed(ecb_texts())
