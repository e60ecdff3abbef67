"""Labelled sentences for training and benchmarks, with their text, context and split.

    from tools.labelling.loader import load
    data = load()                      # labels/events, ../shared, the stored pool
    for s in data.sentences:           # LabelledSentence
        s.text, s.context, s.split, s.merged.events, s.disputed

Texts are read from ``../shared`` and hashed; a label whose hash differs from the pool's,
or a pool sentence whose text in ``../shared`` changed (drift), is refused (listed in
``data.refused`` with the reason), never silently used.

Merge rule for a sentence labelled more than once:
1. a label by the labeller ``adjudication`` (a third pass over disagreements) wins;
2. else, when all labels agree (``matching.labels_agree``: same scope, events pairing up
   by type and trigger with agreeing source, target, modality and negation), the label of
   the alphabetically first labeller is used;
3. else the alphabetically first labeller's label is used too, and the sentence is marked
   ``disputed``: benchmarks on the test split leave disputed sentences out (and say how
   many), training may use them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from tools.labelling.batches import LABELS_DIR
from tools.labelling.matching import labels_agree
from tools.labelling.pool import POOL_DIR, Pool, PoolSentence, load_pool
from tools.labelling.schema import ArticleLabel, SentenceLabel, parse_line
from tools.labelling.texts import article_text, shared_dir, short_hash

ADJUDICATOR = "adjudication"


@dataclass(frozen=True, slots=True)
class LabelledSentence:
    id: str
    article: str
    source: str
    split: str
    index: int  # position in the article
    text: str
    context: tuple[str, ...]  # the article's pooled sentences, this one at ``index``
    published: str | None
    language: str
    labels: tuple[SentenceLabel, ...]  # every labeller's, sorted by labeller
    merged: SentenceLabel
    disputed: bool


@dataclass
class LabelledSet:
    sentences: list[LabelledSentence] = field(default_factory=list)
    articles: dict[str, list[ArticleLabel]] = field(default_factory=dict)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (where, why)


def read_labels(
    labels_dir: Path, refused: list[tuple[str, str]]
) -> tuple[dict[str, list[SentenceLabel]], dict[str, list[ArticleLabel]]]:
    """Every valid label line under ``labels_dir/<labeller>/*.jsonl``; bad lines refused."""
    sentences: dict[str, list[SentenceLabel]] = {}
    articles: dict[str, list[ArticleLabel]] = {}
    for path in sorted(labels_dir.glob("*/*.jsonl")):
        if path.parent.name == "pool":
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                label = parse_line(line)
            except (ValidationError, ValueError) as exc:
                refused.append((f"{path}:{number}", f"invalid label: {exc}".split("\n")[0]))
                continue
            if isinstance(label, ArticleLabel):
                articles.setdefault(label.article, []).append(label)
            else:
                sentences.setdefault(label.id, []).append(label)
    return sentences, articles


def merge(labels: Iterable[SentenceLabel]) -> tuple[SentenceLabel, bool]:
    """The label to use and whether it is disputed (the rule in the module docstring)."""
    ordered = sorted(labels, key=lambda lab: lab.labeller)
    adjudicated = [lab for lab in ordered if lab.labeller == ADJUDICATOR]
    if adjudicated:
        return adjudicated[0], False
    first = ordered[0]
    return first, not all(labels_agree(first, other) for other in ordered[1:])


def load(
    labels_dir: Path = LABELS_DIR,
    shared: Path | None = None,
    pool_dir: Path = POOL_DIR,
    splits: Iterable[str] | None = None,
) -> LabelledSet:
    """The labelled sentences (optionally of some splits only), in pool order."""
    shared = shared_dir(shared)
    if not shared.is_dir():
        raise FileNotFoundError(f"{shared} not found: the labelled texts live there")
    pool = load_pool(pool_dir)
    result = LabelledSet()
    by_sentence, result.articles = read_labels(labels_dir, result.refused)
    wanted = set(splits) if splits is not None else None
    for sentence_id, labels in by_sentence.items():
        pooled = pool.sentences.get(sentence_id)
        if pooled is None:
            result.refused.append((sentence_id, "not in the pool"))
            continue
        if wanted is not None and pool.articles[pooled.article].split not in wanted:
            continue
        good = [lab for lab in labels if lab.sha == pooled.sha]
        result.refused += [(sentence_id, f"hash mismatch ({lab.labeller})") for lab in labels
                           if lab.sha != pooled.sha]  # fmt: skip
        if good:
            item = _labelled(pool, pooled, good, shared, result.refused)
            if item is not None:
                result.sentences.append(item)
    result.sentences.sort(key=lambda s: (s.article, s.index))
    return result


def _labelled(
    pool: Pool,
    pooled: PoolSentence,
    labels: list[SentenceLabel],
    shared: Path,
    refused: list[tuple[str, str]],
) -> LabelledSentence | None:
    source = article_text(shared, pooled.article)
    text = source.text[pooled.start : pooled.end]
    if short_hash(text) != pooled.sha:
        refused.append((pooled.id, "the text in ../shared changed (drift)"))
        return None
    article = pool.articles[pooled.article]
    merged, disputed = merge(labels)
    return LabelledSentence(
        id=pooled.id,
        article=pooled.article,
        source=article.source,
        split=article.split,
        index=pooled.index,
        text=text,
        context=tuple(source.text[s.start : s.end] for s in pool.of_article(pooled.article)),
        published=source.published,
        language=article.language,
        labels=tuple(sorted(labels, key=lambda lab: lab.labeller)),
        merged=merged,
        disputed=disputed,
    )
