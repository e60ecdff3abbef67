"""The benchmark scripts import each other by bare name (``from common import ...``), as
they do when run as ``python benchmarks/NAME.py``: their folder goes on the path here."""

from __future__ import annotations

import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))
