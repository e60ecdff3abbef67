"""The scope decisions (`crosswire.scope`) against the labelled real sentences, and their cost.

For each labelled article of the split, crosswire parses the text (as `events_real.py` does:
the text the labels point into, the language py3langid guesses) and runs the declared stages
up to ``scope``. A labelled sentence takes the decision of the pipeline sentence that holds
its first character:
- ``stage``: the scope stage's flag (``in`` / ``out`` / ``other-language``, words model);
- ``events_stage``: the decision the events stage applies to a sentence holding an event
  (the full model with the sentence's embedding), here applied to every English sentence.
Per class: precision, recall, F1 over the labelled sentences; accuracy over all. Also the
share of labelled events whose sentence the events stage keeps (what must not be lost).
Per article (``documents``): the document model's probability against the article's label
(in scope when any of its sentences is labelled in; pages with no sentence labelled in or
out left out): ROC AUC, and precision and recall of "in" at probability 0.5.

Held-out short sentences: the coder's own pattern examples (``data/events/*.yaml``, never
trained on), each run as a one-sentence page: the share of the events the coder finds in
them that the scope keeps.

Cost, on the labelled articles of all splits (no labels read for it): seconds in the spaCy
parse, in the scope stage, and in the events stage's confirmation (embedding and full model
on the sentences holding coded events; the coding itself not counted), per article and
relative to spaCy.

The test split is reported beside dev and was never used to choose anything.

    python benchmarks/scope.py
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import yaml
from sklearn.metrics import roc_auc_score

sys.path.append(str(Path(__file__).resolve().parent))
sys.path.append(str(Path(__file__).resolve().parents[1]))

from tools.labelling.loader import LabelledSentence, load
from tools.labelling.texts import article_text, shared_dir

from common import ROOT, bench_data, write_result
from crosswire import events, nlp, stages
from crosswire.events.train_data import as_article
from crosswire.model import Article, Scope
from crosswire.scope.confirm import confirmed, in_scope
from crosswire.scope.language import is_english
from crosswire.scope.model import load_model

CLASSES = ("in", "out", "other-language")
PATTERNS = ROOT / "src" / "crosswire" / "data" / "events"


def decisions(state: stages.ArticleState) -> list[tuple[int, int, str, str]]:
    """(start, end, stage flag, events-stage decision) of each pipeline sentence."""
    assert state.scope is not None
    sentences = [s for s in state.doc.sents if s.text.strip()]
    english = [s for s in sentences if is_english(s.text, state.scope.language or "")]
    kept = {s.start_char for s in confirmed(english, state.mentions, state.scope)}
    flags = iter(state.scope.sentences)
    found = []
    for sentence in sentences:
        flag = next(flags).scope
        final = "other-language" if flag == "other-language" else "out"
        found.append(
            (
                sentence.start_char,
                sentence.end_char,
                flag,
                "in" if sentence.start_char in kept else final,
            )
        )
    return found


def per_class(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """Precision, recall and F1 per class of (labelled, decided) pairs, and the accuracy."""
    figures: dict[str, Any] = {"sentences": len(pairs)}
    for name in CLASSES:
        tp = sum(gold == name and got == name for gold, got in pairs)
        decided = sum(got == name for _, got in pairs)
        labelled = sum(gold == name for gold, _ in pairs)
        p = tp / decided if decided else None
        r = tp / labelled if labelled else None
        f1 = 2 * p * r / (p + r) if p and r else None
        figures[name] = {
            "labelled": labelled,
            "decided": decided,
            "precision": _r(p),
            "recall": _r(r),
            "f1": _r(f1),
        }
    figures["accuracy"] = _r(sum(g == d for g, d in pairs) / len(pairs)) if pairs else None
    return figures


def score_split(
    sentences: list[LabelledSentence],
    decided: dict[str, list[tuple[int, int, str, str]]],
    split: str,
) -> dict[str, Any]:
    """The figures of one split; on test, sentences whose double labels disagree are left
    out (and counted), as in events_real.py."""
    disputed = sum(s.disputed for s in sentences)
    if split == "test":
        sentences = [s for s in sentences if not s.disputed]
    stage, final = [], []
    events_kept = events_all = 0
    for s in sentences:
        start = int(s.id.rpartition(":")[2].split("-")[0])
        match = next((d for d in decided[s.article] if d[0] <= start < d[1]), None)
        if match is None:
            continue
        stage.append((s.merged.scope, match[2]))
        final.append((s.merged.scope, match[3]))
        for event in s.merged.events:
            position = start + event.trigger[0]
            holder = next((d for d in decided[s.article] if d[0] <= position < d[1]), None)
            events_all += 1
            events_kept += holder is not None and holder[3] == "in"
    return {
        "stage": per_class(stage),
        "events_stage": per_class(final),
        "labelled_events_kept": {
            "rate": _r(events_kept / events_all) if events_all else None,
            "n": events_kept,
            "of": events_all,
        },
        "disputed_sentences": disputed,
        "disputed_left_out": disputed if split == "test" else 0,
    }


def documents(sentences: list[LabelledSentence], probability: dict[str, float]) -> dict[str, Any]:
    """The document model's figures on the labelled articles of one split."""
    labels: dict[str, bool] = {}
    for s in sentences:
        if s.merged.scope in ("in", "out"):
            labels[s.article] = labels.get(s.article, False) or s.merged.scope == "in"
    keys = sorted(labels)
    gold = [labels[k] for k in keys]
    decided = [probability[k] >= 0.5 for k in keys]
    tp = sum(g and d for g, d in zip(gold, decided, strict=True))
    both = len(set(gold)) == 2
    return {
        "articles": len(keys),
        "labelled_in": sum(gold),
        "roc_auc": _r(roc_auc_score(gold, [probability[k] for k in keys])) if both else None,
        "precision_in_at_0.5": _r(tp / sum(decided)) if any(decided) else None,
        "recall_in_at_0.5": _r(tp / sum(gold)) if any(gold) else None,
    }


