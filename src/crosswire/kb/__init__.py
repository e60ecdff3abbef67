"""crosswire's actor knowledge base: who held which role, for which country, when.

- ``resolve(name, on=date, context=countries)``: a `Resolution` (entry, role, country,
  sector, why; ambiguous with candidates when the name stays ambiguous).
- ``knowledge_base()``: the shipped compiled KB (data/kb/kb.json.gz, built by
  ``python -m crosswire.kb.build``) plus the analyst's files (``--kb``, env CROSSWIRE_KB),
  loaded once per process.
"""

from __future__ import annotations

from crosswire.kb.base import KnowledgeBase, knowledge_base, use_files
from crosswire.kb.model import Entry, Role
from crosswire.kb.resolve import Resolution, resolve

__all__ = ["Entry", "KnowledgeBase", "Resolution", "Role", "knowledge_base", "resolve", "use_files"]
