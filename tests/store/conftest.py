"""The `store` fixture: every storage test runs on each backend."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.store import open_store


@pytest.fixture(params=["sqlite"])
def store(request: pytest.FixtureRequest, tmp_path: Path):
    opened = open_store(tmp_path / "test.db")
    yield opened
    opened.close()
