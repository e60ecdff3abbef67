"""The name and figures an entity is shown by, aggregated from its mention groups (the
mentions read grouped by their columns, with how many each group holds)."""

from __future__ import annotations

from typing import Any

from crosswire.model import Entity
from crosswire.store.rows import entity_from_groups


def _groups(key: str, *names: str | tuple[str, int]) -> list[dict[str, Any]]:
    """One group per name; a (name, n) pair stands for n mentions under that name."""
    rows = []
    for name in names:
        text, n = name if isinstance(name, tuple) else (name, 1)
        rows.append({"entity_id": "e1", "key": key, "name": text, "alias": text, "n": n,
                     "type": "PERSON", "country": None, "sector": None, "role": None})  # fmt: skip
    return rows


def _entity(rows: list[dict[str, Any]], articles: set[str] | None = None) -> Entity:
    return entity_from_groups(rows, articles or {"a1"})


def test_a_person_is_shown_by_the_fullest_name() -> None:
    rows = _groups("person:donald trump", "Trump", "Trump", "Trump", "Donald Trump")
    assert _entity(rows).name == "Donald Trump"


def test_among_full_names_the_most_common_spelling_wins() -> None:
    rows = _groups("person:kim jong un", "Kim Jong Un", "Kim Jong Un", "Kim Jong-un", "Kim")
    assert _entity(rows).name == "Kim Jong Un"


def test_other_actors_take_their_most_common_name() -> None:
    rows = _groups("org:RUS:foreign ministry", "Russian foreign ministry", "Russian foreign "
                   "ministry", "Foreign Ministry of the Russian Federation")  # fmt: skip
    assert _entity(rows).name == "Russian foreign ministry"


def test_a_group_counts_as_many_mentions_as_it_holds() -> None:
    rows = _groups("person:kim jong un", ("Kim Jong Eun", 3), ("Kim Jong Un", 2))
    rows[0]["country"], rows[1]["country"] = "PRK", "KOR"
    entity = _entity(rows, {"a2", "a1"})
    assert entity.name == "Kim Jong Eun"
    assert entity.country == "PRK"
    assert entity.aliases == ["Kim Jong Eun", "Kim Jong Un"]
    assert entity.article_ids == ["a1", "a2"]
