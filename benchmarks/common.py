"""What every benchmark script shares: where the gold data lives, where figures go."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def bench_data(*parts: str) -> Path:
    """A path under ../shared/bench, or exit with a clear message when it is absent."""
    path = SHARED.joinpath("bench", *parts)
    if not path.exists():
        sys.exit(f"benchmark data not found: {path}")
    return path


def write_result(name: str, dataset: Path, figures: dict[str, Any]) -> None:
    """Print the figures and write them to benchmarks/results/NAME.json."""
    result = {
        "benchmark": name,
        "date": date.today().isoformat(),
        "dataset": str(dataset.relative_to(ROOT.parent)),
        **figures,
    }
    out = ROOT / "benchmarks" / "results" / f"{name}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
