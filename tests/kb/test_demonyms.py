"""The Factbook's nationality forms travel in the KB's file: the build reads them from the
snapshot, a process takes them from the loaded KB instead of parsing the snapshot again."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from crosswire.actors import countries
from crosswire.kb import base
from crosswire.kb.demonyms import factbook_demonyms, nationality_forms


@pytest.fixture
def fresh_table() -> Iterator[None]:
    countries._factbook_demonyms.cache_clear()
    yield
    countries._factbook_demonyms.cache_clear()


def test_forms_of_one_nationality_text() -> None:
    assert nationality_forms("Chadian(s); Chadian") == {"Chadian", "Chadians"}
    assert nationality_forms("Mosotho (singular), Basotho (plural)") == {"Mosotho", "Basotho"}
    assert nationality_forms("none; NA") == set()


def test_the_shipped_kb_holds_the_snapshot_s_forms() -> None:
    shipped = base.shipped_demonyms()
    if shipped is None:
        pytest.skip("the compiled KB is absent: python -m crosswire.kb.build")
    assert shipped == factbook_demonyms()
    assert (shipped["Chadian"], shipped["Basotho"], shipped["Dutch"]) == ("TCD", "LSO", "NLD")


def test_country_lookups_take_the_forms_from_the_loaded_kb(
    fresh_table: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(base, "shipped_demonyms", lambda: {"Zorblatian": "ARM"})
    assert countries._factbook_demonyms() == {"Zorblatian": "ARM"}


def test_without_forms_in_the_kb_they_are_read_from_the_snapshot(
    fresh_table: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(base, "shipped_demonyms", lambda: None)  # a KB built before them
    assert countries._factbook_demonyms()["Chadian"] == "TCD"
