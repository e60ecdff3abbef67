"""Who may do what on a crosswire server, and the headers every answer carries.

`Access` is the policy, `Guard` the ASGI middleware that applies it to each request:

- **Host**: the `Host` header must name this server (loopback names, the bound address,
  `--allowed-host` values); anything else is a 400, which defeats DNS rebinding (a
  hostile name resolving to 127.0.0.1 reaches the socket but not the app).
- **Cross-site writes**: a POST (any method but GET/HEAD/OPTIONS) whose `Origin`, or failing
  that `Referer`, is another site is refused (403), credential or not. Clients that send
  neither (curl, scripts) are not browsers and are judged by their token alone.
- **Token**: every write needs the server's token, as `Authorization: Bearer TOKEN` or the
  session cookie that `/login` sets (HttpOnly, SameSite=Strict, holding an HMAC of the
  token, never the token). Without a token the server is read-only and says so (403). On
  a non-loopback address reads need it too: API calls answer 401, pages send the browser
  to `/login`.
- **Headers**: a strict Content-Security-Policy (`default-src 'self'`, no inline script or
  style, `frame-ancestors 'none'`), nosniff, `Referrer-Policy: same-origin`,
  `X-Frame-Options: DENY`, on every answer, refusals included.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from crosswire.errors import CrosswireError

SESSION_COOKIE = "crosswire_session"
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
OPEN_PATHS = ("/login", "/logout", "/static/")  # reachable without a credential
CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",  # Swagger UI's stylesheet draws its icons as data: SVGs
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode("ascii")),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
READ_ONLY = (
    "this server is read-only: start `crosswire serve` with --token TOKEN"
    " (or CROSSWIRE_TOKEN) to accept uploads, articles and jobs"
)


def is_loopback(host: str) -> bool:
    name = host.strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Access:
    """The server's policy: its token (None: read-only), whether reads need it (`private`)
    and the host names it answers to."""

    token: str | None = None
    private: bool = False
    hosts: frozenset[str] = field(default=LOOPBACK_NAMES)

    @classmethod
    def for_bind(
        cls,
        host: str = "127.0.0.1",
        token: str | None = None,
        allowed_hosts: tuple[str, ...] = (),
        private: bool | None = None,
    ) -> Access:
        """The policy for a server bound to `host`: private unless that is loopback, and a
        private server must have a token."""
        token = token or None
        private = not is_loopback(host) if private is None else private
        if private and not token:
            raise CrosswireError(
                f"serving on {host} (not a loopback address) needs a token:"
                " --token TOKEN or CROSSWIRE_TOKEN"
            )
        names = {host.strip("[]").lower(), *(h.strip("[]").lower() for h in allowed_hosts)}
        names.discard("0.0.0.0")  # a wildcard bind is not a name clients use
        names.discard("::")
        return cls(token, private, LOOPBACK_NAMES | frozenset(names))

    def session(self) -> str:
        """The session cookie's value: an HMAC of the token, so the cookie is not the token
        and a new token ends every old session."""
        assert self.token is not None
        return hmac.new(self.token.encode(), b"crosswire session", hashlib.sha256).hexdigest()

    def token_matches(self, given: str | None) -> bool:
        if self.token is None or not given:
            return False
        return hmac.compare_digest(given.encode(), self.token.encode())

    def session_matches(self, given: str | None) -> bool:
        if self.token is None or not given:
            return False
        return hmac.compare_digest(given.encode(), self.session().encode())


class Guard:
    """ASGI middleware applying `Access` to every HTTP request (see the module doc)."""

    def __init__(self, app: ASGIApp, access: Access):
        self.app = app
        self.access = access

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in SECURITY_HEADERS if n not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        headers = _headers(scope)
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await refusal(send_with_headers)
            return
        signed_in = self._credential_ok(headers)
        # what the pages may know (never the token itself): signed in, and can anyone be
        state = {"signed_in": signed_in, "has_token": self.access.token is not None}
        scope["state"] = {**scope.get("state", {}), **state}
        await self.app(scope, receive, send_with_headers)

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> _Answer | None:
        host = headers.get("host", "")
        if _hostname(host) not in self.access.hosts:
            return _json(400, "unknown Host header: start `crosswire serve` with --allowed-host")
        path, method = scope["path"], scope["method"]
        if method not in SAFE_METHODS:
            if not _same_site(headers, host):
                return _json(403, "cross-site request refused")
            if path in ("/login", "/logout"):
                return None
            if self.access.token is None:
                return _json(403, READ_ONLY)
            if not self._credential_ok(headers):
                return _json(401, "a token is needed: Authorization: Bearer TOKEN", bearer=True)
            return None
        if not self.access.private or path.startswith(OPEN_PATHS):
            return None
        if self._credential_ok(headers):
            return None
        if path.startswith("/api/") or path == "/api":
            return _json(401, "a token is needed: Authorization: Bearer TOKEN", bearer=True)
        return _redirect_to_login(scope)

    def _credential_ok(self, headers: dict[str, str]) -> bool:
        scheme, _, value = headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer" and self.access.token_matches(value.strip()):
            return True
        return self.access.session_matches(_cookie(headers, SESSION_COOKIE))


class _Answer:
    """A refusal sent by `Guard` itself, before the app sees the request."""

    def __init__(self, status: int, body: bytes, headers: list[tuple[bytes, bytes]]):
        self.status, self.body, self.headers = status, body, headers

    async def __call__(self, send: Send) -> None:
        headers = [*self.headers, (b"content-length", str(len(self.body)).encode("ascii"))]
        await send({"type": "http.response.start", "status": self.status, "headers": headers})
        await send({"type": "http.response.body", "body": self.body})


def _json(status: int, detail: str, bearer: bool = False) -> _Answer:
    headers = [(b"content-type", b"application/json")]
    if bearer:
        headers.append((b"www-authenticate", b'Bearer realm="crosswire"'))
    return _Answer(status, json.dumps({"detail": detail}).encode("utf-8"), headers)


def _redirect_to_login(scope: Scope) -> _Answer:
    target = scope["path"] + (
        "?" + scope["query_string"].decode("latin-1") if scope.get("query_string") else ""
    )
    location = "/login?next=" + quote(target, safe="")
    return _Answer(303, b"", [(b"location", location.encode("ascii"))])


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}


def _hostname(host: str) -> str:
    """ "127.0.0.1:8000" -> "127.0.0.1", "[::1]:8000" -> "::1", "Example.org" -> "example.org"."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _same_site(headers: dict[str, str], host: str) -> bool:
    """Whether a write comes from this server's own pages: its `Origin` (else `Referer`)
    names this host; a request with neither is not from a browser page."""
    origin = headers.get("origin") or headers.get("referer")
    if origin is None:
        return True
    if origin == "null":  # sandboxed frames, data: pages, some redirects
        return False
    return urlsplit(origin).netloc.lower() == host.strip().lower()


def _cookie(headers: dict[str, str], name: str) -> str | None:
    for part in headers.get("cookie", "").split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return None


def safe_next(target: str | None) -> str:
    """Where `/login` may send the browser afterwards: a path on this server only."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target
