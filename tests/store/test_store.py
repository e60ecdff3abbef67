"""Behaviour every backend shares (each test runs on SQLite and PostgreSQL): round trips,
transactions, filters, ordering."""

from __future__ import annotations

import pytest

from crosswire.model import (
    ActorRef,
    Analysis,
    Article,
    Event,
    EventMention,
    IngestError,
    Mention,
    Place,
    Story,
)
from crosswire.store import EventFilter

LAVROV = ActorRef(key="person:sergei lavrov", name="Sergei Lavrov", country="RUS", sector="GOV")
KIM = ActorRef(key="person:kim jong un", name="Kim Jong Un", country="PRK", sector="GOV")


def make_article(article_id: str, text: str = "Lavrov met Kim in Pyongyang.") -> Article:
    return Article(
        id=article_id,
        text=text,
        path=f"{article_id}.txt",
        title="A meeting",
        published="2018-05-31",
        text_hash=article_id,
    )


def make_analysis(article_id: str) -> Analysis:
    return Analysis(
        article_id=article_id,
        sentences=[(0, 28)],
        mentions=[
            Mention(0, 6, "Lavrov", "PERSON", LAVROV, role="foreign minister"),
            Mention(11, 14, "Kim", "PERSON", KIM),
        ],
    )


def make_event(story_id: str, article_id: str) -> Event:
    mention = EventMention(
        article_id=article_id,
        type="CONSULT",
        start=7,
        end=10,
        sentence_start=0,
        sentence_end=28,
        source=LAVROV,
        target=KIM,
        participants=[LAVROV, KIM],
    )
    return Event(
        id="ev1", story_id=story_id, type="CONSULT", mode="visit", cameo="042", source=LAVROV, target=KIM,
        participants=[LAVROV, KIM], location=Place("Pyongyang", "PRK"), date="2018-05-31", date_from="text",
        negated=False, modality="asserted", article_ids=[article_id], n_sources=1, mentions=[mention],
    )  # fmt: skip


def test_article_and_analysis_round_trip(store) -> None:
    with store.transaction():
        store.add_article(make_article("a1"), make_analysis("a1"))
    [article] = store.articles()
    assert article == make_article("a1")
    assert store.analysis("a1") == make_analysis("a1")
    assert store.known_ids(["a1", "zz"]) == {"a1"}


def test_entities_aggregate_mentions_by_key(store) -> None:
    with store.transaction():
        store.add_article(make_article("a1"), make_analysis("a1"))
        store.add_article(make_article("a2"), make_analysis("a2"))
    entities = {e.name: e for e in store.entities()}
    assert set(entities) == {"Sergei Lavrov", "Kim Jong Un"}
    assert entities["Sergei Lavrov"].article_ids == ["a1", "a2"]
    assert entities["Sergei Lavrov"].roles == ["foreign minister"]
    assert entities["Sergei Lavrov"].country == "RUS"


