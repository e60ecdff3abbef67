"""Which sentences are in English: only those are coded (crosswire's coder is English).

A page's language is the one cleaning guessed for the whole text (`Article.language`, by
py3langid), or the same guess made here when the article has none. A sentence follows its
page unless py3langid is confident that it is in another language, on enough text to say:
an English quotation on a Tagalog page is English, a German paragraph on an English page is
not, and a short line ("Sign up", a dateline, a name) keeps its page's language, since a
guess on a few characters is mostly noise.
"""

from __future__ import annotations

from functools import cache

import py3langid
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from crosswire.clean.article import LANGUAGE_SAMPLE

ENGLISH = "en"
# A sentence switches from its page's language only with at least this many characters and
# py3langid's normalised probability at least this high for its best guess
MIN_CHARS = 40
CONFIDENT = 0.95


@cache
def _identifier() -> LanguageIdentifier:
    """py3langid's own model, with probabilities normalised to sum to one."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def page_language(language: str | None, text: str) -> str:
    """The page's language: the article's, else py3langid's guess on its opening text (the
    guess cleaning makes)."""
    if language:
        return language
    guessed: str  # py3langid is untyped: (language code, score)
    guessed, _ = py3langid.classify(text[:LANGUAGE_SAMPLE])
    return guessed


def is_english(sentence: str, page: str) -> bool:
    """Whether a sentence of a page in language `page` is in English."""
    if len(sentence.strip()) >= MIN_CHARS:
        guessed: str
        confidence: float
        guessed, confidence = _identifier().classify(sentence)
        if confidence >= CONFIDENT:
            return guessed == ENGLISH
    return page == ENGLISH
