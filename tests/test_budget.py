"""The per-article time budget and per-record guard, in every local executor: an article
whose analysis never ends, or whose stage raises, is one error record and the run goes on."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from tests.batch import stages
from tests.conftest import write_corpus

from crosswire import pipeline, story_build
from crosswire.budget import (
    BudgetUnenforceable,
    OverBudget,
    failure_reason,
    time_limit,
    within,
)
from crosswire.export import export_jsonl
from crosswire.model import Article, IngestError, Source
from crosswire.pipeline import Pipeline, RunReport
from crosswire.stories.cluster import StoryClusterer

T = TypeVar("T")
BUDGET = 3.0
OVER = f"analysis took longer than {BUDGET:g} s"


def test_time_limit_interrupts_a_block_that_never_ends() -> None:
    with pytest.raises(OverBudget), time_limit(0.2):
        while True:
            time.sleep(0.01)


def test_time_limit_off_the_main_thread_refuses_instead_of_not_limiting() -> None:
    raised: list[BaseException] = []

    def work() -> None:
        try:
            with time_limit(1.0):
                pass
        except BaseException as exc:
            raised.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert raised and isinstance(raised[0], BudgetUnenforceable)


def test_within_turns_a_failure_into_the_records_error() -> None:
    source = Source(path="feed.jsonl", format="text", text="x", record="7")

    def broken() -> None:
        raise KeyError("gone")

    assert within(source, None, broken) == IngestError(
        "feed.jsonl", "analysis failed: KeyError: 'gone'", "7"
    )
    assert len(failure_reason(ValueError("x" * 10_000))) < 300


def _corpus(folder: Path, marked: str) -> Path:
    """The three-article corpus and a fourth article naming the marked person."""
    write_corpus(folder)
    (folder / "marked.txt").write_text(
        f"Talks in Oslo\n\nOfficials met {marked} in Oslo on Monday, the ministry said.\n",
        encoding="utf-8",
    )
    return folder


def _exported(db: Path, out: Path) -> dict[str, list[str]]:
    store = Pipeline(db).store
    try:
        return {
            name: sorted(path.read_text(encoding="utf-8").splitlines())
            for name, path in export_jsonl(store, out).items()
            if name != "errors"
        }
    finally:
        store.close()


def _assert_one_error(report: RunReport, reason: str) -> None:
    assert [(Path(e.path).name, e.reason) for e in report.errors] == [("marked.txt", reason)]
    assert report.new_articles == 3


@pytest.fixture
def misbehaving(monkeypatch: pytest.MonkeyPatch) -> None:
    """The misbehaving stage here, in forked workers (inherited) and in spawned ones and
    children (their warm-up installs it)."""
    monkeypatch.setattr("crosswire.actors.find_attributions", stages.misbehaving_attributions)
    monkeypatch.setattr(pipeline, "warm_up", stages.warm_up_and_install)


@pytest.mark.slow
def test_one_process_records_an_endless_article_and_stores_the_rest(
    misbehaving: None, tmp_path: Path
) -> None:
    # the articles within budget are stored as by an unbudgeted run without the marked one
    plain = write_corpus(tmp_path / "in")
    Pipeline(tmp_path / "plain.db", time_budget=None).run([str(plain)])
    corpus = _corpus(tmp_path / "in", stages.SLOW)
    report = Pipeline(tmp_path / "x.db", time_budget=BUDGET).run([str(corpus)])
    _assert_one_error(report, OVER)
    assert _exported(tmp_path / "x.db", tmp_path / "a") == _exported(
        tmp_path / "plain.db", tmp_path / "b"
    )


@pytest.mark.slow
def test_worker_processes_record_an_endless_article(misbehaving: None, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in", stages.SLOW)
    pipe = Pipeline(tmp_path / "x.db", batch_size=2, workers=2, time_budget=BUDGET)
    _assert_one_error(pipe.run([str(corpus)]), OVER)


@pytest.mark.slow
def test_a_run_off_the_main_thread_records_an_endless_article(
    misbehaving: None, tmp_path: Path
) -> None:
    """As the server's ingest thread runs `Pipeline.run`: the analysis goes to a child."""
    corpus = _corpus(tmp_path / "in", stages.SLOW)
    reports: list[RunReport] = []

    def ingest() -> None:
        pipe = Pipeline(tmp_path / "x.db", time_budget=BUDGET)  # opened in this thread
        reports.append(pipe.run([str(corpus)]))
        pipe.store.close()

    thread = threading.Thread(target=ingest)
    thread.start()
    thread.join()
    [report] = reports
    _assert_one_error(report, OVER)


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_a_failing_stage_is_one_error_record(
    misbehaving: None, tmp_path: Path, workers: int
) -> None:
    corpus = _corpus(tmp_path / "in", stages.BROKEN)
    report = Pipeline(tmp_path / "x.db", batch_size=2, workers=workers).run([str(corpus)])
    _assert_one_error(report, "analysis failed: ValueError: a stage failed on this article")


def _broken_if_marked(real: Callable[..., T]) -> Callable[..., T]:
    def broken(*args: object, **kwargs: object) -> T:
        texts = " ".join(a.text for a in _articles(args))
        if stages.BROKEN in texts:
            raise ValueError("a cross-article stage failed")
        return real(*args, **kwargs)

    return broken


def _articles(args: tuple[object, ...]) -> list[Article]:
    found = []
    for arg in args:
        if isinstance(arg, Article):
            found.append(arg)
        elif isinstance(arg, list):
            found += [a for a in arg if isinstance(a, Article)]
    return found


@pytest.mark.slow
def test_a_failing_clustering_step_is_one_error_and_the_article_is_kept(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(StoryClusterer, "add", _broken_if_marked(StoryClusterer.add))
    corpus = _corpus(tmp_path / "in", stages.BROKEN)
    pipe = Pipeline(tmp_path / "x.db")
    report = pipe.run([str(corpus)])
    [error] = report.errors
    assert error.path.startswith(str(corpus / "marked.txt")) and error.reason == (
        "cross-checking failed: ValueError: a cross-article stage failed"
    )
    assert report.new_articles == 4  # stored, in no story
    assert sum(len(s.article_ids) for s in pipe.store.stories()) == 3


@pytest.mark.slow
def test_a_failing_story_build_is_one_error_and_the_other_stories_are_built(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(story_build, "write_brief", _broken_if_marked(story_build.write_brief))
    corpus = write_corpus(tmp_path / "in")
    (corpus / "flood2.txt").write_text(
        f"Floods in Bangladesh\n\n{stages.BROKEN} said on Friday heavy monsoon rains flooded "
        "northeastern Bangladesh, forcing thousands of families to leave their homes.\n",
        encoding="utf-8",
    )
    pipe = Pipeline(tmp_path / "x.db")
    report = pipe.run([str(corpus)])
    assert [(e.path.split()[0], e.reason) for e in report.errors] == [
        ("story", "story build failed: ValueError: a cross-article stage failed")
    ]
    assert report.new_articles == 4
    built = [s for s in pipe.store.stories() if s.brief]
    assert len(built) == 1  # the meeting; the flood story has no build
