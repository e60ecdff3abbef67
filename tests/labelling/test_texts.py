"""The article texts the pool points into: what each source gives."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from tools.labelling.texts import read_articles

PAGE = (
    "<html><head><title>Council meets</title></head><body><article><h1>Council meets</h1>"
    "<p>The town council met on Tuesday evening to discuss the new bridge over the river, "
    "and members agreed to ask the region for help with the cost of the repairs.</p>"
    "</article></body></html>"
)


def test_a_pubdate_page_without_a_gold_date_has_no_publication_date(tmp_path: Path):
    folder = tmp_path / "bench" / "pubdate"
    (folder / "html").mkdir(parents=True)
    for name in ("dated", "undated"):
        (folder / "html" / f"{name}.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    gold = {  # the benchmark's gold.json writes an unknown date as NaN
        "https://example.invalid/dated": {"file": "dated.html.gz", "date": "2020-09-21"},
        "https://example.invalid/undated": {"file": "undated.html.gz", "date": float("nan")},
    }
    (folder / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    dated, undated = read_articles(tmp_path, "pubdate")
    assert (dated.doc, dated.published) == ("dated", "2020-09-21")
    assert (undated.doc, undated.published) == ("undated", None)


def test_a_tempeval_document_is_its_text_dated_by_its_creation_time(tmp_path: Path):
    folder = tmp_path / "bench" / "time"
    folder.mkdir(parents=True)
    rows = [
        {"doc": "wire2", "dct": "1998-02-13", "text": "\nTalks resumed.", "timexes": []},
        {
            "doc": "wire1",
            "dct": "1990-08-15T13:37",
            "text": "Troops crossed the border.",
            "timexes": [],
        },
    ]
    lines = "".join(json.dumps(row) + "\n" for row in rows)
    (folder / "tempeval3-tbaq.jsonl").write_text(lines, encoding="utf-8")
    first, second = read_articles(tmp_path, "te3")  # sorted by document id
    assert (first.key, first.published, first.text) == (
        "te3:wire1",
        "1990-08-15",
        "Troops crossed the border.",
    )
    assert (second.key, second.text) == ("te3:wire2", "\nTalks resumed.")
