"""Story clustering: BCubed precision/recall/F1 and number of clusters vs gold, and scaling.

Quality data (no public labelled news-cluster set is available here; see
../shared/bench/stories/README.md). The script reads any JSONL of
``{id, date, title, text, cluster}`` given as its first argument; without one it builds
this stream:
- every page of ../shared/bench/extraction (gold article body) and ../shared/bench/pubdate
  (text extracted with trafilatura) is its own story;
- a re-post of every third page (the edits of benchmarks/near_duplicates.py: added residue,
  trimmed ending, changed headline with copy edits, all at once), dated 0-2 days after the
  original, belongs to the original's story;
- the example corpus (examples/corpus, gold labels in examples/labels.json: 22 articles by
  8 outlets on 4 events) and the two seeds as one story.
Articles arrive in date order. Mentions (for the shared-actor signal) come from crosswire's
own spaCy + actors stage. The clusterer is scored alone, and as the pipeline runs it, after
the duplicate index (a re-post linked to its original joins the original's story).

Scaling: 1k, 10k and 100k articles made from those texts with realistic variation (sentences
shuffled, the ending trimmed, a background sentence from another text inserted; dates
spread over a year), each base text's mentions reused. Each size runs in its own process,
clustering and saving the stage state into a SQLite store after every batch of 32 as the
pipeline does: total time, the save's share, bytes written, the size of the saved state and
the growth of peak resident memory; for 1k articles also the peak memory Python allocates
(tracemalloc, a separate run: it slows Python about threefold). Wall time depends on the
machine's load; the CPU time of the process is the steadier figure for the ratios.
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import random
import sys
import tempfile
import time
import tracemalloc
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, SHARED, bench_data, write_result
from crosswire.model import Analysis, Mention
from crosswire.settings import DEFAULT, StoriesSettings
from crosswire.store import open_store
from crosswire.stories.cluster import StoryClusterer
from crosswire.stories.dedup import DuplicateIndex
from crosswire.stories.state import Journal
from near_duplicates import (
    Text,
    article_of,
    corpus_texts,
    extraction_texts,
    iso_day,
    pubdate_texts,
    repost,
    sentences,
)

REPOST_EVERY = 3
# The benchmark pages are not all distinct stories: many were crawled the same week and some
# report the same happening. Groups of pages judged (by reading their titles and leads) to
# report one story; every other page is its own story. Ids are the pages' file-name
# prefixes, labels are ours.
SAME_STORY_PAGES = {
    "wework-nyag-inquiry": ["06e5123e4ef7", "1ace8c85aaee"],
    "omar-threat-plea": ["6ebac05f637e", "7a457a4f7173"],
    "assange-sweden-dropped": ["c7e39ac49fa1", "dc7ccccc1f34"],
    "europa-water-plumes": ["14cc2a0ca59c", "686bb170effe"],
    "stadia-launch-reviews": ["680c2848e94a", "e100c9612ad8", "aade2ec8d1e7"],
    "astronaut-hibernation-study": ["b37be3535e1f", "e1c7023ee214"],
    "nasa-lunar-lander-companies": ["c50845a7158a", "d1c57d7821e5"],
    "south-dakota-meth-campaign": ["3f65af7b6b98", "156770d676ce"],
    "china-bubonic-plague": ["8b1945303082", "ba4dfe2d3e81"],
    "feather-duvet-lung": ["a078b3656adc", "9eef8162bbb6"],
    "hong-kong-polyu-siege": ["e4c6a3b48240", "5fa3154ec031", "624fcd903d56"],
}
SCALES = (1_000, 10_000, 100_000)
TRACED_UP_TO = 1_000  # tracemalloc triples the time; larger sizes have peak_rss_mib only
SCALE_BATCH = 32  # articles per saved batch, the pipeline's default


@dataclass
class Item:
    text: Text
    cluster: str
    mentions: list[Mention] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)


# ------------------------------------------------------------------ data


def seed_texts() -> list[Text]:
    from crosswire import ingest
    from crosswire.clean import describe
    from crosswire.model import Source

    folder = SHARED / "seeds"
    if not folder.exists():
        return []
    found = []
    for item in ingest.read([str(folder)]):
        if isinstance(item, Source):
            article = describe(item)
            found.append(Text(article.id, article.title or "", article.text,
                              iso_day(article.published), "seeds", article.url,
                              article.outlet, article.cites))  # fmt: skip
    return found


def page_story(page: Text) -> str:
    for label, ids in SAME_STORY_PAGES.items():
        if page.id[:12] in ids:
            return f"x:{label}"
    return page.group


def built_stream() -> list[Item]:
    pages = extraction_texts() + pubdate_texts()
    for page in pages:
        page.group = page_story(page)
    rng = random.Random(11)
    edits = ("boilerplate", "trimmed", "headline", "edited")
    items = [Item(t, t.group) for t in pages]
    for i, page in enumerate(pages[::REPOST_EVERY]):
        copy = repost(page, edits[i % len(edits)], rng)
        if page.date:
            later = date.fromisoformat(page.date[:10]) + timedelta(days=rng.randint(0, 2))
            copy.date = later.isoformat()
        items.append(Item(copy, page.group))
    items += [Item(t, t.group) for t in corpus_texts() + seed_texts()]
    return items


def read_stream(path: Path) -> list[Item]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            day = iso_day(row.get("date"))
            text = Text(
                str(row["id"]), row.get("title") or "", row["text"], day, str(row["cluster"])
            )
            items.append(Item(text, str(row["cluster"])))
    return items


def add_mentions(items: list[Item]) -> None:
    """Actor mentions from crosswire's spaCy + actors stage (the shared-actor signal), and
    the sentences (the lead, whose places are the article's event places)."""
    from crosswire import stages
    from crosswire.nlp import parse

    docs = parse(f"{i.text.text}" for i in items)
    for item, doc in zip(items, docs, strict=True):
        state = stages.ArticleState(article_of(item.text), doc)
        item.mentions = stages.run(state, until="mentions").mentions
        item.sentences = [(s.start_char, s.end_char) for s in doc.sents]


def in_date_order(items: list[Item]) -> list[Item]:
    """Dated articles by date; an undated one stays after the article it followed."""
    rng = random.Random(5)
    shuffled = list(items)
    rng.shuffle(shuffled)
    keys, last = [], ""
    for item in shuffled:
        last = item.text.date or last
        keys.append(last)
    return [item for _, item in sorted(zip(keys, shuffled, strict=True), key=lambda k: k[0])]


# ------------------------------------------------------------------ scoring


def bcubed(gold: list[str], found: list[str]) -> dict[str, float]:
    gold_members, found_members = defaultdict(set), defaultdict(set)
    for i, (g, f) in enumerate(zip(gold, found, strict=True)):
        gold_members[g].add(i)
        found_members[f].add(i)
    precision = recall = 0.0
    for g, f in zip(gold, found, strict=True):
        shared = len(gold_members[g] & found_members[f])
        precision += shared / len(found_members[f])
        recall += shared / len(gold_members[g])
    precision, recall = precision / len(gold), recall / len(gold)
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(2 * precision * recall / (precision + recall), 4),
        "clusters_found": len(found_members),
        "clusters_gold": len(gold_members),
    }


