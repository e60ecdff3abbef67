"""The pool's rules on small inputs, and the stored pool against ../shared."""

from __future__ import annotations

from collections import Counter

import pytest
from tools.labelling.batches import OVERLAP_MIN, design, load_design
from tools.labelling.pool import (
    PoolArticle,
    _ecb_order,
    _splits,
    load_pool,
    split_sentences,
)
from tools.labelling.texts import SourceArticle, article_text, read_articles, short_hash


def article(source: str, doc: str, n: int = 10, split: str = "train", lang: str = "en"):
    return PoolArticle(
        f"{source}:{doc}", source, doc, split, f"{source}:{doc}", lang, "x", n, False
    )


def test_splits_are_60_20_20_by_article_and_by_topic_for_ecb():
    chosen = [(SourceArticle("extraction", f"p{i}", "t"), []) for i in range(50)]
    chosen += [(SourceArticle("ecb", f"{t}_{i}ecb", "t"), []) for t in range(10) for i in range(3)]
    splits = _splits(chosen)
    pages = Counter(v for k, v in splits.items() if k.startswith("extraction:"))
    assert pages == {"train": 30, "dev": 10, "test": 10}
    topics = Counter(v for k, v in splits.items() if k.startswith("ecb-topic:"))
    assert topics == {"train": 6, "dev": 2, "test": 2}
    assert _splits(list(reversed(chosen))) == splits  # input order does not matter


def test_ecb_order_covers_every_cluster_before_repeating_one():
    docs = ["1_1ecb", "1_2ecb", "1_3ecbplus", "2_1ecb", "2_4ecbplus", "2_5ecbplus"]
    ordered = _ecb_order(SourceArticle("ecb", d, "t") for d in docs)
    first = {a.doc.split("_")[0] + a.doc.endswith("plus") * "+" for a in ordered[:4]}
    assert first == {"1", "1+", "2", "2+"}


def test_the_design_keeps_articles_whole_and_apart():
    articles = [article(s, f"d{i}", n=8 + i % 7) for s in ("extraction", "pubdate", "ecb")
                for i in range(40)]  # fmt: skip
    batches = design(articles, [])
    keys = [k for b in batches for k in b["articles"]]
    assert len(keys) == len(set(keys)) == len(articles)
    overlap = [b for b in batches if b["kind"] == "overlap"]
    assert sum(b["n_sentences"] for b in overlap) >= OVERLAP_MIN
    assert all(set(b["by_source"].values()) != {0} for b in overlap)
    assert [b["id"] for b in batches][:3] == ["p01", "x01", "x02"]
    assert all(b["n_sentences"] <= 260 for b in batches if b["kind"] == "single")
    assert design(articles, []) == batches


@pytest.mark.slow
def test_sentences_split_inside_lines_with_trimmed_offsets():
    text = "  Rebels attacked the post. Police arrived later.\n\nHEADLINE without stop\n"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Rebels attacked the post.", "Police arrived later.", "HEADLINE without stop"
    ]  # fmt: skip
    assert split_sentences(text, cap=1) == spans[:1]


def test_a_second_tier_adds_batches_and_leaves_the_first_tiers_as_they_were():
    first = [article(s, f"d{i}") for i in range(40) for s in ("extraction", "pubdate", "ecb")]
    second = [article("te3", f"w{i}", n=12) for i in range(30)]
    before = design(first, [])
    after = design(first + second, [])
    assert after[: len(before)] == before
    added = after[len(before) :]
    assert [b["id"] for b in added] == ["e01", "e02"]
    assert [k for b in added for k in b["articles"]] == [a.key for a in second]
    assert all(b["by_source"]["te3"] == b["n_sentences"] for b in added)


def test_the_stored_pool_meets_the_design(shared):
    pool = load_pool()
    by_source = Counter(a.source for a in pool.articles.values())
    assert by_source["extraction"] == 92 and by_source["pubdate"] == 97
    assert len(pool.sentences) >= 2400
    assert {a.split for a in pool.articles.values()} == {"train", "dev", "test"}
    batches = load_design().values()
    keys = [k for b in batches for k in b["articles"]]
    assert len(keys) == len(set(keys))
    assert sum(b["n_sentences"] for b in batches if b["kind"] == "overlap") >= 300
    assert sum(b["n_sentences"] for b in batches) == len(pool.sentences)


def test_stored_hashes_match_the_shared_texts(shared):
    """Extraction and ECB+ texts are files: every pooled sentence must still hash the same
    (the pubdate pages depend on trafilatura and are checked by `pool.py verify`)."""
    pool = load_pool()
    for source in ("extraction", "ecb"):
        texts = {a.key: a.text for a in read_articles(shared, source)}
        for sentence in pool.sentences.values():
            if sentence.article in texts:
                text = texts[sentence.article][sentence.start : sentence.end]
                assert short_hash(text) == sentence.sha, sentence.id
    assert article_text(shared, next(iter(pool.articles))).text
