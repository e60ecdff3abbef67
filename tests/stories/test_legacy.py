"""A store whose stage state the last pickling release wrote is converted to records once,
and a crafted row, pickled or not, is refused without running anything."""

from __future__ import annotations

import gzip
import os
import pickle
import re
import sqlite3
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from tests.store.conftest import postgres_url  # noqa: F401  (a fixture)
from tests.stories.factory import HARBOUR, VOLCANO, article
from tests.stories.fixtures.make_pickled_state import STORE as PICKLED_STORE

import crosswire
from crosswire.model import Analysis
from crosswire.store import Store, open_store
from crosswire.stories.cluster import StoryClusterer
from crosswire.stories.dedup import DuplicateIndex
from crosswire.stories.legacy import ADDED_SINCE_PICKLING, LegacyStateError
from crosswire.stories.records import ENTRY_HEADER, StateFormatError, pack, unpack
from crosswire.stories.schedule import StoryBuilds
from crosswire.stories.state import FORMAT, Journal, JournaledState

STAGES: dict[str, type[JournaledState]] = {
    "dedup": DuplicateIndex,
    "stories": StoryClusterer,
    "story-builds": StoryBuilds,
}
LATE_ARTICLE = """Estonia and Latvia agree on grid link

Baltic Newswire (13 May 2023)

Margus Tsahkna and Edgars Rinkevics agreed in Tallinn on Friday to speed up work on a new power link between Estonia and Latvia, the Estonian foreign ministry said.
"""


def pickled_store(folder: Path) -> Path:
    """A copy of the fixture: a store written by the last release that pickled its state."""
    db = folder / "pickled.db"
    db.write_bytes(gzip.decompress(PICKLED_STORE.read_bytes()))
    return db


class Exploit:
    """Pickles as a call of os.system: what a hostile row holds."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return os.system, (f"touch {self.marker}",)


def exploit(marker: Path) -> bytes:
    return pickle.dumps(Exploit(marker), protocol=pickle.HIGHEST_PROTOCOL)


# ------------------------------------------------------------------ the pickling release
@pytest.mark.slow
def test_a_pickled_store_is_converted_once_and_goes_on_as_one_written_by_this_release(
    tmp_path: Path,
) -> None:
    from crosswire.pipeline import Pipeline

    late = tmp_path / "late" / "6-late.txt"
    late.parent.mkdir()
    late.write_text(LATE_ARTICLE, encoding="utf-8")
    old = Pipeline(pickled_store(tmp_path), batch_size=1)
    fresh = Pipeline(tmp_path / "fresh.db", batch_size=1)
    (tmp_path / "copy").mkdir()
    replay(pickled_store(tmp_path / "copy"), fresh)
    for pipeline in (old, fresh):
        report = pipeline.run([str(late)])
        assert report.ok and report.new_articles == 1
    assert stories_of(old.store) == stories_of(fresh.store)
    assert articles_of(old.store) == articles_of(fresh.store)
    for name, kind in STAGES.items():
        assert without_added(contents(old.store, name, kind)) == without_added(
            contents(fresh.store, name, kind)
        ), name
    # what was declared since pickling starts empty: only the late article's is there
    converted = contents(old.store, "stories", STAGES["stories"])
    assert len(converted["meanings"]) == 1
    assert_no_pickle(old.store.path)


def replay(source: Path, fresh: crosswire.pipeline.Pipeline) -> None:
    """`fresh` given the articles of the store at `source` with the analyses stored there,
    in their order, one batch each, as a run of that release gave them: a run analysing
    them again would compare this release's actors stage with the old one's, not the
    converted state with a fresh one."""
    from crosswire.pipeline import Analysed, RunReport

    stored = open_store(source)
    ids = [row["id"] for row in stored._query("SELECT id FROM articles ORDER BY seq")]  # type: ignore[attr-defined]
    report = RunReport()
    for item in sorted(stored.articles(ids), key=lambda a: ids.index(a.id)):
        fresh.commit([Analysed.of(item, stored.analysis(item.id))], report)
    fresh.rebuild_stale(report)
    stored.close()
    assert report.new_articles == len(ids) and not report.errors


def without_added(held: dict[str, Any]) -> dict[str, Any]:
    """A stage's contents less the attributes declared since the pickling release."""
    return {n: v for n, v in held.items() if n not in ADDED_SINCE_PICKLING}


def stories_of(store: Store) -> dict[str, list[str]]:
    return {s.id: sorted(s.article_ids) for s in store.stories()}


def articles_of(store: Store) -> dict[str, tuple[str | bool | None, ...]]:
    ids = [a for s in store.stories() for a in s.article_ids]
    return {a.id: (a.duplicate_of, a.published, a.published_inferred) for a in store.articles(ids)}