def cluster(
    items: list[Item], with_dedup: bool, settings: StoriesSettings = DEFAULT.stories
) -> list[str]:
    """Each item's story after clustering them in order and consolidating at the end, as
    `CrossCheck` does over a run."""
    clusterer, index = StoryClusterer(), DuplicateIndex()
    ids = []
    for item in items:
        article = article_of(item.text)
        if with_dedup:
            article.duplicate_of = index.add(article)
        analysis = Analysis(article.id, sentences=item.sentences, mentions=item.mentions)
        clusterer.add(article, analysis, settings=settings)
        ids.append(article.id)
    clusterer.consolidate(settings)
    return [clusterer.story_id(i) for i in ids]


def quality(items: list[Item]) -> dict[str, object]:
    ordered = in_date_order(items)
    gold = [i.cluster for i in ordered]
    alone, piped = cluster(ordered, False), cluster(ordered, True)
    corpus = [
        k for k, i in enumerate(ordered) if i.cluster.startswith("c:") or i.cluster == "seeds"
    ]
    return {
        "articles": len(ordered),
        "clusterer_alone": bcubed(gold, alone),
        "after_dedup": bcubed(gold, piped),
        "example_corpus_and_seeds_only": bcubed(
            [gold[k] for k in corpus], [piped[k] for k in corpus]
        ),
    }


def join_score_sweep(items: list[Item]) -> list[dict[str, object]]:
    """BCubed F1 (after dedup) at other join thresholds than the clusterer's (the
    ``stories.join_score`` setting)."""
    rows = []
    ordered = in_date_order(items)
    gold = [i.cluster for i in ordered]
    for threshold in (0.20, 0.25, 0.30, 0.35, 0.40):
        settings = DEFAULT.stories.model_copy(update={"join_score": threshold})
        scores = bcubed(gold, cluster(ordered, True, settings))
        rows.append({"join_score": threshold, **scores})
    return rows


# ------------------------------------------------------------------ scaling


def variants(bases: list[Item], n: int, seed: int) -> list[Item]:
    """n articles made from the base texts: shuffled, trimmed, with an inserted sentence."""
    rng = random.Random(seed)
    start = date(2020, 1, 1)
    split = [sentences(b.text.text) for b in bases]
    made = []
    for k in range(n):
        which = rng.randrange(len(bases))
        parts = list(split[which])
        if len(parts) > 3:
            i = rng.randrange(1, len(parts) - 1)
            parts[i], parts[i + 1] = parts[i + 1], parts[i]
            parts = parts[: max(3, int(len(parts) * rng.uniform(0.6, 1.0)))]
        other = split[rng.randrange(len(bases))]
        parts.insert(rng.randrange(len(parts) + 1), rng.choice(other) if other else "")
        day = (start + timedelta(days=rng.randrange(365))).isoformat()
        text = Text(f"v{k}", bases[which].text.title, " ".join(parts), day, "")
        made.append(Item(text, "", bases[which].mentions))
    made.sort(key=lambda i: (i.text.date, i.text.id))
    return made


