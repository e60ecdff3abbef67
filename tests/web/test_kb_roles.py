"""A person's actor page and its API show the person's dated roles from the knowledge base
(here an analyst's file, as `serve --kb` loads it), not only one sector."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.web.kb_file import write_kb_file

from crosswire.kb.base import ENV

pytestmark = pytest.mark.slow


def _actor_id(client: TestClient, query: str) -> str:
    items = client.get("/api/actors", params={"q": query}).json()["items"]
    assert items, query
    return str(items[0]["id"])


def test_the_api_gives_a_person_s_dated_roles(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV, str(write_kb_file(tmp_path)))
    profile = client.get(f"/api/actors/{_actor_id(client, 'haavisto')}").json()
    kb = profile["kb"]
    assert kb["id"] == "user:pekka_haavisto" and kb["name"] == "Pekka Haavisto"
    roles = [(r["country"], r["sector"], r["from"], r["to"], r["dated"]) for r in kb["roles"]]
    assert roles == [
        ("FIN", "LEG", "1987-03-20", "1995-03-23", True),
        ("FIN", "GOV", "2019-06-06", "2023-06-20", True),
        ("FIN", "ELI", None, None, False),  # the default, last
    ]
    assert kb["roles"][1]["title"] == "foreign minister"


def test_the_actor_page_lists_the_roles(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV, str(write_kb_file(tmp_path)))
    html = client.get(f"/actors/{_actor_id(client, 'haavisto')}").text
    assert '<section class="card" id="kb-roles">' in html
    assert "<td>2019-06-06</td><td>2023-06-20</td>" in html
    assert "<td>1987-03-20</td><td>1995-03-23</td>" in html
    assert '<span class="sector">LEG</span> <small>legislature</small>' in html


def test_no_roles_for_a_name_the_kb_lacks_or_an_actor_that_is_no_person(
    client: TestClient,
) -> None:
    person = client.get(f"/api/actors/{_actor_id(client, 'haavisto')}").json()
    assert person["kb"] is None  # not in the shipped KB, and no analyst file here
    assert 'id="kb-roles"' not in client.get(f"/actors/{person['actor']['id']}").text
    country = client.get(f"/api/actors/{_actor_id(client, 'Norway')}").json()
    assert country["actor"]["type"] != "PERSON" and country["kb"] is None
