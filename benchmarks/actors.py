"""Actor -> country on the PLOVER gold-standard records, and the stage's cost.

For every gold actor and recipient of ../shared/bench/events/plover-gsr.jsonl (`actorText`,
`code`), the sentence is parsed and run through the `mentions` stage (`find_mentions`); the
mention overlapping the actor text gives the country (when none overlaps, the actor text is
resolved on its own in the same way the stage resolves a span). Scored: share of actors
resolved to the gold code. The PLOVER records code the UN and EU as IGO while crosswire uses
the finer PLOVER codes UNO and EUR: a "family" score counts UNO/EUR as IGO; the strict score
does not.

Sectors and coded events: `actors_sectors.py` (GSR actor and recipient sectors, source and
target country and sector of the coded GSR events, the PETRARCH validation records); the seed
articles' twelve named people: `actors_seeds.py` (labels in `seed_people.yaml`).

Speed: the actors stages (`crosswire.stages` up to `quotes`: mentions, attributions, quotes)
against the spaCy pass on the same texts (news article bodies from ../shared/bench/extraction
and the GSR sentences), after a warm-up that loads the data packages once.

    python benchmarks/actors.py [--run NAME]

With ``--run NAME`` the figures go to ``results/actors.json`` under ``runs.NAME`` (the other
runs and the top-level figures kept); without it they replace the top-level figures (the
runs kept).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tracemalloc
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from actors_sectors import actor_gold_sector, predicted_sector, score_events
from actors_seeds import score_seeds
from crosswire import stages
from crosswire.actors import agents
from crosswire.actors.classify import classify
from crosswire.model import Article, Mention
from crosswire.nlp import parse

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GSR = SHARED / "bench" / "events" / "plover-gsr.jsonl"
PETRARCH = SHARED / "bench" / "events" / "petrarch-validation.jsonl"
SEEDS = SHARED / "seeds"
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


def _overlapping(span: tuple[int, int] | None, mentions: list[Mention]) -> list[Mention]:
    if span is None:
        return []
    return [m for m in mentions if m.start < span[1] and span[0] < m.end]


def _predict(text: str, span: tuple[int, int] | None, mentions: list[Mention]) -> str | None:
    if span is not None:
        with_country = [m for m in _overlapping(span, mentions) if m.actor.country]
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


def _analysed(records: list[dict[str, Any]]) -> list[stages.ArticleState]:
    """Every record through the declared per-article stages, dated as the record is."""
    states = []
    for record, doc in zip(records, parse([r["text"] for r in records]), strict=True):
        article = Article(
            id=record["id"], text=record["text"], path="bench", published=record.get("date")
        )
        states.append(stages.run(stages.ArticleState(article, doc)))
    return states


def score_gsr() -> dict[str, Any]:
    """Actor -> country (as before), actor -> sector and the coded events' actors on GSR."""
    records = [json.loads(line) for line in GSR.read_text(encoding="utf-8").splitlines()]
    states = _analysed(records)
    counts: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    examples: list[dict] = []
    sectors: Counter[str] = Counter()
    sector_errors: list[dict] = []
    for record, state in zip(records, states, strict=True):
        expected = record["expected"]
        for role, slot in (("actors", "source"), ("recipients", "target")):
            for actor in record[role]:
                gold = actor["code"]
                span = _locate(record["text"], actor["actorText"])
                predicted = _predict(record["text"], span, state.mentions)
                counts["total"] += 1
                counts["strict"] += predicted == gold
                family = IGO_FAMILY.get(predicted, predicted) if predicted else None
                if family == gold:
                    counts["family"] += 1
                else:
                    errors[_error_kind(gold, predicted, actor["actorText"])] += 1
                    examples.append(
                        {"actor": actor["actorText"], "gold": gold, "predicted": predicted}
                    )
                gold_sector = actor_gold_sector(gold, [e.get(slot) for e in expected])
                if gold_sector is None:
                    continue
                got = predicted_sector(
                    actor["actorText"], _overlapping(span, state.mentions), state.events
                )
                sectors["total"] += 1
                sectors["right"] += got == gold_sector
                if got != gold_sector:
                    sector_errors.append(
                        {"actor": actor["actorText"], "gold": gold_sector, "predicted": got}
                    )
    countries = {
        "actors": counts["total"],
        "correct_strict": counts["strict"],
        "correct_family": counts["family"],
        "accuracy_strict": round(counts["strict"] / counts["total"], 4),
        "accuracy_family": round(counts["family"] / counts["total"], 4),
        "errors_by_kind": dict(errors),
        "errors": examples,
    }
    sector = {
        "actors_with_gold_code_sector": 0,  # the records' actor codes are all countries only
        "actors_with_sector_from_expected": sectors["total"],
        "correct": sectors["right"],
        "accuracy": round(sectors["right"] / sectors["total"], 4) if sectors["total"] else 0.0,
        "errors": sector_errors,
    }
    events = score_events(
        [(r["expected"], s.events, s.mentions) for r, s in zip(records, states, strict=True)],
        lambda gold, event: event.type == gold.get("code"),
    )
    return {"actor_country": countries, "actor_sector": sector, "coded_events": events}