def contents(store: Store, name: str, kind: type[JournaledState]) -> dict[str, Any]:
    """Everything a stage holds, its spilled entries read back from the store."""
    stage = Journal(name, kind).load(store)
    held: dict[str, Any] = {n: getattr(stage, n) for n in kind.SCALARS}
    held |= {n: dict(getattr(stage, n)) for n in kind.JOURNALED}
    held |= {n: comparable(dict(getattr(stage, n).entries())) for n in kind.SPILLED}
    return held


def comparable(entries: dict[Any, Any]) -> dict[Any, Any]:
    """Entries with their arrays and objects as plain values, to compare with ==."""

    def plain(value: Any) -> Any:
        if isinstance(value, np.ndarray):
            return (str(value.dtype), value.tolist())
        if hasattr(value, "__dataclass_fields__"):
            fields = [f for f in value.__dataclass_fields__ if f not in ADDED_SINCE_PICKLING]
            return {f: plain(getattr(value, f)) for f in fields}  # a story's places likewise
        if hasattr(value, "items") and not isinstance(value, dict):  # a centroid
            return plain(list(value.items()))
        return value

    return {k: plain(v) for k, v in entries.items()}


def assert_no_pickle(path: str) -> None:
    with sqlite3.connect(path) as db:
        names = dict(db.execute("SELECT name, data FROM state"))
        entries = db.execute("SELECT space, key, value FROM state_entries").fetchall()
    records = [unpack(bytes(data), n) for n, data in names.items() if not n.endswith(".meta")]
    assert all(r["format"] == FORMAT for r in records)  # the bases and the deltas since
    assert entries and all(bytes(v)[:1] == ENTRY_HEADER for _, _, v in entries)
    assert all(bytes(k)[:1] != b"\x80" for _, k, _ in entries)


def test_each_stage_of_a_pickled_store_is_converted_on_postgresql_too(
    tmp_path: Path,
    postgres_url: str,  # noqa: F811
) -> None:
    pickled = pickled_store(tmp_path)
    copied = open_store(postgres_url)
    with sqlite3.connect(pickled) as raw, copied.transaction():
        for name, data in raw.execute("SELECT name, data FROM state"):
            copied.save_state(name, bytes(data))
        for space, key, value in raw.execute("SELECT space, key, value FROM state_entries"):
            copied.save_entries(space, {bytes(key): bytes(value)})
        for space, key, member in raw.execute("SELECT space, key, member FROM state_members"):
            copied.add_members(space, [(bytes(key), member)])
    converted = open_store(pickled)
    for name, kind in STAGES.items():
        assert contents(copied, name, kind) == contents(converted, name, kind), name
    copied.close()


def test_a_converted_stage_answers_as_the_pickled_one_did(tmp_path: Path) -> None:
    store = open_store(pickled_store(tmp_path))
    index = Journal("dedup", DuplicateIndex).load(store)
    clusterer = Journal("stories", StoryClusterer).load(store)
    with sqlite3.connect(store.path) as db:
        stored = dict(db.execute("SELECT id, story_id FROM articles"))
        copy_of = dict(db.execute("SELECT id, duplicate_of FROM articles"))
    assert {a: clusterer.story_id(a) for a in stored} == stored
    assert {a: index.answers[a] for a in copy_of} == copy_of
    assert len(set(stored.values())) == 2 and any(copy_of.values())


# ------------------------------------------------------------------ refusing
def test_a_hostile_pickle_in_a_pickled_store_is_refused_with_how_to_rebuild(
    tmp_path: Path,
) -> None:
    marker = tmp_path / "ran"
    store = open_store(pickled_store(tmp_path))
    with store.transaction():
        [(key, _)] = list(store.scan_entries("stories.signals", limit=1))
        store.save_entries("stories.signals", {key: exploit(marker)})
    with pytest.raises(LegacyStateError, match=r"posix\.system.*crosswire run") as refused:
        Journal("stories", StoryClusterer).load(store)
    assert "stories.signals" in str(refused.value)
    assert not marker.exists()
    # nothing was converted: the whole stage's conversion was one transaction
    assert store.load_state("stories")[:1] == b"\x80"
    assert store.load_state("stories.delta.1") is not None


