"""Batches of whole articles for labellers, and the command a labeller uses to read one.

    python tools/labelling/batches.py list               # batches, sizes, who labelled them
    python tools/labelling/batches.py show b03           # the batch to read, numbered
    python tools/labelling/batches.py template b03 NAME  # a JSONL file to fill in

Design (built with the pool, deterministic):
- ``p01``: the pilot, about 40 sentences from train articles, labelled while the guideline
  was written.
- ``x01``, ``x02``: the overlap, >= 300 sentences of whole articles spread over the sources;
  each must be labelled by two different labellers, independently (agreement.py).
- ``b01``...: everything else, about 250 sentences each, sources interleaved so that every
  batch mixes news, sports, shopping and other-language pages.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tools.labelling.pool import (
    EXTENSION_SOURCE,
    POOL_DIR,
    PoolArticle,
    PoolSentence,
    hash_order,
    load_pool,
)
from tools.labelling.texts import REPO, SOURCES, article_text, shared_dir

LABELS_DIR = REPO / "labels" / "events"
BATCH_SIZE = 250
OVERLAP_MIN = 320  # sentences labelled twice (the issue asks for >= 300)
PILOT_SIZE = 40
OVERLAP_BATCHES = ("x01", "x02")


def design(
    articles: Sequence[PoolArticle], sentences: Sequence[PoolSentence]
) -> list[dict[str, Any]]:
    """The batches: pilot, overlap, then regular batches of about BATCH_SIZE sentences."""
    del sentences  # sizes come from the articles; kept in the signature for the caller
    extension = [a for a in articles if a.source == EXTENSION_SOURCE and a.n_pooled > 0]
    queue = _interleaved([a for a in articles if a.n_pooled > 0 and a not in extension])
    pilot = _pilot(queue)
    queue = [a for a in queue if a not in pilot]
    overlap: list[PoolArticle] = []
    while sum(a.n_pooled for a in overlap) < OVERLAP_MIN:
        overlap.append(queue.pop(0))
    batches = [_batch("p01", "pilot", pilot)]
    halves: dict[str, list[PoolArticle]] = {name: [] for name in OVERLAP_BATCHES}
    for article in overlap:  # each to the smaller half
        smaller = min(halves, key=lambda n: sum(a.n_pooled for a in halves[n]))
        halves[smaller].append(article)
    batches += [_batch(name, "overlap", members) for name, members in halves.items()]
    current: list[PoolArticle] = []
    for article in queue:
        size = sum(a.n_pooled for a in current)
        if current and size + article.n_pooled > BATCH_SIZE + 10:
            batches.append(_batch(f"b{len(batches) - 2:02d}", "single", current))
            current = []
        current.append(article)
    if current:
        batches.append(_batch(f"b{len(batches) - 2:02d}", "single", current))
    return batches + _extension_batches(extension)


def _extension_batches(articles: list[PoolArticle]) -> list[dict[str, Any]]:
    """The pool's second tier (`pool._extension`) in batches ``e01``... of about BATCH_SIZE
    sentences, after the first tier's, which they leave as they were."""
    batches: list[dict[str, Any]] = []
    current: list[PoolArticle] = []
    for article in articles:
        if current and sum(a.n_pooled for a in current) + article.n_pooled > BATCH_SIZE + 10:
            batches.append(_batch(f"e{len(batches) + 1:02d}", "single", current))
            current = []
        current.append(article)
    if current:
        batches.append(_batch(f"e{len(batches) + 1:02d}", "single", current))
    return batches


def _interleaved(articles: list[PoolArticle]) -> list[PoolArticle]:
    """Sources in turn, each source's articles in hash order."""
    queues = [
        sorted((a for a in articles if a.source == s), key=lambda a: hash_order(a.key))
        for s in SOURCES
    ]
    ordered: list[PoolArticle] = []
    for rank in range(max(len(q) for q in queues)):
        ordered.extend(q[rank] for q in queues if rank < len(q))
    return ordered


