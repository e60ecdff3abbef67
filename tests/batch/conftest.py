"""Shared by the parallel-run tests: a small mixed archive and a comparable export."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from tests.conftest import REPO

from crosswire.export import export_jsonl
from crosswire.store import Store

EXAMPLES = REPO / "examples" / "corpus"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """The example corpus (WARC, JSONL, HTML, feed, text), one record repeated under another
    name (the same article twice, far apart), and one unreadable file."""
    folder = tmp_path / "archive"
    shutil.copytree(EXAMPLES, folder)
    first_text = sorted((folder / "text").iterdir())[0]
    shutil.copy(first_text, folder / "text" / "zz-repost.txt")
    (folder / "text" / "broken.txt").write_bytes(bytes(range(256)) * 8)
    return folder


def exported(store: Store, out: Path) -> dict[str, list[dict]]:
    return {
        name: [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        for name, path in export_jsonl(store, out).items()
    }
