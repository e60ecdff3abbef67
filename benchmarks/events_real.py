"""crosswire's events on the labelled real-news sentences of issue 19.

Reads whatever labels are in ``labels/events`` (`tools.labelling.loader.load`: texts from
../shared, hashes checked, double labels merged), runs crosswire on every labelled article
and scores the events it codes in the labelled sentences (`events_real_scoring`: the
matching, argument and figure definitions are in its docstring; `events_real_errors`: the
error classes).

How crosswire runs: each labelled article becomes a `crosswire.model.Article` whose text is
exactly the text the label offsets point into (no cleaning, so the offsets line up), with
its id (``source:doc``), the publication date the source gives (None when unknown), title,
URL and outlet where the source has them, and the language as `crosswire.clean.describe`
would guess it from that text; then `crosswire.pipeline.analyse_articles` (the parse and
the declared per-article stages). Body events count, and headline events where the title
opens the text (their offsets point into it); a headline parsed apart and captions have
offsets elsewhere and are left out. A labelled argument's core (its head words) comes from a
spaCy parse of its sentence alone.

Figures per split: train, dev, test, and train+dev. Sentences whose double labels disagree
(``disputed``) are left out of the test figures and counted; train and dev keep them. The
error classes and the type confusion are computed on train+dev only: the test split is for
the reported figure, never for looking at errors.

Results go to ``benchmarks/results/events_real.json`` under ``runs.<name>`` (``--run``,
default ``latest``); the other runs in the file are kept, so ``runs.before`` (issue 19's
starting point) stays beside the latest figures. Each run records the date, the code
version (git hash, ``+dirty`` when src/ has uncommitted changes), a hash of the label files
and the label counts per split and labeller.

    python benchmarks/events_real.py [--run before]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

# appended, not put first: the other benchmark modules, and tools.labelling
sys.path.append(str(Path(__file__).resolve().parent))
sys.path.append(str(Path(__file__).resolve().parents[1]))

from tools.labelling.loader import LabelledSet, load
from tools.labelling.pool import EXTENSION_SOURCE
from tools.labelling.texts import article_text, shared_dir

import crosswire
from common import ROOT, SHARED
from crosswire import events, pipeline
from crosswire.events.train_data import as_article
from crosswire.model import Article, EventMention
from events_real_cases import build_cases
from events_real_errors import classify
from events_real_scoring import Case, Found, score

RESULT = ROOT / "benchmarks" / "results" / "events_real.json"
LABELS = ROOT / "labels" / "events"
SPLITS = {"train": {"train"}, "dev": {"dev"}, "test": {"test"}, "train+dev": {"train", "dev"}}
GOALS = {
    "usable_precision": ">= 0.70 (test)",
    "strict_recall": ">= 0.50 (test)",
    "type_precision": ">= 0.80 (test)",
    "false_events_not_in_scope": "<= 1 per 100 sentences (test)",
}


# ------------------------------------------------------------------ running crosswire


def in_text(article: Article, event: EventMention) -> bool:
    """Whether the event's offsets point into the article text."""
    return event.section == "body" or (
        event.section == "headline" and events.title_in_text(article)
    )


def run_crosswire(keys: list[str]) -> tuple[dict[str, Found], dict[str, list[EventMention]]]:
    """Each article's mentions and sentences, and its events whose offsets are in its text."""
    shared = shared_dir()
    articles = [as_article(article_text(shared, key)) for key in keys]
    found: dict[str, Found] = {}
    coded: dict[str, list[EventMention]] = {}
    for article, analysis in zip(articles, pipeline.analyse_articles(articles), strict=True):
        found[article.id] = Found(
            article.text, tuple(analysis.mentions), tuple((a, b) for a, b in analysis.sentences)
        )
        coded[article.id] = [e for e in analysis.events if in_text(article, e)]
    return found, coded


# ------------------------------------------------------------------ what was measured


def label_counts(data: LabelledSet) -> dict[str, Any]:
    """Sentences, events, scopes, labellers, double labels and disputes per split."""
    counts: dict[str, Any] = {}
    for split in ("train", "dev", "test"):
        chosen = [s for s in data.sentences if s.split == split]
        counts[split] = {
            "sentences": len(chosen),
            "articles": len({s.article for s in chosen}),
            "events": sum(len(s.merged.events) for s in chosen),
            "by_scope": dict(Counter(s.merged.scope for s in chosen)),
            "by_labeller": dict(Counter(lab.labeller for s in chosen for lab in s.labels)),
            "labelled_twice": sum(len(s.labels) > 1 for s in chosen),
            "disputed": sum(s.disputed for s in chosen),
        }
    counts["refused"] = len(data.refused)
    return counts


