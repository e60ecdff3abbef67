"""An analyst's actor file written for the web tests: the dated roles of a person the test
corpus names (Pekka Haavisto), whom the shipped KB does not know."""

from __future__ import annotations

from pathlib import Path

HAAVISTO = """\
actors:
  - name: Pekka Haavisto
    type: person
    roles:
      - {country: FIN, sector: LEG, from: 1987-03-20, to: 1995-03-23}
      - {country: FIN, sector: GOV, from: 2019-06-06, to: 2023-06-20, title: foreign minister}
      - {country: FIN, sector: ELI}
"""


def write_kb_file(folder: Path) -> Path:
    path = folder / "analyst.yaml"
    path.write_text(HAAVISTO, encoding="utf-8")
    return path
