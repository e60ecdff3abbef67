"""Cleaning: from a raw `Source` to an `Article` with main text and what we know of it.

HTML goes through trafilatura (main text, `favor_precision`) and htmldate (publication
date); plain text (as scraped from aggregators) is cleaned line by line: headline, dateline,
bullets, captions, citation lines, broken URLs and residue phrases (``data/boilerplate.yaml``).
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import urlparse

import htmldate
import py3langid
import trafilatura
import yaml

from crosswire.errors import InputError
from crosswire.model import Article, Citation, Source

URL_RE = re.compile(r"<?(https?://[^\s<>]+)>?")
SLUG_RE = re.compile(r"^[\w\-./%?=&#]+$")  # the tail of a URL broken across lines
URL_PUNCT = frozenset("-_/.%?=&#")  # a lone word after a whole URL is text, not its tail
TERMINAL = tuple(".!?\"”’')…:;")
MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b")
DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
MONTH_DAY_YEAR = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b")
OUTLET_DATELINE = re.compile(r"^([A-Z][\w .&'-]{1,40}?)\s*\(([^)]*\d{4}[^)]*)\)\s*$")
MAX_DATELINE_LINES = 6
MIN_PRECISE_WORDS = 25  # below this, trafilatura precision mode probably missed the body


@cache
def phrases() -> dict[str, Any]:
    text = (resources.files("crosswire") / "data" / "boilerplate.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def normalise_text(text: str) -> str:
    """Lower-case, whitespace-collapsed text: equal for exact duplicates."""
    return " ".join(text.lower().split())


def describe(source: Source) -> Article:
    """Clean a source into an article; `InputError` when no article text remains."""
    fields = (
        _from_html(source)
        if source.html is not None
        else _from_text(source.text or "", has_title=source.format == "text")
    )
    text = fields.pop("text").strip()
    if len(text.split()) < 3:
        raise InputError("no article text found", source.path, source.record)
    url = source.url or fields.pop("url", None)
    fields.pop("url", None)
    published = (source.published and _iso(source.published)) or fields.pop("published", None)
    fields.pop("published", None)
    outlet = source.outlet or fields.pop("outlet", None) or _domain(url)
    fields.pop("outlet", None)
    return Article(
        id=source.content_hash,
        text=text,
        path=source.path,
        title=source.title or fields.pop("title", None),
        url=url,
        outlet=outlet,
        published=published,
        language=_language(text),
        cites=fields.get("cites", []),
        captions=fields.get("captions", []),
        text_hash=hashlib.sha1(normalise_text(text).encode()).hexdigest(),
    )


# ------------------------------------------------------------------ HTML


def _from_html(source: Source) -> dict[str, Any]:
    html = source.html or ""
    doc = trafilatura.bare_extraction(
        html, url=source.url, favor_precision=True, with_metadata=True
    )
    if _words(doc) < MIN_PRECISE_WORDS:
        # Precision mode drops the whole body of some short or oddly built pages.
        retry = trafilatura.bare_extraction(html, url=source.url, with_metadata=True)
        doc = retry if _words(retry) > _words(doc) else doc
    if doc is None or not (doc.text or "").strip():
        raise InputError("HTML page has no article text", source.path, source.record)
    # trafilatura has already dropped figure captions: keep every line it kept
    cleaned = _from_text(doc.text, has_title=False, scraped=False)
    cleaned["title"] = doc.title
    cleaned["outlet"] = doc.sitename
    cleaned["url"] = doc.url
    cleaned["published"] = _html_date(html, source.url)
    return cleaned


def _words(doc: Any) -> int:
    return len((doc.text or "").split()) if doc is not None else 0


def _html_date(html: str, url: str | None) -> str | None:
    try:
        found = htmldate.find_date(
            html, url=url, original_date=True, extensive_search=True, outputformat="%Y-%m-%d"
        )
    except Exception:  # htmldate raises assorted errors on odd pages; a date is optional
        return None
    return found or None


# ------------------------------------------------------------------ plain text


def _from_text(raw: str, has_title: bool = True, scraped: bool = True) -> dict[str, Any]:
    lines = [line.strip() for line in raw.replace("\r\n", "\n").split("\n")]
    lines, cites = _take_citations(lines)
    title = None
    if has_title:
        title, lines = _take_title(lines)
    published, outlet, lines = _take_dateline(lines)
    paragraphs, captions = _paragraphs(lines, scraped)
    return {
        "text": "\n\n".join(paragraphs),
        "title": title,
        "published": published,
        "outlet": outlet,
        "cites": cites,
        "captions": captions,
    }


def _take_citations(lines: list[str]) -> tuple[list[str], list[Citation]]:
    """Remove "Source: …" lines and stray URL lines; they become citations."""
    kept: list[str] = []
    cites: list[Citation] = []
    pending_url: str | None = None
    prefixes = phrases()["citation_prefixes"]
    for line in lines:
        lowered = line.lower()
        url = URL_RE.fullmatch(line)
        if url:
            pending_url = url.group(1)
            continue
        if pending_url and _continues_url(pending_url, line):
            pending_url += line  # URL broken across lines
            continue
        prefix = next((p for p in prefixes if lowered.startswith(p)), None)
        if prefix and lowered not in _residue():
            rest = line[len(prefix) :].strip()
            link = URL_RE.search(rest)
            cites.append(
                Citation(
                    text=rest,
                    url=(link.group(1) if link else pending_url),
                    outlet=_domain(link.group(1)) if link else _domain(pending_url),
                )
            )
            pending_url = None
            continue
        kept.append(line)
    if pending_url:
        cites.append(Citation(text=pending_url, url=pending_url, outlet=_domain(pending_url)))
    return kept, cites


def _continues_url(url: str, line: str) -> bool:
    """A line is the rest of a broken URL when it looks like a URL tail and either the URL
    stops at a separator or the line has URL punctuation (a bare word like 'Advertisement'
    after a complete URL is not part of it)."""
    if not line or not SLUG_RE.match(line):
        return False
    return url[-1] in URL_PUNCT or any(c in URL_PUNCT or c.isdigit() for c in line)


def _take_title(lines: list[str]) -> tuple[str | None, list[str]]:
    for i, line in enumerate(lines):
        if line:
            return recase_headline(line), lines[i + 1 :]
    return None, lines


def recase_headline(line: str) -> str:
    """Title-case an ALL-CAPS headline, keeping acronyms; other headlines are unchanged."""
    letters = [c for c in line if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) / len(letters) < 0.8:
        return line
    keep = set(phrases()["keep_upper"].split())
    minor = set(phrases()["minor_words"].split())
    short_words = {w.upper() for w in minor | set(phrases()["short_words"].split())}
    words = []
    for i, word in enumerate(line.split()):
        core = word.strip(":,;.!?'\"")
        if core in keep or (len(core) <= 2 and core.isalpha() and core not in short_words):
            words.append(word)
        elif i > 0 and core.lower() in minor:
            words.append(word.lower())
        else:
            words.append("-".join(part.capitalize() for part in word.lower().split("-")))
    return " ".join(words)


def _take_dateline(lines: list[str]) -> tuple[str | None, str | None, list[str]]:
    """A date (and outlet) line near the top: '31.05.2018', 'StraitsTimes (31 May 2018)'."""
    published = outlet = None
    kept = list(lines)
    seen = 0
    for i, line in enumerate(lines):
        if not line or line in "-–—":
            continue
        seen += 1
        if seen > MAX_DATELINE_LINES:
            break
        if len(line.split()) > 8 or _is_sentence(line):
            continue
        found = parse_date(line)
        if found is None:
            continue
        published = published or found
        match = OUTLET_DATELINE.match(line)
        if match:
            outlet = match.group(1).strip()
        kept[i] = ""
    return published, outlet, kept


def _is_sentence(line: str) -> bool:
    """Body text that mentions a date ('Talks ended on 31 May 2018.'), not a dateline."""
    return len(line.split()) >= 5 and line.endswith((".", "!", "?"))


def parse_date(text: str) -> str | None:
    """The first full calendar date written in `text`, as YYYY-MM-DD."""
    for match in NUMERIC_DATE.finditer(text):
        if match.group(1):
            day, month, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        else:
            year, month, day = int(match.group(4)), int(match.group(5)), int(match.group(6))
        if found := _valid(year, month, day):
            return found
    for match in DAY_MONTH_YEAR.finditer(text):
        if found := _valid(
            int(match.group(3)), MONTHS.get(match.group(2)[:3].lower(), 0), int(match.group(1))
        ):
            return found
    for match in MONTH_DAY_YEAR.finditer(text):
        if found := _valid(
            int(match.group(3)), MONTHS.get(match.group(1)[:3].lower(), 0), int(match.group(2))
        ):
            return found
    return None


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _iso(value: str) -> str | None:
    return parse_date(value) or (value[:10] if re.match(r"\d{4}-\d{2}-\d{2}", value) else None)


@cache
def _residue() -> frozenset[str]:
    return frozenset(p.lower() for p in phrases()["residue_lines"])


def _unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines: a line that stops mid-sentence continues on the next one
    when that one starts in lower case."""
    joined: list[str] = []
    for line in lines:
        if joined and joined[-1] and line[:1].islower() and not joined[-1].endswith(TERMINAL):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def _paragraphs(lines: list[str], scraped: bool = True) -> tuple[list[str], list[str]]:
    """Blocks of text without residue; bullets kept as sentences, captions set aside."""
    bullets = tuple(phrases()["bullets"])
    paragraphs: list[str] = []
    captions: list[str] = []
    for line in _unwrap(lines):
        if not line:
            continue
        is_bullet = line.startswith(bullets) and len(line) > 2
        text = line.lstrip("".join(bullets)).strip() if is_bullet else line
        if not text or text.lower().rstrip(".") in _residue() or text.lower() in _residue():
            continue
        if scraped and not text.endswith(TERMINAL):
            if is_bullet or not paragraphs:  # a bullet, or the sub-headline before the body
                text += "."
            else:
                captions.append(text)
                continue
        paragraphs.append(text)
    return paragraphs, captions


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).netloc.lower()
    return host.removeprefix("www.") or None


def _language(text: str) -> str | None:
    language, _ = py3langid.classify(text[:2000])
    return language
