"""/api/jobs and /api/errors, and the /jobs and /errors pages: recent jobs newest first,
inputs that could not be read, never a folder of the server."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from crosswire.model import IngestError
from crosswire.store import open_store
from crosswire.web.app import create_app

SERVER_FOLDER = "/srv/crosswire/corpus/batch-7"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A server whose worker ran two uploads that could not be read, on a store that
    already held errors from a `crosswire run` on the server's own folders. The worker loads
    the pipeline, so the tests that use it are marked slow."""
    db = str(tmp_path_factory.mktemp("jobs") / "jobs.db")
    store = open_store(db)
    for n in range(3):
        store.add_error(IngestError(f"{SERVER_FOLDER}/page-{n}.html", "file is empty"))
    store.add_error(
        IngestError(f"{SERVER_FOLDER}/feed.xml", f"cannot read '{SERVER_FOLDER}/feed.xml'", "7")
    )
    store.close()
    with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
        worker = client.app.state.worker  # type: ignore[attr-defined]
        worker.submit_bytes("first upload.html", b"   \n")
        worker.submit_bytes("second.jsonl", b"{not json")
        assert worker.wait(timeout=120)
        yield client


@pytest.mark.slow
def test_jobs_are_listed_newest_first(served: TestClient) -> None:
    page = served.get("/api/jobs").json()
    names = [j["name"] for j in page["items"]]
    assert names == ["second.jsonl", "first_upload.html"] and page["total"] == 2
    assert all(j["state"] == "done" and j["finished"] >= j["created"] for j in page["items"])
    assert page["items"][0]["errors"] and page["items"][0]["status_url"].startswith("/api/jobs/")
    assert (
        served.get("/api/jobs", params={"limit": 1, "offset": 1}).json()["items"][0]["name"]
        == "first_upload.html"
    )
    assert served.get("/api/jobs", params={"limit": 0}).status_code == 422


@pytest.mark.slow
def test_errors_are_paged_newest_first_with_file_names_only(served: TestClient) -> None:
    page = served.get("/api/errors").json()
    assert page["total"] == 6
    files = [e["file"] for e in page["items"]]
    assert files[:2] == ["second.jsonl", "first_upload.html"]  # the uploads came last
    assert files[2:] == ["feed.xml", "page-2.html", "page-1.html", "page-0.html"]
    assert page["items"][2] == {
        "file": "feed.xml",
        "record": "7",
        "reason": "cannot read 'feed.xml'",
    }
    second = served.get("/api/errors", params={"limit": 2, "offset": 2}).json()["items"]
    assert [e["file"] for e in second] == ["feed.xml", "page-2.html"]
    assert served.get("/api/errors", params={"offset": -1}).status_code == 422


@pytest.mark.slow
def test_jobs_and_errors_pages_never_show_a_server_folder(served: TestClient) -> None:
    texts = []
    for path in ["/api/jobs", "/api/errors", "/jobs", "/errors"]:
        response = served.get(path)
        assert response.status_code == 200
        texts.append(response.text)
    for text in texts:
        assert SERVER_FOLDER not in text and "crosswire-job-" not in text
        assert not re.search(r"/tmp/|/srv/", text)
    jobs, errors = texts[2], texts[3]
    assert "second.jsonl" in jobs and "first_upload.html" in jobs and "2 jobs" in jobs
    assert "6 inputs could not be turned into articles" in errors and "page-0.html" in errors
    assert '<a href="/jobs">Jobs</a>' in jobs and '<a href="/errors">Errors</a>' in jobs
    assert served.get("/errors", params={"page": "0"}).status_code == 422
    assert served.get("/jobs", params={"page": "99999999999999999999"}).status_code == 422


@pytest.mark.slow
def test_errors_page_pages(served: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from crosswire.web import pages

    monkeypatch.setattr(pages, "PAGE_SIZE", 1)  # five errors a page
    first = served.get("/errors").text
    assert "page 1 of 2" in first and 'href="?page=2"' in first
    last = served.get("/errors", params={"page": 2}).text
    assert "page-0.html" in last and "page-1.html" not in last


def test_a_store_without_errors_says_so(client: TestClient) -> None:
    assert client.get("/api/errors").json()["items"] == []
    assert "Every input was read." in client.get("/errors").text
    assert "No jobs yet" in client.get("/jobs").text