def _pilot(queue: list[PoolArticle]) -> list[PoolArticle]:
    """At least PILOT_SIZE sentences: short English train articles, sources in turn."""
    candidates = [
        a
        for a in queue
        if a.split == "train" and a.language == "en" and 6 <= a.n_pooled <= PILOT_SIZE // 2
    ]
    chosen: list[PoolArticle] = []
    for article in _interleaved(candidates):
        if sum(a.n_pooled for a in chosen) >= PILOT_SIZE:
            break
        chosen.append(article)
    return chosen


def _batch(name: str, kind: str, members: list[PoolArticle]) -> dict[str, Any]:
    extended = any(a.source == EXTENSION_SOURCE for a in members)
    sources = (*SOURCES, EXTENSION_SOURCE) if extended else SOURCES
    return {
        "id": name,
        "kind": kind,
        "articles": [a.key for a in members],
        "n_sentences": sum(a.n_pooled for a in members),
        "by_source": {s: sum(a.n_pooled for a in members if a.source == s) for s in sources},
    }


def write_design(path: Path, batches: list[dict[str, Any]]) -> None:
    path.write_text(json.dumps({"batches": batches}, indent=1) + "\n", encoding="utf-8")


def load_design(folder: Path = POOL_DIR) -> dict[str, dict[str, Any]]:
    data = json.loads((folder / "batches.json").read_text("utf-8"))
    return {b["id"]: b for b in data["batches"]}


def labellers_of(batch: str, labels_dir: Path = LABELS_DIR) -> list[str]:
    return sorted(p.parent.name for p in labels_dir.glob(f"*/{batch}.jsonl"))


# --------------------------------------------------------------------------- commands


def show(batch_id: str, shared: Path) -> str:
    """The batch as a labeller reads it: per article its header and numbered sentences."""
    pool = load_pool()
    batch = load_design()[batch_id]
    lines = [
        f"=== batch {batch_id} ({batch['kind']}): {len(batch['articles'])} articles, "
        f"{batch['n_sentences']} sentences ==="
    ]
    for n, key in enumerate(batch["articles"], 1):
        article = pool.articles[key]
        source = article_text(shared, key)
        lines += [
            "",
            f"## article {n}/{len(batch['articles'])}  {key}",
            f"   language: {article.language}   published: {source.published or 'unknown'}",
            f"   url: {source.url or '-'}",
            f"   title: {source.title or '-'}",
        ]
        for s in pool.of_article(key):
            lines.append(f"[{s.index + 1:2d}] {s.id}")
            lines.append(f"     {' '.join(source.text[s.start : s.end].split())}")
        if article.continues:
            lines.append("     (the article goes on; later sentences are not in the pool)")
    return "\n".join(lines)


def template(batch_id: str, labeller: str) -> Path:
    """A file with one unfilled line per article and per sentence of the batch."""
    pool = load_pool()
    batch = load_design()[batch_id]
    path = LABELS_DIR / labeller / f"{batch_id}.jsonl"
    if path.exists():
        raise SystemExit(f"{path} exists: not overwritten")
    rows: list[dict[str, Any]] = []
    for key in batch["articles"]:
        rows.append({"article": key, "labeller": labeller, "scope": None})
        rows += [
            {"id": s.id, "sha": s.sha, "labeller": labeller, "scope": None, "events": []}
            for s in pool.of_article(key)
        ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def listing() -> str:
    rows = [f"{'batch':6} {'kind':8} {'articles':>8} {'sentences':>9}  sources  labelled by"]
    for b in load_design().values():
        sources = "/".join(str(b["by_source"][s]) for s in SOURCES)
        who = ", ".join(labellers_of(b["id"])) or "-"
        need = " (needs 2)" if b["kind"] == "overlap" and len(labellers_of(b["id"])) < 2 else ""
        rows.append(
            f"{b['id']:6} {b['kind']:8} {len(b['articles']):8d} {b['n_sentences']:9d}  "
            f"{sources:14} {who}{need}"
        )
    return "\n".join(rows) + "\n(sources: extraction/pubdate/ecb sentences)"


def main(argv: list[str]) -> int:
    if argv[:1] == ["list"]:
        print(listing())
    elif argv[:1] == ["show"] and len(argv) == 2:
        print(show(argv[1], shared_dir()))
    elif argv[:1] == ["template"] and len(argv) == 3:
        print(template(argv[1], argv[2]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
