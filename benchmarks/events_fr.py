"""French event coding on crosswire's own labelled French set, and what a French article
costs against an English one.

Data: benchmarks/data/events_fr/ (its README says how it was written and labelled): 50
French sentences of four fictional outlets (``dev``: the coder was corrected on them after
a first blind run) and 30 of two more (``heldout``: scored as written), each labelled with
its events (type, source, target as actor keys, negation) or none. Each outlet's sentences are one
article (a paragraph each), which goes through crosswire's real path: cleaning
(`clean.describe`: text, date, language), the per-article stages
(`pipeline.analyse_articles`: the events stage hands a French page to the French coder
when the scope stage finds its lead in scope; each page's probability is reported);
the events are put back on their sentences by offset.

Figures: precision and recall of the event type (a predicted event is right when its
sentence has a gold event of that type not matched yet), of the dyad (type, source key and
target key all equal; ``None`` equals ``None``) and of the dyad by countries (type and the
source's and target's countries); negation agreement on the events whose type matched;
events coded in sentences with none. Cost: per article and per 1,000 words, the per-article
stages on the multilingual set's French articles against its English ones (both warm: the
French pipeline's one-off load is reported apart). Results go to
benchmarks/results/events_fr.json under the label given as the first argument ("after"
when none).
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT
from crosswire import nlp
from crosswire.clean import describe
from crosswire.model import ActorRef, Article, EventMention, Source
from crosswire.pipeline import analyse_articles
from crosswire.scope.decide import lead_probability
from crosswire.scope.model import load_model

DATA = ROOT / "benchmarks" / "data" / "events_fr" / "sentences.jsonl"
HELD_OUT = ROOT / "benchmarks" / "data" / "events_fr" / "heldout.jsonl"
MULTILINGUAL = ROOT / "benchmarks" / "data" / "multilingual" / "stories.jsonl"
OUT = ROOT / "benchmarks" / "results" / "events_fr.json"
COST_ROUNDS = 3


def labelled(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def articles_of(rows: list[dict[str, Any]]) -> tuple[list[Article], dict[str, tuple[str, int]]]:
    """One article per outlet (its sentences as paragraphs), and where each sentence is:
    sentence id -> (article id, offset in the cleaned text)."""
    by_outlet: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_outlet[row["outlet"]].append(row)
    articles, where = [], {}
    for outlet, items in by_outlet.items():
        text = "\n\n".join(r["sentence"] for r in items)
        source = Source(
            path=str(DATA), format="jsonl", record=outlet, text=text, title="Brèves",
            published=items[0]["published"], outlet=outlet,
        )  # fmt: skip
        article = describe(source)
        articles.append(article)
        for row in items:
            offset = article.text.find(row["sentence"])
            if offset < 0:
                raise SystemExit(f"{row['id']}: cleaning changed the sentence")
            where[row["id"]] = (article.id, offset)
    return articles, where


def key(actor: ActorRef | None) -> str | None:
    return actor.key if actor else None


def country(actor: ActorRef | None) -> str | None:
    return actor.country if actor else None


def score(rows: list[dict[str, Any]], found: dict[str, list[EventMention]]) -> dict[str, Any]:
    counts = defaultdict(int)
    errors: list[dict[str, Any]] = []
    for row in rows:
        gold, predicted = row["events"], found.get(row["id"], [])
        counts["gold"] += len(gold)
        counts["predicted"] += len(predicted)
        if not gold:
            counts["no_event_sentences"] += 1
            counts["false_in_no_event"] += len(predicted)
        open_gold = list(gold)
        for event in predicted:
            match = next((g for g in open_gold if g["type"] == event.type), None)
            if match is None:
                errors.append({"id": row["id"], "predicted": event.type, "gold": gold})
                continue
            open_gold.remove(match)
            counts["type"] += 1
            pair = (key(event.source), key(event.target))
            counts["dyad"] += pair == (match["source"], match["target"])
            gold_countries = tuple(_country_of_key(k) for k in (match["source"], match["target"]))
            counts["dyad_countries"] += (country(event.source), country(event.target)) == (
                gold_countries
            )
            counts["negation"] += event.negated == bool(match.get("negated", False))
            if pair != (match["source"], match["target"]):
                errors.append({"id": row["id"], "dyad": pair, "gold": match})
        errors += [{"id": row["id"], "missed": g} for g in open_gold]
    return {
        "sentences": len(rows),
        "gold_events": counts["gold"],
        "predicted_events": counts["predicted"],
        **{
            name: _pr(counts[name], counts["predicted"], counts["gold"])
            for name in ("type", "dyad", "dyad_countries")
        },
        "negation_agreement": _ratio(counts["negation"], counts["type"]),
        "false_events_in_no_event_sentences": counts["false_in_no_event"],
        "no_event_sentences": counts["no_event_sentences"],
        "errors": errors,
    }


def _country_of_key(actor_key: str | None) -> str | None:
    """The country an actor key names (``country:RUS``, ``agent:RUS:GOV``), else None (a
    person's or a body's country is not in its key: the dyad by keys scores those)."""
    if actor_key is None:
        return None
    parts = actor_key.split(":")
    if parts[0] in {"country", "agent"} and len(parts) > 1 and parts[1] != "XXX":
        return parts[1]
    if parts[0] == "group" and len(parts) > 2:
        return parts[1]
    return None


def _pr(right: int, predicted: int, gold: int) -> dict[str, float]:
    precision, recall = _ratio(right, predicted), _ratio(right, gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": round(f1, 3)}


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 0.0


def events_by_sentence(rows: list[dict[str, Any]]) -> dict[str, list[EventMention]]:
    articles, where = articles_of(rows)
    analyses = {a.article_id: a for a in analyse_articles(articles)}
    found: dict[str, list[EventMention]] = {}
    for row in rows:
        article_id, offset = where[row["id"]]
        end = offset + len(row["sentence"])
        found[row["id"]] = [
            e
            for e in analyses[article_id].events
            if e.section == "body" and offset <= e.start < end
        ]
    return found


def page_probabilities(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Each outlet's page probability of being in scope, from its lead (the scope stage's
    decision for a French page: its events are kept at the threshold or above), lowest
    first: how far the in-scope pages are from being dropped."""
    articles, _ = articles_of(rows)
    return {
        "threshold": load_model().meta.document.lead_only_threshold,
        "pages": sorted(
            ((a.outlet or a.id, lead_probability(a)) for a in articles), key=lambda p: p[1]
        ),
    }


