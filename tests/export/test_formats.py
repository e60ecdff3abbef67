"""`export(store, fmt, out)` and `crosswire export --format ...` for every format."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from crosswire.cli import main
from crosswire.export import FORMATS, export


def test_unknown_format_is_a_clear_error(store, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown export format 'xlsx'"):
        export(store, "xlsx", tmp_path)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_cli_writes_every_format(store, fmt: str, tmp_path: Path) -> None:
    db = store.path  # the SQLite file behind the fixture store
    out = tmp_path / fmt
    result = CliRunner().invoke(main, ["export", "--format", fmt, "--out", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in out.iterdir())
    assert files and all((out / f).stat().st_size > 0 for f in files)
    assert all(name in result.output for name in files)
