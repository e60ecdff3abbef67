"""Access control, Origin/Host checks, security headers and the streaming body cap,
against the real app (`create_app`) on the test store."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from crosswire.errors import CrosswireError
from crosswire.web.app import create_app
from crosswire.web.security import SESSION_COOKIE

TOKEN = "correct horse battery staple"
LOCAL = "http://127.0.0.1"
EMPTY_ARTICLE = {"title": "no body", "text": " "}  # refused by validation, after the guard


@pytest.fixture(scope="module")
def writable(served_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(served_db, token=TOKEN), base_url=LOCAL) as client:
        yield client


@pytest.fixture(scope="module")
def private(served_db: str) -> Iterator[TestClient]:
    app = create_app(served_db, token=TOKEN, private=True)
    with TestClient(app, base_url=LOCAL, follow_redirects=False) as client:
        yield client


def _bearer(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


# --------------------------------------------------------------------------- writes


def test_a_server_without_a_token_refuses_every_write_and_says_why(client: TestClient) -> None:
    for path in ("/api/articles", "/api/uploads"):
        answer = client.post(path, json=EMPTY_ARTICLE)
        assert answer.status_code == 403
        assert "read-only" in answer.json()["detail"] and "--token" in answer.json()["detail"]
    assert client.post("/api/articles", json=EMPTY_ARTICLE, headers=_bearer()).status_code == 403
    assert client.get("/api/stats").json()["counts"]["articles"] == 4  # unchanged


def test_writes_need_the_token(writable: TestClient) -> None:
    anonymous = writable.post("/api/articles", json=EMPTY_ARTICLE)
    assert anonymous.status_code == 401 and "Bearer" in anonymous.headers["www-authenticate"]
    wrong = writable.post("/api/articles", json=EMPTY_ARTICLE, headers=_bearer("guess"))
    assert wrong.status_code == 401
    upload = writable.post("/api/uploads", files={"file": ("a.txt", b"text")})
    assert upload.status_code == 401
    right = writable.post("/api/articles", json=EMPTY_ARTICLE, headers=_bearer())
    assert right.status_code == 422  # past the guard: the body itself is refused


def test_reads_stay_open_on_loopback(writable: TestClient) -> None:
    assert writable.get("/api/stories").status_code == 200
    assert writable.get("/").status_code == 200


def test_a_cross_site_post_is_refused_even_with_a_credential(writable: TestClient) -> None:
    evil = {"Origin": "http://evil.example"}
    answer = writable.post("/api/articles", json=EMPTY_ARTICLE, headers=_bearer() | evil)
    assert answer.status_code == 403 and "cross-site" in answer.json()["detail"]
    cookie = {"Cookie": f"{SESSION_COOKIE}={writable.app.state.access.session()}"}
    referer = {"Referer": "http://evil.example/page.html"}
    assert (
        writable.post("/api/articles", json=EMPTY_ARTICLE, headers=cookie | referer).status_code
        == 403
    )
    null = {"Origin": "null"}
    assert (
        writable.post("/api/articles", json=EMPTY_ARTICLE, headers=_bearer() | null).status_code
        == 403
    )
    same = {"Origin": LOCAL}
    assert (
        writable.post("/api/articles", json=EMPTY_ARTICLE, headers=cookie | same).status_code == 422
    )


def test_an_unknown_host_header_is_refused(served_db: str) -> None:
    app = create_app(served_db, allowed_hosts=("news.lan",))
    with TestClient(app, base_url="http://rebound.evil.example") as client:
        answer = client.get("/api/stories")
        assert answer.status_code == 400 and "Host" in answer.json()["detail"]
        for host in ("localhost:8000", "127.0.0.1", "[::1]:8000", "NEWS.lan:80"):
            assert client.get("/api/stats", headers={"Host": host}).status_code == 200, host


# --------------------------------------------------------------------------- private servers


def test_binding_beyond_loopback_needs_a_token(served_db: str) -> None:
    with pytest.raises(CrosswireError, match="needs a token"):
        create_app(served_db, host="0.0.0.0")
    app = create_app(served_db, host="192.0.2.7", token=TOKEN)
    assert app.state.access.private and "192.0.2.7" in app.state.access.hosts


def test_a_private_server_guards_reads(private: TestClient) -> None:
    api = private.get("/api/stories")
    assert api.status_code == 401 and "Bearer" in api.headers["www-authenticate"]
    assert private.get("/api/stories", headers=_bearer()).status_code == 200
    page = private.get("/stories/abc?x=1")
    assert page.status_code == 303
    assert page.headers["location"] == "/login?next=%2Fstories%2Fabc%3Fx%3D1"
    assert private.get("/login").status_code == 200
    assert private.get("/static/style.css").status_code == 200  # code, no data


def test_signing_in_sets_a_strict_http_only_cookie_that_is_not_the_token(
    private: TestClient,
) -> None:
    wrong = private.post("/login", data={"token": "guess", "next": "/"})
    assert wrong.status_code == 303 and "set-cookie" not in wrong.headers
    assert "not this server" in private.get(wrong.headers["location"]).text
    right = private.post("/login", data={"token": TOKEN, "next": "/?actor=haavisto"})
    assert right.status_code == 303 and right.headers["location"] == "/?actor=haavisto"
    cookie = right.headers["set-cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}=") and TOKEN not in cookie
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/" in cookie
    value = cookie.split(";")[0].split("=", 1)[1]
    home = private.get("/", headers={"Cookie": f"{SESSION_COOKIE}={value}"})
    assert home.status_code == 200 and "Foreign ministers meet in Oslo" in home.text
    bad = private.get("/", headers={"Cookie": f"{SESSION_COOKIE}=0{value[1:]}"})
    assert bad.status_code == 303


def test_login_never_redirects_off_the_server(private: TestClient) -> None:
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        answer = private.post("/login", data={"token": TOKEN, "next": target})
        assert answer.headers["location"] == "/", target
    cross = private.post("/login", data={"token": TOKEN}, headers={"Origin": "http://evil.example"})
    assert cross.status_code == 403  # no login CSRF either


# --------------------------------------------------------------------------- headers


def test_every_answer_carries_the_security_headers(client: TestClient) -> None:
    answers = [
        client.get("/"),
        client.get("/api/stories"),
        client.get("/static/style.css"),
        client.get("/no/such/page"),
        client.get("/api/stories", params={"offset": -1}),
        client.post("/api/articles", json=EMPTY_ARTICLE),
        client.get("/", headers={"Host": "evil.example"}),
    ]
    assert [a.status_code for a in answers] == [200, 200, 200, 404, 422, 403, 400]
    for answer in answers:
        csp = answer.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["x-frame-options"] == "DENY"
        assert answer.headers["referrer-policy"] == "same-origin"


def test_pages_have_no_inline_style_or_script(client: TestClient) -> None:
    story = client.get("/api/stories").json()["items"][0]["id"]
    event = client.get("/api/events").json()["items"][0]["id"]
    for path in ("/", f"/stories/{story}", f"/events/{event}", "/search?q=Haavisto", "/login"):
        html = client.get(path).text
        assert not re.search(r"\sstyle\s*=", html), path
        assert not re.search(r"<style[\s>]", html), path
        assert all(" src=" in tag for tag in re.findall(r"<script[^>]*>", html)), path
        assert not re.search(r"\son[a-z]+\s*=", html.split("<main>")[0]), path


# --------------------------------------------------------------------------- body cap


def _chunked_post(app: FastAPI, path: str, head: bytes, total: int) -> tuple[int, int]:
    """POST `head` then zeros up to `total` bytes, chunked (no Content-Length), straight to
    the ASGI app; (status, bytes the app pulled)."""
    chunk = b"0" * 65_536
    pulled = 0
    status: list[int] = []

    async def receive() -> dict:
        nonlocal pulled
        body = head if pulled == 0 else chunk
        pulled += len(body)
        return {"type": "http.request", "body": body, "more_body": pulled < total}

    async def send(message: dict) -> None:
        if message["type"] == "http.response.start":
            status.append(message["status"])

    kind = b"multipart/form-data; boundary=b" if path.endswith("uploads") else b"application/json"
    headers = [
        (b"host", b"127.0.0.1:8000"),
        (b"transfer-encoding", b"chunked"),
        (b"content-type", kind),
        (b"authorization", f"Bearer {TOKEN}".encode()),
    ]
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
        "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
        "root_path": "", "headers": headers, "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 8000),
    }  # fmt: skip
    asyncio.run(app(scope, receive, send))
    return status[0], pulled


@pytest.mark.parametrize(
    ("path", "head"),
    [
        (
            "/api/uploads",
            b'--b\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n\r\n',
        ),
        ("/api/articles", b'{"text": "'),
    ],
)
def test_a_chunked_25_mb_post_is_refused_without_being_read_whole(
    served_db: str, path: str, head: bytes
) -> None:
    app = create_app(served_db, token=TOKEN)  # the default cap, 20 MiB
    cap = app.state.max_upload_bytes
    status, pulled = _chunked_post(app, path, head, 25_000_000)
    assert status == 413
    assert cap < pulled <= cap + 65_536  # stopped at the first chunk past the cap
    assert app.state.worker.jobs == {}


def test_a_declared_length_over_the_cap_is_refused_before_reading(writable: TestClient) -> None:
    headers = _bearer() | {"Content-Length": str(30 * 1024 * 1024)}
    answer = writable.post("/api/articles", content=b"{}", headers=headers)
    assert answer.status_code == 413 and "larger than" in answer.json()["detail"]


def test_quad_colours_come_from_a_served_stylesheet(client: TestClient) -> None:
    from crosswire.graph import quads

    sheet = client.get("/static/quads.css")
    assert sheet.status_code == 200 and sheet.headers["content-type"].startswith("text/css")
    for quad in quads():
        assert f".quad-{quad.key} {{ --quad: {quad.colour}; }}" in sheet.text
    story = client.get("/api/stories").json()["items"][0]["id"]
    html = client.get(f"/stories/{story}").text
    assert 'href="/static/quads.css"' in html
    assert re.search(r'<span class="type quad-[a-z_]+"', html)
    assert '<span class="swatch quad-verbal_cooperation">' in html


def test_api_docs_use_only_assets_the_server_serves(client: TestClient) -> None:
    page = client.get("/api/docs")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert len(assets) >= 4 and all(a.startswith("/") and not a.startswith("//") for a in assets)
    assert not re.search(r"<script>", page.text)  # every script is a file: the CSP allows no other
    for asset in assets:
        answer = client.get(asset)
        assert answer.status_code == 200 and len(answer.content) > 100, asset
    assert "SwaggerUIBundle" in client.get("/swagger/swagger-ui-bundle.js").text
    assert client.get("/api/openapi.json").json()["info"]["title"] == "crosswire"
