"""crosswire: a cross-checked record of who did what to whom, from many news outlets.

>>> import crosswire
>>> report = crosswire.Pipeline("crosswire.db").run(["examples/corpus"])
>>> store = crosswire.open_store("crosswire.db")
>>> [s.title for s in store.stories()]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Pipeline", "RunReport", "export_jsonl", "open_store"]

if TYPE_CHECKING:
    from crosswire.export import export_jsonl
    from crosswire.pipeline import Pipeline, RunReport
    from crosswire.store import open_store

_LAZY = {
    "Pipeline": "crosswire.pipeline",
    "RunReport": "crosswire.pipeline",
    "open_store": "crosswire.store",
    "export_jsonl": "crosswire.export",
}


def __getattr__(name: str) -> Any:
    # Imported on first use: `import crosswire` stays fast (spaCy loads only when needed).
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'crosswire' has no attribute {name!r}")