def labels_hash(folder: Path = LABELS) -> str:
    """A hash of every label file: which labels a run was scored on."""
    digest = hashlib.sha1()
    for path in sorted(folder.glob("*/*.jsonl")):
        if path.parent.name != "pool":
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def code_version() -> str:
    """The commit of the crosswire that runs (``+dirty`` when its src has changes): the one
    on ``PYTHONPATH``, which may be another checkout's (a "before" run of older code)."""
    src = Path(crosswire.__file__).resolve().parents[1]

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(src), *args], capture_output=True, text=True, check=False
        ).stdout.strip()

    dirty = git("status", "--porcelain", "--", ".")
    commit = git("rev-parse", "--short=12", "HEAD") or "unknown"
    tree = git("rev-parse", "--short=12", "HEAD:./")  # equal trees: the same code
    return f"{commit} (src tree {tree})" + (" +dirty" if dirty else "")


def figures_by_split(cases: list[Case], found: dict[str, Found]) -> dict[str, Any]:
    """`score` per split; disputed sentences left out of the test figures."""
    result = {}
    for name, splits in SPLITS.items():
        chosen = [c for c in cases if c.split in splits]
        left_out = [c for c in chosen if c.disputed] if name == "test" else []
        kept = [c for c in chosen if c not in left_out]
        result[name] = {"disputed_left_out": len(left_out), **score(kept, found)}
    # the pool's first tier alone: the train split as it was before the second tier
    # (TempEval-3 newswire, train only) was labelled, so that runs stay comparable
    first = [c for c in cases if c.split == "train" and c.page != EXTENSION_SOURCE]
    result["train (first tier)"] = {"disputed_left_out": 0, **score(first, found)}
    return result


# ------------------------------------------------------------------ the run


def measure(data: LabelledSet, labels: Path) -> dict[str, Any]:
    started = time.perf_counter()
    keys = sorted({s.article for s in data.sentences})
    found, coded = run_crosswire(keys)
    crosswire_s = time.perf_counter() - started
    cases = build_cases(data, coded)
    development = [c for c in cases if c.split in SPLITS["train+dev"]]
    return {
        "date": date.today().isoformat(),
        "code_version": code_version(),
        "labels_dir": _shown(labels),
        "labels_hash": labels_hash(labels),
        "labels": label_counts(data),
        "articles": len(keys),
        "seconds": {
            "crosswire": round(crosswire_s, 1),
            "total": round(time.perf_counter() - started, 1),
        },
        "splits": figures_by_split(cases, found),
        "errors_train_dev": classify(development, found),
    }


def write(run_name: str, run: dict[str, Any], path: Path = RESULT) -> None:
    """The run under ``runs.<run_name>``, the file's other runs kept."""
    previous = json.loads(path.read_text("utf-8")) if path.exists() else {}
    runs = {**previous.get("runs", {}), run_name: run}
    result = {
        "benchmark": "events_real",
        "date": date.today().isoformat(),
        "dataset": f"labels/events, texts in {SHARED.name}/bench",
        "definitions": "benchmarks/events_real_scoring.py, benchmarks/events_real_errors.py",
        "goals": GOALS,
        "runs": runs,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


def summary(run: dict[str, Any]) -> str:
    lines = [f"code {run['code_version']}  labels {run['labels_hash']}  {run['seconds']}"]
    for name, f in run["splits"].items():
        fe = f["false_events"]["not_in_scope"]
        lines.append(
            f"{name:9} sentences {f['sentences']:5}  coded {f['coded_events']:4}  "
            f"labelled {f['labelled_events']:4}  usable P {_r(f['usable_precision'])}  "
            f"strict R {_r(f['strict_recall'])}  type P {_r(f['type_precision'])}  "
            f"type R {_r(f['type_recall'])}  false/100 out {fe['per_100']}"
        )
    for row in run["errors_train_dev"]["classes"][:10]:
        lines.append(f"  {row['n']:4}  {row['class']}")
    return "\n".join(lines)


def _shown(path: Path) -> str:
    resolved = path.resolve()
    return str(resolved.relative_to(ROOT)) if resolved.is_relative_to(ROOT) else str(path)


def _r(figure: dict[str, Any]) -> str:
    return "  -  " if figure["rate"] is None else f"{figure['rate']:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--run", default="latest", help="the name the figures are kept under")
    parser.add_argument("--labels", type=Path, default=LABELS, help="a labels/events folder")
    args = parser.parse_args()
    if not shared_dir().is_dir():
        sys.exit(f"benchmark data not found: {shared_dir()}")
    data = load(labels_dir=args.labels)
    for where, why in data.refused[:20]:
        print(f"refused: {where}: {why}", file=sys.stderr)
    run = measure(data, args.labels)
    write(args.run, run)
    print(summary(run))


if __name__ == "__main__":
    main()
