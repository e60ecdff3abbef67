"""Actors and event participants carry their PLOVER sector in the API's JSON."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.slow


def _meeting(client: TestClient) -> dict:
    events = client.get("/api/events", params={"actor": "Haavisto"}).json()["items"]
    return max(events, key=lambda e: e["n_sources"])


def test_event_actors_carry_their_sector(client: TestClient) -> None:
    event = _meeting(client)
    sectors = {a["name"]: a["sector"] for a in event["actors"]}
    assert sectors["Pekka Haavisto"] == "GOV"  # "Finland's foreign minister"


def test_event_detail_names_source_and_target_with_sector(client: TestClient) -> None:
    detail = client.get(f"/api/events/{_meeting(client)['id']}").json()
    roles = [r for r in (detail["source"], detail["target"]) if r is not None]
    assert roles and all(set(r) >= {"entity_id", "name", "country", "sector"} for r in roles)
    assert any(r["sector"] == "GOV" for r in roles)  # the two foreign ministers


def test_actor_profile_has_its_sector(client: TestClient) -> None:
    actor = client.get("/api/actors", params={"q": "haavisto"}).json()["items"][0]
    profile = client.get(f"/api/actors/{actor['id']}").json()
    assert profile["actor"]["sector"] == "GOV"


def test_story_top_actors_and_co_actors_carry_their_sector(client: TestClient) -> None:
    story = client.get("/api/stories", params={"actor": "Haavisto"}).json()["items"][0]
    tops = {a["name"]: a["sector"] for a in story["top_actors"]}
    assert tops.get("Pekka Haavisto") == "GOV"
    actor = client.get("/api/actors", params={"q": "haavisto"}).json()["items"][0]
    profile = client.get(f"/api/actors/{actor['id']}").json()
    assert all("sector" in a for a in profile["co_actors"])
    assert any(a["sector"] == "GOV" for a in profile["co_actors"])  # the Norwegian minister
