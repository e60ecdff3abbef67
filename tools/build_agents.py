"""Compile the Phoenix (PETRARCH2) agents dictionary into crosswire's agent-noun table.

    python -m tools.build_agents [../shared/kb/phoenix/Phoenix.agents.txt]

writes ``src/crosswire/data/actors/agents.tsv`` (read by `crosswire.actors.agents`) and
copies the dictionary's MIT notice beside it (``agents.LICENSE``).

The source format (PETRARCH2's ``dictionaries.rst``, summarised in ../shared/kb/README.md):

- ``!NAME! = A, B, C`` defines a substitution set; ``!NAME!`` in a later phrase stands for
  each of its words in turn (``POLICE!PERSON!`` -> ``POLICEMAN``, ``POLICEWOMEN``, ...).
- ``PHRASE {PLURAL} [~SEC]``: words joined by ``_`` or blanks (a trailing ``_`` ends the
  phrase); ``{PLURAL}`` gives the plural, ``{}`` says there is none; without braces the
  regular plural is implied (PETRARCH 0.5 makes it: -y -> -ies, -s/-x/-z/-ch/-sh -> -es,
  else -s; on the last word of the phrase).
- ``[~SEC]`` puts the sector codes after the actor's code (``Egyptian police`` -> EGYCOP),
  ``[SEC~]`` before it (``peacekeeping troops`` -> IGO...): one or more three-letter codes.
- ``#`` starts a comment.

Each output row: the phrase folded as crosswire folds text (`crosswire.actors.keys.fold`:
lower case, hyphens to blanks), its codes, where they go (``after`` / ``before``), whether
the row is a plural form, and the source line. The first record of a phrase wins; later
records of the same phrase are counted and reported, not written.
"""

from __future__ import annotations

import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from crosswire.actors.keys import fold

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "kb" / "phoenix" / "Phoenix.agents.txt"
TARGET = ROOT / "src" / "crosswire" / "data" / "actors" / "agents.tsv"
LICENSE_TARGET = TARGET.with_suffix(".LICENSE")

_RECORD = re.compile(r"^(?P<phrase>[^\[{]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]")
_CODE = re.compile(r"^(?:~(?P<after>(?:[A-Z]{3})+)|(?P<before>(?:[A-Z]{3})+)~)$")
_SUBSTITUTION = re.compile(r"!\w+!")


@dataclass(frozen=True)
class Row:
    phrase: str
    codes: str
    placement: str  # "after" the actor's code (~SEC) or "before" it (SEC~)
    plural: bool
    line: int


def regular_plural(phrase: str) -> str:
    """PETRARCH's implied plural of a phrase: its last word made plural."""
    *first, last = phrase.split(" ")
    if re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    elif re.search(r"(?:s|x|z|ch|sh)$", last):
        last += "es"
    else:
        last += "s"
    return " ".join([*first, last])


def expand(phrase: str, sets: dict[str, list[str]]) -> list[str]:
    """Every phrase a substitution set makes of `phrase`."""
    found = _SUBSTITUTION.search(phrase)
    if found is None:
        return [phrase]
    words = sets.get(found.group(0))
    if words is None:
        raise ValueError(f"unknown substitution set {found.group(0)}")
    return [
        text
        for word in words
        for text in expand(phrase[: found.start()] + word + phrase[found.end() :], sets)
    ]


def _words(text: str) -> str:
    return fold(text.replace("_", " "))


def parse(lines: list[str]) -> tuple[list[Row], list[str]]:
    """The rows of the agents file, and a note for each line skipped or repeated."""
    sets: dict[str, list[str]] = {}
    rows: dict[str, Row] = {}
    notes: list[str] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("!") and "=" in line:
            name, _, words = line.partition("=")
            sets[name.strip()] = [w.strip() for w in words.split(",") if w.strip()]
            continue
        record = _RECORD.match(line)
        code = _CODE.match(record.group("code").strip()) if record else None
        if record is None or code is None:
            notes.append(f"line {number}: not an agent record: {line!r}")
            continue
        placement = "after" if code.group("after") else "before"
        codes = code.group("after") or code.group("before")
        plural = record.group("plural")
        for phrase in expand(record.group("phrase"), sets):
            forms = [(_words(phrase), False)]
            if plural is None:
                forms.append((regular_plural(_words(phrase)), True))
            elif plural.strip():
                forms += [(_words(p), True) for p in expand(plural.strip(), sets)]
            for text, is_plural in forms:
                if not text:
                    continue
                if text in rows:
                    if rows[text].codes != codes:
                        notes.append(f"line {number}: {text!r} kept as in line {rows[text].line}")
                    continue
                rows[text] = Row(text, codes, placement, is_plural, number)
    return list(rows.values()), notes


HEADER = """\
# Agent nouns -> CAMEO/PLOVER sector codes, compiled from the Phoenix (PETRARCH2) agents
# dictionary (Phoenix.agents.txt, Open Event Data Alliance, MIT licence: agents.LICENSE).
# Do not edit: rebuild with `python -m tools.build_agents` (tools/build_agents.py).
# phrase<TAB>codes<TAB>placement (after: ~SEC, before: SEC~)<TAB>plural<TAB>source line
"""


def write(rows: list[Row], target: Path) -> None:
    body = "".join(
        f"{r.phrase}\t{r.codes}\t{r.placement}\t{str(r.plural).lower()}\t{r.line}\n"
        for r in sorted(rows, key=lambda r: r.phrase)
    )
    target.write_text(HEADER + body, encoding="utf-8")


def main(argv: list[str]) -> None:
    source = Path(argv[0]) if argv else SOURCE
    if not source.exists():
        raise SystemExit(f"agents dictionary not found: {source}")
    rows, notes = parse(source.read_text(encoding="utf-8").splitlines())
    write(rows, TARGET)
    shutil.copyfile(source.parent / "LICENSE", LICENSE_TARGET)
    for note in notes:
        print(note, file=sys.stderr)
    print(f"{len(rows)} agent phrases -> {TARGET.relative_to(ROOT)} ({len(notes)} notes)")


if __name__ == "__main__":
    main(sys.argv[1:])
