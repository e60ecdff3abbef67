"""The import layering declared in pyproject.toml ([tool.importlinter]) holds: storage
imports no stage, per-article stages import neither storage nor stories, nothing imports
the server or the CLI, the API and the pages know nothing of each other, no import circles
in web/ and views/. `lint-imports` checks the code these tests import."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import crosswire

REPO = Path(__file__).resolve().parents[1]
STAGES = ["actors", "events", "timex", "stories", "clean", "ingest", "pipeline", "nlp"]
CHECK = (
    "import sys; from importlinter.cli import lint_imports;"
    " sys.exit(lint_imports(no_cache=True, no_logo=True))"
)


def contracts() -> dict[str, dict]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return {c["id"]: c for c in config["tool"]["importlinter"]["contracts"]}


def test_every_import_contract_is_kept() -> None:
    source = Path(crosswire.__file__).resolve().parents[1]  # the code under test, not a copy
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(source), str(REPO)])}
    run = subprocess.run(
        [sys.executable, "-c", CHECK], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


def test_the_contracts_say_what_the_layers_are() -> None:
    """A contract weakened by accident (a stage dropped from a list) fails here."""
    found = contracts()
    storage = found["storage"]
    assert storage["source_modules"] == ["crosswire.store"]
    assert storage["forbidden_modules"] == [f"crosswire.{name}" for name in STAGES]
    stages = found["per-article-stages"]
    per_article = ["actors", "events", "timex", "clean", "scope"]
    assert stages["source_modules"] == [f"crosswire.{name}" for name in per_article]
    assert stages["forbidden_modules"] == ["crosswire.store", "crosswire.stories"]
    outer = found["outer-layer"]
    assert {"crosswire.cli", "crosswire.api", "crosswire.web"} <= set(outer["protected_modules"])
    assert outer["allowed_importers"] == outer["protected_modules"]
    assert found["api-and-pages"]["modules"] == ["crosswire.web.api", "crosswire.web.pages"]
    ignored = [i for c in found.values() for i in c.get("ignore_imports", [])]
    assert ignored == ["crosswire.store.cards -> crosswire.stories.sources"]  # see pyproject
