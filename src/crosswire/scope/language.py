"""Which sentences are in English: only those are coded (crosswire's coder is English).

A page's language is the one cleaning guessed for the whole text (`Article.language`, by
py3langid), or the same guess made here when the article has none; a page too short for a
guess to mean much (a headline, a one-sentence item: "The rebels in Mindanao disarmed." is
Bikol to py3langid) is taken as English, the language crosswire reads, and its sentences
are judged one by one as below. A sentence of enough
text to judge is taken as English on an English page unless py3langid is confident of
another language, and on another page when English is its likelier reading (py3langid
spreads an English sentence's probability over English-based creoles, so a confident
"English" is rare even for plain English). A short line ("Sign up", a dateline, a name)
keeps its page's language: a guess on a few characters is mostly noise. So an English
quotation on a Tagalog page is English, and a German paragraph on an English page is not.

py3langid's Nigerian Pidgin takes much plain English news (about Nigeria most of all: "the
Nigerian junior foreign minister summoned Niger's ambassador" is "pcm" to it), so a page or
sentence guessed as Pidgin is read as English: coding a Pidgin sentence with the English
coder is the lesser harm than losing a country's English-language press.
"""

from __future__ import annotations

from functools import cache

import py3langid
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from crosswire.clean.article import LANGUAGE_SAMPLE
from crosswire.model import CODED_LANGUAGES
from crosswire.settings import DEFAULT, ScopeSettings

ENGLISH = "en"
READ_AS_ENGLISH = CODED_LANGUAGES  # English and Nigerian Pidgin: see the module docstring
# The lengths and probabilities the decisions take are settings (`ScopeSettings`)


@cache
def _identifier() -> LanguageIdentifier:
    """py3langid's own model, with probabilities normalised to sum to one."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def page_language(language: str | None, text: str, settings: ScopeSettings = DEFAULT.scope) -> str:
    """The page's language: English for a short page, else the article's, else py3langid's
    guess on its opening text (the guess cleaning makes); a page read as English is ``en``."""
    if len(text.strip()) < settings.page_min_chars:
        return ENGLISH
    if not language:
        language, _ = py3langid.classify(text[:LANGUAGE_SAMPLE])
    return ENGLISH if language in READ_AS_ENGLISH else str(language)


def is_english(sentence: str, page: str, settings: ScopeSettings = DEFAULT.scope) -> bool:
    """Whether a sentence of a page in language `page` is in English."""
    if len(sentence.strip()) < settings.sentence_min_chars:
        return page in READ_AS_ENGLISH
    ranked: list[tuple[str, float]] = _identifier().rank(sentence)  # best first
    if page in READ_AS_ENGLISH:
        best, probability = ranked[0]
        return best in READ_AS_ENGLISH or probability < settings.other_language_confidence
    english = sum(p for code, p in ranked if code in READ_AS_ENGLISH)
    return english >= settings.english_likelihood
