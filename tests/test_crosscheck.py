"""CrossCheck's contract: a batch of stored articles in -> the stories it touched; finish ->
the stories left stale rebuilt; a failing article or story is one error record, the rest
goes on."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from tests.stories.factory import HARBOUR, HARBOUR_OTHER_OUTLET, VOLCANO, analysis, article

from crosswire import story_build
from crosswire.crosscheck import Changes, CrossCheck
from crosswire.model import Analysis, Article, IngestError
from crosswire.pipeline import Analysed
from crosswire.settings import Settings, StoriesSettings
from crosswire.store import Store, open_store
from crosswire.stories.cluster import StoryClusterer
from crosswire.story_build import Built, StoryFailed, StoryMap, StoryWork, build_work


@pytest.fixture
def check(tmp_path: Path) -> Iterator[CrossCheck]:
    store = open_store(tmp_path / "x.db")
    yield CrossCheck(store, stories_per_transaction=1)
    store.close()


def analysed(item: Article) -> Analysed:
    return Analysed.of(item, analysis(item))


def commit(check: CrossCheck, *items: Article) -> Changes:
    """Store a batch and cross-check it in one transaction, as `Pipeline.commit` does."""
    batch = [analysed(item) for item in items]
    with check.store.transaction():
        for a in batch:
            check.store.add_article(a.article, a.analysis)
        return check.add(batch)


def reports(prefix: str, text: str, n: int) -> list[Article]:
    """n outlets' reports of one event (the same text, each with a detail of its own)."""
    return [article(f"{prefix}{i}", f"{text} Outlet {i} adds detail {i * 7}.") for i in range(n)]


def members(store: Store) -> dict[str, set[str]]:
    return {s.id: set(s.article_ids) for s in store.stories()}


def built_by(seen: list[str]) -> StoryMap:
    """A story map that builds in order, as the local executor does, and notes the stories."""

    def build_map(work: Iterable[StoryWork]) -> Iterator[Built]:
        for story in work:
            seen.append(story[0])
            yield build_work(story)

    return build_map


def test_a_batch_gives_the_stories_it_touched_built(check: CrossCheck) -> None:
    harbour, volcano = article("a", HARBOUR), article("b", VOLCANO)
    follow_up = article("c", HARBOUR_OTHER_OUTLET, published="2021-03-02")
    changes = commit(check, harbour, volcano, follow_up)
    stories = members(check.store)
    assert sorted(stories.values(), key=len) == [{"b"}, {"a", "c"}]
    assert changes == Changes(touched=frozenset(stories))
    assert all(s.brief for s in check.store.stories())  # new stories are built at once
    assert commit(check) == Changes()  # nothing new, nothing touched


def test_finish_rebuilds_the_stories_left_stale(check: CrossCheck) -> None:
    touched = [commit(check, item).touched for item in reports("h", HARBOUR, 4)]
    [story] = touched[0]
    assert touched == [{story}] * 4
    # built at 1, 2 and 3 articles; at 4 it has not grown by half: stale until the end
    assert members(check.store) == {story: {"h0", "h1", "h2"}}
    assert check.stale_ids() == [story] and check.stale_articles() == 4
    seen: list[str] = []
    assert check.finish(built_by(seen)) == Changes(rebuilt=1)
    assert seen == [story] and members(check.store) == {story: {"h0", "h1", "h2", "h3"}}
    assert check.stale_ids() == [] and check.finish(built_by(seen)) == Changes()


