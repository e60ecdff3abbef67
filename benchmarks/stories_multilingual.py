"""Story clustering across languages: crosswire's own multilingual set.

Data: benchmarks/data/multilingual/stories.jsonl (its README says how it was written): 11
events, each retold by four or five short articles in different languages (14 languages,
five scripts), with look-alike pairs (two earthquakes, two Lavrov visits, two central-bank
decisions, two rail strikes). The articles go through crosswire's real path: reading
(`ingest.read`), cleaning (`clean.describe`: text, date, language), the per-article stages
(`pipeline.analyse_articles`), then the cross-article stages as the pipeline runs them: the
duplicate index, the story clusterer in date order, its consolidation at the end of the run.

Figures: BCubed precision/recall/F1 over all articles, and per language (the BCubed
precision and recall of that language's articles, against the stories found for all of
them); the languages cleaning guessed against the labels; the cross-article cost per
article (including the article's sentence embedding, where the clusterer computes one).
And crosswire's labelled pages (benchmarks/stories.py's stream: English pages, their
re-posts, the example corpus, the seeds) clustered as that benchmark does but with each
article's language as cleaning guesses it (benchmarks/stories.py leaves it unset, so links
across languages never apply there): what the cross-language links do to English stories
when a guess goes wrong (``--with-pages``). Results go to
benchmarks/results/stories_multilingual.json under the label given as the first argument
("after" when none); the "before" figures were made by this script as of commit 9c74a63,
on the code before links across languages.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT
from crosswire import ingest
from crosswire.clean import describe
from crosswire.errors import InputError
from crosswire.model import Analysis, Article, Source
from crosswire.pipeline import analyse_articles
from crosswire.stories.cluster import StoryClusterer
from crosswire.stories.crosslingual import Meaning, meaning_of
from crosswire.stories.dedup import DuplicateIndex
from crosswire.stories.scoring import day_of
from crosswire.stories.vectors import term_counts

DATA = ROOT / "benchmarks" / "data" / "multilingual" / "stories.jsonl"
SHUFFLE_SEEDS = (1, 2, 3, 4, 5)
OUT = ROOT / "benchmarks" / "results" / "stories_multilingual.json"


def labelled() -> tuple[list[Article], dict[str, dict[str, str]], list[str]]:
    """The set's articles as cleaning makes them, in date order; each one's labels (story,
    language) by article id; and the records cleaning refused (`InputError`: they are in no
    story, and score as stories of their own)."""
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    by_url = {row["url"]: row for row in rows}
    articles, labels, refused = [], {}, []
    for item in ingest.read([str(DATA)]):
        if not isinstance(item, Source):
            raise SystemExit(f"unreadable record: {item}")
        row = by_url[item.url or ""]
        try:
            article = describe(item)
        except InputError as error:
            refused.append(f"{row['id']}: {error.reason}")
            labels[row["id"]] = {"story": row["story"], "language": row["language"]}
            continue
        articles.append(article)
        labels[article.id] = {"story": row["story"], "language": row["language"]}
    articles.sort(key=lambda a: (a.published or "", a.id))
    return articles, labels, refused


def meanings(articles: list[Article]) -> tuple[dict[str, Meaning], float]:
    """Each article's meaning, as the pipeline's workers make it, and the seconds taken."""
    meaning_of(articles[0], None)  # the model loads once per process: not counted
    started = time.perf_counter()
    made = {a.id: meaning_of(a, day_of(a.published)) for a in articles}
    return made, time.perf_counter() - started


def cluster(
    pairs: list[tuple[Article, Analysis]], meant: dict[str, Meaning]
) -> tuple[dict[str, str], float]:
    """Article id -> story id after dedup, clustering and consolidation; and the wall
    seconds the cross-article stages took (the meanings made beforehand, as the pipeline's
    workers make them)."""
    started = time.perf_counter()
    index, clusterer = DuplicateIndex(), StoryClusterer()
    for article, analysis in pairs:
        article.duplicate_of = index.add(article)
        clusterer.add(article, analysis, term_counts(article), meaning=meant.get(article.id))
    clusterer.consolidate()
    clusterer.merged()
    seconds = time.perf_counter() - started
    return {a.id: clusterer.story_id(a.id) for a, _ in pairs}, seconds


def bcubed(gold: dict[str, str], found: dict[str, str], of: list[str]) -> dict[str, float]:
    """BCubed precision, recall and F1 averaged over the articles `of`, each judged against
    the gold and found stories of all articles."""
    gold_members: dict[str, set[str]] = defaultdict(set)
    found_members: dict[str, set[str]] = defaultdict(set)
    for article_id in gold:
        gold_members[gold[article_id]].add(article_id)
        found_members[found[article_id]].add(article_id)
    precision = recall = 0.0
    for article_id in of:
        mine, theirs = found_members[found[article_id]], gold_members[gold[article_id]]
        shared = len(mine & theirs)
        precision += shared / len(mine)
        recall += shared / len(theirs)
    precision, recall = precision / len(of), recall / len(of)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"articles": len(of), "precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(f1, 4)}  # fmt: skip


def mixed(gold: dict[str, str], found: dict[str, str]) -> list[dict[str, int]]:
    """The stories found that hold articles of several gold stories: gold story -> count."""
    members: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for article_id, story_id in found.items():
        members[story_id][gold[article_id]] += 1
    return [dict(sorted(m.items())) for m in members.values() if len(m) > 1]


def english_pages() -> dict[str, object]:
    """BCubed on benchmarks/stories.py's labelled stream with languages guessed."""
    import py3langid

    from near_duplicates import article_of
    from stories import add_mentions, built_stream, in_date_order
    from stories import bcubed as stream_bcubed

    items = in_date_order(built_stream())
    add_mentions(items)
    clusterer, index, ids, guessed = StoryClusterer(), DuplicateIndex(), [], defaultdict(int)
    for item in items:
        article = article_of(item.text)
        article.language, _ = py3langid.classify(article.text[:2000])
        guessed[article.language] += 1
        article.duplicate_of = index.add(article)
        clusterer.add(article, Analysis(article.id, mentions=item.mentions))
        ids.append(article.id)
    clusterer.consolidate()
    found = [clusterer.story_id(i) for i in ids]
    return {"languages_guessed": dict(guessed),
            "after_dedup": stream_bcubed([i.cluster for i in items], found)}  # fmt: skip


