"""The web UI: server-rendered pages (Jinja2, autoescaped) over `crosswire.views`."""
