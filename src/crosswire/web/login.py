"""Signing in from a browser: `/login` trades the server's token for a session cookie.

The cookie holds an HMAC of the token (`Access.session`), is HttpOnly (no script reads
it) and SameSite=Strict (no other site's page sends it); `Guard` refuses cross-site posts
on top of that, including to `/login` itself.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from crosswire.web.render import render
from crosswire.web.security import SESSION_COOKIE, Access, safe_next

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)
MAX_TOKEN = 1000


def _access(request: Request) -> Access:
    return request.app.state.access  # type: ignore[no-any-return]


@router.get("/login")
def login_form(request: Request, next: str = "/", failed: bool = False) -> Any:
    access = _access(request)
    context = {"next": safe_next(next[:2000]), "failed": failed, "read_only": not access.token}
    return render(request, "login.html", context)


@router.post("/login")
def login(
    request: Request,
    token: Annotated[str, Form(max_length=MAX_TOKEN)],
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Any:
    access = _access(request)
    if not access.token_matches(token):  # back to the form, which says so (no resubmission)
        again = "/login?" + urlencode({"next": safe_next(next), "failed": "1"})
        return RedirectResponse(again, status_code=303)
    answer = RedirectResponse(safe_next(next), status_code=303)
    answer.set_cookie(SESSION_COOKIE, access.session(), httponly=True, samesite="strict", path="/")
    return answer


@router.post("/logout")
def logout() -> Any:
    answer = RedirectResponse("/", status_code=303)
    answer.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
    return answer
