"""Cleaning: from a raw `Source` to an `Article` with main text and what we know of it.

HTML goes through trafilatura (main text, `favor_precision`) and htmldate (publication
date); plain text (as scraped from aggregators) is cleaned line by line: headline, dateline,
bullets, captions, citation lines, broken URLs and residue phrases. The phrase lists live in
``data/boilerplate.yaml``.

A publication date comes from the text's own dateline, else from the container (JSONL,
feed), else (for HTML) from htmldate; when none is found it is None, never a guess. A WARC
record's date is when the page was crawled and is not used.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from datetime import date
from functools import cache
from typing import Any
from urllib.parse import urlparse

import htmldate
import py3langid
import trafilatura

from crosswire.boilerplate import Boilerplate
from crosswire.datafiles import load_plain
from crosswire.errors import InputError
from crosswire.model import Article, Citation, Source

URL_RE = re.compile(r"<?(https?://[^\s<>]+)>?")
SLUG_RE = re.compile(r"^[\w\-./%?=&#~+]+>?$")  # the tail of a URL broken across lines
URL_PUNCT = frozenset("-_/.%?=&#")  # a lone word after a whole URL is text, not its tail
# A line that ends a sentence: final punctuation, maybe followed by closing quotes/brackets.
SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]»]*$")
SENTENCE_END_TAIL = 32  # characters enough to see a sentence end and its closing marks
# Two sentences on one line: a sentence end followed by a capitalised word.
INNER_SENTENCE_END = re.compile(r"[a-z0-9][.!?][\"'”’]?\s+[\"“‘]?[A-Z]")
OPENING_QUOTE = re.compile(r"(?:^|\s)[\"“‘«]")
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
MAX_DATELINE_LINES = 6  # a dateline sits among the first few lines
MAX_DATELINE_WORDS = 8
MIN_PRECISE_WORDS = 25  # below this, trafilatura precision mode probably missed the body
MIN_ARTICLE_WORDS = 3
# The parser needs about 4 kB of memory and 45 µs per character (en_core_web_sm: 200k
# characters took 0.8 GB and 9 s); news articles are far shorter, so a longer text is a dump
# that would stall a batch, and it is refused with an error instead.
MAX_ARTICLE_CHARS = 200_000
MAX_CITATION_WORDS = 40  # a longer line starting "Source:" is prose, not a citation line
LANGUAGE_SAMPLE = 2000


@cache
def phrases() -> dict[str, Any]:
    return load_plain("boilerplate.yaml", Boilerplate)  # checked; still read by key


def words_of(key: str) -> frozenset[str]:
    """A space-separated word list from the data file, lower-cased."""
    return frozenset(phrases()[key].lower().split())


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
    text = fields["text"].strip()
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise InputError("no article text found", source.path, source.record)
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(
            f"article text is longer than the {MAX_ARTICLE_CHARS:,}-character limit"
            f" ({len(text):,} characters)",
            source.path,
            source.record,
        )
    url = source.url or fields.get("url")
    title = source.title or fields.get("title")
    return Article(
        id=source.content_hash,
        text=text,
        path=source.path,
        title=recase_headline(title, text) if title else None,
        url=url,
        outlet=source.outlet or fields.get("outlet") or _domain(url),
        published=_published(source, fields),
        language=_language(text),
        cites=fields.get("cites", []),
        captions=fields.get("captions", []),
        text_hash=hashlib.sha1(normalise_text(text).encode()).hexdigest(),
    )


def _published(source: Source, fields: dict[str, Any]) -> str | None:
    """The text's dateline, else the container's date, else the page's (htmldate)."""
    if fields.get("dateline"):
        return fields["dateline"]
    if source.published and (found := container_date(source.published)):
        return found
    return fields.get("page_date")


# ------------------------------------------------------------------ HTML


def _from_html(source: Source) -> dict[str, Any]:
    html = source.html or ""
    doc = _extract(html, source, favor_precision=True)
    if _words(doc) < MIN_PRECISE_WORDS:
        # Precision mode drops the whole body of some short or oddly built pages.
        retry = _extract(html, source, favor_precision=False)
        doc = retry if _words(retry) > _words(doc) else doc
    if doc is None or not (doc.text or "").strip():
        raise InputError("HTML page has no article text", source.path, source.record)
    # trafilatura has already dropped figure captions: keep every line it kept
    cleaned = _from_text(doc.text, has_title=False, scraped=False)
    cleaned["title"] = doc.title
    cleaned["outlet"] = doc.sitename
    cleaned["url"] = doc.url
    cleaned["page_date"] = _html_date(html, source.url)
    return cleaned


