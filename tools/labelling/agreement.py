"""Agreement between labellers over the doubly labelled sentences.

    python tools/labelling/agreement.py [--labels labels/events] [--out FILE]

For every sentence with labels by two or more labellers (the adjudicator left out; with
more than two, the first two by name), it reports:
- Cohen's kappa (and raw agreement) for scope, and for event / no event;
- type: kappa over the sentences where both saw an event (each sentence's first event by
  trigger position), and an event-matching F1 (same type, overlapping triggers);
- over matched events: agreement of source and target (both none, or overlapping spans),
  mode, modality, negation and date.
Written to benchmarks/results/labels_agreement.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tools.labelling.batches import LABELS_DIR
from tools.labelling.loader import ADJUDICATOR, read_labels
from tools.labelling.matching import argument_agrees, match_events
from tools.labelling.schema import EventLabel, SentenceLabel
from tools.labelling.texts import REPO

OUT = REPO / "benchmarks" / "results" / "labels_agreement.json"
Pair = tuple[SentenceLabel, SentenceLabel]


def pairs(labels_dir: Path) -> list[Pair]:
    """The first two labellers' labels of every doubly labelled sentence."""
    by_sentence, _ = read_labels(labels_dir, [])
    found: list[Pair] = []
    for sentence_id in sorted(by_sentence):
        labels = sorted(
            (lab for lab in by_sentence[sentence_id] if lab.labeller != ADJUDICATOR),
            key=lambda lab: lab.labeller,
        )
        distinct = list({lab.labeller: lab for lab in labels}.values())
        if len(distinct) >= 2:
            found.append((distinct[0], distinct[1]))
    return found


def kappa(a: Sequence[Any], b: Sequence[Any]) -> dict[str, Any]:
    """Cohen's kappa (None when undefined: fewer than two classes) and raw agreement."""
    from sklearn.metrics import cohen_kappa_score  # type: ignore[import-untyped]

    if not a:
        return {"n": 0, "kappa": None, "agreement": None}
    agreement = sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
    value: float | None = None
    if len(set(a) | set(b)) > 1:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # kappa of one rater's constant labels: nan
            value = float(cohen_kappa_score(list(a), list(b)))
        value = None if value != value else round(value, 3)
    return {"n": len(a), "kappa": value, "agreement": round(agreement, 3)}


def _first_type(label: SentenceLabel) -> str:
    return min(label.events, key=lambda e: e.trigger).type


def event_agreement(found: list[Pair]) -> dict[str, Any]:
    n_a = sum(len(a.events) for a, _ in found)
    n_b = sum(len(b.events) for _, b in found)
    matched = [m for a, b in found for m in match_events(a.events, b.events)]
    triggers = sum(len(match_events(a.events, b.events, same_type=False)) for a, b in found)
    f1 = 2 * len(matched) / (n_a + n_b) if n_a + n_b else None
    trigger_f1 = 2 * triggers / (n_a + n_b) if n_a + n_b else None
    fields: dict[str, Callable[[EventLabel, EventLabel], bool]] = {
        "source": lambda x, y: argument_agrees(x.source, y.source),
        "target": lambda x, y: argument_agrees(x.target, y.target),
        "dyad": lambda x, y: (
            argument_agrees(x.source, y.source) and argument_agrees(x.target, y.target)
        ),
        "mode": lambda x, y: x.mode == y.mode,
        "modality": lambda x, y: x.modality == y.modality,
        "negated": lambda x, y: x.negated == y.negated,
        "date": lambda x, y: x.date == y.date,
    }
    return {
        "events_a": n_a,
        "events_b": n_b,
        "matched": len(matched),
        "f1_type_and_trigger": _round(f1),
        "f1_trigger_only": _round(trigger_f1),
        "on_matched": {
            name: _round(sum(same(x, y) for x, y in matched) / len(matched) if matched else None)
            for name, same in fields.items()
        },
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def agreement(labels_dir: Path) -> dict[str, Any]:
    found = pairs(labels_dir)
    both = [(a, b) for a, b in found if a.events and b.events]
    return {
        "sentences": len(found),
        "labeller_pairs": sorted({f"{a.labeller}+{b.labeller}" for a, b in found}),
        "scope": kappa([a.scope for a, _ in found], [b.scope for _, b in found]),
        "has_event": kappa([bool(a.events) for a, _ in found], [bool(b.events) for _, b in found]),
        "type_where_both_saw_an_event": kappa(
            [_first_type(a) for a, _ in both], [_first_type(b) for _, b in both]
        ),
        "events": event_agreement(found),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--labels", type=Path, default=LABELS_DIR)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    result = agreement(args.labels)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
