"""An inferred publication date carries its evidence: the story whose dated articles gave
it, and the date the article states itself that bounded it, as written."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from tests.stories.factory import HARBOUR, HARBOUR_OTHER_OUTLET, VOLCANO, article
from tests.test_crosscheck import check, commit  # noqa: F401 (the fixture)

from crosswire.crosscheck import CrossCheck
from crosswire.export import export_jsonl
from crosswire.export.tabular import export_csv
from crosswire.model import Analysis, TimeExpr
from crosswire.pipeline import Analysed
from crosswire.stories import InferredDate, inferred_date

STORY = [article("b", VOLCANO, d) for d in ("2021-03-01", "2021-03-02", "2021-03-05")]


def test_the_story_median_has_no_expression_and_a_stated_date_is_named() -> None:
    undated = article("a", HARBOUR, published=None)
    assert inferred_date(undated, Analysis("a"), STORY) == InferredDate("2021-03-02")
    own = Analysis("a", times=[TimeExpr(10, 20, "March 4", "DATE", "2021-03-04")])
    assert inferred_date(undated, own, STORY) == InferredDate("2021-03-05", "March 4")
    relative = Analysis("a", times=[TimeExpr(10, 20, "Thursday", "DATE", "2021-03-04")])
    assert inferred_date(undated, relative, STORY) == InferredDate("2021-03-02")


@pytest.mark.slow
def test_an_article_dated_from_its_story_keeps_the_story_and_expression(
    check: CrossCheck,  # noqa: F811
    tmp_path: Path,
) -> None:
    commit(check, article("a", HARBOUR), article("b", VOLCANO))
    text = HARBOUR_OTHER_OUTLET + " Monday was March 1."
    start = text.index("March 1")
    stated = Analysis("c", times=[TimeExpr(start, start + 7, "March 1", "DATE", "2021-03-01")])
    undated = Analysed.of(article("c", text, published=None), stated)
    with check.store.transaction():
        check.store.add_article(undated.article, undated.analysis)
        check.add([undated])
    [stored] = check.store.articles(["c"])
    story = check.store.story_of("c")
    assert stored.published == "2021-03-01" and stored.published_inferred
    assert (stored.inferred_from_story, stored.inferred_from_text) == (story, "March 1")
    [dated] = check.store.articles(["a"])
    assert (dated.inferred_from_story, dated.inferred_from_text) == (None, None)
    rows = export_jsonl(check.store, tmp_path / "jsonl")["articles"].read_text().splitlines()
    exported = {row["id"]: row for row in map(json.loads, rows)}
    assert exported["c"]["inferred_from_story"] == story
    assert exported["c"]["inferred_from_text"] == "March 1"
    assert exported["a"]["inferred_from_story"] is None
    with export_csv(check.store, tmp_path / "csv")["articles"].open(newline="") as handle:
        table = {row["id"]: row for row in csv.DictReader(handle)}
    assert table["c"]["inferred_from_story"] == story
    assert table["c"]["inferred_from_text"] == "March 1"