def test_failed_transaction_leaves_nothing(store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.add_article(make_article("a1"), make_analysis("a1"))
        raise RuntimeError("killed half-way")
    assert store.counts()["articles"] == 0


def test_story_events_are_replaced_and_filtered(store) -> None:
    with store.transaction():
        store.add_article(make_article("a1"), make_analysis("a1"))
        store.replace_story(Story(id="s1", title="t", article_ids=["a1"]), [make_event("s1", "a1")])
        store.replace_story(Story(id="s1", title="t", article_ids=["a1"]), [make_event("s1", "a1")])
    assert store.counts()["events"] == 1
    assert [e.id for e in store.events(EventFilter(actor="lavrov"))] == ["ev1"]
    assert store.events(EventFilter(actor="Pompeo")) == []
    assert store.events(EventFilter(type="consult", since="2018-05")) != []
    assert store.events(EventFilter(since="2018-06")) == []
    assert store.events()[0] == make_event("s1", "a1")


def test_errors_are_kept_once(store) -> None:
    with store.transaction():
        store.add_error(IngestError("bad.txt", "file is empty"))
        store.add_error(IngestError("bad.txt", "file is empty"))
    assert store.errors() == [IngestError("bad.txt", "file is empty")]


def test_state_round_trip(store) -> None:
    with store.transaction():
        store.save_state("dedup", b"\x00\x01")
    assert store.load_state("dedup") == b"\x00\x01"
    assert store.load_state("missing") is None
    with store.transaction():
        store.delete_state("dedup")
        store.delete_state("missing")
    assert store.load_state("dedup") is None


def test_spilled_entries_are_written_read_and_deleted_by_key(store) -> None:
    with store.transaction():
        store.save_entries("d.sizes", {b"a": b"1", b"b": b"2", b"\x00z": b"3"})
        store.save_entries("other", {b"a": b"x"})
    with store.transaction():
        store.save_entries("d.sizes", {b"b": None, b"a": b"4"})
    assert store.load_entries("d.sizes", [b"a", b"b", b"\x00z", b"missing"]) == {
        b"a": b"4",
        b"\x00z": b"3",
    }
    assert list(store.scan_entries("d.sizes")) == [(b"\x00z", b"3"), (b"a", b"4")]
    assert store.load_entries("d.sizes", []) == {}


def test_spilled_entries_are_scanned_a_page_at_a_time_in_key_order(store) -> None:
    keys = [b"", b"\x00", b"a", b"ab", b"b", b"\xff\x01"]
    with store.transaction():
        store.save_entries("s", {k: b"v" + k for k in reversed(keys)})
        store.save_entries("t", {b"a": b"other space"})
    pages, after = [], None
    while page := list(store.scan_entries("s", after=after, limit=4)):
        pages.append([k for k, _ in page])
        after = page[-1][0]
    assert pages == [keys[:4], keys[4:]]
    assert list(store.scan_entries("s", after=b"ab")) == [
        (b"b", b"vb"),
        (b"\xff\x01", b"v\xff\x01"),
    ]
    assert [k for k, _ in store.scan_entries("s", limit=2)] == keys[:2]


def test_spilled_members_are_added_once_each(store) -> None:
    with store.transaction():
        store.add_members("bands", [(b"k", "a2"), (b"k", "a1"), (b"j", "a1")])
        store.add_members("bands", [(b"k", "a1")])
        store.add_members("other", [(b"k", "z")])
    assert store.load_members("bands", [b"k", b"j", b"none"]) == {b"j": ["a1"], b"k": ["a1", "a2"]}


def test_reads_follow_input_and_size_order(store) -> None:
    with store.transaction():
        for article_id in ("c", "a", "b"):
            store.add_article(make_article(article_id), make_analysis(article_id))
        store.update_article(make_article("a"), "s2")
        store.update_article(make_article("b"), "s2")
        store.replace_story(Story(id="s1", title="one", article_ids=["c"]), [])
        store.replace_story(Story(id="s2", title="two", article_ids=["a", "b"]), [])
    assert [a.id for a in store.articles()] == ["c", "a", "b"]
    assert [a.id for a in store.articles(["b", "c"])] == ["c", "b"]
    assert store.story_article_ids("s2") == ["a", "b"]
    assert store.story_of("a") == "s2" and store.story_of("c") is None
    assert [s.id for s in store.stories()] == ["s2", "s1"]
    assert store.story("s1") == Story(id="s1", title="one", article_ids=["c"])
    assert store.known_ids([]) == set()


def test_deleting_a_story_takes_its_events(store) -> None:
    with store.transaction():
        store.add_article(make_article("a1"), make_analysis("a1"))
        store.replace_story(Story(id="s1", title="t", article_ids=["a1"]), [make_event("s1", "a1")])
        store.delete_story("s1")
    assert store.story("s1") is None and store.events() == []
    assert store.counts()["stories"] == 0


def test_replaced_analysis_replaces_mentions(store) -> None:
    with store.transaction():
        store.add_article(make_article("a1"), make_analysis("a1"))
        store.replace_analysis(
            Analysis(article_id="a1", mentions=[make_analysis("a1").mentions[1]])
        )
    assert [e.name for e in store.entities()] == ["Kim Jong Un"]
    assert store.counts()["mentions"] == 1
    with pytest.raises(KeyError):
        store.analysis("missing")
