"""The actors stage: who is who in an article, who said what, and who is quoted.

- ``find_mentions(doc, article)``: repaired entity mentions resolved to canonical actors
  (cross-article keys, country, sector, role).
- ``find_attributions(doc, article, mentions)``: who each reported claim is attributed to.
- ``find_quotes(doc, article, mentions)``: direct quotes and their speakers.

The three are imported on first use, so the light parts of the package (``keys``,
``story``) can be used without loading spaCy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crosswire.actors.attribution import find_attributions
    from crosswire.actors.mentions import find_mentions
    from crosswire.actors.quotes import find_quotes

__all__ = ["find_attributions", "find_mentions", "find_quotes"]

_HOMES = {
    "find_attributions": "crosswire.actors.attribution",
    "find_mentions": "crosswire.actors.mentions",
    "find_quotes": "crosswire.actors.quotes",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'crosswire.actors' has no attribute {name!r}")
