"""Citation lines of scraped text: "Source: …" lines and stray URL lines (repairing URLs
broken across lines) leave the text and become the article's citations."""

from __future__ import annotations

from dataclasses import dataclass, field

from crosswire.clean.phrases import phrases, residue
from crosswire.clean.urls import URL_RE, continues_url, domain
from crosswire.model import Citation

MAX_CITATION_WORDS = 40  # a longer line starting "Source:" is prose, not a citation line


def take_citations(lines: list[str]) -> tuple[list[str], list[Citation]]:
    """The lines that are not citations, and the citations read from the others."""
    reader = _CitationReader()
    for line in lines:
        reader.read(line)
    reader.end_url()
    return reader.kept, reader.cites


@dataclass
class _CitationReader:
    """Reads lines in order; a URL line waits (`pending_url`) for the rest of a broken URL,
    for the "Source:" line it belongs to, or for the citation before it to complete."""

    kept: list[str] = field(default_factory=list)
    cites: list[Citation] = field(default_factory=list)
    pending_url: str | None = None

    def read(self, line: str) -> None:
        if url := URL_RE.fullmatch(line):
            self._start_url(url.group(1))
        elif self.pending_url and continues_url(self.pending_url, line):
            self.pending_url += line.rstrip(">")  # URL broken across lines
        elif (rest := citation_rest(line)) is not None:
            self.cites.append(_citation(rest, self.pending_url))
            self.pending_url = None
        elif self.pending_url and not line:
            pass  # blank lines between a URL and its tail or its "Source:" line
        else:
            self.end_url()
            self.kept.append(line)

    def _start_url(self, url: str) -> None:
        if self.pending_url:
            self.cites.append(_url_citation(self.pending_url))
        self.pending_url = url

    def end_url(self) -> None:
        """A URL line after a citation without one completes it; otherwise it is a citation."""
        if not self.pending_url:
            return
        url, self.pending_url = self.pending_url, None
        if self.cites and self.cites[-1].url is None:
            self.cites[-1].url = url
            self.cites[-1].outlet = self.cites[-1].outlet or domain(url)
        else:
            self.cites.append(_url_citation(url))


def citation_rest(line: str) -> str | None:
    """The text after a citation prefix ("Source: X" -> "X"), or None for other lines."""
    lowered = line.lower()
    if lowered.rstrip(".") in residue() or len(line.split()) > MAX_CITATION_WORDS:
        return None
    for prefix, max_words in _prefixes():
        if not lowered.startswith(prefix) or len(line.split()) > max_words:
            continue
        rest = line[len(prefix) :]
        if prefix[-1].isalpha() and rest[:1].isalnum():
            continue  # "Sources" is not "Source", "Viaduct" is not "via"
        return rest.strip(" :-–—")
    return None


def _prefixes() -> list[tuple[str, int]]:
    """Citation prefixes with the most words a line starting with each may have: a short
    prefix ("via") only starts a citation when an outlet name follows it."""
    prefixes = [(p, MAX_CITATION_WORDS) for p in phrases()["citation_prefixes"]]
    short = phrases()["max_outlet_words"] + 1
    return prefixes + [(p, short) for p in phrases()["short_citation_prefixes"]]


def _citation(rest: str, pending_url: str | None) -> Citation:
    link = URL_RE.search(rest)
    url = link.group(1) if link else pending_url
    name = URL_RE.sub("", rest).strip(" -–—|,")
    if name and len(name.split()) <= phrases()["max_outlet_words"] and not url:
        return Citation(text=name, url=None, outlet=name)
    return Citation(text=name or url or rest, url=url, outlet=domain(url))


def _url_citation(url: str) -> Citation:
    return Citation(text=url, url=url, outlet=domain(url))
