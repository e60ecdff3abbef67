"""The schema of the boilerplate cues the cleaning stage reads (data/boilerplate.yaml),
checked when the file is loaded. The keys are explained in the data file."""

from __future__ import annotations

from crosswire.datafiles import DataModel

Phrases = tuple[str, ...]


class Boilerplate(DataModel):
    residue_lines: Phrases
    link_separators: Phrases
    min_link_items: int
    max_link_words: int
    citation_prefixes: Phrases
    short_citation_prefixes: Phrases
    max_outlet_words: int
    bullets: Phrases
    picture_cues: Phrases
    prose_cues: Phrases
    caption_min_words: int
    caption_max_words: int
    minor_words: str  # space-separated words
    short_words: str
    onsets: str
