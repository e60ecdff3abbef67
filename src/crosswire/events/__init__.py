"""Event coding: PLOVER types and modes with CAMEO codes, from the dependency parse.

Knowledge lives in ``data/events/`` (verb patterns, event nouns, modality cues); the coder
matches predicates and event nouns against it and takes actors, place, time, negation and
modality from the same sentence's structure.
"""

from __future__ import annotations

from crosswire.events.coder import code_events
from crosswire.events.sections import mark_headline, title_in_text

__all__ = ["code_events", "mark_headline", "title_in_text"]
