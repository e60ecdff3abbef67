"""Actor -> country on the PLOVER gold-standard records, and the stage's cost.

For every gold actor and recipient of ../shared/bench/events/plover-gsr.jsonl (`actorText`,
`code`), the sentence is parsed and run through the `mentions` stage (`find_mentions`); the
mention overlapping the actor text gives the country (when none overlaps, the actor text is
resolved on its own in the same way the stage resolves a span). Scored: share of actors
resolved to the gold code. The PLOVER records code the UN and EU as IGO while crosswire uses
the finer PLOVER codes UNO and EUR: a "family" score counts UNO/EUR as IGO; the strict score
does not.

Speed: the actors stages (`crosswire.stages` up to `quotes`: mentions, attributions, quotes)
against the spaCy pass on the same texts (news article bodies from ../shared/bench/extraction
and the GSR sentences), after a warm-up that loads the data packages once.

    python benchmarks/actors.py
"""

from __future__ import annotations

import json
import time
from collections import Counter
from datetime import date
from pathlib import Path

from crosswire import stages
from crosswire.actors.classify import classify
from crosswire.model import Article, Mention
from crosswire.nlp import parse

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GSR = SHARED / "bench" / "events" / "plover-gsr.jsonl"
ARTICLES = SHARED / "bench" / "extraction" / "ground-truth.json"
RESULTS = ROOT / "benchmarks" / "results" / "actors.json"
IGO_FAMILY = {"UNO": "IGO", "EUR": "IGO"}
SPEED_ARTICLES = 40


def _locate(text: str, actor_text: str) -> tuple[int, int] | None:
    """Where the gold actor text is in the sentence ("U.S. ... negotiators": its first part)."""
    first = actor_text.split("...")[0].strip().split("  ")[0].strip()
    index = text.find(first)
    if index < 0 and first:
        # "French warships" for "French and Egyptian warships": locate the first word
        first = first.split()[0]
        index = text.find(first)
    return (index, index + len(first)) if index >= 0 and first else None


def _predict(text: str, span: tuple[int, int] | None, mentions: list[Mention]) -> str | None:
    if span is not None:
        overlapping = [m for m in mentions if m.start < span[1] and span[0] < m.end]
        with_country = [m for m in overlapping if m.actor.country]
        if with_country:
            return with_country[0].actor.country
        start, end = span
        return classify(text[start:end], start, end, "ORG", set()).actor.country
    return None


def _error_kind(gold: str, predicted: str | None, actor_text: str) -> str:
    if predicted is None:
        return "no country"
    if gold in {"IGO", "NGO", "ISM", "IMG", "MNC"} or predicted in {"UNO", "EUR", "IGO"}:
        return "non-state code"
    return "wrong country"


def score_countries() -> dict:
    records = [json.loads(line) for line in GSR.read_text(encoding="utf-8").splitlines()]
    texts = [r["text"] for r in records]
    counts: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    examples: list[dict] = []
    for record, doc in zip(records, parse(texts), strict=True):
        article = Article(id=record["id"], text=record["text"], path=str(GSR))
        mentions = stages.run(stages.ArticleState(article, doc), until="mentions").mentions
        for actor in record["actors"] + record["recipients"]:
            gold = actor["code"]
            predicted = _predict(
                record["text"], _locate(record["text"], actor["actorText"]), mentions
            )
            counts["total"] += 1
            counts["strict"] += predicted == gold
            family = IGO_FAMILY.get(predicted, predicted) if predicted else None
            if family == gold:
                counts["family"] += 1
            else:
                errors[_error_kind(gold, predicted, actor["actorText"])] += 1
                examples.append({"actor": actor["actorText"], "gold": gold, "predicted": predicted})
    return {
        "actors": counts["total"],
        "correct_strict": counts["strict"],
        "correct_family": counts["family"],
        "accuracy_strict": round(counts["strict"] / counts["total"], 4),
        "accuracy_family": round(counts["family"] / counts["total"], 4),
        "errors_by_kind": dict(errors),
        "errors": examples,
    }


def measure_speed() -> dict:
    bodies = [
        v["articleBody"]
        for _, v in sorted(json.loads(ARTICLES.read_text(encoding="utf-8")).items())
        if v["articleBody"].strip()
    ]
    bodies = bodies[:SPEED_ARTICLES]
    gsr = [json.loads(line)["text"] for line in GSR.read_text(encoding="utf-8").splitlines()]
    texts = bodies + gsr
    _run_stage(texts[:3], list(parse(texts[:3])))  # warm-up: data packages load once
    started = time.perf_counter()
    docs = list(parse(texts))
    spacy_seconds = time.perf_counter() - started
    stage_seconds = _run_stage(texts, docs)
    return {
        "texts": len(texts),
        "articles": len(bodies),
        "sentences": sum(len(list(d.sents)) for d in docs),
        "spacy_seconds": round(spacy_seconds, 3),
        "stage_seconds": round(stage_seconds, 3),
        "stage_over_spacy": round(stage_seconds / spacy_seconds, 4),
        "stage_ms_per_text": round(1000 * stage_seconds / len(texts), 2),
    }


def _run_stage(texts: list[str], docs: list) -> float:
    started = time.perf_counter()
    for index, (text, doc) in enumerate(zip(texts, docs, strict=True)):
        article = Article(id=str(index), text=text, path="bench")
        stages.run(stages.ArticleState(article, doc), until="quotes")
    return time.perf_counter() - started


def main() -> None:
    if not GSR.exists():
        raise SystemExit(f"benchmark data not found: {GSR}")
    cold_started = time.perf_counter()
    countries = score_countries()
    cold_seconds = time.perf_counter() - cold_started
    speed = measure_speed()
    result = {
        "date": date.today().isoformat(),
        "dataset": str(GSR.relative_to(ROOT.parent)),
        "speed_dataset": [
            str(ARTICLES.relative_to(ROOT.parent)),
            str(GSR.relative_to(ROOT.parent)),
        ],
        "actor_country": countries,
        "goal_accuracy": 0.90,
        "speed": speed,
        "goal_stage_over_spacy": 0.15,
        "first_run_seconds_incl_data_loading": round(cold_seconds, 2),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        f"actor -> country: {countries['correct_family']}/{countries['actors']} = "
        f"{countries['accuracy_family']:.3f} (UNO/EUR as IGO); strict "
        f"{countries['accuracy_strict']:.3f}; goal 0.90"
    )
    print(f"errors by kind: {countries['errors_by_kind']}")
    print(
        f"stage time / spaCy time: {speed['stage_over_spacy']:.3f} on {speed['texts']} texts "
        f"({speed['sentences']} sentences); goal <= 0.15"
    )


if __name__ == "__main__":
    main()
