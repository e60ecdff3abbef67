"""Near-duplicate detection: precision and recall of `DuplicateIndex` on a set built by
realistic edits, and a threshold sweep that justifies the chosen Jaccard threshold.

The set (nothing here is copied into the repository; texts are read from ../shared):
- originals: the ground-truth article bodies of ../shared/bench/extraction (92 pages) and the
  example corpus articles (examples/corpus, 22 articles on 4 events by 8 outlets);
- positives: for every extraction page, one re-post made by one of these edits (seeded):
  * ``boilerplate``: an aggregator's residue added before and after the text (navigation,
    "Advertisement", share/subscribe lines, a copyright line, a "Source:" line);
  * ``trimmed``: the ending cut (the first 40-70 % of the sentences kept) plus a
    "Read the full story" line, as excerpting aggregators do;
  * ``headline``: a changed headline with light copy-editing (a sentence dropped, a few
    words replaced, one sentence of the re-poster's own added);
  * ``edited``: boilerplate plus copy-editing plus a trimmed ending, all at once;
- negatives: every other pair. The hard ones: articles of the example corpus about the same
  event by different outlets (same names, places, dates and quotes), and for every page its
  most similar other page.

Reported: pair-level precision/recall of the decision rule over a sweep of Jaccard
thresholds (containment and lead rules fixed), and stream-level figures for the chosen
setting: all originals then all re-posts, in a seeded shuffled order, through
`DuplicateIndex.add`; a re-post is right when linked to its original, an original is
right when linked to nothing.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, bench_data, write_result
from crosswire import provenance
from crosswire.clean import normalise_text
from crosswire.model import Article, Citation, stable_id
from crosswire.settings import DEFAULT
from crosswire.stories import dedup

# Residue of the kind aggregators and scrapers leave, written for this benchmark.
HEADER_LINES = [
    "Home | World | Politics | Business | Tech",
    "Advertisement",
    "Share this article: Facebook Twitter Email",
    "Published by the newsdesk. Updated a few minutes ago.",
]
FOOTER_LINES = [
    "Read more stories like this on our front page.",
    "Subscribe to our newsletter for the day's top headlines.",
    "Copyright all rights reserved. This material may not be redistributed.",
    "Source: the original publisher",
    "Comments are closed for this article.",
]
OWN_SENTENCES = [
    "The office did not immediately respond to a request for comment.",
    "Further details were expected later in the day.",
    "This story has been updated with additional information.",
]
SYNONYMS = {"said": "stated", "says": "states", "also": "additionally", "about": "around"}
EDITS = ("boilerplate", "trimmed", "headline", "edited")
CHOSEN = DEFAULT.dedup  # the thresholds the dedup index uses (crosswire.settings)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘(])")


@dataclass
class Text:
    id: str
    title: str
    text: str
    date: str | None
    group: str  # the story/event it reports (same group: same topic, not a copy)
    url: str | None = None
    outlet: str | None = None
    cites: list[Citation] = field(default_factory=list)


# ------------------------------------------------------------------ loading


def extraction_texts() -> list[Text]:
    """The extraction benchmark's gold article bodies, titled and dated from their pages."""
    folder = bench_data("extraction")
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    texts = []
    for page_id, item in sorted(gold.items()):
        body = item.get("articleBody") or ""
        if len(body.split()) < 50:
            continue
        html = _html(folder / "html" / f"{page_id}.html.gz")
        title, day = _title_and_date(html, item.get("url"))
        texts.append(Text(page_id[:12], title, body, day, f"x:{page_id[:12]}", item.get("url")))
    return texts


def pubdate_texts() -> list[Text]:
    """The publication-date benchmark's pages, their text extracted with trafilatura."""
    folder = bench_data("pubdate")
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    texts = []
    for url, item in sorted(gold.items()):
        html = _html(folder / "html" / item["file"])
        body = trafilatura.extract(html, url=url) or "" if html else ""
        if len(body.split()) < 50:
            continue
        title, _ = _title_and_date(html, url)
        page_id = stable_id("p", url)
        texts.append(Text(page_id, title, body, iso_day(item["date"]), f"p:{page_id}", url))
    return texts


