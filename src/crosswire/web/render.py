"""How the web UI renders a page: one Jinja2 environment over ``templates/``, autoescaped
(article text, even with ``<script>``, is shown as text), with the filters of
`crosswire.web.wording` and the PLOVER quads every page's legend shows."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from crosswire.graph import quads
from crosswire.web import wording

HERE = Path(str(resources.files("crosswire.web")))
environment = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True)
environment.globals.update(quads=quads)
environment.filters.update(wording.FILTERS)  # plural, label, web_url: see web/wording.py
templates = Jinja2Templates(env=environment)


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    return templates.TemplateResponse(request, name, context, status_code=status)