def cost(articles: list[Article]) -> dict[str, Any]:
    list(nlp.parse([articles[0].text]))
    load_model()
    confirmed([], [], Scope("en", 1.0))  # model and embedder loaded outside the timing
    started = time.perf_counter()
    docs = list(nlp.parse([a.text for a in articles]))
    spacy_s = time.perf_counter() - started
    states = [
        stages.run(stages.ArticleState(a, d), until="quotes")
        for a, d in zip(articles, docs, strict=True)
    ]
    started = time.perf_counter()
    for state in states:
        stages.ARTICLE["scope"](state)
    scope_s = time.perf_counter() - started
    for state in states:
        stages.ARTICLE["times"](state)
    coded = [
        events.code_events(s.doc, s.article, s.mentions, s.times, s.attributions) for s in states
    ]
    started = time.perf_counter()
    for state, found in zip(states, coded, strict=True):
        assert state.scope is not None
        in_scope(found, state.doc, state.mentions, state.scope)
    confirm_s = time.perf_counter() - started
    n = len(articles)
    return {
        "articles": n,
        "sentences": sum(1 for d in docs for _ in d.sents),
        "sentences_holding_events": sum(len({e.sentence_start for e in c}) for c in coded),
        "spacy_ms_per_article": round(1000 * spacy_s / n, 1),
        "scope_stage_ms_per_article": round(1000 * scope_s / n, 1),
        "events_stage_confirmation_ms_per_article": round(1000 * confirm_s / n, 1),
        "relative_to_spacy": round((scope_s + confirm_s) / spacy_s, 3),
    }


def pattern_examples() -> dict[str, Any]:
    texts = [
        p["example"]
        for f in ("verbs.yaml", "nouns.yaml")
        for p in yaml.safe_load((PATTERNS / f).read_text("utf-8"))
    ]
    raw = kept = 0
    lost = []
    for i, (text, doc) in enumerate(zip(texts, nlp.parse(texts), strict=True)):
        article = Article(id=f"p{i}", text=text, path="p")
        state = stages.run(stages.ArticleState(article, doc), until="events")
        found = events.code_events(doc, article, state.mentions, state.times, state.attributions)
        raw += len(found)
        kept += len(state.events)
        if len(state.events) < len(found):
            lost.append(text)
    return {
        "examples": len(texts),
        "events_coded": raw,
        "kept": kept,
        "rate": _r(kept / raw) if raw else None,
        "lost": lost,
    }


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def main() -> None:
    bench_data("events")
    data = load()
    shared = shared_dir()
    keys = sorted({s.article for s in data.sentences})
    articles = [as_article(article_text(shared, k)) for k in keys]
    decided = {}
    document: dict[str, float] = {}
    for article, doc in zip(articles, nlp.parse([a.text for a in articles]), strict=True):
        state = stages.run(stages.ArticleState(article, doc), until="scope")
        decided[article.id] = decisions(state)
        document[article.id] = state.scope.document if state.scope else 0.0
    model = load_model()
    figures = {
        "model": model.meta.model_dump(
            include={"version", "trained", "training_data_sha1", "weights_sha256"}
        ),
        "operating_points": {
            "stage": model.meta.words.model_dump(),
            "events_stage": model.meta.full.model_dump(),
        },
        "labels": dict(Counter(s.split for s in data.sentences)),
        "splits": {
            split: score_split([s for s in data.sentences if s.split == split], decided, split)
            for split in ("dev", "test")
        },
        "documents": {
            split: documents([s for s in data.sentences if s.split == split], document)
            for split in ("dev", "test")
        },
        "pattern_examples": pattern_examples(),
        "cost": cost(articles),
        "definitions": __doc__.split("\n\n", 1)[1].split("\n\n    python")[0],
    }
    write_result("scope", bench_data("events"), figures)


if __name__ == "__main__":
    main()
