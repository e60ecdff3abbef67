"""crosswire's date, modality and negation rules on every labelled real-news event (issue 19).

`benchmarks/events_real.py` judges dates and modality only where crosswire found the event
with the right type: a few dozen pairs on dev. This benchmark puts the attribute rules
alone to the test on every labelled event of a split, with the labelled trigger given (an
oracle trigger): each labelled article is parsed and its times found as the pipeline does
(`crosswire.nlp.parse`, `crosswire.timex.find_times` against the source's publication date),
the token at the root of the labelled trigger span is the event's head, and

- the date is `crosswire.events.attributes.event_date` of that head: right when it equals
  the label's ``date`` (both None counts as right), reported over all labelled events
  (``date_right``), over those whose label has a date (``date_right_dated``, what
  events_real calls date right), and as the source the label gives (``date_from``: its
  ``clause``/``sentence`` is crosswire's ``text``, ``publication`` is ``published``), on
  the articles with a publication date (``date_from_right``);
- negation and modality are `crosswire.events.modality.modality_of` of that head, before
  the stance recoding (a promise coded AGREE keeps its modality there as well): right when
  both equal the label's.

Figures go to ``benchmarks/results/event_attributes_real.json`` under ``runs.<name>``
(``--run``, default ``latest``; other runs kept, each with its date, code version and label
hash as `events_real.py` records them), per split (train, dev; test only with
``--test``, for the final report), with the disagreements counted by (label, crosswire).

    python benchmarks/event_attributes_real.py [--run before] [--test]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.append(str(Path(__file__).resolve().parent))
sys.path.append(str(Path(__file__).resolve().parents[1]))

from tools.labelling.loader import LabelledSentence, load
from tools.labelling.texts import article_text, shared_dir

from common import ROOT
from crosswire.events.attributes import event_date
from crosswire.events.context import article_context
from crosswire.events.modality import modality_of
from crosswire.model import Article
from crosswire.nlp import parse
from crosswire.timex import find_times
from events_real import code_version, labels_hash

RESULT = ROOT / "benchmarks" / "results" / "event_attributes_real.json"
DATE_FROM = {"clause": "text", "sentence": "text", "publication": "published", None: None}


def judged(sentences: list[LabelledSentence]) -> list[dict[str, Any]]:
    """One verdict row per labelled event of `sentences`."""
    by_article: dict[str, list[LabelledSentence]] = {}
    for s in sentences:
        if s.merged.events:
            by_article.setdefault(s.article, []).append(s)
    keys = sorted(by_article)
    sources = [article_text(shared_dir(), key) for key in keys]
    rows: list[dict[str, Any]] = []
    for source, doc in zip(sources, parse(s.text for s in sources), strict=True):
        published = source.published if isinstance(source.published, str) else None
        article = Article(id=source.key, text=source.text, path=source.key, published=published)
        context = article_context(doc, article, [], find_times(source.text, published), [])
        for sentence in by_article[source.key]:
            start = sentence.merged.bounds[0]
            for label in sentence.merged.events:
                words = doc.char_span(
                    start + label.trigger[0], start + label.trigger[1], alignment_mode="expand"
                )
                if words is None or not len(words):
                    continue
                head = words.root
                day, day_from = event_date([head], context)
                negated, status, _ = modality_of(head)
                rows.append(
                    {
                        "id": sentence.id,
                        "trigger": label.trigger,
                        "date": [label.date, day],
                        "date_from": [DATE_FROM[label.date_from], day_from],
                        "published": published is not None,
                        "modality": [(label.modality, label.negated), (status, negated)],
                    }
                )
    return rows


def figures(rows: list[dict[str, Any]]) -> dict[str, Any]:
    def rate(items: Iterable[list[Any]]) -> dict[str, Any]:
        pairs = list(items)
        n = sum(a == b for a, b in pairs)
        return {"rate": round(n / len(pairs), 3) if pairs else None, "n": n, "of": len(pairs)}

    def wrong(key: str) -> list[dict[str, Any]]:
        chosen = [r for r in rows if r["published"] or key != "date_from"]
        counts = Counter(str(tuple(r[key])) for r in chosen if r[key][0] != r[key][1])
        return [{"labelled, coded": k, "n": n} for k, n in counts.most_common(12)]

    return {
        "events": len(rows),
        "date_right": rate(r["date"] for r in rows),
        "date_right_dated": rate(r["date"] for r in rows if r["date"][0] is not None),
        "date_from_right": rate(r["date_from"] for r in rows if r["published"]),
        "modality_negation_right": rate(r["modality"] for r in rows),
        "date_from_wrong": wrong("date_from"),
        "modality_wrong": wrong("modality"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--run", default="latest")
    parser.add_argument("--test", action="store_true", help="also the test split (report only)")
    parser.add_argument(
        "--show",
        choices=["date", "date_from", "modality"],
        help="print the disagreements on train and dev of one attribute",
    )
    args = parser.parse_args()
    splits = ["train", "dev", *(["test"] if args.test else [])]
    data = load(splits=splits)
    run: dict[str, Any] = {
        "date": date.today().isoformat(),
        "code_version": code_version(),
        "labels_hash": labels_hash(),
        "splits": {},
    }
    for split in splits:
        rows = judged([s for s in data.sentences if s.split == split])
        run["splits"][split] = figures(rows)
        if args.show and split != "test":
            for r in rows:
                judged_here = r["published"] or args.show != "date_from"
                if r[args.show][0] != r[args.show][1] and judged_here:
                    print(split, r["id"], r["trigger"], r[args.show])
    previous = json.loads(RESULT.read_text("utf-8")) if RESULT.exists() else {}
    result = {
        "benchmark": "event_attributes_real",
        "definitions": "benchmarks/event_attributes_real.py (docstring)",
        "runs": {**previous.get("runs", {}), args.run: run},
    }
    RESULT.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    for split, f in run["splits"].items():
        print(split, {k: v for k, v in f.items() if not k.endswith("wrong")})
        print("  ", f["date_from_wrong"][:6])
        print("  ", f["modality_wrong"][:6])


if __name__ == "__main__":
    main()
