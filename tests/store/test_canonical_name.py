"""The name an entity is shown by, aggregated from its mentions' names."""

from __future__ import annotations

from crosswire.store.rows import canonical_name


def _rows(key: str, *names: str) -> list[dict]:
    return [{"key": key, "name": name} for name in names]


def test_a_person_is_shown_by_the_fullest_name() -> None:
    rows = _rows("person:donald trump", "Trump", "Trump", "Trump", "Donald Trump")
    assert canonical_name(rows) == "Donald Trump"


def test_among_full_names_the_most_common_spelling_wins() -> None:
    rows = _rows("person:kim jong un", "Kim Jong Un", "Kim Jong Un", "Kim Jong-un", "Kim")
    assert canonical_name(rows) == "Kim Jong Un"


def test_other_actors_take_their_most_common_name() -> None:
    rows = _rows("org:RUS:foreign ministry", "Russian foreign ministry", "Russian foreign "
                 "ministry", "Foreign Ministry of the Russian Federation")  # fmt: skip
    assert canonical_name(rows) == "Russian foreign ministry"
