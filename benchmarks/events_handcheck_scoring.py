"""The figures of the events hand check (``events_handcheck.py``) from judged rows.

Each judged row has a ``verdict`` (``docs/labelling/handcheck-guideline.md``):
``in_scope``, ``type_right``, ``source_right``, ``target_right``, ``modality_right`` and
``usable`` (booleans), ``date`` (``right``, ``wrong`` or ``not_judgeable``) and ``errors``
(the error classes of the wrong verdicts, `ERROR_CLASSES`).

Precision of each boolean verdict = the share of judged events where it holds, over all
judged events (as in issue 19's table: an out-of-scope event's type, source and target
count as wrong). Date precision is over the events whose date could be judged
(``right`` or ``wrong``). Each figure comes with its 95% Wilson score interval.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

BOOLEAN_VERDICTS = (
    "in_scope",
    "type_right",
    "source_right",
    "target_right",
    "modality_right",
    "usable",
)
DATE_VERDICTS = ("right", "wrong", "not_judgeable")
ERROR_CLASSES = (
    "out_of_scope",
    "word_sense",
    "wrong_type",
    "actor_missing",
    "wrong_actor",
    "wrong_date",
    "negation_hypothetical",
)
Z95 = 1.959964


def wilson(hits: int, n: int, z: float = Z95) -> tuple[float, float] | None:
    """The Wilson score interval of ``hits`` of ``n`` (None when ``n`` is 0)."""
    if n == 0:
        return None
    p = hits / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return round(max(0.0, centre - half), 3), round(min(1.0, centre + half), 3)


def figure(hits: int, n: int) -> dict[str, Any]:
    interval = wilson(hits, n)
    return {
        "hits": hits,
        "n": n,
        "rate": None if n == 0 else round(hits / n, 3),
        "interval95": None if interval is None else list(interval),
    }


def check(verdict: dict[str, Any]) -> None:
    """Raise ``ValueError`` on a verdict outside the guideline's values."""
    for name in BOOLEAN_VERDICTS:
        if not isinstance(verdict.get(name), bool):
            raise ValueError(f"verdict {name!r} must be true or false: {verdict}")
    if verdict.get("date") not in DATE_VERDICTS:
        raise ValueError(f"verdict 'date' must be one of {DATE_VERDICTS}: {verdict}")
    errors = set(verdict.get("errors", []))
    if errors - set(ERROR_CLASSES):
        raise ValueError(f"unknown error classes {sorted(errors - set(ERROR_CLASSES))}")
    if (verdict["date"] == "wrong") != ("wrong_date" in errors):
        raise ValueError(f"a wrong date and the class 'wrong_date' go together: {verdict}")
    if not verdict["modality_right"] and "negation_hypothetical" not in errors:
        raise ValueError(f"a wrong modality needs the class 'negation_hypothetical': {verdict}")
    right = verdict["type_right"] and verdict["source_right"] and verdict["target_right"]
    if verdict["usable"] != right:
        raise ValueError(f"'usable' must be type, source and target all right: {verdict}")


def score(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Precision of each verdict, the date verdicts and the error classes."""
    verdicts = [r["verdict"] for r in rows if r.get("verdict") is not None]
    for verdict in verdicts:
        check(verdict)
    n = len(verdicts)
    precision = {name: figure(sum(v[name] for v in verdicts), n) for name in BOOLEAN_VERDICTS}
    dates = Counter(v["date"] for v in verdicts)
    precision["date_right"] = figure(dates["right"], dates["right"] + dates["wrong"])
    errors = Counter(e for v in verdicts for e in v.get("errors", []))
    return {
        "events": len(rows),
        "judged": n,
        "precision": precision,
        "dates": {d: dates[d] for d in DATE_VERDICTS},
        "errors": {e: errors[e] for e in ERROR_CLASSES},
        "by_type": _by_type(rows),
    }


def _by_type(rows: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """Per coded type: how many were judged, in scope, of the right type and usable."""
    table: dict[str, Counter[str]] = {}
    for row in rows:
        verdict = row.get("verdict")
        if verdict is None:
            continue
        counts = table.setdefault(row["coded"]["type"], Counter())
        counts["judged"] += 1
        for name in ("in_scope", "type_right", "usable"):
            counts[name] += verdict[name]
    return {t: dict(c) for t, c in sorted(table.items(), key=lambda item: -item[1]["judged"])}


def agreement(
    first: dict[str, dict[str, Any]], second: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """How two judges agree on the events both judged (verdicts by event id): per verdict,
    the share judged alike and Cohen's kappa (chance-corrected; None where both gave one
    value throughout, so that chance agreement is total)."""
    shared = sorted(set(first) & set(second))
    fields = (*BOOLEAN_VERDICTS, "date")
    return {
        "events": len(shared),
        "verdicts": {f: _agreement([(first[i][f], second[i][f]) for i in shared]) for f in fields},
    }


def _agreement(pairs: list[tuple[Any, Any]]) -> dict[str, Any]:
    n = len(pairs)
    if not n:
        return {"alike": 0, "n": 0, "kappa": None}
    alike = sum(a == b for a, b in pairs)
    values = {v for pair in pairs for v in pair}
    chance = sum(
        (sum(a == v for a, _ in pairs) / n) * (sum(b == v for _, b in pairs) / n) for v in values
    )
    kappa = None if chance == 1 else round((alike / n - chance) / (1 - chance), 3)
    return {"alike": alike, "n": n, "kappa": kappa}
