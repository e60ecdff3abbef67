"""What a common noun most often names (WordNet 3.0, compiled by tools/build_noun_senses)."""

from __future__ import annotations

from pathlib import Path

from tools import build_noun_senses

from crosswire.actors.noun_senses import names_a_body_part, names_a_person

DATA = """\
  1 licence line
09761403 18 n 01 accountant 0 001 @ 09626238 n 0000 | someone who maintains records
08641944 15 n 01 hood 0 001 @ 08642145 n 0000 | a neighborhood
11116142 18 n 01 Truman 0 001 @i 10467395 n 0000 | 33rd president
05556071 08 n 02 rib_cage 0 001 @ 05585383 n 0000 | the cage of ribs
10467395 18 n 01 president 0 001 @ 10467179 n 0000 | a head of state
04057981 06 n 01 fire 0 001 @ 03575240 n 0000 | the process of combustion
10093908 18 n 01 fireman 0 001 @ 10161363 n 0000 | a member of a fire department
"""
INDEX = """\
  1 licence line
accountant n 1 1 @ 1 1 09761403
hood n 1 1 @ 1 0 08641944
truman n 1 1 @i 1 0 11116142
rib_cage n 1 1 @ 1 0 05556071
fire n 2 1 @ 2 1 04057981 10093908
head_of_state n 1 1 @ 1 1 10467395
"""


def test_a_noun_goes_in_by_its_most_frequent_sense_never_an_instance(tmp_path: Path) -> None:
    (tmp_path / "data.noun").write_text(DATA, encoding="utf-8")
    (tmp_path / "index.noun").write_text(INDEX, encoding="utf-8")
    kinds = build_noun_senses.synset_kinds(tmp_path / "data.noun")
    rows = build_noun_senses.noun_classes(tmp_path / "index.noun", kinds)
    # "fire" is a person only in a rarer sense; "truman" is one man; a phrase of a person
    # is found by its head ("head of state": "head"), one of the body kept whole
    assert rows == [("accountant", "person", 1, 1), ("rib cage", "body", 1, 1)]


def test_the_compiled_table_knows_people_and_parts_of_the_body() -> None:
    assert names_a_person("accountant") and names_a_person("receptionist")
    assert not names_a_person("fire") and not names_a_person("truman")
    assert names_a_body_part("forearm") and names_a_body_part("rib cage")
    assert not names_a_body_part("accountant")