def scaling(bases: list[Item]) -> list[dict[str, float]]:
    """Each size in a fresh child process, so its peak memory is its own."""
    rows = []
    for n in SCALES:
        with multiprocessing.get_context("fork").Pool(1) as pool:
            row = pool.apply(scale_run, (bases, n))
        if n <= TRACED_UP_TO:  # tracemalloc slows Python about threefold: smaller runs only
            row["peak_traced_mib"] = round(traced_peak(variants(bases, n, seed=n)) / 2**20, 1)
        rows.append(row)
        print(rows[-1], flush=True)
    for small, big in itertools.pairwise(rows):
        big["time_ratio_vs_previous"] = round(big["seconds"] / small["seconds"], 2)
        big["cpu_time_ratio_vs_previous"] = round(big["cpu_seconds"] / small["cpu_seconds"], 2)
        big["memory_ratio_vs_previous"] = round(big["peak_rss_mib"] / small["peak_rss_mib"], 2)
    return rows


def scale_run(bases: list[Item], n: int) -> dict[str, float]:
    """Cluster n articles as the pipeline does: saving the stage state into a SQLite store
    after every batch (stories.state.Journal: a delta per batch, compacted now and then).
    Peak memory: the growth of the peak resident set over the process's size before
    clustering (Linux; the peak is reset first through /proc/self/clear_refs)."""
    items = variants(bases, n, seed=n)
    with tempfile.TemporaryDirectory() as folder:
        store, journal = open_store(Path(folder) / "scale.db"), Journal("stories", StoryClusterer)
        before = _reset_peak_rss()
        started, cpu_started = time.perf_counter(), time.process_time()
        save_seconds, written, stories = 0.0, 0, set()
        clusterer = journal.load(store)
        for k, item in enumerate(items, start=1):
            article = article_of(item.text)
            stories.add(clusterer.add(article, Analysis(article.id, mentions=item.mentions)))
            if k % SCALE_BATCH == 0 or k == n:
                saving = time.perf_counter()
                with store.transaction():
                    written += journal.save(store, clusterer)
                save_seconds += time.perf_counter() - saving
        seconds = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu_started
        peak = _peak_rss() - before
    return {
        "articles": n,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu_seconds, 2),
        "ms_per_article": round(1000 * seconds / n, 3),
        "save_ms_per_article": round(1000 * save_seconds / n, 3),
        "state_bytes_written_per_article": round(written / n),
        "stories": len(stories),
        "state_mib": round(len(clusterer.to_state()) / 2**20, 2),
        "peak_rss_mib": round(peak / 2**20, 1),
    }


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise OSError(f"no {field} in /proc/self/status")


def _reset_peak_rss() -> int:
    Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the current RSS
    return 1024 * _status_kib("VmRSS")


def _peak_rss() -> int:
    return 1024 * _status_kib("VmHWM")


def traced_peak(items: list[Item]) -> int:
    """Peak bytes allocated while clustering the items (the clusterer's own memory)."""
    tracemalloc.start()
    clusterer = StoryClusterer()
    for item in items:
        article = article_of(item.text)
        clusterer.add(article, Analysis(article.id, mentions=item.mentions))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> None:
    given = Path(sys.argv[1]) if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else None
    items = read_stream(given) if given else built_stream()
    started = time.perf_counter()
    add_mentions(items)
    print(f"{len(items)} articles, mentions in {time.perf_counter() - started:.0f}s", flush=True)
    figures: dict[str, object] = {"quality": quality(items)}
    figures["join_score_sweep"] = join_score_sweep(items)
    if not given:
        every_page_apart = [
            Item(i.text, i.text.id.split("-")[0] if i.cluster[:2] in ("x:", "p:") else i.cluster,
                 i.mentions)
            for i in items
        ]  # fmt: skip
        figures["quality_every_page_its_own_story"] = quality(every_page_apart)
    print(json.dumps(figures["quality"], indent=2), flush=True)
    figures["gold_cluster_sizes"] = dict(Counter(Counter(i.cluster for i in items).values()))
    if "--no-scaling" not in sys.argv:
        bases = [i for i in items if i.text.group and "-" not in i.text.id]
        figures["scaling"] = scaling(bases)
    dataset = given or bench_data("extraction")
    kept = ROOT / "benchmarks" / "results" / "stories.json"
    if kept.exists():  # what this run did not measure (the scaling, ECB+) stays
        earlier = json.loads(kept.read_text(encoding="utf-8"))
        for key in ("benchmark", "date", "dataset"):
            earlier.pop(key, None)
        figures = {**earlier, **figures}
    write_result("stories", dataset if dataset.is_absolute() else ROOT / dataset, figures)


if __name__ == "__main__":
    main()