def test_a_hostile_pickled_base_is_refused(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    store = open_store(pickled_store(tmp_path))
    with store.transaction():
        store.save_state("dedup", exploit(marker))
    with pytest.raises(LegacyStateError, match="no crosswire state holds"):
        Journal("dedup", DuplicateIndex).load(store)
    assert not marker.exists()


def test_a_pickled_array_of_objects_is_refused(tmp_path: Path) -> None:
    store = open_store(pickled_store(tmp_path))
    objects = np.array([print, "x"], dtype=object)
    with store.transaction():
        [(key, _)] = list(store.scan_entries("dedup.signatures", limit=1))
        store.save_entries("dedup.signatures", {key: pickle.dumps(objects, protocol=5)})
    with pytest.raises(LegacyStateError):
        Journal("dedup", DuplicateIndex).load(store)


def saved_stages(db: Path) -> Store:
    """A store holding the three stages, saved as records by this release."""
    store = open_store(db)
    journals = [Journal(name, kind) for name, kind in STAGES.items()]
    with store.transaction():
        index, clusterer, builds = (j.load(store) for j in journals)
        for item in (article("h", HARBOUR), article("v", VOLCANO)):
            item.duplicate_of = index.add(item)
            story = clusterer.add(item, Analysis(item.id))
            builds.due(story, 1)
        for journal, stage in zip(journals, (index, clusterer, builds), strict=True):
            journal.save(store, stage)
    return store


@pytest.mark.parametrize("name", ["dedup", "stories", "story-builds"])
def test_a_pickle_where_a_record_belongs_is_refused_and_never_run(
    tmp_path: Path, name: str
) -> None:
    marker = tmp_path / "ran"
    store = saved_stages(tmp_path / "s.db")
    with store.transaction():
        store.save_state(name, exploit(marker))
    with pytest.raises(StateFormatError, match=f"{name}.*not a state record"):
        Journal(name, STAGES[name]).load(store)
    assert not marker.exists()


def test_a_pickled_entry_where_a_record_belongs_is_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    store = saved_stages(tmp_path / "s.db")
    with store.transaction():
        store.save_entries("stories.stories", {b"sfake": exploit(marker)})
        [(key, _)] = list(store.scan_entries("dedup.sizes", limit=1))
        store.save_entries("dedup.sizes", {key: exploit(marker)})
    clusterer = Journal("stories", StoryClusterer).load(store)
    with pytest.raises(StateFormatError, match=r"stories\.stories.*not a state record"):
        clusterer.stories["sfake"]
    index = Journal("dedup", DuplicateIndex).load(store)
    with pytest.raises(StateFormatError, match=r"dedup\.sizes"):
        index.sizes[key.decode()]
    assert not marker.exists()


def test_a_record_of_the_wrong_shape_is_refused(tmp_path: Path) -> None:
    store = saved_stages(tmp_path / "s.db")
    story = ["sbad", 0, [b"", b"", 1.0], [], [], [], 0]
    with store.transaction():
        store.save_entries(
            "stories.stories",
            {
                b"s-short": ENTRY_HEADER + pack(story[:3]),
                b"s-text-order": ENTRY_HEADER + pack([*story[:1], "0", *story[2:]]),
                b"s-fine": ENTRY_HEADER + pack(story),
            },
        )
    clusterer = Journal("stories", StoryClusterer).load(store)
    assert clusterer.stories["s-fine"].id == "sbad"
    with pytest.raises(StateFormatError, match="expected a story"):
        clusterer.stories["s-short"]
    with pytest.raises(StateFormatError, match="expected an integer, found '0'"):
        clusterer.stories["s-text-order"]


def test_records_load_without_any_unpickling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = saved_stages(tmp_path / "s.db")

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pickle was read")

    monkeypatch.setattr(pickle, "loads", refuse)
    monkeypatch.setattr(pickle, "load", refuse)
    monkeypatch.setattr(pickle, "Unpickler", refuse)
    for name, kind in STAGES.items():
        assert contents(store, name, kind)


UNPICKLING = re.compile(r"\bpickle\.(loads?|Unpickler)\b|\bUnpickler\b")
# modules allowed to unpickle, and why
UNPICKLERS = {
    # the one-time conversion of pickled state, with a reader that resolves no name it
    # does not list (tests above)
    "stories/legacy.py",
    # Ray's transport of a job's own inputs between its processes, never stored
    "batch/ray_job.py",
    # a partitioned batch's spool: temporary files this process writes for its own worker
    # processes and deletes at the end of the run, never stored
    "batch/partition.py",
}


def test_no_module_but_the_conversion_reads_a_stored_pickle() -> None:
    root = Path(crosswire.__file__).parent
    found = {
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if UNPICKLING.search(path.read_text(encoding="utf-8"))
    }
    assert found <= UNPICKLERS, found - UNPICKLERS
    assert "stories/legacy.py" in found


def test_a_newer_state_format_is_refused(tmp_path: Path) -> None:
    store = saved_stages(tmp_path / "s.db")
    with store.transaction():
        meta = store.load_state("stories.meta")
        store.save_state("stories.meta", meta.replace(b'"version": 1', b'"version": 99'))
    with pytest.raises(StateFormatError, match="newer crosswire"):
        Journal("stories", StoryClusterer).load(store)


def test_the_fixture_is_what_the_pickling_release_wrote(tmp_path: Path) -> None:
    with sqlite3.connect(pickled_store(tmp_path)) as db:
        bases = dict(db.execute("SELECT name, data FROM state WHERE name NOT LIKE '%.meta'"))
    assert set(STAGES) <= set(bases) and any(".delta." in n for n in bases)
    assert all(bytes(data)[:1] == b"\x80" for data in bases.values())