def corpus_texts() -> list[Text]:
    """The example corpus's articles with their gold story labels (empty when absent)."""
    labels_path = ROOT / "examples" / "labels.json"
    if not labels_path.exists():
        return []
    from crosswire import ingest
    from crosswire.clean import describe
    from crosswire.model import Source

    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    corpus = ROOT / "examples" / "corpus"
    texts = []
    for item in ingest.read([str(corpus)]):
        if not isinstance(item, Source):
            continue
        path = str(Path(item.path).resolve().relative_to(corpus.resolve()))
        # a record is labelled by its name in the file (line number, entry link) or its URL
        names = [f"{path}#{item.record}" if item.record else path, f"{path}#{item.url}"]
        key = next((name for name in names if name in labels), None)
        if key is None:
            continue
        article = describe(item)
        texts.append(
            Text(stable_id("c", key), article.title or "", article.text, iso_day(article.published),
                 f"c:{labels[key]}", article.url, article.outlet, article.cites)
        )  # fmt: skip
    return texts


def _html(path: Path) -> str:
    try:
        return gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
    except (OSError, EOFError):
        return ""


def _title_and_date(html: str, url: str | None) -> tuple[str, str | None]:
    meta = trafilatura.extract_metadata(html, default_url=url) if html else None
    if meta is None:
        return "", None
    return meta.title or "", iso_day(meta.date)


def iso_day(value: object) -> str | None:
    """YYYY-MM-DD, or None for anything that is not a valid day."""
    try:
        return date.fromisoformat(str(value)[:10]).isoformat() if value else None
    except ValueError:
        return None


# ------------------------------------------------------------------ edits


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text.replace("\n", " ")) if s.strip()]


def repost(original: Text, edit: str, rng: random.Random) -> Text:
    """A re-post of the original made by one realistic edit."""
    parts = sentences(original.text)
    title = original.title
    if edit in ("trimmed", "edited"):
        keep = max(3, int(len(parts) * rng.uniform(0.4, 0.7)))
        parts = [*parts[:keep], "Read the full story on the publisher's site."]
    if edit in ("headline", "edited"):
        parts = _copy_edit(parts, rng)
        title = f"{rng.choice(['WATCH:', 'Update:', 'Report:'])} {title}".strip()
    text = " ".join(parts)
    if edit in ("boilerplate", "edited"):
        header = "\n".join(rng.sample(HEADER_LINES, 2))
        footer = "\n".join(rng.sample(FOOTER_LINES, 3))
        text = f"{header}\n{text}\n{footer}"
    return Text(f"{original.id}-{edit}", title, text, original.date, original.group)


def _copy_edit(parts: list[str], rng: random.Random) -> list[str]:
    parts = list(parts)
    if len(parts) > 4:
        del parts[rng.randrange(1, len(parts))]
    parts.insert(rng.randrange(1, len(parts) + 1), rng.choice(OWN_SENTENCES))
    changed = []
    for part in parts:
        if rng.random() < 0.3:
            part = " ".join(SYNONYMS.get(w, w) for w in part.split(" "))
        changed.append(part)
    return changed


def article_of(text: Text) -> Article:
    digest = stable_id("h", normalise_text(text.text), length=16)
    return Article(id=text.id, text=text.text, path=text.id, title=text.title,
                   published=text.date, text_hash=digest, url=text.url, outlet=text.outlet,
                   cites=list(text.cites))  # fmt: skip


def cited_originals(originals: list[Text]) -> dict[str, str]:
    """Gold re-posts inside the example corpus: an article that cites another article's
    outlet or URL and reports the same story is that article's re-post (the corpus's
    aggregator does this). Returns re-post id -> original id."""
    found = {}
    for copy in originals:
        cited = {k for c in copy.cites for k in provenance.outlet_keys(c.outlet, c.url)}
        for original in originals:
            same_story = original.id != copy.id and original.group == copy.group
            if same_story and provenance.outlet_keys(original.outlet, original.url) & cited:
                found[copy.id] = original.id
    return found


# ------------------------------------------------------------------ scoring


@dataclass
class Signature:
    values: np.ndarray
    size: int


def signature(text: str) -> Signature:
    whole = dedup.shingles(dedup.words(text))
    return Signature(dedup.minhash(whole).hashvalues, len(whole))


def is_copy(a: Signature, b: Signature, jaccard: float, contain: float) -> bool:
    """The index's decision rule for one pair (whole-text rules), at given thresholds."""
    similarity = dedup.jaccard(a.values, b.values)
    settings = DEFAULT.dedup.model_copy(update={"jaccard": jaccard, "containment": contain})
    return dedup.is_copy(similarity, a.size, b.size, settings)