def score_petrarch() -> dict[str, Any]:
    """Source and target codes of PETRARCH's validation records with real countries."""
    records = [json.loads(line) for line in PETRARCH.read_text(encoding="utf-8").splitlines()]
    real = [
        r
        for r in records
        if not r["fictional_actors"] and not r["nonstandard_country_codes"] and r["expected"]
    ]
    states = _analysed(real)
    figures = score_events(
        [(r["expected"], s.events, s.mentions) for r, s in zip(real, states, strict=True)],
        lambda gold, event: bool(event.cameo) and event.cameo[:2] == str(gold.get("code"))[:2],
    )
    suites = Counter(r["suite"] for r in real)
    return {"records": len(real), "suites": dict(suites), **figures}


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


def measure_agent_table() -> dict[str, Any]:
    """Load time of the agent-noun table (data/actors/agents.tsv) read afresh, and the memory
    a second fresh read allocates (traced apart: tracing slows the read severalfold)."""
    _fresh_agent_table()
    started = time.perf_counter()
    table = agents.agent_nouns()
    seconds = time.perf_counter() - started
    _fresh_agent_table()
    tracemalloc.start()
    agents.agent_nouns()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "phrases": len(table),
        "load_seconds": round(seconds, 3),
        "peak_mib_while_loading": round(peak / 2**20, 1),
    }


def _fresh_agent_table() -> None:
    agents.agent_rows.cache_clear()
    agents.agent_nouns.cache_clear()


def _run_stage(texts: list[str], docs: list) -> float:
    started = time.perf_counter()
    for index, (text, doc) in enumerate(zip(texts, docs, strict=True)):
        article = Article(id=str(index), text=text, path="bench")
        stages.run(stages.ArticleState(article, doc), until="quotes")
    return time.perf_counter() - started


def _write(result: dict[str, Any], run: str | None) -> None:
    """The figures into RESULTS: under runs.RUN, or as the top level (runs kept)."""
    previous = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    runs = previous.get("runs", {})
    if run is None:
        stored = {**result, "runs": runs} if runs else result
    else:
        runs[run] = result
        stored = {**previous, "runs": runs}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(stored, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--run", help="store the figures under runs.RUN")
    run = parser.parse_args().run
    if not GSR.exists():
        raise SystemExit(f"benchmark data not found: {GSR}")
    cold_started = time.perf_counter()
    gsr = score_gsr()
    cold_seconds = time.perf_counter() - cold_started
    petrarch = score_petrarch()
    seeds = score_seeds(SEEDS)
    speed = measure_speed()
    agent_table = measure_agent_table()
    countries = gsr["actor_country"]
    result = {
        "date": date.today().isoformat(),
        "dataset": str(GSR.relative_to(ROOT.parent)),
        "speed_dataset": [
            str(ARTICLES.relative_to(ROOT.parent)),
            str(GSR.relative_to(ROOT.parent)),
        ],
        "actor_country": countries,
        "goal_accuracy": 0.90,
        "actor_sector": gsr["actor_sector"],
        "goal_sector_accuracy": 0.75,
        "gsr_coded_events": gsr["coded_events"],
        "petrarch_validation": {"dataset": str(PETRARCH.relative_to(ROOT.parent)), **petrarch},
        "seeds": seeds,
        "speed": speed,
        "agent_table": agent_table,
        "goal_stage_over_spacy": 0.15,
        "first_run_seconds_incl_data_loading": round(cold_seconds, 2),
    }
    _write(result, run)
    print(
        f"actor -> country: {countries['correct_family']}/{countries['actors']} = "
        f"{countries['accuracy_family']:.3f} (UNO/EUR as IGO); strict "
        f"{countries['accuracy_strict']:.3f}; goal 0.90"
    )
    print(f"errors by kind: {countries['errors_by_kind']}")
    sector = gsr["actor_sector"]
    print(
        f"actor -> sector: {sector['correct']}/{sector['actors_with_sector_from_expected']}"
        f" = {sector['accuracy']:.3f}; goal 0.75"
    )
    for name, figures in (("GSR events", gsr["coded_events"]), ("PETRARCH", petrarch)):
        for slot in ("source", "target"):
            f = figures[slot]
            print(
                f"{name} {slot}: country {f['country_accuracy']:.3f} ({f['with_country']}), "
                f"sector {f['sector_accuracy']:.3f} ({f['with_sector']}), "
                f"code {f['code_match']:.3f} ({f['entries']}); country misses "
                f"{f['country_misses']}"
            )
    for part, figures in seeds.items():
        print(
            f"seeds ({part}): {figures['found']}/{figures['people']} found, "
            f"{figures['found_once']} once, "
            f"{figures['found_once_with_right_country']} once with the right country"
        )
    print(
        f"agent table: {agent_table['phrases']} phrases, loaded in "
        f"{agent_table['load_seconds']} s, {agent_table['peak_mib_while_loading']} MiB peak"
    )
    print(
        f"stage time / spaCy time: {speed['stage_over_spacy']:.3f} on {speed['texts']} texts "
        f"({speed['sentences']} sentences); goal <= 0.15"
    )


if __name__ == "__main__":
    main()