def cost() -> dict[str, Any]:
    """Seconds per article and per 1,000 words of the per-article stages, French against
    English articles of the multilingual set, after both pipelines are loaded."""
    rows = [json.loads(line) for line in MULTILINGUAL.read_text(encoding="utf-8").splitlines()]
    started = time.perf_counter()
    nlp.load_french()
    load_s = time.perf_counter() - started
    figures: dict[str, Any] = {"french_model_load_s": round(load_s, 2)}
    for language in ("en", "fr"):
        chosen = [r for r in rows if r["language"] == language]
        articles = [
            describe(
                Source(path=str(MULTILINGUAL), format="jsonl", record=r["id"], text=r["text"],
                       title=r["title"], published=r["published"], outlet=r["outlet"])
            )
            for r in chosen
        ]  # fmt: skip
        analyse_articles(articles)  # warm: tables and models loaded
        started = time.perf_counter()
        for _ in range(COST_ROUNDS):
            analyse_articles(articles)
        seconds = (time.perf_counter() - started) / COST_ROUNDS
        words = sum(a.n_words for a in articles)
        figures[language] = {
            "articles": len(articles),
            "words": words,
            "ms_per_article": round(1000 * seconds / len(articles), 1),
            "ms_per_1000_words": round(1000 * seconds / words * 1000, 1),
        }
    figures["french_over_english_per_word"] = round(
        figures["fr"]["ms_per_1000_words"] / figures["en"]["ms_per_1000_words"], 2
    )
    return figures


def main() -> None:
    label = sys.argv[1] if len(sys.argv) > 1 else "after"
    figures: dict[str, Any] = {"cost": cost()}  # first: it times the French model's load
    for name, path in (("dev", DATA), ("heldout", HELD_OUT)):
        rows = labelled(path)
        figures[name] = {
            "dataset": str(path.relative_to(ROOT)),
            **score(rows, events_by_sentence(rows)),
            "page_probabilities": page_probabilities(rows),
        }
    figures["note"] = "machine shared by several agents (2 cores): times are loaded figures"
    print(json.dumps(figures, indent=2, ensure_ascii=False), flush=True)
    result = json.loads(OUT.read_text(encoding="utf-8")) if OUT.exists() else {}
    result[label] = figures
    OUT.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