def pair_sweep(originals: list[Text], copies: list[Text]) -> dict[str, object]:
    sigs = {t.id: signature(t.text) for t in originals + copies}
    cited = cited_originals(originals)
    positives = [(c.id, c.id.rsplit("-", 1)[0]) for c in copies] + sorted(cited.items())
    pairs = [(a.id, b.id) for i, a in enumerate(originals) for b in originals[i + 1 :]]
    negatives = [(a, b) for a, b in pairs if cited.get(a) != b and cited.get(b) != a]
    hard = [(a, b) for a, b in negatives if _same_topic(a, b, originals)]
    print(f"pairs: {len(positives)} positive, {len(negatives)} negative ({len(hard)} same-topic)")

    def row(jaccard: float, contain: float) -> dict[str, float]:
        found = sum(is_copy(sigs[a], sigs[b], jaccard, contain) for a, b in positives)
        false = sum(is_copy(sigs[a], sigs[b], jaccard, contain) for a, b in negatives)
        return {
            "jaccard": jaccard,
            "containment": contain,
            "recall": round(found / len(positives), 4),
            "precision": round(found / (found + false), 4) if found + false else 1.0,
            "false_positive_pairs": false,
        }

    return {
        "positive_pairs": len(positives),
        "negative_pairs": len(negatives),
        "same_topic_negative_pairs": len(hard),
        "jaccard_sweep": [row(j, CHOSEN.containment) for j in (0.2, 0.3, 0.4, 0.5, 0.6, 0.8)],
        "containment_sweep": [row(CHOSEN.jaccard, c) for c in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)],
        "hardest_negative": _hardest(negatives, sigs),
        "hardest_positive": _hardest(positives, sigs, lowest=True),
    }


def _hardest(
    pairs: list[tuple[str, str]], sigs: dict[str, Signature], lowest: bool = False
) -> dict[str, float]:
    """The largest (or, for positives, the smallest) Jaccard and containment seen."""
    jaccards, containments = [], []
    for a, b in pairs:
        similarity = dedup.jaccard(sigs[a].values, sigs[b].values)
        jaccards.append(similarity)
        containments.append(dedup.containment(similarity, sigs[a].size, sigs[b].size))
    pick = min if lowest else max
    return {"jaccard": round(pick(jaccards), 3), "containment": round(pick(containments), 3)}


def _same_topic(a: str, b: str, originals: list[Text]) -> bool:
    groups = {t.id: t.group for t in originals}
    return groups[a] == groups[b]


def stream(originals: list[Text], copies: list[Text]) -> dict[str, float]:
    rng = random.Random(7)
    order = originals + copies
    rng.shuffle(order)
    source_of = {c.id: c.id.rsplit("-", 1)[0] for c in copies} | cited_originals(originals)

    def family(text_id: str) -> str:
        while text_id in source_of:
            text_id = source_of[text_id]
        return text_id

    index = dedup.DuplicateIndex()
    true_pos = false_pos = false_neg = 0
    seen_families: set[str] = set()
    started = time.perf_counter()
    for text in order:
        found = index.add(article_of(text))
        expected = family(text.id) in seen_families
        right = found is not None and family(found) == family(text.id)
        if found is not None and right:
            true_pos += 1
        elif found is not None:
            false_pos += 1
        if expected and not right:
            false_neg += 1
        seen_families.add(family(text.id))
    seconds = time.perf_counter() - started
    precision = true_pos / ((true_pos + false_pos) or 1)
    recall = true_pos / ((true_pos + false_neg) or 1)
    return {
        "articles": len(order),
        "links_expected": true_pos + false_neg,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(2 * precision * recall / ((precision + recall) or 1), 4),
        "ms_per_article": round(1000 * seconds / len(order), 3),
        "state_bytes_per_article": len(index.to_state()) // len(order),
    }


def main() -> None:
    originals = extraction_texts() + corpus_texts()
    rng = random.Random(2024)
    pages = [t for t in originals if t.group.startswith("x:")]
    copies = [repost(t, EDITS[i % len(EDITS)], rng) for i, t in enumerate(pages)]
    copies += [repost(t, "edited", rng) for t in originals if t.group.startswith("c:")]
    sweep = pair_sweep(originals, copies)
    by_edit = {}
    for edit in EDITS:
        subset = [c for c in copies if c.id.endswith(edit)]
        by_edit[edit] = stream(originals, subset)["recall"]
    figures = {
        "originals": len(originals),
        "reposts": len(copies),
        "edits": list(EDITS),
        "chosen": {
            "jaccard": CHOSEN.jaccard,
            "containment": CHOSEN.containment,
            "lead_jaccard": CHOSEN.lead_jaccard,
        },
        "stream": stream(originals, copies),
        "recall_by_edit": by_edit,
        "pair_sweep": sweep,
    }
    write_result("near_duplicates", bench_data("extraction"), figures)


if __name__ == "__main__":
    main()
