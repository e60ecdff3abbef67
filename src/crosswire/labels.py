"""How crosswire names things for people: an article without a title, a count with its
noun, a link that is safe to follow, an input file without the server's folders, the name
an actor is shown by.

Shared by `crosswire.views` (citations, comparison columns) and the page templates
(registered as Jinja filters), so every page says it the same way; the actor names by the
store (an entity's canonical name) and the story's actor merge (`actors.story`), which is
why this module imports nothing of crosswire.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import PurePath
from urllib.parse import urlsplit

_WEB_URL = re.compile(r"^https?://[^\s\x00-\x1f\x7f]+$", re.IGNORECASE)


def article_label(title: str | None, outlet: str | None, published: str | None) -> str:
    """An article's title, else its outlet and date ("Daily Mail, 2018-05-31"): never
    its id, which means nothing to a reader."""
    if title and title.strip():
        return title.strip()
    return source_label(outlet, published)


def source_label(outlet: str | None, published: str | None) -> str:
    """Who said it and when: "Daily Mail, 2018-05-31", "unknown outlet, undated"."""
    return f"{outlet or 'unknown outlet'}, {published or 'undated'}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """ "1 event", "2 events", "0 events"; irregular nouns give their plural ("story",
    "stories")."""
    noun = singular if count == 1 else (plural_form or singular + "s")
    return f"{count:,} {noun}"


def web_url(url: str | None) -> str | None:
    """`url` when it is an http(s) address a browser may follow, else None: ``javascript:``,
    ``data:`` and anything odd are shown as text, never as a link."""
    if not url or not _WEB_URL.match(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # an invalid IPv6 host, for one
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def file_label(path: str | None) -> str:
    """An input's file name without the folders it sat in on the server ("-" is stdin)."""
    if not path:
        return ""
    if path == "-":
        return "standard input"
    return PurePath(path.replace("\\", "/")).name or path


_FOLDERS = re.compile(r"(?<![\w:/.~-])(?:[A-Za-z]:)?[/\\](?:[^\s'\"/\\:<>|]+[/\\])+")


def without_folders(text: str) -> str:
    """`text` (an error message) with the folders of any absolute path taken out:
    "cannot read '/tmp/crosswire-job-1/a.html'" -> "cannot read 'a.html'"."""
    return _FOLDERS.sub("", text)


# --------------------------------------------------------------------------- actor names


def most_common(values: Iterable[str | None]) -> str | None:
    """Most frequent non-empty value; ties go to the longest, then alphabetical."""
    counts = Counter(v for v in values if v)
    return max(counts, key=lambda v: (counts[v], len(v), v)) if counts else None


def display_name(key: str, names: Iterable[str]) -> str | None:
    """The name an actor is shown by: a person by the fullest form any mention gives
    ("Donald Trump" over "Trump"), its most common spelling; other actors by their most
    common name."""
    found = [n for n in names if n]
    if key.startswith("person:") and found:
        most_words = max(len(n.split()) for n in found)
        found = [n for n in found if len(n.split()) == most_words]
    return most_common(found)
