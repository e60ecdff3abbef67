"""A hand check of crosswire's events on real pages never used in training (issue 19).

The pages: the ECB+ dev articles of ``../shared/bench/stories/ecbplus-dev.jsonl`` that no
label file in ``labels/events`` names (the labelled set and the event model's training data
come from the labelled articles only). crosswire runs on them exactly as
``events_real.py`` runs it (`events_real.run_crosswire`: the source text untouched, so the
offsets point into the shared file), every coded event whose offsets lie in the text is
collected, and ``SAMPLE_SIZE`` events are drawn with a fixed seed, at most
``PER_ARTICLE`` from one article so that the sample spans many pages.

The sample file (``benchmarks/events_handcheck.jsonl``) holds, per event, ids and character
offsets into the shared file, crosswire's coded fields and a ``verdict`` (null until judged)
— never the article text. Its first line describes the draw (seed, code version, how many
events and articles it was drawn from). Verdicts follow
``docs/labelling/handcheck-guideline.md`` and are given by a person reading each sentence in
its article (``show``); ``fill`` copies them in from a file of ``{"id", "verdict"}`` lines.

    python benchmarks/events_handcheck.py sample   # draw (refuses to overwrite verdicts)
    python benchmarks/events_handcheck.py show     # each event with its sentence, to judge
    python benchmarks/events_handcheck.py fill VERDICTS.jsonl
    python benchmarks/events_handcheck.py score    # -> benchmarks/results/events_handcheck.json

A later check draws a fresh sample into its own file, from pages no earlier sample drew
from (``--pool te3``: the TempEval-3 newswire, once the unlabelled ECB+ pages are spent), and
scores into a result named after the file:

    python benchmarks/events_handcheck.py sample --file benchmarks/events_handcheck2.jsonl \
        --seed 20 --exclude benchmarks/events_handcheck.jsonl
    python benchmarks/events_handcheck.py score --file benchmarks/events_handcheck2.jsonl

Where two judges each judged part of a sample, with some events judged by both, each
judge's verdicts are kept in a file of their own: ``fill`` the second judge's file, then the
first's (a later fill overwrites, so the first judge's verdicts stand where both judged),
and ``score --judges A.jsonl B.jsonl`` adds the judges' agreement on the events both judged.

A sample drawn from the same pages after the code changed can take the verdicts of an
earlier sample's identical events (same trigger, sentence and coded fields) with ``carry
EARLIER.jsonl --file LATER.jsonl``; only the others are judged anew.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

sys.path.append(str(Path(__file__).resolve().parent))
sys.path.append(str(Path(__file__).resolve().parents[1]))

from tools.labelling.texts import article_text, read_articles, shared_dir

from common import ROOT
from crosswire.model import ActorRef, EventMention
from events_handcheck_scoring import agreement, score

SAMPLE = ROOT / "benchmarks" / "events_handcheck.jsonl"
RESULT = ROOT / "benchmarks" / "results" / "events_handcheck.json"
LABELS = ROOT / "labels" / "events"
SEED = 19
SAMPLE_SIZE = 100
PER_ARTICLE = 2
CONTEXT = 400  # characters of the article shown on either side of the sentence


# ------------------------------------------------------------------ the pages


def labelled_articles(folder: Path = LABELS) -> set[str]:
    """Every article key (``source:doc``) that any label or pool file names."""
    keys: set[str] = set()
    for path in folder.glob("**/*.jsonl"):
        for line in path.read_text("utf-8").splitlines():
            row = json.loads(line)
            key = row.get("article") or row.get("key") or row.get("id", "").rpartition(":")[0]
            if key:
                keys.add(key)
    return keys


# The pages a sample may draw from: real news no label file names (tools/labelling/texts.py)
POOLS = {
    "ecb": "ECB+ dev articles named by no file in labels/events",
    "te3": "TempEval-3 TimeBank/AQUAINT newswire (1989-1998), labelled for times only",
}


def unlabelled(shared: Path, pool: str = "ecb", exclude: Sequence[Path] = ()) -> list[str]:
    """The articles of `pool` no label file names and no earlier sample in `exclude` drew
    from, sorted."""
    taken = labelled_articles() | {r["article"] for path in exclude for r in read_rows(path)[1]}
    return sorted(a.key for a in read_articles(shared, pool) if a.key not in taken)


# ------------------------------------------------------------------ the draw


def _actor(ref: ActorRef | None) -> dict[str, Any] | None:
    return None if ref is None else {"name": ref.name, "country": ref.country}


def as_row(event: EventMention, text: str) -> dict[str, Any]:
    """One sampled event as ids, offsets and coded fields (no article text)."""
    sentence = text[event.sentence_start : event.sentence_end]
    return {
        "id": f"{event.article_id}:{event.start}-{event.end}:{event.type}",
        "article": event.article_id,
        "section": event.section,
        "sentence": [event.sentence_start, event.sentence_end],
        "trigger": [event.start, event.end],
        "sha": hashlib.sha1(sentence.encode("utf-8")).hexdigest()[:10],
        "coded": {
            "type": event.type,
            "mode": event.mode,
            "source": _actor(event.source),
            "target": _actor(event.target),
            "date": event.date,
            "date_from": event.date_from,
            "modality": event.modality,
            "negated": event.negated,
        },
        "verdict": None,
    }


def draw(coded: dict[str, list[EventMention]], seed: int = SEED) -> list[EventMention]:
    """``SAMPLE_SIZE`` events in a seeded random order, at most ``PER_ARTICLE`` per article."""
    pool = [e for key in sorted(coded) for e in coded[key]]
    random.Random(seed).shuffle(pool)
    taken: Counter[str] = Counter()
    chosen = []
    for event in pool:
        if taken[event.article_id] < PER_ARTICLE:
            taken[event.article_id] += 1
            chosen.append(event)
        if len(chosen) == SAMPLE_SIZE:
            break
    return chosen


def has_verdicts(path: Path) -> bool:
    return path.exists() and any(r.get("verdict") for r in read_rows(path)[1])


def sample(
    path: Path = SAMPLE, seed: int = SEED, exclude: Sequence[Path] = (), pool: str = "ecb"
) -> None:
    if has_verdicts(path):
        sys.exit(f"{path} already holds verdicts: move it away to draw a new sample")
    from events_real import code_version, run_crosswire  # imported here: loads spaCy

    shared = shared_dir()
    keys = unlabelled(shared, pool, exclude)
    _, coded = run_crosswire(keys)
    chosen = draw(coded, seed)
    header = {
        "sample": {
            "date": date.today().isoformat(),
            "code_version": code_version(),
            "pages": POOLS[pool] + "".join(f" nor in {_shown(p)}" for p in exclude),
            "seed": seed,
            "per_article": PER_ARTICLE,
            "articles": len(keys),
            "articles_with_events": sum(bool(v) for v in coded.values()),
            "events": sum(len(v) for v in coded.values()),
            "drawn": len(chosen),
            "drawn_articles": len({e.article_id for e in chosen}),
        }
    }
    rows = [as_row(e, article_text(shared, e.article_id).text) for e in chosen]
    write_rows(path, header, rows)
    print(json.dumps(header["sample"], indent=1))


# ------------------------------------------------------------------ the file


def read_rows(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The header and the event rows of a sample file."""
    lines = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    return lines[0], lines[1:]


def write_rows(path: Path, header: dict[str, Any], rows: list[dict[str, Any]]) -> None:
    lines = [json.dumps(header)] + [json.dumps(r, ensure_ascii=False) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def fill(verdicts: Path, path: Path = SAMPLE) -> None:
    """Copy verdicts (``{"id", "verdict"}`` lines) into the sample file by event id."""
    header, rows = read_rows(path)
    given = {
        v["id"]: v["verdict"]
        for v in map(json.loads, verdicts.read_text("utf-8").splitlines())
        if v
    }
    unknown = set(given) - {r["id"] for r in rows}
    if unknown:
        sys.exit(f"verdicts for events not in the sample: {sorted(unknown)[:5]}")
    for row in rows:
        row["verdict"] = given.get(row["id"], row["verdict"])
    write_rows(path, header, rows)
    print(f"{sum(r['verdict'] is not None for r in rows)} of {len(rows)} events judged")


def carry(earlier: Path, path: Path = SAMPLE) -> None:
    """Copy into the sample the verdicts an earlier sample gave the very same events: the
    same trigger in the same sentence of the same article, coded alike in every field. A
    later code's sample is then judged only where its events differ (`show --unjudged`)."""
    header, rows = read_rows(path)
    judged = {
        (r["id"], r["sha"], json.dumps(r["coded"], sort_keys=True)): r["verdict"]
        for r in read_rows(earlier)[1]
        if r.get("verdict") is not None
    }
    carried = 0
    for row in rows:
        key = (row["id"], row["sha"], json.dumps(row["coded"], sort_keys=True))
        if row["verdict"] is None and key in judged:
            row["verdict"], row["carried_from"] = judged[key], _shown(earlier)
            carried += 1
    write_rows(path, header, rows)
    print(f"{carried} of {len(rows)} events carry the verdict of {_shown(earlier)}")


def show(path: Path = SAMPLE, unjudged: bool = False) -> None:
    """Each event (only those with no verdict yet: `unjudged`) with its sentence and some
    context from ../shared, for judging; numbered in the sample's order."""
    shared = shared_dir()
    for number, row in enumerate(read_rows(path)[1]):
        if unjudged and row["verdict"] is not None:
            continue
        source = article_text(shared, row["article"])
        text, (start, end) = source.text, row["sentence"]
        drift = "" if _sha(text[start:end]) == row["sha"] else "  !! TEXT CHANGED"
        print(f"=== {number} {row['id']}  published {source.published}{drift}")
        print(f"... {text[max(0, start - CONTEXT) : start]}")
        trigger_start, trigger_end = row["trigger"]
        print(
            ">>> "
            + text[start:trigger_start]
            + "[["
            + text[trigger_start:trigger_end]
            + "]]"
            + text[trigger_end:end]
        )
        print(f"... {text[end : end + CONTEXT // 2]}")
        print(f"coded: {json.dumps(row['coded'])}")
        print(f"verdict: {json.dumps(row['verdict'])}\n")


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


# ------------------------------------------------------------------ the figures


def write_score(
    path: Path = SAMPLE, result: Path = RESULT, judges: Sequence[Path] = ()
) -> dict[str, Any]:
    header, rows = read_rows(path)
    figures = {
        "benchmark": "events_handcheck",
        "date": date.today().isoformat(),
        "dataset": _shown(path),
        "guideline": "docs/labelling/handcheck-guideline.md",
        "definitions": "benchmarks/events_handcheck_scoring.py",
        "sample": header["sample"],
        **score(rows),
    }
    if len(judges) == 2:
        first, second = (_verdicts(judge) for judge in judges)
        figures["agreement"] = {"judges": [_shown(j) for j in judges], **agreement(first, second)}
    result.parent.mkdir(parents=True, exist_ok=True)
    result.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return figures


def _verdicts(path: Path) -> dict[str, dict[str, Any]]:
    lines = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    return {line["id"]: line["verdict"] for line in lines}


def _shown(path: Path) -> str:
    resolved = path.resolve()
    return str(resolved.relative_to(ROOT)) if resolved.is_relative_to(ROOT) else str(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=("sample", "show", "fill", "carry", "score"))
    parser.add_argument(
        "verdicts", nargs="?", type=Path, help="for fill: a verdict file; for carry: a sample"
    )
    parser.add_argument("--file", type=Path, default=SAMPLE, help="the sample file")
    parser.add_argument("--seed", type=int, default=SEED, help="for sample: the draw's seed")
    parser.add_argument(
        "--judges", type=Path, nargs=2, default=(), help="for score: two judges' verdict files"
    )
    parser.add_argument(
        "--exclude", type=Path, action="append", default=[],
        help="for sample: an earlier sample file whose articles are not drawn from again",
    )  # fmt: skip
    parser.add_argument("--pool", choices=sorted(POOLS), default="ecb", help="for sample")
    parser.add_argument("--unjudged", action="store_true", help="for show: no verdict yet")
    args = parser.parse_args()
    if args.command != "score" and not shared_dir().is_dir():
        sys.exit(f"benchmark data not found: {shared_dir()}")
    if args.command == "sample":
        sample(args.file, args.seed, args.exclude, args.pool)
    elif args.command == "show":
        show(args.file, args.unjudged)
    elif args.command in {"fill", "carry"}:
        if args.verdicts is None:
            sys.exit(f"{args.command} needs a file")
        (fill if args.command == "fill" else carry)(args.verdicts, args.file)
    else:
        result = RESULT if args.file == SAMPLE else RESULT.with_name(args.file.stem + ".json")
        figures = write_score(args.file, result, args.judges)
        print(json.dumps({k: figures[k] for k in ("judged", "precision")}, indent=1))


if __name__ == "__main__":
    main()
