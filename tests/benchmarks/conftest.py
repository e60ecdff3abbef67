"""The benchmark scripts import each other by bare name (``from common import ...``), as
they do when run as ``python benchmarks/NAME.py``: their folder goes on the end of the path
here, so that none of their names hides another module."""

from __future__ import annotations

import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
if str(BENCHMARKS) not in sys.path:
    sys.path.append(str(BENCHMARKS))
