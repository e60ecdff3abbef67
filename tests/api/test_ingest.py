"""Ingestion through the API: JSON, HTML and file uploads run in the background."""

from __future__ import annotations

import gzip
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.conftest import FLOOD, MEETING_LOCAL, MEETING_WIRE

from crosswire.web.app import create_app

pytestmark = pytest.mark.slow

PAGE = """<html><head><title>Ministers meet in Oslo</title></head><body><article>
<h1>Ministers meet in Oslo</h1><p>{body}</p></article></body></html>"""


TOKEN = "ingest-test-token"


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(str(tmp_path / "ingest.db"), max_upload_bytes=64 * 1024, token=TOKEN)
    headers = {"Authorization": f"Bearer {TOKEN}"}  # writes need the server's token
    with TestClient(app, base_url="http://127.0.0.1", headers=headers) as client:
        yield client


def _finished(client: TestClient, job: dict) -> dict:
    assert client.app.state.worker.wait(timeout=300)
    status = client.get(job["status_url"])
    assert status.status_code == 200
    return status.json()


def test_posted_articles_are_processed_into_one_story(fresh: TestClient) -> None:
    first = fresh.post("/api/articles", json={"text": MEETING_WIRE, "outlet": "Meridian Wire"})
    assert first.status_code == 202
    assert first.json()["state"] in {"queued", "running", "done"}
    body = MEETING_LOCAL.split("\n\n", 2)[2].replace("\n\n", "</p><p>")
    second = fresh.post(
        "/api/articles", json={"html": PAGE.format(body=body), "url": "https://example.org/oslo"}
    )
    assert second.status_code == 202
    done = [_finished(fresh, first.json()), _finished(fresh, second.json())]
    assert [j["state"] for j in done] == ["done", "done"]
    assert [j["new_articles"] for j in done] == [1, 1]
    stories = fresh.get("/api/stories").json()["items"]
    assert [s["n_articles"] for s in stories] == [2]
    again = _finished(
        fresh,
        fresh.post("/api/articles", json={"text": MEETING_WIRE, "outlet": "Meridian Wire"}).json(),
    )
    assert again["new_articles"] == 0 and again["skipped"] == 1


def test_uploaded_file_of_any_format(fresh: TestClient) -> None:
    data = gzip.compress(FLOOD.encode("utf-8"))
    job = fresh.post("/api/uploads", files={"file": ("../../flood.txt.gz", data)})
    assert job.status_code == 202 and job.json()["name"] == "flood.txt.gz"
    status = _finished(fresh, job.json())
    assert status["state"] == "done" and status["new_articles"] == 1
    [story] = fresh.get("/api/stories").json()["items"]
    assert story["title"] == "Floods force thousands from homes in Bangladesh"


def test_uploads_are_recorded_under_the_uploaders_file_name(fresh: TestClient) -> None:
    job = fresh.post("/api/uploads", files={"file": ("reports/flood.txt", FLOOD.encode())})
    assert _finished(fresh, job.json())["state"] == "done"
    [story] = fresh.get("/api/stories").json()["items"]
    [row] = fresh.get(f"/api/stories/{story['id']}").json()["articles"]
    article_id = row["id"]
    article = fresh.get(f"/api/articles/{article_id}")
    assert article.json()["path"] == "flood.txt"
    page = fresh.get(f"/articles/{article_id}").text
    assert "flood.txt" in page
    for answer in (article.text, page):
        assert tempfile.gettempdir() not in answer and "crosswire-job-" not in answer


def test_posted_article_fields_are_checked(fresh: TestClient) -> None:
    refused = {
        "url": [
            "javascript:alert(1)",
            "data:text/html,<b>x</b>",
            "ftp://example.org/a",
            "x" * 3000,
        ],
        "published": ["not a date", "2021-02-31", "yesterday"],
        "title": ["t" * 2000],
        "outlet": ["o" * 500],
    }
    for field, values in refused.items():
        for value in values:
            answer = fresh.post("/api/articles", json={"text": MEETING_WIRE, field: value})
            assert answer.status_code == 422, (field, value)
            assert answer.json()["detail"][0]["loc"] == ["body", field]
    accepted = {"url": "HTTPS://example.org/a", "published": "2023-03-14T09:30:00+02:00"}
    answer = fresh.post("/api/articles", json={"text": MEETING_WIRE, **accepted})
    assert answer.status_code == 202


def test_unreadable_upload_is_a_job_error_naming_the_file(fresh: TestClient) -> None:
    job = fresh.post("/api/uploads", files={"file": ("blob.bin", bytes(range(256)) * 8)})
    status = _finished(fresh, job.json())
    assert status["state"] == "done" and status["new_articles"] == 0
    assert len(status["errors"]) == 1 and status["errors"][0].startswith("blob.bin: ")
    assert fresh.get("/api/stats").json()["counts"]["errors"] == 1


def test_bad_ingestion_requests_get_a_4xx(fresh: TestClient) -> None:
    empty = fresh.post("/api/articles", json={"title": "no body", "text": "  "})
    assert empty.status_code == 422 and "`text` or its `html`" in str(empty.json()["detail"])
    assert (
        fresh.post(
            "/api/articles", content=b"not json", headers={"content-type": "application/json"}
        ).status_code
        == 422
    )
    big = fresh.post("/api/uploads", files={"file": ("big.txt", b"x" * (65 * 1024))})
    assert big.status_code == 413 and "larger than 65536 bytes" in big.json()["detail"]
    huge_json = fresh.post("/api/articles", json={"text": "word " * 20_000})
    assert huge_json.status_code == 413
    nothing = fresh.post("/api/uploads", files={"file": ("empty.txt", b"")})
    assert nothing.status_code == 400 and "empty.txt" in nothing.json()["detail"]
    assert fresh.post("/api/uploads").status_code == 422
    assert fresh.get("/api/stats").json()["counts"]["articles"] == 0


def test_actor_search_sees_actors_of_newly_ingested_articles(fresh: TestClient) -> None:
    assert fresh.get("/api/actors", params={"q": "haavisto"}).json()["total"] == 0
    job = fresh.post("/api/articles", json={"text": MEETING_WIRE, "outlet": "Meridian Wire"})
    assert _finished(fresh, job.json())["state"] == "done"
    found = fresh.get("/api/actors", params={"q": "haavisto"}).json()["items"]
    assert [a["name"] for a in found] == ["Pekka Haavisto"]
    assert fresh.get(f"/api/actors/{found[0]['id']}").status_code == 200
