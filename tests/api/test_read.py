"""The read endpoints of the REST API on a store built by the real pipeline."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from crosswire.web.app import create_app

pytestmark = pytest.mark.slow


def _meeting(client: TestClient) -> dict:
    stories = client.get("/api/stories", params={"actor": "Haavisto"}).json()["items"]
    assert [s["title"] for s in stories] == ["Foreign ministers meet in Oslo"]
    return stories[0]


def test_openapi_schema_lists_every_endpoint(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    for path in [
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/events",
        "/api/events/{event_id}",
        "/api/actors",
        "/api/actors/{entity_id}",
        "/api/articles/{article_id}",
        "/api/search",
        "/api/articles",
        "/api/uploads",
        "/api/jobs/{job_id}",
    ]:
        assert path in schema["paths"], path
    story = schema["components"]["schemas"]["StoryDetail"]
    assert {"brief", "timeline", "graph", "comparison", "contradictions"} <= set(
        story["properties"]
    )


def test_story_list_has_size_sources_span_and_top_actors(client: TestClient) -> None:
    page = client.get("/api/stories").json()
    assert page["total"] == 3 and page["limit"] == 20 and page["offset"] == 0
    meeting = _meeting(client)
    assert meeting["n_articles"] == 2
    assert meeting["n_outlets"] == 2 and meeting["n_independent"] == 2
    assert meeting["first_date"] == meeting["last_date"] == "2023-03-14"
    names = [a["name"] for a in meeting["top_actors"]]
    assert {"Anniken Huitfeldt", "Pekka Haavisto"} <= set(names)


def test_story_list_filters_sorts_and_pages(client: TestClient) -> None:
    def titles(**params: str | int) -> list[str]:
        return [s["title"] for s in client.get("/api/stories", params=params).json()["items"]]

    assert titles(country="FIN", type="consult") == ["Foreign ministers meet in Oslo"]
    assert titles(since="2023") == ["Foreign ministers meet in Oslo"]
    assert titles(until="2021-12-31") == [titles(since="2021", until="2021")[0]]
    assert titles(type="ASSAULT") == []
    oldest = titles(sort="oldest")
    assert oldest[-1] == "Foreign ministers meet in Oslo"
    assert titles(sort="recent") == oldest[::-1]
    assert titles(sort="size")[0] == "Foreign ministers meet in Oslo"
    assert titles(sort="oldest", limit=1, offset=1) == oldest[1:2]
    page = client.get("/api/stories", params={"limit": 1, "offset": 5}).json()
    assert page["items"] == [] and page["total"] == 3


@pytest.mark.parametrize(
    ("params", "status", "words"),
    [
        ({"limit": 0}, 422, "greater than or equal to 1"),
        ({"limit": 101}, 422, "less than or equal to 100"),
        ({"offset": -1}, 422, "greater than or equal to 0"),
        ({"limit": "ten"}, 422, "valid integer"),
        ({"since": "yesterday"}, 422, "should be a date as YYYY, YYYY-MM or YYYY-MM-DD"),
        ({"since": "2023-13-01"}, 422, "is not a calendar date"),
        ({"since": "2023-05", "until": "2022"}, 422, "until (2022) is before since (2023-05)"),
        ({"country": "Finland"}, 400, "3-letter code"),
        ({"sort": "random"}, 422, "'top', 'recent', 'size', 'sources' or 'oldest'"),
    ],
)
def test_bad_story_parameters_get_a_clear_4xx(
    client: TestClient, params: dict, status: int, words: str
) -> None:
    response = client.get("/api/stories", params=params)
    assert response.status_code == status
    assert words in str(response.json()["detail"])


def test_story_detail_brief_timeline_graph_and_comparison(client: TestClient) -> None:
    story = client.get(f"/api/stories/{_meeting(client)['id']}").json()
    assert story["summary"]["title"] == "Foreign ministers meet in Oslo"
    assert len(story["articles"]) == 2
    cited = [c for item in story["brief"] for c in item["citations"]]
    assert cited and all(c["article_id"] in {a["id"] for a in story["articles"]} for c in cited)
    assert any(c["event_id"] for c in cited)  # a brief sentence that states an event
    dates = [e["date"] for e in story["timeline"] if e["date"]]
    assert dates == sorted(dates) and story["timeline"]
    names = {n["name"] for n in story["graph"]["nodes"]}
    assert {"Anniken Huitfeldt", "Pekka Haavisto"} <= names
    assert all(0 <= n["x"] <= 1 and 0 <= n["y"] <= 1 for n in story["graph"]["nodes"])
    edge = story["graph"]["edges"][0]
    assert edge["quad"] in {"verbal_cooperation", "material_cooperation"}
    assert edge["colour"].startswith("#")
    table = story["comparison"]
    assert len(table["outlets"]) == 2 and "Meridian Wire" in table["outlets"]
    met = next(r for r in table["rows"] if r["event"]["n_sources"] == 2)
    assert all(cell["article_ids"] for cell in met["cells"])  # both outlets report it


def test_unknown_ids_are_404_with_the_id(client: TestClient) -> None:
    for path in ["stories/s0", "events/v0", "actors/e0", "articles/a0", "jobs/j0"]:
        response = client.get(f"/api/{path}")
        assert response.status_code == 404
        assert repr(path.split("/")[1]) in response.json()["detail"]


def test_events_filter_as_the_cli_does(client: TestClient) -> None:
    everything = client.get("/api/events").json()
    assert everything["total"] >= 2
    by_alias = client.get("/api/events", params={"actor": "huitfeldt"}).json()["items"]
    assert by_alias and all(
        "Anniken Huitfeldt" in [a["name"] for a in e["actors"]] for e in by_alias
    )
    consult = client.get("/api/events", params={"type": "CONSULT"}).json()["items"]
    assert consult and {e["type"] for e in consult} == {"CONSULT"}
    before = client.get("/api/events", params={"until": "2023-03-12"}).json()["items"]
    assert all(e["date"] <= "2023-03-12" for e in before)
    assert not {e["id"] for e in before} & {e["id"] for e in consult}
    assert client.get("/api/events", params={"since": "2024"}).json()["total"] == 0
    assert (
        client.get("/api/events", params={"limit": 1}).json()["items"][0]["id"]
        == (everything["items"][0]["id"])
    )
    assert client.get("/api/events", params={"since": "03/14/2023"}).status_code == 422


def test_event_mentions_are_highlighted_segments_of_their_sentence(client: TestClient) -> None:
    best = client.get("/api/events", params={"actor": "Haavisto"}).json()["items"]
    met = max(best, key=lambda e: e["n_sources"])
    event = client.get(f"/api/events/{met['id']}").json()
    assert len(event["mentions"]) == 2
    for mention in event["mentions"]:
        kinds = {s["kind"] for s in mention["segments"]}
        assert "trigger" in kinds and "actor" in kinds
        trigger = "".join(s["text"] for s in mention["segments"] if s["kind"] == "trigger")
        assert trigger == mention["trigger"]
        sentence = "".join(s["text"] for s in mention["segments"])
        article = client.get(f"/api/articles/{mention['article']['id']}").json()
        text = {"body": article["text"], "headline": article["article"]["title"]}.get(
            mention["section"], "\n\n".join(article["captions"])
        )
        assert text[mention["start"] : mention["end"]] == mention["trigger"]
        assert sentence == text[mention["sentence_start"] : mention["sentence_end"]].strip()
    place = [s["text"] for m in event["mentions"] for s in m["segments"] if s["kind"] == "place"]
    assert "Oslo" in place


def test_actor_search_by_alias_and_profile(client: TestClient) -> None:
    found = client.get("/api/actors", params={"q": "HAAVISTO"}).json()["items"]
    assert found[0]["name"] == "Pekka Haavisto"
    assert "Haavisto" in found[0]["aliases"] and found[0]["country"] == "FIN"
    profile = client.get(f"/api/actors/{found[0]['id']}").json()
    assert profile["events"]["items"] and profile["over_time"][0]["events"] >= 1
    total = profile["events"]["total"]
    assert total == len(profile["events"]["items"]) >= 2
    pages = [
        client.get(f"/api/actors/{found[0]['id']}", params={"limit": 1, "offset": k}).json()
        for k in range(total)
    ]
    assert [p["events"]["items"][0] for p in pages] == profile["events"]["items"]
    assert all(p["over_time"] == profile["over_time"] for p in pages)
    too_far = {"limit": 1, "offset": total}
    assert (
        client.get(f"/api/actors/{found[0]['id']}", params=too_far).json()["events"]["items"] == []
    )
    assert client.get(f"/api/actors/{found[0]['id']}", params={"limit": 0}).status_code == 422
    assert "Anniken Huitfeldt" in [c["name"] for c in profile["co_actors"]]
    assert profile["actor"]["id"] not in [c["entity_id"] for c in profile["co_actors"]]
    assert client.get("/api/actors").status_code == 422
    assert client.get("/api/actors", params={"q": "   "}).status_code == 400


def test_article_detail_has_text_cites_and_events(client: TestClient) -> None:
    story = client.get(f"/api/stories/{_meeting(client)['id']}").json()
    wire = next(a for a in story["articles"] if a["outlet"] == "Meridian Wire")
    article = client.get(f"/api/articles/{wire['id']}").json()
    assert article["article"]["title"] == "Foreign ministers meet in Oslo"
    assert "Arctic cooperation" in article["text"]
    assert article["story_id"] == story["summary"]["id"]
    assert article["events"] and article["duplicates"] == [] and article["original"] is None


def test_search_across_articles_actors_and_events(client: TestClient) -> None:
    results = client.get("/api/search", params={"q": "Haavisto"}).json()
    assert results["actors"][0]["name"] == "Pekka Haavisto"
    assert results["events"]
    assert {h["title"] for h in results["articles"]} >= {"Foreign ministers meet in Oslo"}
    arctic = client.get("/api/search", params={"q": "arctic"}).json()["articles"]
    assert len(arctic) == 1 and "Arctic" in arctic[0]["snippet"]
    consult = client.get("/api/search", params={"q": "consult"}).json()["events"]
    assert consult and {e["type"] for e in consult} == {"CONSULT"}
    second = client.get("/api/search", params={"q": "Haavisto", "limit": 1, "offset": 1}).json()
    assert second["articles"] == results["articles"][1:2]
    assert client.get("/api/search", params={"q": ""}).status_code == 422
    assert client.get("/api/search", params={"q": "x" * 501}).status_code == 422


def test_markup_in_article_text_is_returned_as_data(client: TestClient) -> None:
    story = client.get("/api/stories", params={"since": "2021", "until": "2021"}).json()
    article_id = client.get(f"/api/stories/{story['items'][0]['id']}").json()["articles"][0]["id"]
    text = client.get(f"/api/articles/{article_id}").json()["text"]
    assert "<script>" in text  # JSON carries the text as it is; pages escape it


def test_a_store_that_fails_is_a_503_that_does_not_show_where_the_store_is(
    served_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import crosswire.web.deps
    from crosswire.errors import StoreError

    app = create_app(served_db)

    def broken(url: str, **_: object) -> None:
        raise StoreError(f"cannot open store {url}: thread id 1234 closed the connection")

    monkeypatch.setattr(crosswire.web.deps, "open_store", broken)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        response = client.get("/api/stories")
        page = client.get("/")
    assert response.status_code == 503
    assert served_db not in response.text and "1234" not in response.text
    assert "not available" in response.json()["detail"]
    assert page.status_code == 503 and "The store is not available" in page.text
    assert served_db not in page.text and "1234" not in page.text
