"""`crosswire batch --partition`: partitions deduplicated and clustered apart, in parallel,
then replayed into the store and stitched across their boundaries."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.stories.factory import CHILE, ELECTION, HARBOUR, VOLCANO, analysis, article
from tests.test_crosscheck import built_by, members

from crosswire import crosscheck
from crosswire.batch import partition
from crosswire.batch.partition import UNDATED, PartitionedCrossCheck, partition_of
from crosswire.crosscheck import CrossCheck
from crosswire.model import Analysis, Article
from crosswire.pipeline import Analysed
from crosswire.store import open_store
from crosswire.stories.vectors import term_counts
from crosswire.story_build import Built, StoryWork


def harbour(article_id: str, published: str | None, detail: int) -> Article:
    """One outlet's report of the harbour opening, with a detail of its own."""
    return article(article_id, f"{HARBOUR} Outlet {article_id} adds detail {detail}.", published)


# A story across the February/March boundary, and two others, one on each side of it
CORPUS = [
    harbour("h1", "2021-02-26", 11),
    article("e1", ELECTION, "2021-02-27"),
    harbour("h2", "2021-02-28", 23),
    harbour("h3", "2021-03-01", 37),
    article("v1", VOLCANO, "2021-03-02"),
    harbour("h4", "2021-03-02", 41),
]
HARBOUR_IDS = {"h1", "h2", "h3", "h4"}
OTHERS = [frozenset({"e1"}), frozenset({"v1"})]


def analysed(item: Article) -> Analysis:
    """The harbour reports name Chile."""
    return analysis(item, CHILE) if HARBOUR in item.text else analysis(item)


def commit_all(check: CrossCheck, items: list[Article], batch: int = 2) -> None:
    """Store the articles and cross-check them batch by batch, as `Pipeline.commit` does."""
    for start in range(0, len(items), batch):
        done = [Analysed.of(a, analysed(a)) for a in items[start : start + batch]]
        with check.store.transaction():
            for a in done:
                check.store.add_article(a.article, a.analysis)
            check.add(done)
    check.finish(built_by([]))


def stories_of(check: CrossCheck) -> set[frozenset[str]]:
    """The stored stories as sets of article ids."""
    return {frozenset(m) for m in members(check.store).values()}


def run(tmp_path: Path, name: str, items: list[Article], workers: int = 2) -> CrossCheck:
    store = open_store(tmp_path / f"{name}.db")
    check = PartitionedCrossCheck(store, 2, by="month", workers=workers)
    commit_all(check, items)
    return check


def test_partitions_are_months_or_iso_weeks_and_undated_articles_have_their_own() -> None:
    assert partition_of("2021-02-28T23:10:00Z", "month") == "2021-02"
    assert partition_of("2021-03-01", "week") == "2021-W09"
    assert partition_of("2021-01-03", "week") == "2020-W53"  # ISO weeks cross the year
    assert partition_of(None, "month") == partition_of("3 March", "week") == UNDATED
    assert sorted(["undated", "2021-W09", "2021-03"])[-1] == UNDATED  # the last replayed


def test_a_story_across_a_partition_boundary_ends_as_one_story(tmp_path: Path) -> None:
    check = run(tmp_path, "partitioned", CORPUS)
    assert stories_of(check) == {frozenset(HARBOUR_IDS), *OTHERS}
    assert not check.store.errors()
    # replayed into the store's own stages: a later run goes on from them
    clusterer = check._clusterer.load(check.store)
    assert len({clusterer.story_id(a) for a in HARBOUR_IDS}) == 1
    later = harbour("h5", "2021-03-03", 59)
    sequential = CrossCheck(check.store, 2)
    commit_all(sequential, [later])
    assert stories_of(sequential) == {frozenset(HARBOUR_IDS | {"h5"}), *OTHERS}


def test_partitioned_and_sequential_runs_agree(tmp_path: Path) -> None:
    sequential = CrossCheck(open_store(tmp_path / "sequential.db"), 2)
    commit_all(sequential, CORPUS)
    weekly = PartitionedCrossCheck(open_store(tmp_path / "weekly.db"), 2, by="week", workers=2)
    commit_all(weekly, CORPUS)
    assert stories_of(run(tmp_path, "monthly", CORPUS)) == stories_of(sequential)
    assert stories_of(weekly) == stories_of(sequential)


def test_a_partition_weighs_terms_by_the_store_and_the_partitions_before_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The document counts a partition clusters with are those the replay's stages have
    when its articles arrive there in time order: the earlier partitions', not the later."""
    real = partition.cluster_partition
    seen: dict[str, partition.DocumentCounts] = {}
    files: list[Path] = []

    def noted(task: partition.PartitionTask) -> Any:
        assert task.counts is not None
        # each file is deleted once its partition is back (one worker: before the next)
        assert not any(path.exists() for path in files)
        files.append(task.counts)
        seen[task.key] = partition.DocumentCounts.load(task.counts)
        return real(task)

    monkeypatch.setattr(partition, "cluster_partition", noted)
    run(tmp_path, "counts", CORPUS, workers=1)
    volcano = set(term_counts(CORPUS[4]))  # a March report's terms
    only_march = volcano - {t for a in CORPUS if a is not CORPUS[4] for t in term_counts(a)}
    assert only_march
    assert seen["2021-02"].n_docs == 3 and not only_march & set(seen["2021-02"].df)
    assert seen["2021-03"].n_docs == 6
    assert all(seen["2021-03"].df[t] == 1 for t in only_march)


