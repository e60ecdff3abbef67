"""The examples `train` learns from: the labelled real sentences of the train and dev
splits (``tools.labelling``, run from the repository root), the train half of the shared
gold sets and the example sentences of the pattern files, each parsed and run through the
stages before ``events``."""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import py3langid

from crosswire import nlp, stages
from crosswire.clean.article import LANGUAGE_SAMPLE
from crosswire.clean.urls import domain
from crosswire.events.context import Context, article_context
from crosswire.events.patterns import noun_patterns, verb_patterns
from crosswire.events.training import (
    Bounds,
    Example,
    GoldEvent,
    Tally,
    gold_example,
    gold_half,
    labelled_examples,
)
from crosswire.model import Article

GSR = "plover-gsr.jsonl"
CAMEO_EXAMPLES = "cameo-manual-examples.jsonl"
ONTOLOGY = "plover-ontology.json"
GOLD_FILES = (GSR, CAMEO_EXAMPLES, ONTOLOGY)
SPLITS = ("train", "dev")  # the test split is never read here
EVENT_WORDS = re.compile(r"\(EVT: ([^)]*)\)")  # the GSR markup of the event's words


@dataclass
class Corpus:
    shared: Path
    train: list[Example] = field(default_factory=list)
    dev: list[Example] = field(default_factory=list)
    gold_train: list[Example] = field(default_factory=list)
    pattern_examples: list[Example] = field(default_factory=list)
    anchored: dict[str, int] = field(default_factory=dict)

    def parts(self) -> dict[str, list[Example]]:
        return {
            "train": self.train,
            "dev": self.dev,
            "gold_train": self.gold_train,
            "pattern_examples": self.pattern_examples,
        }


def labelling(name: str) -> Any:
    """A module of the repository's ``tools.labelling`` (not part of the package: training
    runs from a checkout, with the labels)."""
    return importlib.import_module(f"tools.labelling.{name}")


def build_corpus(labels: Path, shared: Path | None) -> Corpus:
    folder = labelling("texts").shared_dir(shared)
    corpus = Corpus(folder)
    data = labelling("loader").load(labels_dir=labels, shared=folder, splits=SPLITS)
    for split in SPLITS:
        tally = Tally()
        chosen = [s for s in data.sentences if s.split == split]
        for context, labelled in _labelled_articles(chosen, folder):
            corpus.parts()[split].extend(labelled_examples(context, labelled, tally))
        corpus.anchored[split] = tally.anchored
        corpus.anchored[f"{split}_missed"] = tally.missed
    corpus.gold_train = gold_examples(folder / "bench" / "events")
    corpus.pattern_examples = pattern_examples()
    return corpus


def _labelled_articles(
    sentences: list[Any], shared: Path
) -> Iterator[tuple[Context, dict[Bounds, list[GoldEvent]]]]:
    """Each article of the labelled sentences, analysed, with its sentences' events."""
    article_text = labelling("texts").article_text
    by_article: dict[str, dict[Bounds, list[GoldEvent]]] = {}
    for sentence in sentences:
        start, end = sentence.merged.bounds
        by_article.setdefault(sentence.article, {})[start, end] = [
            GoldEvent(e.trigger[0] + start, e.trigger[1] + start, e.type)
            for e in sentence.merged.events
        ]
    keys = sorted(by_article)
    articles = [as_article(article_text(shared, key)) for key in keys]
    for article, context in zip(articles, analysed(articles), strict=True):
        yield context, by_article[article.id]


def as_article(source: Any) -> Article:
    """A labelled source article as crosswire reads it, its text untouched (so the label
    offsets line up), as training and the benchmarks on the labels run it."""
    language, _ = py3langid.classify(source.text[:LANGUAGE_SAMPLE])
    return Article(
        id=source.key,
        text=source.text,
        path=source.key,
        title=source.title,
        url=source.url,
        outlet=domain(source.url),
        published=source.published if isinstance(source.published, str) else None,
        language=language,
    )


def analysed(articles: list[Article]) -> Iterator[Context]:
    """Each article parsed and through the stages before ``events``, as the coder's context."""
    docs = nlp.parse(article.text for article in articles)
    for article, doc in zip(articles, docs, strict=True):
        state = stages.run(stages.ArticleState(article, doc), until="scope")
        yield article_context(doc, article, state.mentions, state.times, state.attributions)


# ------------------------------------------------------------------ the shared gold sets


def gold_examples(folder: Path) -> list[Example]:
    """One positive per train-half record of PLOVER GSR and the CAMEO examples."""
    records = [(r, r["event_plover2021"], _event_words(r)) for r in _records(folder / GSR)]
    types = cameo_types(folder / ONTOLOGY)
    for record in _records(folder / CAMEO_EXAMPLES):
        gold = cameo_type(record["expected"][0]["code"], types)
        if gold is not None:
            records.append((record, gold, []))
    chosen = [(r, t, w) for r, t, w in records if gold_half(r["id"]) == "train"]
    articles = [Article(id=r["id"], text=r["text"], path="gold", published=r.get("date"))
                for r, _, _ in chosen]  # fmt: skip
    examples: list[Example] = []
    for (_, gold, words), context in zip(chosen, analysed(articles), strict=True):
        found = (gold_example(s, context, gold, words) for s in context.doc.sents)
        example = next((e for e in found if e is not None), None)
        if example is not None:
            examples.append(example)
    return examples


def pattern_examples() -> list[Example]:
    """One positive per example sentence of the pattern files: the project's own sentences,
    each written to be coded with its pattern's type."""
    patterns = [
        p for table in (verb_patterns(), noun_patterns()) for ps in table.values() for p in ps
    ]
    articles = [
        Article(id=f"pattern:{n}", text=p.example, path="patterns") for n, p in enumerate(patterns)
    ]
    examples: list[Example] = []
    for pattern, context in zip(patterns, analysed(articles), strict=True):
        found = (gold_example(s, context, pattern.type) for s in context.doc.sents)
        example = next((e for e in found if e is not None), None)
        if example is not None:
            examples.append(example)
    return examples


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _event_words(record: dict[str, Any]) -> list[str]:
    return [w for found in EVENT_WORDS.findall(record.get("markup") or "") for w in found.split()]


def cameo_types(ontology: Path) -> dict[str, str]:
    """CAMEO code -> PLOVER type, from the ontology's CAMEO2PLOVER table."""
    table = json.loads(ontology.read_text("utf-8"))["cameo_to_plover_detailed"]
    return {code: entry["event"] for code, entry in table.items() if entry.get("event")}


def cameo_type(code: str, types: dict[str, str]) -> str | None:
    """The PLOVER type of a CAMEO code (its longest prefix in the table); appeals (02x),
    which PLOVER leaves out, are crosswire's REQUEST; bare statements (01x) have none."""
    if code.startswith("01"):
        return None
    if code.startswith("02"):
        return "REQUEST"
    return next((types[code[:n]] for n in (4, 3, 2) if code[:n] in types), None)
