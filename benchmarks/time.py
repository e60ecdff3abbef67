"""Time expressions against TempEval-3 (TimeBank + AQUAINT, TBAQ-cleaned), with the
document creation time as the publication date.

Definitions (TempEval-3, task A): strict match = identical character span; relaxed match =
overlapping spans (each gold and each predicted expression matched at most once). Span
P/R/F1 for both. Over relaxed matches: type accuracy and value accuracy. Value F1 = value
accuracy × relaxed F1 (the figure TempEval-3 ranks systems by for normalisation).
The document creation time is given as the publication date; its own TIMEX3 is kept apart
in the data (`dct_timex`) and is not scored. Speed counts the time spent in `find_times`
only, after one warm-up call that compiles the rules.

    python benchmarks/time.py
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter

from common import bench_data, write_result
from crosswire.model import TimeExpr
from crosswire.timex import find_times


def prf(matched: int, predicted: int, gold: int) -> dict[str, float]:
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def relaxed_pairs(predicted: list[TimeExpr], gold: list[dict]) -> list[tuple[TimeExpr, dict]]:
    pairs, used = [], set()
    for g in gold:
        for i, p in enumerate(predicted):
            if i not in used and p.start < g["end"] and g["start"] < p.end:
                pairs.append((p, g))
                used.add(i)
                break
    return pairs


def pattern(text: str) -> str:
    """An error pattern: lower case, digits as 9, so '1989' and '1990' count together."""
    return re.sub(r"\d", "9", text.lower())


def overlaps(a: TimeExpr | dict, spans: list) -> bool:
    start, end = (a.start, a.end) if isinstance(a, TimeExpr) else (a["start"], a["end"])
    return any(
        start < (s.end if isinstance(s, TimeExpr) else s["end"])
        and (s.start if isinstance(s, TimeExpr) else s["start"]) < end
        for s in spans
    )


def main() -> None:
    data = bench_data("time", "tempeval3-tbaq.jsonl")
    docs = [
        json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    totals = Counter()
    wrong_values: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    false_hits: Counter[str] = Counter()
    find_times("warm-up on Monday", "2000-01-03")  # compile the rules once
    seconds = 0.0
    for doc in docs:
        started = time.perf_counter()
        predicted = find_times(doc["text"], doc["dct"][:10])
        seconds += time.perf_counter() - started
        gold = doc["timexes"]  # the DCT timex is kept apart (dct_timex), not in `text`
        pairs = relaxed_pairs(predicted, gold)
        totals["predicted"] += len(predicted)
        totals["gold"] += len(gold)
        totals["relaxed"] += len(pairs)
        totals["strict"] += sum(p.start == g["start"] and p.end == g["end"] for p, g in pairs)
        totals["type"] += sum(p.type == g["type"] for p, g in pairs)
        totals["value"] += sum(p.value == g["value"] for p, g in pairs)
        missed.update(pattern(g["text"]) for g in gold if not overlaps(g, predicted))
        false_hits.update(pattern(p.text) for p in predicted if not overlaps(p, gold))
        wrong_values.update(
            f"{g['text']!r}: {p.value} vs {g['value']}" for p, g in pairs if p.value != g["value"]
        )
    characters = sum(len(doc["text"]) for doc in docs)
    relaxed = prf(totals["relaxed"], totals["predicted"], totals["gold"])
    value_accuracy = totals["value"] / totals["relaxed"] if totals["relaxed"] else 0.0
    write_result(
        "time",
        data,
        {
            "documents": len(docs),
            "gold_timexes": totals["gold"],
            "predicted_timexes": totals["predicted"],
            "strict": prf(totals["strict"], totals["predicted"], totals["gold"]),
            "relaxed": relaxed,
            "type_accuracy": round(totals["type"] / totals["relaxed"], 4)
            if totals["relaxed"]
            else 0.0,
            "value_accuracy": round(value_accuracy, 4),
            "value_f1": round(value_accuracy * relaxed["f1"], 4),
            "ms_per_document": round(1000 * seconds / len(docs), 2),
            "ms_per_1000_characters": round(1e6 * seconds / characters, 3),
            "definition": "value F1 = value accuracy (relaxed matches) x relaxed span F1",
            "frequent_wrong_values": [w for w, _ in wrong_values.most_common(15)],
            "frequent_missed": [f"{m} ({n})" for m, n in missed.most_common(15)],
            "frequent_false": [f"{m} ({n})" for m, n in false_hits.most_common(15)],
        },
    )


if __name__ == "__main__":
    main()