def test_an_undated_report_joins_its_dated_story(tmp_path: Path) -> None:
    check = run(tmp_path, "undated", [*CORPUS, harbour("u1", None, 67)])
    assert stories_of(check) == {frozenset(HARBOUR_IDS | {"u1"}), *OTHERS}


def test_a_copy_in_another_partition_joins_its_original(tmp_path: Path) -> None:
    copy = article("c1", CORPUS[0].text, "2021-03-03")  # h1 reposted in March
    check = run(tmp_path, "copy", [*CORPUS, copy])
    [stored] = check.store.articles(["c1"])
    assert stored.duplicate_of == "h1"
    assert stories_of(check) == {frozenset(HARBOUR_IDS | {"c1"}), *OTHERS}


def test_a_copy_stays_where_its_own_partition_put_it_until_the_consolidation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The partition saw the copy and its original: where it put them is the partition's
    decision, which the replay keeps; the consolidation at the end of the batch then
    examines it as it would a sequential batch's (a lone copy joins its original)."""
    copy = article("c1", VOLCANO, "2021-03-03")  # v1 reposted, in v1's partition
    real = partition.cluster_partition

    def parted(task: partition.PartitionTask) -> Any:
        placed = real(task)
        if isinstance(placed, partition.Placed) and "c1" in placed.story_of:
            placed.story_of["c1"] = "a story of its own"
        return placed

    replayed: list[set[frozenset[str]]] = []
    consolidate = PartitionedCrossCheck.consolidate

    def noted(self: PartitionedCrossCheck) -> Any:
        with self.store.transaction():
            story_of = {a.id: self.store.story_of(a.id) for a in [*CORPUS, copy]}
        replayed.append(
            {frozenset(a for a in story_of if story_of[a] == s) for s in story_of.values()}
        )
        return consolidate(self)

    monkeypatch.setattr(partition, "cluster_partition", parted)
    monkeypatch.setattr(PartitionedCrossCheck, "consolidate", noted)
    check = run(tmp_path, "copy-parted", [*CORPUS, copy], workers=1)
    [stored] = check.store.articles(["c1"])
    assert stored.duplicate_of == "v1"
    assert replayed == [{frozenset(HARBOUR_IDS), *OTHERS, frozenset({"c1"})}]
    assert stories_of(check) == {frozenset(HARBOUR_IDS), frozenset({"e1"}), frozenset({"v1", "c1"})}


def test_every_story_is_built_once_at_the_end_by_the_story_map(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The undated articles join their stories in the driver, but their stories are built
    with the others by `finish`'s story map (in parallel), not one by one as they join."""
    in_driver: list[str] = []
    real = crosscheck.build_work

    def noted(work: StoryWork) -> Built:
        in_driver.append(work.story_id)
        return real(work)

    monkeypatch.setattr(crosscheck, "build_work", noted)
    store = open_store(tmp_path / "built.db")
    check = PartitionedCrossCheck(store, 2, by="month", workers=1)
    mapped: list[str] = []
    items = [*CORPUS, harbour("u1", None, 67), article("u2", ELECTION, None)]
    for start in range(0, len(items), 2):
        done = [Analysed.of(a, analysed(a)) for a in items[start : start + 2]]
        with store.transaction():
            for a in done:
                store.add_article(a.article, a.analysis)
            check.add(done)
    check.finish(built_by(mapped))
    assert in_driver == []
    assert sorted(mapped) == sorted(members(store))
    [undated] = store.articles(["u1"])
    assert undated.published_inferred  # dated by its story's build


def test_a_failing_partition_is_recorded_and_its_articles_cross_checked_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clustered = partition._clustered

    def fails_in_march(items: list[Analysed], *rest: Any) -> dict[str, str]:
        if any(a.article.published == "2021-03-01" for a in items):
            raise RuntimeError("march is broken")
        return clustered(items, *rest)

    monkeypatch.setattr(partition, "_clustered", fails_in_march)
    check = run(tmp_path, "failing", CORPUS, workers=1)
    [error] = check.store.errors()
    assert error.path == "partition 2021-03" and "march is broken" in error.reason
    # the March articles were clustered in order by the driver, onto the February story
    assert stories_of(check) == {frozenset(HARBOUR_IDS), *OTHERS}


def test_articles_a_killed_partitioned_batch_left_are_taken_in_by_the_next(
    tmp_path: Path,
) -> None:
    store = open_store(tmp_path / "killed.db")
    killed = PartitionedCrossCheck(store, 2, by="month", workers=1)
    first = [Analysed.of(a, analysed(a)) for a in CORPUS[:3]]
    with store.transaction():  # stored and spooled, then killed before `finish`
        for a in first:
            store.add_article(a.article, a.analysis)
        killed.add(first)
    assert members(store) == {}
    check = PartitionedCrossCheck(store, 2, by="month", workers=1)
    commit_all(check, CORPUS[3:])
    assert stories_of(check) == {frozenset(HARBOUR_IDS), *OTHERS}
    assert not list(store.scan_entries(partition.PENDING))
