"""The whole pipeline end to end: stories, idempotent re-ingest, resume after kill -9."""

from __future__ import annotations

import gzip
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import MEETING_WIRE, write_corpus

import crosswire.story_build as story_build
from crosswire import nlp
from crosswire.export import export_jsonl
from crosswire.model import Analysis, Article, Source
from crosswire.pipeline import (
    _WARM_UP,
    PIECES_PER_BATCH,
    Pipeline,
    chunks,
    piece_size,
    process_items,
)
from crosswire.settings import DEFAULT, load_settings
from crosswire.store import EventFilter
from crosswire.story_build import StoryWork, build_work

pytestmark = pytest.mark.slow


def exported(db: Path, out: Path) -> dict[str, list[dict]]:
    pipeline = Pipeline(db)
    files = export_jsonl(pipeline.store, out)
    pipeline.store.close()
    return {
        name: [json.loads(line) for line in path.read_text().splitlines()]
        for name, path in files.items()
    }


def test_related_articles_form_one_story(corpus: Path, tmp_path: Path) -> None:
    pipeline = Pipeline(tmp_path / "x.db")
    report = pipeline.run([str(corpus)])
    assert report.ok and report.new_articles == 3
    stories = pipeline.store.stories()
    assert sorted(len(s.article_ids) for s in stories) == [1, 2]
    meeting = next(s for s in stories if len(s.article_ids) == 2)
    events = pipeline.store.events(EventFilter(story_id=meeting.id))
    consult = [e for e in events if e.type == "CONSULT"]
    assert consult, [(e.type, e.trigger if hasattr(e, "trigger") else "") for e in events]
    names = {p.name for e in consult for p in e.participants}
    assert {"Anniken Huitfeldt", "Pekka Haavisto"} <= names