def shuffles(
    pairs: list[tuple[Article, Analysis]],
    meant: dict[str, Meaning],
    gold: dict[str, str],
    refused: set[str],
) -> dict[str, object]:
    """BCubed F1 over the articles in five shuffled orders (fixed seeds)."""
    f1s = []
    for seed in SHUFFLE_SEEDS:
        order = list(pairs)
        random.Random(seed).shuffle(order)
        found, _ = cluster(order, meant)
        found.update({r: f"refused:{r}" for r in refused})
        f1s.append(bcubed(gold, found, list(gold))["f1"])
    return {"seeds": list(SHUFFLE_SEEDS), "f1": f1s, "spread": round(max(f1s) - min(f1s), 4)}


def main() -> None:
    articles, labels, refused = labelled()
    analyses = analyse_articles(articles)
    pairs = list(zip(articles, analyses, strict=True))
    meant, embedding_seconds = meanings(articles)
    found, seconds = cluster(pairs, meant)
    refused_ids = {r for r in labels if r not in found}
    found.update({r: f"refused:{r}" for r in refused_ids})
    gold = {article_id: label["story"] for article_id, label in labels.items()}
    languages = sorted({label["language"] for label in labels.values()})
    per_language = {
        language: bcubed(gold, found, [a for a in gold if labels[a]["language"] == language])
        for language in languages
    }
    figures = {
        "articles": len(labels),
        "stories_gold": len(set(gold.values())),
        "stories_found": len(set(found.values())),
        "refused_by_cleaning": refused,
        "overall": bcubed(gold, found, list(gold)),
        "non_english": bcubed(gold, found, [a for a in gold if labels[a]["language"] != "en"]),
        "per_language": per_language,
        "mixed_stories": mixed(gold, found),
        "language_guessed_wrong": sorted(
            f"{a.id}: {labels[a.id]['language']} read as {a.language}"
            for a in articles
            if a.language != labels[a.id]["language"]
        ),
        "cross_article_ms_per_article": round(1000 * seconds / len(articles), 2),
        "meaning_ms_per_article": round(1000 * embedding_seconds / len(articles), 2),
        "shuffled_f1": shuffles(pairs, meant, gold, refused_ids),
    }
    if "--with-pages" in sys.argv:
        figures["labelled_pages_languages_guessed"] = english_pages()
    label = next((a for a in sys.argv[1:] if not a.startswith("--")), "after")
    print(json.dumps(figures, indent=2), flush=True)
    result = json.loads(OUT.read_text(encoding="utf-8")) if OUT.exists() else {}
    result[label] = {"dataset": str(DATA.relative_to(ROOT)), **figures}
    OUT.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
