"""The examples the scope model learns from and is chosen on.

- Labelled sentences of the train split (``labels/events``, scope ``in`` or ``out``; the
  ``other-language`` ones are the language check's business, not the model's), their
  features taken from the article's parse as the pipeline makes it.
- The shared gold sets' sentences (PLOVER's gold standard records, the CAMEO codebook
  examples, PETRARCH's validation records) as in-scope sentences: news about states and
  their agents, which the real pages hold few of. (So the event benchmarks on these sets do
  not test the scope model on unseen text; the coder's own pattern examples in
  ``data/events/*.yaml``, never trained on, are the held-out check of that kind.)
- Scored articles (train and dev): their English sentences as the pipeline splits them,
  their lead (`document.lead`), with the positions of the labelled events' triggers and of
  the sentences labelled ``out`` (what an operating point keeps and drops, `choose`) and
  the article's own label for the ``document`` model (`article_label`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span

from crosswire import nlp, stages
from crosswire.model import Article, Mention
from crosswire.scope.embedding import lead
from crosswire.scope.features import mentions_in, sentence_features
from crosswire.scope.language import is_english, page_language

GOLD_SETS = ("plover-gsr", "cameo-manual-examples", "petrarch-validation")


@dataclass(frozen=True, slots=True)
class Example:
    key: str  # the labelled sentence's id, or "<gold set>:<record id>:<sentence>"
    text: str
    features: list[str]
    in_scope: bool


@dataclass(slots=True)
class DevArticle:
    key: str
    sentences: list[tuple[int, int]] = field(default_factory=list)  # English, as parsed
    features: list[list[str]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    events: list[int] = field(default_factory=list)  # labelled triggers' first characters
    out: list[int] = field(default_factory=list)  # first characters of sentences labelled out
    lead: str = ""  # title and opening (`document.lead`)
    in_scope: bool | None = None  # the article's label (`article_label`); None: no English


def parsed(articles: list[Article]) -> Iterator[tuple[Article, Doc, list[Mention]]]:
    """Each article with its parse and its mentions, as the pipeline finds them."""
    for article, doc in zip(articles, nlp.parse([a.text for a in articles]), strict=True):
        state = stages.run(stages.ArticleState(article, doc), until="mentions")
        yield article, doc, state.mentions


def as_article(key: str, text: str, title: str | None = None) -> Article:
    return Article(id=key, text=text, path=key, title=title, language=page_language(None, text))


def article_label(scopes: Iterable[str]) -> bool | None:
    """An article is in scope when any of its labelled sentences is: a page that reports
    one interaction between political or social actors is a page whose events count (None:
    no sentence labelled in or out, a page in another language)."""
    judged = [s for s in scopes if s in ("in", "out")]
    return ("in" in judged) if judged else None


def labelled_examples(sentences: Iterable[Any], texts: dict[str, str]) -> list[Example]:
    """The train examples of labelled sentences (`tools.labelling.loader` objects, of the
    articles whose texts are given)."""
    by_article: dict[str, list[Any]] = {}
    for sentence in sentences:
        if sentence.merged.scope in ("in", "out"):
            by_article.setdefault(sentence.article, []).append(sentence)
    articles = [as_article(key, texts[key]) for key in sorted(by_article)]
    found: list[Example] = []
    for article, doc, mentions in parsed(articles):
        for sentence in by_article[article.id]:
            span = doc.char_span(*offsets(sentence.id), alignment_mode="expand")
            if span is not None:
                features = sentence_features(span, mentions_in([span], mentions)[0])
                found.append(
                    Example(sentence.id, sentence.text, features, sentence.merged.scope == "in")
                )
    return found


def offsets(sentence_id: str) -> tuple[int, int]:
    """A pool sentence's offsets in its article, from its id (``source:doc:start-end``)."""
    start, end = sentence_id.rpartition(":")[2].split("-")
    return int(start), int(end)


def gold_examples(shared: Path) -> list[Example]:
    """Every sentence of the gold sets' records, as in scope."""
    found: list[Example] = []
    for name in GOLD_SETS:
        path = shared / "bench" / "events" / f"{name}.jsonl"
        records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
        articles = [Article(id=r["id"], text=r["text"], path=name, language="en") for r in records]
        for article, doc, mentions in parsed(articles):
            spans = [s for s in doc.sents if s.text.strip()]
            inside = mentions_in(spans, mentions)
            for number, (span, m) in enumerate(zip(spans, inside, strict=True)):
                key = f"{name}:{article.id}:{number}"
                found.append(Example(key, span.text, sentence_features(span, m), True))
    return found


def dev_articles(
    sentences: Iterable[Any], texts: dict[str, str], titles: dict[str, str | None] | None = None
) -> list[DevArticle]:
    """The labelled articles' English sentences, their leads and the labelled positions in
    them (of dev, or of train for the ``document`` model)."""
    labelled: dict[str, list[Any]] = {}
    for sentence in sentences:
        labelled.setdefault(sentence.article, []).append(sentence)
    titles = titles or {}
    articles = [as_article(key, texts[key], titles.get(key)) for key in sorted(labelled)]
    found = []
    for article, doc, mentions in parsed(articles):
        dev = DevArticle(article.id, lead=lead(article))
        dev.in_scope = article_label(s.merged.scope for s in labelled[article.id])
        english = _english(doc, article.language or "")
        for span, inside in zip(english, mentions_in(english, mentions), strict=True):
            dev.sentences.append((span.start_char, span.end_char))
            dev.features.append(sentence_features(span, inside))
            dev.texts.append(span.text)
        _positions(dev, labelled[article.id])
        found.append(dev)
    return found


def _english(doc: Doc, language: str) -> list[Span]:
    return [s for s in doc.sents if s.text.strip() and is_english(s.text, language)]


def _positions(dev: DevArticle, sentences: list[Any]) -> None:
    for sentence in sentences:
        start, _ = offsets(sentence.id)
        if sentence.merged.scope == "out":
            dev.out.append(start)
        dev.events += [start + event.trigger[0] for event in sentence.merged.events]
