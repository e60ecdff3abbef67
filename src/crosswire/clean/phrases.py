"""The phrase lists the cleaner reads: ``data/boilerplate.yaml`` (residue lines, bullets,
citation prefixes, caption cues, headline word lists)."""

from __future__ import annotations

from functools import cache
from typing import Any

from crosswire.boilerplate import Boilerplate
from crosswire.datafiles import load_plain


@cache
def phrases() -> dict[str, Any]:
    return load_plain("boilerplate.yaml", Boilerplate)  # checked; still read by key


def words_of(key: str) -> frozenset[str]:
    """A space-separated word list from the data file, lower-cased."""
    return frozenset(phrases()[key].lower().split())


@cache
def residue() -> frozenset[str]:
    """Lines that scrapers leave behind ("Advertisement", "Read Full Article"), lower-cased."""
    return frozenset(p.lower() for p in phrases()["residue_lines"])
