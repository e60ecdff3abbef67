"""Check label files against the format, the pool and the batch design.

    python tools/labelling/check.py labels/events/NAME/b03.jsonl [more files or folders]
    python tools/labelling/check.py labels/events            # every label file
    python tools/labelling/check.py --complete labels/events/NAME/b03.jsonl

Errors (exit status 1): a line that is not valid JSON or not a valid label (schema, enums,
modes of the type, date format), a sentence not in the pool or not in that batch, a text
hash that differs from the pool's, a span outside its sentence, a labeller field that is
not the folder's name, a sentence or article labelled twice in one file, and with
``--complete`` any sentence or article of the batch left unlabelled. When ../shared is
present the article texts are re-read and checked against the pool's hashes (drift), and
spans that cut a word are warned about. Counts are printed at the end.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from pydantic import ValidationError

from tools.labelling.batches import load_design
from tools.labelling.pool import POOL_DIR, Pool, load_pool
from tools.labelling.schema import ArticleLabel, SentenceLabel, parse_line
from tools.labelling.texts import article_text, shared_dir, short_hash


@dataclass
class Report:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        lines = [*(f"ERROR {e}" for e in self.errors), *(f"warning {w}" for w in self.warnings)]
        lines.append(", ".join(f"{k}: {v}" for k, v in sorted(self.counts.items())))
        lines.append(f"{len(self.errors)} error(s), {len(self.warnings)} warning(s)")
        return "\n".join(lines)


@dataclass
class Context:
    pool: Pool
    batches: dict[str, dict]
    shared: Path | None
    complete: bool = False
    drift_checked: dict[str, bool] = field(default_factory=dict)


def label_files(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        found += (
            sorted(p for p in path.rglob("*.jsonl") if p.parent.name != "pool")
            if (path.is_dir())
            else [path]
        )
    return found


def check_file(path: Path, context: Context, report: Report) -> None:
    labeller, batch_id = path.parent.name, path.stem
    batch = context.batches.get(batch_id)
    if batch is None:
        report.errors.append(f"{path}: no batch {batch_id!r} in the design")
        return
    seen: set[str] = set()
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            label = parse_line(line)
        except (ValidationError, ValueError) as exc:
            report.errors.append(f"{where}: {_short(exc)}")
            continue
        key = label.article if isinstance(label, ArticleLabel) else label.id
        if key in seen:
            report.errors.append(f"{where}: {key} labelled twice in this file")
        seen.add(key)
        if label.labeller != labeller:
            report.errors.append(f"{where}: labeller {label.labeller!r} in folder {labeller!r}")
        if isinstance(label, ArticleLabel):
            _check_article(label, batch, where, report)
        else:
            _check_sentence(label, batch, where, context, report)
    _check_complete(path, batch, seen, context, report)


def _check_article(label: ArticleLabel, batch: dict, where: str, report: Report) -> None:
    if label.article not in batch["articles"]:
        report.errors.append(f"{where}: article {label.article} is not in this batch")
    report.counts[f"articles {label.scope}"] += 1


def _check_sentence(
    label: SentenceLabel, batch: dict, where: str, context: Context, report: Report
) -> None:
    pooled = context.pool.sentences.get(label.id)
    if pooled is None:
        report.errors.append(f"{where}: sentence {label.id} is not in the pool")
        return
    if pooled.article not in batch["articles"]:
        report.errors.append(f"{where}: sentence {label.id} is not in this batch")
    if label.sha != pooled.sha:
        report.errors.append(f"{where}: text hash {label.sha} differs from the pool's")
    _check_drift(pooled.article, where, context, report)
    length = pooled.end - pooled.start
    text = _text(label.id, context)
    for n, event in enumerate(label.events, 1):
        for name, (start, end) in event.spans().items():
            if not 0 <= start < end <= length:
                report.errors.append(
                    f"{where}: event {n} {name} [{start}, {end}] outside the sentence "
                    f"(length {length})"
                )
            elif text is not None and _cuts_word(text, start, end):
                report.warnings.append(f"{where}: event {n} {name} [{start}, {end}] cuts a word")
        report.counts[f"type {event.type}"] += 1
        report.counts[f"modality {event.modality}"] += 1
        report.counts["negated"] += event.negated
    report.counts["sentences"] += 1
    report.counts[f"scope {label.scope}"] += 1
    report.counts["events"] += len(label.events)


def _check_drift(article: str, where: str, context: Context, report: Report) -> None:
    if context.shared is None or article in context.drift_checked:
        return
    current = short_hash(article_text(context.shared, article).text)
    same = current == context.pool.articles[article].text_sha
    context.drift_checked[article] = same
    if not same:
        report.errors.append(f"{where}: the text of {article} in ../shared changed (drift)")


def _text(sentence_id: str, context: Context) -> str | None:
    if context.shared is None or not context.drift_checked.get(sentence_id.rsplit(":", 1)[0]):
        return None
    sentence = context.pool.sentences[sentence_id]
    return article_text(context.shared, sentence.article).text[sentence.start : sentence.end]


def _cuts_word(text: str, start: int, end: int) -> bool:
    inside = start > 0 and text[start - 1].isalnum() and text[start].isalnum()
    return inside or (end < len(text) and text[end - 1].isalnum() and text[end].isalnum())


def _check_complete(
    path: Path, batch: dict, seen: set[str], context: Context, report: Report
) -> None:
    expected = set(batch["articles"]) | {
        s.id for key in batch["articles"] for s in context.pool.of_article(key)
    }
    missing = expected - seen
    if missing:
        message = f"{path}: {len(missing)} of {len(expected)} lines of the batch not labelled"
        (report.errors if context.complete else report.warnings).append(message)


def _short(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
    return str(exc)


def check(
    paths: list[Path],
    complete: bool = False,
    pool_dir: Path = POOL_DIR,
    shared: Path | None = None,
) -> Report:
    shared = shared_dir(shared)
    context = Context(
        pool=load_pool(pool_dir),
        batches=load_design(pool_dir),
        shared=shared if shared.is_dir() else None,
        complete=complete,
    )
    report = Report()
    if context.shared is None:
        report.warnings.append(f"{shared} not found: texts not re-checked for drift")
    for path in label_files(paths):
        check_file(path, context, report)
    return report


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--complete", action="store_true", help="unlabelled lines are errors")
    args = parser.parse_args(argv)
    report = check(args.paths, complete=args.complete)
    print(report.summary())
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
