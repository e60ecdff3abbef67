"""Event coding against human-coded gold: PLOVER types, CAMEO roots, PETRARCH's records.

Every sentence runs through the same stages the pipeline uses: `nlp.parse`, then the
declared per-article stages (`crosswire.stages`) up to and including `events` (mentions,
attributions, quotes, times, then `events.code_events`). The record's `date` is the
article's publication date.

Definitions (all printed and written to benchmarks/results/events.json):

1. PLOVER gold (`plover-gsr.jsonl`, field `event_plover2021` = the 2021 type name).
   - Type P/R/F1, sentence level, micro-averaged: a sentence's predicted set is the set of
     types of its coded events (every modality, negated ones excluded: a gold record is an
     event that happened or was stated); its gold set is {event_plover2021}. A true positive
     is a (sentence, type) pair in both.
   - Figures on all records and on the half the learned event decision was not trained on
     (``held_out_half``: `crosswire.events.training.gold_half`, a fixed hash of the id).
   - Dyad, on matched sentences (gold type predicted): the first predicted event of that
     type. Source right when its country is one of the gold `actors` codes. Target right
     when the gold has `recipients` and the target's country is one of them, or when the
     gold has none and the target is None or one of the gold actors (PLOVER codes reciprocal
     events as all parties actors, no recipient; crosswire keeps source=A, target=B).
     Dyad accuracy = share with both right. UN/EU are coded IGO in the gold and UNO/EUR by
     crosswire: counted equal.
2. CAMEO codebook examples (`cameo-manual-examples.jsonl`): accuracy of the two-digit root
   of the sentence's main event (the coded event whose trigger is highest in the parse: the
   fewest steps to the sentence root; ties by text order). A sentence with no event counts
   wrong. Roots 01 (statements) and 02 (appeals) have no PLOVER type of their own (the
   ontology maps them to none): crosswire never codes a bare statement, and codes appeals
   as PLOVER REQUEST with their CAMEO 02x code. Accuracy is given on all examples and on
   the examples whose root PLOVER maps (01 and 02 left out), and on the held-out half
   (``held_out_half``), as for the PLOVER gold.
3. PETRARCH validation (`petrarch-validation.jsonl`, records with `simple` true): event-code
   agreement = share of expected (code) matched exactly by some predicted event's CAMEO
   code; root agreement = same on the two-digit root; dyad agreement = share of expected
   (source, target, code root) triples matched by a predicted event (countries compared).
4. Speed: seconds in the `events` stage (`code_events`) against seconds in the spaCy pass on
   the same texts (the GSR and codebook sentences plus the news bodies of
   ../shared/bench/extraction).
5. False-event rate on the example corpus (`examples/corpus`, through the pipeline's own
   per-article stages): events per 100 sentences (body, headline and caption events over
   body sentences), and the precision of a hand-checked sample of 50 of those events
   (`benchmarks/events_sample.jsonl`: each row an event with a reader's verdict, "correct"
   or "wrong", and the reason). Correct means the sentence states an event of that PLOVER
   type, negation and modality are right and no actor is wrong (a participant the coder
   missed is noted in the reason but not counted against it; CAMEO code slips are noted).
   A sample row counts when the coder still produces its event (same article, section,
   sentence, trigger, type, source, target and modality); rows it no longer produces are
   reported as stale.
   `--draw-sample` rewrites the file with an even spread of 50 of
   the current events, keeping the verdicts of rows still produced; new rows have no
   verdict until someone reads them.

    python benchmarks/events.py [--draw-sample]
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, SHARED, bench_data, write_result
from crosswire import ingest, pipeline, stages
from crosswire.events.training import gold_half
from crosswire.model import Article, EventMention
from crosswire.nlp import parse

IGO_FAMILY = {"UNO": "IGO", "EUR": "IGO"}
SPEED_ARTICLES = 40
CORPUS = ROOT / "examples" / "corpus"
SAMPLE = ROOT / "benchmarks" / "events_sample.jsonl"
SAMPLE_SIZE = 50


def _load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _analyse(texts: list[str], dates: list[str | None]) -> list[tuple[Doc, list[EventMention]]]:
    out = []
    for i, (doc, published) in enumerate(zip(parse(texts), dates, strict=True)):
        out.append((doc, _code(doc, f"b{i}", published)))
    return out


def _code(doc: Doc, article_id: str, published: str | None) -> list[EventMention]:
    article = _article(doc, article_id, published)
    return stages.run(stages.ArticleState(article, doc), until="events").events


def _article(doc: Doc, article_id: str, published: str | None) -> Article:
    return Article(id=article_id, text=doc.text, path="bench", published=published)


def _country(code: str | None) -> str | None:
    return IGO_FAMILY.get(code, code) if code else None


def _codes(entries: list[dict[str, Any]]) -> set[str]:
    return {c for e in entries if (c := _country(e.get("code")))}


# ------------------------------------------------------------------ 1. PLOVER gold


def plover_gold() -> dict[str, Any]:
    path = bench_data("events", "plover-gsr.jsonl")
    records = _load(path)
    coded = _analyse([r["text"] for r in records], [r.get("date") for r in records])
    pairs = list(zip(records, coded, strict=True))
    return {
        "dataset": str(path.relative_to(SHARED.parent)),
        **_plover_figures(pairs),
        "held_out_half": _plover_figures([p for p in pairs if _held_out(p[0])]),
    }


def _held_out(record: dict[str, Any]) -> bool:
    """The half of the shared gold sets the learned event decision was not trained on."""
    return gold_half(record["id"]) == "report"


def _plover_figures(
    pairs: list[tuple[dict[str, Any], tuple[Doc, list[EventMention]]]],
) -> dict[str, Any]:
    tp = fp = fn = 0
    source_ok = target_ok = dyad_ok = matched = 0
    confusions: Counter[str] = Counter()
    for record, (_doc, events) in pairs:
        gold = record["event_plover2021"]
        kept = [e for e in events if not e.negated]
        predicted = {e.type for e in kept}
        tp += gold in predicted
        fn += gold not in predicted
        fp += len(predicted - {gold})
        for wrong in predicted - {gold}:
            confusions[f"{gold}->{wrong}"] += 1
        if gold not in predicted:
            confusions[f"{gold}->none"] += 1
            continue
        event = next(e for e in kept if e.type == gold)
        s_ok, t_ok = _dyad(event, _codes(record["actors"]), _codes(record["recipients"]))
        matched += 1
        source_ok += s_ok
        target_ok += t_ok
        dyad_ok += s_ok and t_ok
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "sentences": len(pairs),
        "type_precision": round(precision, 3),
        "type_recall": round(recall, 3),
        "type_f1": round(f1, 3),
        "matched_events": matched,
        "source_country_accuracy": round(source_ok / matched, 3) if matched else 0.0,
        "target_country_accuracy": round(target_ok / matched, 3) if matched else 0.0,
        "dyad_accuracy": round(dyad_ok / matched, 3) if matched else 0.0,
        "top_confusions": dict(confusions.most_common(15)),
    }


def _dyad(
    event: EventMention, gold_actors: set[str], gold_recipients: set[str]
) -> tuple[bool, bool]:
    source = _country(event.source.country) if event.source else None
    target = _country(event.target.country) if event.target else None
    source_ok = source in gold_actors if gold_actors else source is None
    if gold_recipients:
        target_ok = target in gold_recipients
    else:
        target_ok = target is None or target in gold_actors
    return source_ok, target_ok


# ------------------------------------------------------------------ 2. CAMEO codebook


def _depth(token: Token) -> int:
    steps = 0
    while token.head.i != token.i:
        token = token.head
        steps += 1
    return steps


def main_event(doc: Doc, events: list[EventMention]) -> EventMention | None:
    """The event whose trigger is highest in the parse (main clause first)."""
    with_cameo = [e for e in events if e.cameo]
    if not with_cameo:
        return None
    return min(
        with_cameo,
        key=lambda e: (_depth(doc.char_span(e.start, e.end, alignment_mode="expand")[0]), e.start),
    )


def cameo_examples() -> dict[str, Any]:
    path = bench_data("events", "cameo-manual-examples.jsonl")
    records = _load(path)
    coded = _analyse([r["text"] for r in records], [r.get("date") for r in records])
    pairs = list(zip(records, coded, strict=True))
    return {
        "dataset": str(path.relative_to(SHARED.parent)),
        **_cameo_figures(pairs),
        "held_out_half": _cameo_figures([p for p in pairs if _held_out(p[0])]),
    }


def _cameo_figures(
    pairs: list[tuple[dict[str, Any], tuple[Doc, list[EventMention]]]],
) -> dict[str, Any]:
    right = right_mappable = mappable = 0
    by_root: Counter[str] = Counter()
    for record, (doc, events) in pairs:
        gold_root = record["expected"][0]["code"][:2]
        event = main_event(doc, events)
        ok = event is not None and event.cameo is not None and event.cameo[:2] == gold_root
        right += ok
        if gold_root not in {"01", "02"}:
            mappable += 1
            right_mappable += ok
        by_root[f"{gold_root}:{'ok' if ok else 'miss'}"] += 1
    return {
        "examples": len(pairs),
        "root_accuracy": round(right / len(pairs), 3),
        "plover_mappable_examples": mappable,
        "root_accuracy_plover_mappable": round(right_mappable / mappable, 3),
        "by_root": dict(sorted(by_root.items())),
    }


# ------------------------------------------------------------------ 3. PETRARCH


def petrarch() -> dict[str, Any]:
    path = bench_data("events", "petrarch-validation.jsonl")
    records = [r for r in _load(path) if r.get("simple")]
    coded = _analyse([r["text"] for r in records], [r.get("date") for r in records])
    expected = code_ok = root_ok = dyad_ok = 0
    for record, (_doc, events) in zip(records, coded, strict=True):
        kept = [e for e in events if not e.negated and e.cameo]
        for gold in record["expected"]:
            if not gold.get("code"):
                continue
            expected += 1
            code_ok += any(e.cameo == gold["code"] for e in kept)
            root_ok += any(e.cameo[:2] == gold["code"][:2] for e in kept)  # type: ignore[index]
            dyad_ok += any(
                e.cameo[:2] == gold["code"][:2]  # type: ignore[index]
                and _country(e.source.country if e.source else None) == _country(gold.get("source"))
                and _country(e.target.country if e.target else None) == _country(gold.get("target"))
                for e in kept
            )
    return {
        "dataset": str(path.relative_to(SHARED.parent)),
        "records": len(records),
        "expected_events": expected,
        "event_code_agreement": round(code_ok / expected, 3) if expected else 0.0,
        "root_agreement": round(root_ok / expected, 3) if expected else 0.0,
        "dyad_agreement": round(dyad_ok / expected, 3) if expected else 0.0,
    }


# ------------------------------------------------------------------ 4. speed


def speed() -> dict[str, Any]:
    texts = [r["text"] for r in _load(bench_data("events", "plover-gsr.jsonl"))]
    truth = bench_data("extraction", "ground-truth.json")
    bodies = [v["articleBody"] for v in json.loads(truth.read_text(encoding="utf-8")).values()]
    texts += [b for b in bodies if b][:SPEED_ARTICLES]
    list(parse(texts[:5]))  # warm-up: model and data files loaded outside the timing
    _analyse(texts[:5], [None] * 5)
    started = time.perf_counter()
    docs = list(parse(texts))
    spacy_s = time.perf_counter() - started
    prepared = [
        stages.run(stages.ArticleState(_article(doc, f"s{i}", "2020-01-01"), doc), until="scope")
        for i, doc in enumerate(docs)
    ]
    coding = stages.ARTICLE["events"]
    started = time.perf_counter()
    for state in prepared:
        coding(state)
    coding_s = time.perf_counter() - started
    n_events = sum(len(state.events) for state in prepared)
    sentences = sum(1 for doc in docs for _ in doc.sents)
    return {
        "texts": len(texts),
        "sentences": sentences,
        "events": n_events,
        "events_per_100_sentences": round(100 * n_events / sentences, 1),
        "spacy_seconds": round(spacy_s, 2),
        "coding_seconds": round(coding_s, 2),
        "coding_relative_to_spacy": round(coding_s / spacy_s, 3),
    }


# ------------------------------------------------------------------ 5. false events


def _corpus_rows() -> tuple[int, list[dict[str, Any]]]:
    """(body sentences, one row per coded event) for the example corpus."""
    items = list(ingest.read([str(CORPUS)]))
    sentences = 0
    rows: list[dict[str, Any]] = []
    for outcome in pipeline.process_items(items):
        if not isinstance(outcome, pipeline.Analysed):
            continue
        article, analysis = outcome.article, outcome.analysis
        sentences += len(analysis.sentences)
        texts = {
            "body": article.text,
            "headline": article.title or "",
            "caption": article.caption_text,
        }
        for event in analysis.events:
            text = texts[event.section]
            rows.append(
                {
                    "article": Path(article.path).name,
                    "section": event.section,
                    "sentence": " ".join(text[event.sentence_start : event.sentence_end].split()),
                    "trigger": event.trigger,
                    "type": event.type,
                    "cameo": event.cameo,
                    "source": _actor(event.source),
                    "target": _actor(event.target),
                    "modality": event.modality,
                    "negated": event.negated,
                }
            )
    return sentences, rows


def _actor(actor: Any) -> str | None:
    return f"{actor.name} ({actor.country or '?'})" if actor is not None else None


def _key(row: dict[str, Any]) -> tuple[str, ...]:
    fields = ("article", "section", "sentence", "trigger", "type", "source", "target", "modality")
    return tuple(str(row[f]) for f in fields)


def _with_verdict(row: dict[str, Any], judged: dict[str, Any] | None) -> dict[str, Any]:
    """A drawn row keeps the verdict a reader gave it before."""
    old = judged or {}
    return {**row, "verdict": old.get("verdict"), "reason": old.get("reason")}


def false_events(draw: bool = False) -> dict[str, Any]:
    sentences, rows = _corpus_rows()
    judged = {_key(r): r for r in _load(SAMPLE)} if SAMPLE.exists() else {}
    if draw:
        distinct = list({_key(r): r for r in rows}.values())
        size = min(SAMPLE_SIZE, len(distinct))
        drawn = [distinct[i * len(distinct) // size] for i in range(size)]  # an even spread
        kept = [_with_verdict(r, judged.get(_key(r))) for r in drawn]
        SAMPLE.write_text("".join(json.dumps(r) + "\n" for r in kept), encoding="utf-8")
        judged = {_key(r): r for r in kept}
    current = {_key(r) for r in rows}
    counted = [r for k, r in judged.items() if k in current and r["verdict"]]
    correct = sum(r["verdict"] == "correct" for r in counted)
    return {
        "corpus": str(CORPUS.relative_to(ROOT)),
        "sentences": sentences,
        "events": len(rows),
        "events_per_100_sentences": round(100 * len(rows) / sentences, 1) if sentences else 0.0,
        "by_section": dict(Counter(r["section"] for r in rows)),
        "sample": str(SAMPLE.relative_to(ROOT)),
        "sample_judged": len(counted),
        "sample_stale": sum(1 for k in judged if k not in current),
        "sample_unjudged": sum(
            1 for k, r in judged.items() if k in current and not r.get("verdict")
        ),
        "sample_precision": round(correct / len(counted), 3) if counted else None,
    }


def main() -> None:
    draw = "--draw-sample" in sys.argv[1:]
    figures = {
        "plover_gold": plover_gold(),
        "cameo_examples": cameo_examples(),
        "petrarch_simple": petrarch(),
        "speed": speed(),
        "false_events": false_events(draw),
        "goals": {
            "type_f1": 0.80,
            "dyad_accuracy": 0.65,
            "cameo_root_accuracy": 0.75,
            "coding_relative_to_spacy": 0.15,
        },
    }
    write_result("events", bench_data("events"), figures)


if __name__ == "__main__":
    main()
