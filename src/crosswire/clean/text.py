"""Plain text (as scraped from aggregators), cleaned line by line: headline, dateline,
bullets, captions, citation lines and residue phrases (``data/boilerplate.yaml``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice

from crosswire.clean.citations import take_citations
from crosswire.clean.phrases import phrases, residue
from crosswire.model import Citation
from crosswire.timex.pubdate import parse_date

# A line that ends a sentence: final punctuation, maybe followed by closing quotes/brackets.
# Full stops of other scripts too: the ideographic 。 (Chinese, Japanese; NFKC keeps it, it
# maps the full-width ！ and ？ to ! and ?), the Arabic question mark and full stop, the
# Devanagari danda, the Ethiopic full stop. Without them every paragraph of a Chinese
# article "lost its full stop": the first got a "." added, the others were read as captions.
SENTENCE_END = re.compile(r"[.!?…:;。｡؟۔।॥።][\"'”’)\]»」』]*$")
SENTENCE_END_TAIL = 32  # characters enough to see a sentence end and its closing marks
# Two sentences on one line: a sentence end followed by a capitalised word.
INNER_SENTENCE_END = re.compile(r"[a-z0-9][.!?][\"'”’]?\s+[\"“‘]?[A-Z]")
OPENING_QUOTE = re.compile(r"(?:^|\s)[\"“‘«]")
OUTLET_DATELINE = re.compile(r"^([A-Z][\w .&'-]{1,40}?)\s*\(([^)]*\d{4}[^)]*)\)\s*$")
MAX_DATELINE_LINES = 6  # a dateline sits among the first few lines
MAX_DATELINE_WORDS = 8


@dataclass(slots=True)
class Extracted:
    """What a text (or a page) says before it becomes an `Article`."""

    text: str
    title: str | None = None
    dateline: str | None = None  # the date of the text's own dateline, YYYY-MM-DD
    outlet: str | None = None
    cites: list[Citation] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    url: str | None = None  # pages only: the URL and date their markup gives
    page_date: str | None = None


def from_text(raw: str, has_title: bool = True, scraped: bool = True) -> Extracted:
    """Clean a text; `scraped` text has lost its punctuation at captions and sub-headings
    (text that trafilatura extracted from a page has not)."""
    lines = [line.strip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines, cites = take_citations(lines)
    title = None
    if has_title:
        title, lines = take_title(lines)
    published, outlet, lines = take_dateline(lines)
    paragraphs, captions = split_paragraphs(lines, scraped)
    return Extracted(
        text="\n\n".join(paragraphs),
        title=title,
        dateline=published,
        outlet=outlet,
        cites=cites,
        captions=captions,
    )


# ------------------------------------------------------------------ headline and dateline


def take_title(lines: list[str]) -> tuple[str | None, list[str]]:
    """The headline: the first line that is not blank, a dateline or residue."""
    for i, line in enumerate(lines):
        if not line or is_residue(line) or dateline_date(line):
            continue
        return line, lines[:i] + lines[i + 1 :]
    return None, lines


def take_dateline(lines: list[str]) -> tuple[str | None, str | None, list[str]]:
    """A date (and outlet) line near the top: '31.05.2018', 'StraitsTimes (31 May 2018)'."""
    published = outlet = None
    kept = list(lines)
    for i, line in _top_lines(lines):
        found = dateline_date(line)
        if found is None:
            continue
        published = published or found
        if outlet is None and (match := OUTLET_DATELINE.match(line)):
            outlet = match.group(1).strip()
        kept[i] = ""
    return published, outlet, kept


def _top_lines(lines: list[str]) -> Iterator[tuple[int, str]]:
    """The first few lines that are neither blank nor residue, with their index."""
    written = ((i, line) for i, line in enumerate(lines) if line and not is_residue(line))
    return islice(written, MAX_DATELINE_LINES)


def dateline_date(line: str) -> str | None:
    """The date of a short dateline; body sentences that mention a date are not datelines."""
    if len(line.split()) > MAX_DATELINE_WORDS or _is_sentence(line):
        return None
    return parse_date(line)


def _is_sentence(line: str) -> bool:
    """Body text that mentions a date ('Talks ended on 31 May 2018.'), not a dateline."""
    return len(line.split()) >= 5 and line.endswith((".", "!", "?"))


# ------------------------------------------------------------------ paragraphs


def is_residue(line: str) -> bool:
    """A line scrapers leave behind ("Advertisement"), bare or as a bullet, a lone dash, or
    a row of links ("Senators call for 5G security coordinator | Facebook gets questions
    over location tracking | ...")."""
    bare = line.lstrip("".join(phrases()["bullets"])).strip().lower()
    return line in "-–—" or bare in residue() or bare.rstrip(".") in residue() or _links(line)


def _links(line: str) -> bool:
    """Enough items between link separators, none of them a sentence: a menu or a list of
    other stories' headlines, no text of the article (not a table's row, which trafilatura
    writes between bars: "| 1 | Kyle Busch | 5040 |")."""
    if line.startswith("|"):
        return False
    for separator in phrases()["link_separators"]:
        items = [item.strip() for item in line.split(separator)]
        if len(items) >= phrases()["min_link_items"] and all(_link_item(i) for i in items[:-1]):
            return True
    return False


def _link_item(item: str) -> bool:
    """A link's words: no sentence, and no longer than a headline."""
    return not item.endswith((".", "!", "?")) and len(item.split()) <= phrases()["max_link_words"]


def unwrap(lines: list[str]) -> list[str]:
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


def split_paragraphs(lines: list[str], scraped: bool = True) -> tuple[list[str], list[str]]:
    """Blocks of text without residue; bullets kept as sentences, captions set aside."""
    bullets = tuple(phrases()["bullets"])
    paragraphs: list[str] = []
    captions: list[str] = []
    for line in unwrap(lines):
        if not line or is_residue(line):
            continue
        is_bullet = line.startswith(bullets) and len(line) > 2
        text = line.lstrip("".join(bullets)).strip() if is_bullet else line
        paragraph = _as_paragraph(text, is_bullet, scraped, first=not paragraphs)
        if paragraph is None:
            captions.append(text)
        else:
            paragraphs.append(paragraph)
    return paragraphs, captions


def _as_paragraph(text: str, is_bullet: bool, scraped: bool, first: bool) -> str | None:
    """A line as body text (a sentence end added where it lost one), or None for a caption."""
    if not scraped or SENTENCE_END.search(text):
        return text
    if is_bullet or first:  # a bullet, or the sub-headline before the body
        return f"{text}."
    return None if is_caption(text) else text


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
    fewest: int = phrases()["caption_min_words"]
    most: int = phrases()["caption_max_words"]
    return fewest <= n_words <= most


def _has_phrase(padded_lower: str, phrase: str) -> bool:
    """`phrase` as whole words in a space-padded, lower-cased line."""
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", padded_lower) is not None
