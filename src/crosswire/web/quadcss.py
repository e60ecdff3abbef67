"""The stylesheet of PLOVER quad colours, made from data/plover_quads.yaml.

The pages colour an event-type badge or a legend swatch by class (``quad-verbal_conflict``)
rather than by an inline ``style`` attribute, which the server's Content-Security-Policy
forbids; each class sets the ``--quad`` custom property that style.css paints with.
"""

from __future__ import annotations

import re
from functools import cache

from crosswire.graph import quads

_KEY = re.compile(r"[a-z0-9_]+")
_COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}")


@cache
def quad_stylesheet() -> str:
    rules = [
        f".quad-{q.key} {{ --quad: {q.colour}; }}"
        for q in quads()
        if _KEY.fullmatch(q.key) and _COLOUR.fullmatch(q.colour)  # data, but never CSS syntax
    ]
    return "\n".join(rules) + "\n"
