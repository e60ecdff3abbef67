"""A small store for the API and web tests: articles written for them, run through the
real pipeline once per test session."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write_corpus

from crosswire.pipeline import Pipeline

# An article whose text carries markup: it must be shown as text, never run.
INJECTED = """<script>window.__crosswire_xss = 1; document.title = "pwned";</script> Protest in Lisbon

Lakeside Ledger (3 May 2021)

Thousands of teachers protested in Lisbon on Monday against a new pay law, <script>window.__crosswire_xss = 2;</script> the teachers' union said.

Police said the march through the city centre was peaceful. <img src=x onerror="window.__crosswire_xss = 3">
"""


def build_store(folder: Path, db: str | None = None) -> str:
    """The conftest corpus (a two-outlet meeting story and a flood) plus `INJECTED`, in a
    SQLite file under `folder` or in the store at `db`."""
    corpus = write_corpus(folder / "corpus")
    (corpus / "injected.txt").write_text(INJECTED, encoding="utf-8")
    target = db or str(folder / "serve.db")
    pipeline = Pipeline(target)
    report = pipeline.run([str(corpus)])
    pipeline.store.close()
    assert report.ok and report.new_articles == 4, report.errors
    return target