def test_reingesting_changes_nothing(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    Pipeline(db).run([str(corpus)])
    first = exported(db, tmp_path / "first")
    second_report = Pipeline(db).run([str(corpus)])
    assert second_report.new_articles == 0 and second_report.skipped == 3
    assert exported(db, tmp_path / "second") == first


def test_bad_inputs_are_reported_and_the_rest_goes_on(corpus: Path, tmp_path: Path) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 40)
    article = "\n".join(f"Line {i}: harbour works went on in district {i * 7}." for i in range(300))
    packed = gzip.compress(article.encode())
    (corpus / "truncated.txt.gz").write_bytes(packed[: len(packed) // 2])
    (corpus / "lines.jsonl").write_text(
        '{"text": "A fine article about a meeting in Oslo.", "url": "https://x.example/1"}\n{not json\n'
    )
    (corpus / "empty.html").write_text("<html><body><script>var a = 1;</script></body></html>")
    pipeline = Pipeline(tmp_path / "x.db")
    report = pipeline.run([str(corpus)])
    failed = {Path(e.path).name for e in report.errors}
    assert {"empty.txt", "binary.txt", "truncated.txt.gz", "lines.jsonl", "empty.html"} <= failed
    assert all(e.reason for e in report.errors)
    assert report.new_articles == 4  # three text files and the good JSONL line
    assert len(pipeline.store.errors()) == report.failed


def test_export_follows_the_contract(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    Pipeline(db).run([str(corpus)])
    tables = exported(db, tmp_path / "out")
    assert set(tables) == {"articles", "entities", "times", "events", "stories", "quotes"}
    article = tables["articles"][0]
    assert {
        "id",
        "url",
        "path",
        "outlet",
        "title",
        "published",
        "published_inferred",
        "language",
        "duplicate_of",
        "cites",
        "text",
    } <= set(article)
    texts = {a["id"]: a["text"] for a in tables["articles"]}
    for row in tables["times"]:
        assert texts[row["article_id"]][row["start"] : row["end"]] == row["text"]
    for row in tables["quotes"]:
        assert texts[row["article_id"]][row["start"] : row["end"]].strip("“”\"‘’'") == row[
            "text"
        ].strip("“”\"‘’'")
    assert tables["events"], "no events exported"
    for event in tables["events"]:
        assert {
            "id",
            "story_id",
            "type",
            "mode",
            "cameo",
            "source",
            "target",
            "location",
            "date",
            "date_from",
            "negated",
            "modality",
            "article_ids",
            "n_sources",
            "mentions",
        } <= set(event)
        for mention in event["mentions"]:
            if mention["section"] == "body":
                text = texts[mention["article_id"]]
                assert text[mention["start"] : mention["end"]] in mention["sentence"]
    for story in tables["stories"]:
        assert {
            "id",
            "title",
            "article_ids",
            "first_date",
            "last_date",
            "brief",
            "contradictions",
        } <= set(story)


def wait_for_articles(
    db: Path, at_least: int, process: subprocess.Popen, timeout: float = 120
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as con:
                    if con.execute("SELECT COUNT(*) FROM articles").fetchone()[0] >= at_least:
                        return
            except sqlite3.OperationalError:
                pass
        time.sleep(0.05)


def test_run_killed_then_resumed_equals_uninterrupted(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    for i in range(6):  # more articles, so the kill lands mid-run
        (corpus / f"extra{i}.txt").write_text(
            f"Item {i} in the news\n\n{1 + i}.04.2023\n\nCity officials in Bergen announced a plan for {i + 2} new bridges on Tuesday.\n"
        )
    reference = tmp_path / "reference.db"
    Pipeline(reference, batch_size=1).run([str(corpus)])

    db = tmp_path / "killed.db"
    command = [
        sys.executable,
        "-m",
        "crosswire.cli",
        "run",
        str(corpus),
        "--db",
        str(db),
        "--batch-size",
        "1",
        "--quiet",
    ]
    process = subprocess.Popen(command, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    wait_for_articles(db, 3, process)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    with sqlite3.connect(db) as con:
        stored = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert 0 < stored < 9, f"the kill did not land mid-run ({stored} articles stored)"
    subprocess.run(command, check=False)
    assert exported(db, tmp_path / "a") == exported(reference, tmp_path / "b")


def test_seeds_make_one_story_with_the_pyongyang_meeting(shared: Path, tmp_path: Path) -> None:
    pipeline = Pipeline(tmp_path / "seeds.db")
    report = pipeline.run([str(shared / "seeds")])
    assert report.ok and report.new_articles == 2
    [story] = pipeline.store.stories()
    assert len(story.article_ids) == 2
    meetings = [
        e
        for e in pipeline.store.events(EventFilter(story_id=story.id, type="CONSULT"))
        if {"Sergei Lavrov", "Kim Jong Un"} <= {p.name for p in e.participants}
    ]
    assert meetings, "the Lavrov–Kim Jong Un meeting was not found"
    assert any(
        e.date == "2018-05-31" and e.location and e.location.name == "Pyongyang" for e in meetings
    )


def follow_ups(folder: Path, n: int) -> Path:
    """n outlets' copies of one wire report, each with its own outlet name and detail."""
    folder.mkdir(parents=True)
    for i in range(n):
        text = MEETING_WIRE.replace("Meridian Wire", f"Outlet {i} News").replace(
            "later this year", f"within {i + 2} months"
        )
        (folder / f"report{i:02d}.txt").write_text(text, encoding="utf-8")
    return folder


def test_a_growing_story_is_rebuilt_geometrically_and_completely_at_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = follow_ups(tmp_path / "corpus", 11)
    sizes: list[int] = []
    build = story_build.build_story

    def counted(
        story_id: str, articles: list[Article], analyses: list[Analysis], *rest: Any
    ) -> Any:
        sizes.append(len(articles))
        return build(story_id, articles, analyses, *rest)

    monkeypatch.setattr(story_build, "build_story", counted)
    pipeline = Pipeline(tmp_path / "x.db", batch_size=1)
    behind: list[int] = []
    store = pipeline.store
    report = pipeline.run(
        [str(corpus)],
        progress=lambda _: behind.extend(
            len(store.story_article_ids(s.id)) - len(s.article_ids) for s in store.stories()
        ),
    )
    [story] = store.stories()
    assert report.new_articles == 11 and len(story.article_ids) == 11
    # articles 9 to 11 waited (the story was 3 behind), then the run's end rebuilt it
    assert sizes == [1, 2, 3, 5, 8, 11]
    assert report.stories_rebuilt == 1 and max(behind) == 3


def test_stories_left_stale_by_a_killed_run_are_rebuilt_by_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = follow_ups(tmp_path / "corpus", 10)
    reference = tmp_path / "reference.db"
    Pipeline(reference, batch_size=1).run([str(corpus)])
    db = tmp_path / "killed.db"
    with monkeypatch.context() as patched:  # killed after its last batch, before the end
        patched.setattr(Pipeline, "rebuild_stale", lambda self, report=None, build_map=None: 0)
        Pipeline(db, batch_size=1).run([str(corpus)])
    [story] = Pipeline(db).store.stories()
    assert len(story.article_ids) == 8
    report = Pipeline(db, batch_size=1).run([str(corpus)])
    assert report.new_articles == 0 and report.stories_rebuilt == 1
    assert exported(db, tmp_path / "a") == exported(reference, tmp_path / "b")


def test_a_stale_story_changed_since_it_was_read_is_rebuilt_from_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = follow_ups(tmp_path / "corpus", 10)
    db = tmp_path / "x.db"
    with monkeypatch.context() as patched:
        patched.setattr(Pipeline, "rebuild_stale", lambda self, report=None, build_map=None: 0)
        Pipeline(db, batch_size=1).run([str(corpus)])

    def outdated(work: Iterable[StoryWork]) -> Iterator[Any]:
        # builds from what was read before another run added an article to the story
        for story in work:
            yield build_work(
                story._replace(articles=story.articles[:-1], analyses=story.analyses[:-1])
            )

    pipeline = Pipeline(db, batch_size=1)
    assert pipeline.rebuild_stale(build_map=outdated) == 1
    [story] = pipeline.store.stories()
    assert len(story.article_ids) == 10


@pytest.mark.parametrize("size", [1, 2, 5, 32])
def test_a_batch_goes_to_workers_in_pieces_that_rejoin_in_order(size: int) -> None:
    batch = list(range(size))
    pieces = list(chunks(batch, piece_size(size)))
    assert [n for piece in pieces for n in piece] == batch
    assert len(pieces) == min(size, PIECES_PER_BATCH)


def test_warm_up_analyses_its_sample_without_errors() -> None:
    [text, page] = process_items(list(_WARM_UP))
    assert text.analysis.mentions and text.analysis.events and page.article.text


def test_analysing_new_words_leaves_the_model_vocabulary_as_it_was() -> None:
    """A long-lived worker must not grow with every name it reads (spaCy memory zones)."""
    process_items(list(_WARM_UP))
    strings = nlp.load_nlp().vocab.strings
    before = len(strings)
    text = "Talks in Geneva\n\n" + " ".join(
        f"Foreign Minister Zorvath Quillmarre{k} met envoy Tamsin Orrelby{k} on Friday, "
        "the ministry said."
        for k in range(20)
    )
    [analysed] = process_items([Source(path="<new>", format="text", text=text)])
    assert any("Quillmarre" in m.text for m in analysed.analysis.mentions)
    assert len(strings) == before


def test_the_run_settings_give_the_batch_size_and_budget_unless_given_here(
    tmp_path: Path,
) -> None:
    settings = load_settings(overrides=["run.batch_size=7", "run.time_budget=0"])
    configured = Pipeline(tmp_path / "a.db", settings=settings)
    assert (configured.batch_size, configured.time_budget) == (7, None)  # 0: no limit
    assert configured.crosscheck.settings is configured.settings
    assert configured.settings.stories == settings.stories
    given = Pipeline(tmp_path / "b.db", batch_size=3, time_budget=5.0, settings=settings)
    assert (given.batch_size, given.time_budget) == (3, 5.0)
    assert given.settings.run.batch_size == 3 and given.crosscheck.stories_per_transaction == 3
    unbounded = Pipeline(tmp_path / "c.db", time_budget=None)
    assert unbounded.time_budget is None and unbounded.batch_size == DEFAULT.run.batch_size
    assert Pipeline(tmp_path / "d.db").time_budget == DEFAULT.run.time_budget
