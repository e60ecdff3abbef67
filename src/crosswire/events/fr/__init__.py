"""French event coding: French articles parsed with spaCy's French pipeline and coded by
French triggers (data/events/fr/), with actors resolved to the keys the English actors
stage gives (`actors`), so French and English reports of one event fuse. The events stage
dispatches here by the page's language (`crosswire.scope.confirm.scoped_events`)."""

from __future__ import annotations

LANGUAGE = "fr"
