"""Compile WordNet 3.0's nouns of people and of parts of the body into crosswire's table of
what a common noun most often names: a person ("accountant", "receptionist",
"instructor") or a part of the body ("forearm", "thigh").

    apt-get download wordnet-base && dpkg-deb -x wordnet-base_*.deb wordnet
    python -m tools.build_noun_senses wordnet/usr/share/wordnet

reads ``index.noun`` and ``data.noun`` (WordNet 3.0, Princeton University, under the
WordNet 3.0 licence, as packaged by Debian as ``wordnet-base``) and writes
``src/crosswire/data/actors/noun_senses.tsv`` (read by `crosswire.actors.noun_senses`)
with its notice beside it (``noun_senses.LICENSE``).

A word goes into the table with the class of its most frequent sense where that sense is
in one of WordNet's lexicographer files `CLASSES` (``noun.person``, ``noun.body``), is no
one named thing (an instance: "truman"), and the word's senses are ordered by how often
they occur (some sense is tagged in the sense-tagged corpora) or all are of that class.
A person is found by the head of its phrase ("the fired accountant"): single words only;
a part of the body may be a phrase ("rib cage", whose head alone is no part).
"""

from __future__ import annotations

from pathlib import Path

from tools.compiled_table import source_folder, write_table

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src" / "crosswire" / "data" / "actors" / "noun_senses.tsv"
CLASSES = {18: "person", 8: "body"}  # lexicographer file numbers (lexnames(5WN)) -> class
INSTANCE = "@i"  # the pointer from an instance to its class

HEADER = """\
# Common nouns whose most frequent sense is a kind of person or a part of the body, compiled
# from WordNet 3.0 (Princeton University, WordNet 3.0 licence: noun_senses.LICENSE).
# Do not edit: rebuild with `python -m tools.build_noun_senses` (tools/build_noun_senses.py).
# noun (lower case)<TAB>class (person / body)<TAB>its senses of that class<TAB>its senses
"""

NOTICE = """\
noun_senses.tsv is compiled from WordNet 3.0 (index.noun, data.noun), as packaged by
Debian (wordnet-base 1:3.0), under the following licence.

WordNet Release 3.0 This software and database is being provided to you, the LICENSEE,
by Princeton University under the following license. By obtaining, using and/or copying
this software and database, you agree that you have read, understood, and will comply
with these terms and conditions.: Permission to use, copy, modify and distribute this
software and database and its documentation for any purpose and without fee or royalty
is hereby granted, provided that you agree to comply with the following copyright notice
and statements, including the disclaimer, and that the same appear on ALL copies of the
software, database and documentation, including modifications that you make for internal
use or for distribution. WordNet 3.0 Copyright 2006 by Princeton University. All rights
reserved. THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES
NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT
LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT-
ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE,
DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS,
TRADEMARKS OR OTHER RIGHTS. The name of Princeton University or Princeton may not be used
in advertising or publicity pertaining to distribution of the software and/or database.
Title to copyright in this software, database and any associated documentation shall at
all times remain with Princeton University and LICENSEE agrees to preserve same.
"""


def synset_kinds(path: Path) -> dict[str, tuple[int, bool]]:
    """Synset offset -> (its lexicographer file, whether it is an instance)."""
    kinds: dict[str, tuple[int, bool]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("  "):
            continue  # the licence at the file's head
        fields = line.split()
        kinds[fields[0]] = (int(fields[1]), INSTANCE in fields)
    return kinds


def noun_classes(
    index: Path, kinds: dict[str, tuple[int, bool]]
) -> list[tuple[str, str, int, int]]:
    """(noun, class, its senses of that class, its senses) for the nouns whose first sense
    is of one of `CLASSES`."""
    rows = []
    for line in index.read_text(encoding="utf-8").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split()
        lemma, pointers = fields[0], int(fields[3])
        tagged, offsets = int(fields[5 + pointers]), fields[6 + pointers :]
        words = lemma.split("_")
        if not all(w.isalpha() for w in words):
            continue  # numbers, abbreviations with marks
        senses = [kinds[o] for o in offsets]
        first, first_instance = senses[0]
        if first not in CLASSES or first_instance or (len(words) > 1 and CLASSES[first] != "body"):
            continue  # a person's phrase ("head_of_state") is found by its head noun
        alike = sum(lex == first and not instance for lex, instance in senses)
        if tagged >= 1 or alike == len(senses):
            rows.append((" ".join(words), CLASSES[first], alike, len(senses)))
    return rows


def main(argv: list[str] | None = None) -> None:
    source = source_folder(argv, __doc__)
    rows = noun_classes(source / "index.noun", synset_kinds(source / "data.noun"))
    count = write_table(TARGET, HEADER, rows, NOTICE)
    print(f"{count} nouns -> {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
