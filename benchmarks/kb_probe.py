"""A probe of modern actors (benchmarks/data/kb_probe.yaml): each name in the frame of the
held-out actor test ("NAME said on Monday that the talks would continue."), dated, run
through the declared per-article stages; the mention over the name gives country and
sector. The probe's cases and the KB's additions were written by the same developers (the
probe first): it measures coverage of what they thought of, not a held-out score.

    python benchmarks/kb_probe.py [--run NAME]

Figures go to results/kb_probe.json, under ``runs.NAME`` with ``--run``.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from crosswire import stages
from crosswire.model import Article, Mention
from crosswire.nlp import parse

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "benchmarks" / "data" / "kb_probe.yaml"
RESULTS = ROOT / "benchmarks" / "results" / "kb_probe.json"
FRAME = "{name} said on Monday that the talks would continue."


def _over(mentions: list[Mention], end: int) -> list[Mention]:
    """Mentions within the name, the widest first (the head noun's mention when nested)."""
    inside = [m for m in mentions if m.start < end and m.end > 0]
    return sorted(inside, key=lambda m: m.start - m.end)


def score(cases: list[dict[str, Any]]) -> dict[str, Any]:
    texts = [FRAME.format(name=c["name"]) for c in cases]
    country = sector = 0
    misses = []
    for case, text, doc in zip(cases, texts, parse(texts), strict=True):
        article = Article(id=case["name"], text=text, path="probe", published=str(case["date"]))
        state = stages.run(stages.ArticleState(article, doc), until="quotes")
        found = _over(state.mentions, len(case["name"]))
        got_country = next((m.actor.country for m in found if m.actor.country), None)
        got_sector = next((m.actor.sector for m in found if m.actor.sector), None)
        country += got_country == case["country"]
        sector += got_sector == case["sector"]
        if (got_country, got_sector) != (case["country"], case["sector"]):
            misses.append(
                {
                    "name": case["name"],
                    "date": str(case["date"]),
                    "gold": f"{case['country']} {case['sector']}",
                    "got": f"{got_country} {got_sector}",
                }
            )
    n = len(cases)
    return {
        "cases": n,
        "country_accuracy": round(country / n, 4),
        "sector_accuracy": round(sector / n, 4),
        "misses": misses,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--run", help="store the figures under runs.RUN")
    run = parser.parse_args().run
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))["cases"]
    figures = {"date": date.today().isoformat(), "dataset": str(CASES.relative_to(ROOT))}
    figures |= score(cases)
    old = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    runs = old.get("runs", {})
    if run:
        runs[run] = figures
        result = {**old, "runs": runs}
    else:
        result = {**figures, "runs": runs}
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in figures.items() if k != "misses"}))
    for miss in figures["misses"]:
        print(miss)


if __name__ == "__main__":
    main()
