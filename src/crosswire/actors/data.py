"""Loading the actors stage's data files (src/crosswire/data/actors/), once per process."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from crosswire.datafiles import read_yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"


@cache
def load_yaml(name: str) -> dict[str, Any]:
    """A YAML data file of this stage as a dict."""
    return read_yaml(f"actors/{name}") or {}


@cache
def load_tsv(name: str) -> list[list[str]]:
    """Rows of a TSV data file, comments and blank lines skipped."""
    rows = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows
