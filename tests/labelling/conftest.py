"""A tiny labelling world written for the tests: a fake ../shared with two ECB+-shaped
articles, a pool over their lines, a batch design and a labels folder."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from tools.labelling.pool import PoolArticle, PoolSentence, sentence_id, write_jsonl
from tools.labelling.texts import short_hash

TEXTS = {
    "1_1ecb": "Rebels attacked a border post on Monday.\nThe army vowed to respond.",
    "2_1ecbplus": "The mayor praised the volunteers.\nIt was sunny all day.",
}
BATCHES = {"b01": ["ecb:1_1ecb"], "x01": ["ecb:2_1ecbplus"]}


@dataclass(frozen=True)
class World:
    shared: Path
    pool: Path
    labels: Path

    def sentence_ids(self, doc: str) -> list[str]:
        ids, offset = [], 0
        for line in TEXTS[doc].split("\n"):
            ids.append(sentence_id(f"ecb:{doc}", offset, offset + len(line)))
            offset += len(line) + 1
        return ids

    def write(self, labeller: str, batch: str, rows: list[dict]) -> Path:
        path = self.labels / labeller / f"{batch}.jsonl"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        return path


def write_shared(shared: Path, texts: dict[str, str]) -> None:
    stories = shared / "bench" / "stories"
    stories.mkdir(parents=True, exist_ok=True)
    rows = [
        {"id": doc, "text": text, "title": text.split("\n")[0], "date": "2024-05-06",
         "url": f"https://example.invalid/{doc}", "cluster": doc}
        for doc, text in texts.items()
    ]  # fmt: skip
    write_jsonl(stories / "ecbplus-dev.jsonl", rows)


@pytest.fixture
def world(tmp_path: Path) -> World:
    shared, pool, labels = tmp_path / "shared", tmp_path / "pool", tmp_path / "labels"
    write_shared(shared, TEXTS)
    articles, sentences = [], []
    for n, (doc, text) in enumerate(TEXTS.items()):
        key, offset, lines = f"ecb:{doc}", 0, text.split("\n")
        for index, line in enumerate(lines):
            start, end = offset, offset + len(line)
            sentences.append(
                PoolSentence(sentence_id(key, start, end), key, index, start, end,
                             short_hash(line), "en")
            )  # fmt: skip
            offset = end + 1
        articles.append(
            PoolArticle(key, "ecb", doc, ("train", "test")[n], key, "en", short_hash(text),
                        len(lines), False)
        )  # fmt: skip
    from dataclasses import asdict

    write_jsonl(pool / "articles.jsonl", [asdict(a) for a in articles])
    write_jsonl(pool / "sentences.jsonl", [asdict(s) for s in sentences])
    design = [
        {"id": b, "kind": "overlap" if b.startswith("x") else "single", "articles": keys,
         "n_sentences": 2, "by_source": {"ecb": 2}}
        for b, keys in BATCHES.items()
    ]  # fmt: skip
    (pool / "batches.json").write_text(json.dumps({"batches": design}), encoding="utf-8")
    return World(shared, pool, labels)


def sentence_row(world: World, doc: str, index: int, labeller: str, **fields) -> dict:
    sid = world.sentence_ids(doc)[index]
    text = TEXTS[doc].split("\n")[index]
    row = {"id": sid, "sha": short_hash(text), "labeller": labeller, "scope": "out",
           "events": []}  # fmt: skip
    row.update(fields)
    return row


def event(**fields) -> dict:
    base = {"type": "ASSAULT", "mode": None, "trigger": [7, 15], "source": [0, 6],
            "source_note": None, "target": [16, 29], "target_note": None, "time": [33, 39],
            "date": "2024-05-06", "date_from": "clause", "modality": "asserted",
            "negated": False}  # fmt: skip
    base.update(fields)
    return base