def _extract(html: str, source: Source, favor_precision: bool) -> Any:
    try:
        return trafilatura.bare_extraction(
            html, url=source.url, favor_precision=favor_precision, with_metadata=True
        )
    except (ValueError, TypeError, RecursionError, MemoryError) as exc:
        # lxml and trafilatura fail on some hostile pages (deep nesting, odd encodings)
        raise InputError(
            f"HTML page cannot be parsed ({type(exc).__name__})", source.path, source.record
        ) from exc


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
    lines = [line.strip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines, cites = _take_citations(lines)
    title = None
    if has_title:
        title, lines = _take_title(lines)
    published, outlet, lines = _take_dateline(lines)
    paragraphs, captions = _paragraphs(lines, scraped)
    return {
        "text": "\n\n".join(paragraphs),
        "title": title,
        "dateline": published,
        "outlet": outlet,
        "cites": cites,
        "captions": captions,
    }


def _take_citations(lines: list[str]) -> tuple[list[str], list[Citation]]:
    """Remove "Source: …" lines and stray URL lines (repairing URLs broken across lines);
    they become citations."""
    kept: list[str] = []
    cites: list[Citation] = []
    pending_url: str | None = None
    for line in lines:
        url = URL_RE.fullmatch(line)
        if url:
            if pending_url:
                cites.append(_url_citation(pending_url))
            pending_url = url.group(1)
            continue
        if pending_url and _continues_url(pending_url, line):
            pending_url += line.rstrip(">")  # URL broken across lines
            continue
        rest = _citation_rest(line)
        if rest is not None:
            cites.append(_citation(rest, pending_url))
            pending_url = None
            continue
        if pending_url and not line:
            continue  # blank lines between a URL and its tail or its "Source:" line
        if pending_url:
            _attach_url(cites, pending_url)
            pending_url = None
        kept.append(line)
    if pending_url:
        _attach_url(cites, pending_url)
    return kept, cites


def _citation_rest(line: str) -> str | None:
    """The text after a citation prefix ("Source: X" -> "X"), or None for other lines."""
    lowered = line.lower()
    if lowered.rstrip(".") in residue() or len(line.split()) > MAX_CITATION_WORDS:
        return None
    prefixes = [(p, MAX_CITATION_WORDS) for p in phrases()["citation_prefixes"]]
    short = phrases()["max_outlet_words"] + 1
    prefixes += [(p, short) for p in phrases()["short_citation_prefixes"]]
    for prefix, max_words in prefixes:
        if not lowered.startswith(prefix) or len(line.split()) > max_words:
            continue
        rest = line[len(prefix) :]
        if prefix[-1].isalpha() and rest[:1].isalnum():
            continue  # "Sources" is not "Source", "Viaduct" is not "via"
        return rest.strip(" :-–—")
    return None


def _citation(rest: str, pending_url: str | None) -> Citation:
    link = URL_RE.search(rest)
    url = link.group(1) if link else pending_url
    name = URL_RE.sub("", rest).strip(" -–—|,")
    if name and len(name.split()) <= phrases()["max_outlet_words"] and not url:
        return Citation(text=name, url=None, outlet=name)
    return Citation(text=name or url or rest, url=url, outlet=_domain(url))


def _url_citation(url: str) -> Citation:
    return Citation(text=url, url=url, outlet=_domain(url))


def _attach_url(cites: list[Citation], url: str) -> None:
    """A URL line after a citation without one completes it; otherwise it is a citation."""
    if cites and cites[-1].url is None:
        cites[-1].url = url
        cites[-1].outlet = cites[-1].outlet or _domain(url)
    else:
        cites.append(_url_citation(url))


def _continues_url(url: str, line: str) -> bool:
    """A line is the rest of a broken URL when it looks like a URL tail and either the URL
    stops at a separator or the line has URL punctuation (a bare word like 'Advertisement'
    after a complete URL is not part of it)."""
    if not line or not SLUG_RE.match(line):
        return False
    line = line.rstrip(">")
    return url[-1] in URL_PUNCT or any(c in URL_PUNCT or c.isdigit() for c in line)


def _take_title(lines: list[str]) -> tuple[str | None, list[str]]:
    """The headline: the first line that is not blank, a dateline or residue."""
    for i, line in enumerate(lines):
        if not line or _is_residue(line) or _dateline_date(line):
            continue
        return line, lines[:i] + lines[i + 1 :]
    return None, lines


def _take_dateline(lines: list[str]) -> tuple[str | None, str | None, list[str]]:
    """A date (and outlet) line near the top: '31.05.2018', 'StraitsTimes (31 May 2018)'."""
    published = outlet = None
    kept = list(lines)
    seen = 0
    for i, line in enumerate(lines):
        if not line or _is_residue(line):
            continue
        seen += 1
        if seen > MAX_DATELINE_LINES:
            break
        found = _dateline_date(line)
        if found is None:
            continue
        published = published or found
        match = OUTLET_DATELINE.match(line)
        if match and outlet is None:
            outlet = match.group(1).strip()
        kept[i] = ""
    return published, outlet, kept


def _dateline_date(line: str) -> str | None:
    """The date of a short dateline; body sentences that mention a date are not datelines."""
    if len(line.split()) > MAX_DATELINE_WORDS or _is_sentence(line):
        return None
    return parse_date(line)


def _is_sentence(line: str) -> bool:
    """Body text that mentions a date ('Talks ended on 31 May 2018.'), not a dateline."""
    return len(line.split()) >= 5 and line.endswith((".", "!", "?"))


def parse_date(text: str) -> str | None:
    """The first full calendar date written in `text`, as YYYY-MM-DD."""
    for match in NUMERIC_DATE.finditer(text):
        if match.group(1):  # day first: 31.05.2018 (the European and Asian dateline order)
            day, month, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        else:
            year, month, day = int(match.group(4)), int(match.group(5)), int(match.group(6))
        if found := _valid(year, month, day):
            return found
    for match in DAY_MONTH_YEAR.finditer(text):
        month = MONTHS.get(match.group(2)[:3].lower(), 0)
        if found := _valid(int(match.group(3)), month, int(match.group(1))):
            return found
    for match in MONTH_DAY_YEAR.finditer(text):
        month = MONTHS.get(match.group(1)[:3].lower(), 0)
        if found := _valid(int(match.group(3)), month, int(match.group(2))):
            return found
    return None


def container_date(value: str) -> str | None:
    """A date given by a container (JSONL field, feed) as YYYY-MM-DD; None when it does not
    name a full day. ISO timestamps keep the date as written, whatever the time zone."""
    iso = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if iso:
        return _valid(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    if found := parse_date(value):
        return found
    import dateparser  # slow to import; only needed for unusual container dates

    try:
        parsed = dateparser.parse(value, settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date().isoformat() if parsed else None


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


@cache
def residue() -> frozenset[str]:
    return frozenset(p.lower() for p in phrases()["residue_lines"])


def _is_residue(line: str) -> bool:
    bare = line.lstrip("".join(phrases()["bullets"])).strip().lower()
    return line in "-–—" or bare in residue() or bare.rstrip(".") in residue()


def _unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines: a line that stops mid-sentence continues on the next one
    when that one starts in lower case."""
    # pieces are joined once at the end: growing one string line by line made a text of many
    # short wrapped lines quadratic (minutes for a few MB)
    joined: list[list[str]] = []
    for line in lines:
        last = joined[-1][-1] if joined else ""
        if last and line[:1].islower() and not SENTENCE_END.search(last[-SENTENCE_END_TAIL:]):
            joined[-1].append(line)
        else:
            joined.append([line])
    return [" ".join(pieces) for pieces in joined]


def _paragraphs(lines: list[str], scraped: bool = True) -> tuple[list[str], list[str]]:
    """Blocks of text without residue; bullets kept as sentences, captions set aside."""
    bullets = tuple(phrases()["bullets"])
    paragraphs: list[str] = []
    captions: list[str] = []
    for line in _unwrap(lines):
        if not line or _is_residue(line):
            continue
        is_bullet = line.startswith(bullets) and len(line) > 2
        text = line.lstrip("".join(bullets)).strip() if is_bullet else line
        if not scraped or SENTENCE_END.search(text):
            paragraphs.append(text)
        elif is_bullet or not paragraphs:  # a bullet, or the sub-headline before the body
            paragraphs.append(f"{text}.")
        elif is_caption(text):
            captions.append(text)
        else:
            paragraphs.append(text)
    return paragraphs, captions


def is_caption(line: str) -> bool:
    """Whether an unpunctuated line amid the paragraphs of scraped text is a photo caption.

    A caption describes a picture in one sentence without a full stop ("X steps off a
    plane", "Y (front) poses for photos"). Lines that quote or attribute ("said", an opening
    quotation mark) or hold two sentences are prose that lost its full stop; very short
    lines are sub-headings; very long ones are paragraphs."""
    lowered = f" {line.lower()} "
    if any(_has_phrase(lowered, cue) for cue in phrases()["prose_cues"]):
        return False
    if OPENING_QUOTE.search(line) or INNER_SENTENCE_END.search(line):
        return False
    if any(_has_phrase(lowered, cue) for cue in phrases()["picture_cues"]):
        return True
    n_words = len(line.split())
    return phrases()["caption_min_words"] <= n_words <= phrases()["caption_max_words"]


def _has_phrase(padded_lower: str, phrase: str) -> bool:
    """`phrase` as whole words in a space-padded, lower-cased line."""
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", padded_lower) is not None


# ------------------------------------------------------------------ headlines


def recase_headline(line: str, body: str | None = None) -> str:
    """Title-case an ALL-CAPS headline; other headlines are returned unchanged.

    A word takes the casing the article body gives it where it is not sentence-initial
    (names, acronyms); words the body does not show follow general rules: acronyms (short
    non-words, words no English word could spell) stay upper-case, minor words are
    lower-case, others are capitalised."""
    letters = [c for c in line if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) / len(letters) < 0.8:
        return line
    casing = body_casing(body or "")
    words = []
    starts_phrase = True
    for word in line.split():
        words.append(_recase_word(word, starts_phrase, casing))
        starts_phrase = word.endswith((":", "|", "—", "–")) or word in ("-", "|")
    return " ".join(words)


def _recase_word(word: str, first: bool, casing: dict[str, str]) -> str:
    parts = re.split(r"([^\w]+|_)", word)
    out = []
    for i, part in enumerate(parts):
        if not part or not part[0].isalpha():
            out.append(part)
        elif i >= 2 and parts[i - 1] in ("'", "’") and len(part) <= 2:
            out.append(part.lower())  # KIM'S -> Kim's, DON'T -> Don't
        else:
            out.append(_recase_token(part, first, casing))
            first = False  # only the first word part after opening quotes starts a phrase
    return "".join(out)


def _recase_token(token: str, first: bool, casing: dict[str, str]) -> str:
    key = token.lower()
    seen = casing.get(key)
    if seen is not None and not seen.islower():
        return seen  # the body writes it as a name or an acronym
    if seen is None and looks_like_acronym(token):
        return token
    if key in words_of("minor_words") and not first:
        return key
    return token.capitalize()


def looks_like_acronym(token: str) -> bool:
    """An all-caps token that cannot be an English word: short and not a common word, no
    vowel, a consonant cluster no English word starts with, or a vowel run in a short token."""
    key = token.lower()
    if not token.isupper() or key in words_of("minor_words"):
        return False
    if len(key) <= 3:
        return key not in words_of("short_words")
    if not re.search("[aeiouy]", key):
        return True
    onset = re.match("[^aeiouy]*", key).group(0)  # type: ignore[union-attr]
    if len(onset) >= 2 and onset not in words_of("onsets"):
        return True
    return len(key) <= 4 and re.search("[aeiou]{3}", key) is not None


def body_casing(body: str) -> dict[str, str]:
    """Each word's commonest written form in `body`, counting only occurrences that do not
    start a sentence (where capitals say nothing)."""
    forms: dict[str, Counter[str]] = {}
    for match in re.finditer(r"[^\W\d_]+", body):
        before = body[max(0, match.start() - 12) : match.start()].rstrip(" \t\"'“‘(«")
        if not before or before[-1] in ".!?:\n" or body[match.start() - 1 : match.start()] in "’'":
            continue
        word = match.group(0)
        forms.setdefault(word.lower(), Counter())[word] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in forms.items()}


# ------------------------------------------------------------------ metadata


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).netloc.lower().split("@")[-1].split(":")[0]
    return host.removeprefix("www.") or None


def _language(text: str) -> str | None:
    language, _ = py3langid.classify(text[:LANGUAGE_SAMPLE])
    return language
