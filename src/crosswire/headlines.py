"""Headlines in title case parsed as sentences: "Suspended Worker Kills 2 Women" is tagged
as a run of names (every capitalised word a PROPN), so its verb and its nouns go unseen.
The parser reads a headline parsed apart (`pipeline.parse_articles`) written in sentence
case instead (each word as the article body writes it, `clean.casing.body_casing`), and
its analysis is laid back onto the words as written, so every offset and every token's
text stay those of the headline. A headline that opens the text is parsed with it, as
written: the parser runs it into the line below, where a recased parse gained nothing."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, cast

from spacy.tokens import Doc

from crosswire.actors.countries import country_code
from crosswire.clean.casing import body_casing
from crosswire.clean.phrases import words_of

if TYPE_CHECKING:
    from thinc.types import Ints2d  # spaCy's array type, for the checker alone

# What a parse of the recased text lends the words as written
ANALYSIS: list[int | str] = ["TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE"]
MIN_CAPITALISED = 3  # content words: fewer say nothing of the casing
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
PHRASE_OPENERS = (":", "|", "—", "–", '"', "“", "‘", "(")


def title_case(line: str) -> bool:
    """Every content word capitalised, enough of them, and the line not all capitals."""
    words = [w for w in WORD.findall(line) if w.lower() not in words_of("minor_words")]
    if len(words) < MIN_CAPITALISED or all(w.isupper() for w in words):
        return False
    return all(w[0].isupper() for w in words)


def sentence_cased(line: str, body: str) -> str | None:
    """`line` in sentence case, of the same length (None: it is not in title case): its
    first word and the first after a colon or quote as they are, acronyms and country names
    kept, each other word as the body writes it where the body shows it, else in lower
    case."""
    if not title_case(line):
        return None
    casing = body_casing(body)
    out = list(line)
    for match in WORD.finditer(line):
        word = match.group(0)
        before = line[: match.start()].rstrip()
        if not before or before.endswith(PHRASE_OPENERS) or (len(word) > 1 and word.isupper()):
            continue
        cased = casing.get(word.lower()) or (word if country_code(word) else word.lower())
        if len(cased) == len(word):
            out[match.start() : match.end()] = cased
    return "".join(out)


def as_written(parsed: Doc, text: str) -> Doc:
    """`parsed` (the parse of a recased copy of `text`, same length) laid onto `text`."""
    if parsed.text == text:
        return parsed
    words = [text[t.idx : t.idx + len(t.text)] for t in parsed]
    spaces = [bool(t.whitespace_) for t in parsed]
    doc = Doc(parsed.vocab, words=words, spaces=spaces)
    doc.from_array(ANALYSIS, cast("Ints2d", parsed.to_array(ANALYSIS)))
    return doc
