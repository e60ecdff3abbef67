"""find_quotes: direct quotes and their speakers.

Quote styles: straight double quotes, curly double quotes, curly single quotes used as quote
marks (British style) and ``...'' (wire style). A curly single quote opens a quote only
before a word and after a space or line start, and closes one only before a space or
punctuation, so apostrophes ("we’ll", "Russia’s") are not taken for quote marks.

The speaker is the source of the reporting cue in the quote's sentence (outside the quote);
a quote with no cue of its own that follows a quote of the previous sentence ("'...', he
added. '...'") has the same speaker.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from crosswire.actors.attribution import _cues, _Memory, resolve_source
from crosswire.model import ActorRef, Article, Mention, Quote

_QUOTE = re.compile(
    r"“(?P<curly>[^“”]+?)”"
    r"|(?<![\w’'])‘(?P<single>[^‘]+?)’(?![\w])"
    r"|``(?P<wire>.+?)''"
    r"|(?<![\w])\"(?P<straight>[^\"]+?)\"(?![\w])",
    re.DOTALL,
)
MIN_QUOTE_WORDS = 3  # shorter quoted words are names or scare quotes, not statements


@dataclass(slots=True)
class _Found:
    start: int  # inner text
    end: int
    sentence: int  # index of the sentence holding the opening mark


def find_quotes(doc: Doc, article: Article, mentions: list[Mention]) -> list[Quote]:
    """Every direct quote of the article with its speaker."""
    sentences = list(doc.sents)
    memory = _Memory()
    quotes: list[Quote] = []
    previous: tuple[int, ActorRef | None] | None = None
    text = article.text
    for found in _quote_spans(text, sentences):
        speaker = _speaker(sentences, found, mentions, memory)
        if speaker is None and previous is not None and found.sentence - previous[0] <= 1:
            speaker = previous[1]  # a quote continued after "he added"
        quotes.append(Quote(found.start, found.end, text[found.start : found.end], speaker))
        previous = (found.sentence, speaker)
    return quotes


def _quote_spans(text: str, sentences: list[Span]) -> list[_Found]:
    starts = [s.start_char for s in sentences]
    found = []
    for match in _QUOTE.finditer(text):
        group = next(g for g in ("curly", "single", "wire", "straight") if match.group(g))
        start, end = match.start(group), match.end(group)
        if len(text[start:end].split()) < MIN_QUOTE_WORDS:
            continue
        index = max(0, sum(1 for s in starts if s <= match.start()) - 1)
        found.append(_Found(start, end, index))
    return found


def _speaker(
    sentences: list[Span], found: _Found, mentions: list[Mention], memory: _Memory
) -> ActorRef | None:
    """The source of the nearest reporting cue outside the quote, in the quote's sentence or
    the one its closing mark falls in."""
    starts = [s.start_char for s in sentences]
    last = max(0, bisect.bisect_right(starts, found.end - 1) - 1)
    spans = sentences[found.sentence : max(found.sentence, last) + 1]
    cues = [
        cue
        for span in spans
        for cue in _cues(span)
        if not (found.start <= cue.start and cue.end <= found.end)
    ]
    if not cues:
        return None
    nearest = min(cues, key=lambda c: min(abs(c.start - found.end), abs(c.end - found.start)))
    return resolve_source(nearest.source, mentions, memory)
