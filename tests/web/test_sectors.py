"""The event and actor pages show each actor's sector, as text."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from crosswire.web.render import environment

pytestmark = pytest.mark.slow


def _page(client: TestClient, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, response.text[:300]
    return response.text


def test_event_page_shows_the_sector_of_its_actors(client: TestClient) -> None:
    events = client.get("/api/events", params={"actor": "Haavisto"}).json()["items"]
    best = max(events, key=lambda e: e["n_sources"])
    html = _page(client, f"/events/{best['id']}")
    assert 'title="government">Pekka Haavisto <small>FIN · <span class="sector">GOV</span>' in html


def test_actor_page_shows_sector_and_its_name(client: TestClient) -> None:
    actor = client.get("/api/actors", params={"q": "haavisto"}).json()["items"][0]
    html = _page(client, f"/actors/{actor['id']}")
    assert '<dt>Sector</dt><dd><span class="sector">GOV</span> <small>government</small>' in html


def test_actor_chips_escape_names_and_sectors() -> None:
    macros = environment.get_template("macros.html").module
    html = str(
        macros.actor_chips(  # type: ignore[attr-defined]
            [{"entity_id": "e1", "name": "<b>X</b>", "country": None, "sector": "<i>"}]
        )
    )
    assert "<b>" not in html and "<i>" not in html
    assert "&lt;b&gt;X&lt;/b&gt;" in html and "&lt;i&gt;" in html
