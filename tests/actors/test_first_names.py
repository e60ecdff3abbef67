"""First names that say a person's sex: the census lists compiled (tools/build_first_names.py)
and read (crosswire.actors.first_names)."""

from __future__ import annotations

from tools import build_first_names

from crosswire.actors.first_names import sex_of_first_name


def test_a_name_one_sex_bears_says_it_and_a_shared_or_rare_one_nothing() -> None:
    male = {"luke": 0.2, "jordan": 0.1, "ezekiel": 0.001}
    female = {"julie": 0.3, "jordan": 0.05, "luke": 0.002}
    rows = {name: sex for name, sex, _ in build_first_names.table(male, female)}
    assert rows == {"luke": "Masc", "julie": "Fem"}  # "jordan" shared, "ezekiel" rare


def test_the_compiled_table_answers_in_any_case() -> None:
    assert sex_of_first_name("Julie") == "Fem"
    assert sex_of_first_name("LUKE") == "Masc"
    assert sex_of_first_name("Jordan") is None
    assert sex_of_first_name("Nairobi") is None