def test_a_failing_article_is_one_error_record_and_the_batch_goes_on(
    check: CrossCheck, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_add = StoryClusterer.add

    def add(self: StoryClusterer, item: Article, *rest: object) -> str:
        if item.id == "bad":
            raise ValueError("no story for this one")
        return real_add(self, item, *rest)

    monkeypatch.setattr(StoryClusterer, "add", add)
    good = article("a", HARBOUR)
    changes = commit(check, article("bad", VOLCANO), good)
    error = IngestError(
        "bad.txt (article bad)", "cross-checking failed: ValueError: no story for this one"
    )
    assert changes.failures == (error,) and check.store.errors() == [error]
    assert list(members(check.store).values()) == [{"a"}] and len(changes.touched) == 1
    assert {a.id for a in check.store.articles()} == {"a", "bad"}  # stored, in no story


def test_a_failing_story_build_is_one_error_record_and_the_others_are_rebuilt(
    check: CrossCheck,
) -> None:
    for harbour, volcano in zip(reports("h", HARBOUR, 4), reports("v", VOLCANO, 4), strict=True):
        commit(check, harbour, volcano)
    stale = check.stale_ids()
    assert len(stale) == 2
    failing = next(s for s in stale if "h0" in members(check.store)[s])

    def build_map(work: Iterable[StoryWork]) -> Iterator[Built]:
        for story in work:
            yield (
                StoryFailed(failing, "story build failed: boom")
                if story[0] == failing
                else build_work(story)
            )

    changes = check.finish(build_map)
    assert changes == Changes(
        rebuilt=2, failures=(IngestError(f"story {failing}", "story build failed: boom"),)
    )
    assert check.store.errors() == list(changes.failures)
    stories = members(check.store)
    assert stories[failing] == {"h0", "h1", "h2"}  # as stored before, and no longer stale
    assert len(stories[next(s for s in stale if s != failing)]) == 4
    assert check.stale_ids() == []


@pytest.mark.slow
def test_an_article_dated_from_its_story_goes_back_to_the_clusterer(
    check: CrossCheck, monkeypatch: pytest.MonkeyPatch
) -> None:
    revised: list[tuple[str, str | None, str | None]] = []
    real_revise = StoryClusterer.revise

    def revise(self: StoryClusterer, item: Article, redone: Analysis, *rest: Any) -> str | None:
        revised.append((item.id, item.published, redone.anchor))
        return real_revise(self, item, redone, *rest)

    monkeypatch.setattr(StoryClusterer, "revise", revise)
    commit(check, article("a", HARBOUR), article("b", VOLCANO))
    # undated, it joins the story, whose rebuild in the batch dates it: the clusterer
    # learns the date at once; its analysis is redone by the story's build at the end (the
    # story stays stale until then), and the clusterer learns that too
    [story] = commit(check, article("c", HARBOUR_OTHER_OUTLET, published=None)).touched
    assert revised == [("c", "2021-03-01", None)]
    [stored] = check.store.articles(["c"])
    assert stored.published == "2021-03-01" and stored.published_inferred
    assert check.store.analysis("c").anchor is None and check.stale_ids() == [story]
    seen: list[str] = []
    assert check.finish(built_by(seen)) == Changes(rebuilt=1) and seen == [story]
    assert revised[1:] == [("c", "2021-03-01", "2021-03-01")]
    assert check.store.analysis("c").anchor == "2021-03-01" and check.stale_ids() == []


def test_a_batch_s_build_dates_an_article_and_leaves_its_analysis_to_the_end(
    check: CrossCheck, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An undated article's story is built again and again as it grows, its date moving:
    its analysis is not redone each time (the batches' builds redid it three times here),
    only once at the end, against the date it ends with, if any."""
    redone: list[tuple[str, str | None]] = []

    def analyse_articles(items: list[Article], settings: Settings) -> list[Analysis]:
        redone.extend((a.id, a.published) for a in items)
        return [replace(analysis(a), anchor=a.published) for a in items]

    monkeypatch.setattr(story_build, "analyse_articles", analyse_articles)
    commit(check, article("h0", HARBOUR), article("b", VOLCANO))
    [story] = commit(check, article("u", HARBOUR_OTHER_OUTLET, published=None)).touched
    commit(check, article("h1", f"{HARBOUR} Outlet 1 adds 7.", published="2021-03-05"))
    assert set(members(check.store)[story]) == {"h0", "u", "h1"}
    commit(check, article("h2", f"{HARBOUR} Outlet 2 adds 14.", published="2021-03-09"))
    commit(check, article("h3", f"{HARBOUR} Outlet 3 adds 21.", published="2021-03-12"))
    # dated 2021-03-05 by the build at four articles, it no longer hangs together with the
    # story: the clusterer, told the date in the batch, split it off on its own, undated
    assert set(members(check.store)[story]) == {"h0", "h1", "h2", "h3"}
    [alone] = (s for s, ids in members(check.store).items() if "u" in ids)
    check.finish(built_by([]))
    [dated] = check.store.articles(["u"])
    assert set(members(check.store)[alone]) == {"u"} and dated.published is None
    assert redone == [] and check.store.analysis("u").anchor is None


HARBOUR_THIRD_OUTLET = (
    "Valparaiso's new container terminal opened on Monday, doubling the capacity of the"
    " harbour. The transport minister cut the ribbon while dock workers protested over shift"
    " patterns at the terminal gate. Ships from Asia will wait less, operators said."
)
HARBOUR_FOURTH_OUTLET = (
    "Dock workers in Valparaiso protested over shift patterns on Monday as the transport"
    " minister opened a container terminal that doubles the harbour's capacity. Shipping"
    " lines said vessels from Asia would spend less time waiting for a berth."
)


def test_the_settings_are_the_caller_s_not_the_store_s(tmp_path: Path) -> None:
    """A store cross-checked with some settings goes on with those of whoever opens it."""
    apart = Settings().model_copy(
        update={"stories": StoriesSettings(join_score=1.0, merge_score=1.0)}
    )
    store = open_store(tmp_path / "x.db")
    commit(CrossCheck(store, settings=apart), article("a", HARBOUR))
    commit(CrossCheck(store, settings=apart), article("b", HARBOUR_OTHER_OUTLET))
    assert len(members(store)) == 2  # nothing joins at a join score of 1
    commit(CrossCheck(store), article("c", HARBOUR_THIRD_OUTLET))
    assert len(members(store)) == 2  # the defaults: it joined one of them
    commit(CrossCheck(store, settings=apart), article("d", HARBOUR_FOURTH_OUTLET))
    assert len(members(store)) == 3
    store.close()


def test_finish_moves_consolidated_articles_in_the_store_and_drops_an_emptied_story(
    check: CrossCheck,
) -> None:
    commit(check, article("h", HARBOUR), article("v", VOLCANO))
    harbour, volcano = check.store.story_of("h"), check.store.story_of("v")
    assert harbour is not None and volcano is not None
    clusterer = check._clusterer.load(check.store)
    with check.store.transaction():  # as if the harbour report had been put with the volcano
        clusterer._move({harbour: ["h"], volcano: ["v"]}, {"h": volcano})
        check._save_stories(clusterer, check._builds.load(check.store))
        for item in check.store.articles(["h"]):
            check.store.update_article(item, volcano)
        check.store.delete_story(harbour)
    follow_up = article("o", HARBOUR_OTHER_OUTLET, published="2021-03-02")
    commit(check, follow_up)  # the second outlet's harbour report opens a story of its own
    assert len(members(check.store)) == 2
    changes = check.finish(built_by([]))
    stories = members(check.store)
    assert sorted(stories.values(), key=len) == [{"v"}, {"h", "o"}]
    assert changes.failures == ()
    assert all(s.brief for s in check.store.stories())
