"""The story and event lists in SQL (each test on SQLite and PostgreSQL): the figures stored
with a story, filters, sorts, pages and totals, escaped LIKE, and the migration that adds
the figures to a store written before them."""

from __future__ import annotations

from dataclasses import replace

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
from crosswire.store import EventFilter, open_store
from crosswire.store.base import StoryQuery

LAVROV = ActorRef(key="person:sergei lavrov", name="Sergei Lavrov", country="RUS")
KIM = ActorRef(key="person:kim jong un", name="Kim Jong Un", country="PRK")
ROSSI = ActorRef(key="person:anna rossi", name="Anna Rossi", country="ITA")
ACTORS = {"Lavrov": LAVROV, "Kim": KIM, "Rossi": ROSSI}


def article(article_id: str, outlet: str | None, published: str, text: str) -> Article:
    return Article(id=article_id, text=text, path=f"{article_id}.txt", title=text[:30],
                   outlet=outlet, published=published, text_hash=article_id)  # fmt: skip


def analysis(a: Article) -> Analysis:
    mentions = [
        Mention(a.text.index(name), a.text.index(name) + len(name), name, "PERSON", ref)
        for name, ref in ACTORS.items()
        if name in a.text
    ]
    return Analysis(article_id=a.id, sentences=[(0, len(a.text))], mentions=mentions)


def event(event_id: str, story_id: str, kind: str, date: str, article_ids: list[str],
          actors: list[ActorRef], place: Place | None = None) -> Event:  # fmt: skip
    mentions = [
        EventMention(article_id=a, type=kind, start=0, end=3, sentence_start=0, sentence_end=10)
        for a in article_ids
    ]
    return Event(
        id=event_id, story_id=story_id, type=kind, mode=None, cameo=None, date_from="text",
        source=actors[0], target=None,
        participants=actors, location=place, date=date, negated=False, modality="asserted",
        article_ids=article_ids, n_sources=len(article_ids), mentions=mentions,
    )  # fmt: skip


# Three stories: a two-outlet meeting in May 2018 (Lavrov, Kim), a one-outlet protest in
# Rome in June 2018 (Rossi), and a three-outlet visit in 2017 (Lavrov).
ARTICLES = [
    article("m1", "Wire A", "2018-05-31", "Lavrov met Kim in Pyongyang on Thursday."),
    article("m2", "Paper B", "2018-06-01", "Kim and Lavrov held talks, officials said."),
    article("p1", "Wire A", "2018-06-20", "Rossi led a protest in Rome against the law."),
    article("v1", "Wire A", "2017-03-01", "Lavrov visited Minsk for a day."),
    article("v2", "Paper B", "2017-03-02", "Lavrov arrived in Minsk, a visit of one day."),
    article("v3", "Daily C", "2017-03-03", "In Minsk Lavrov spoke of the visit."),
]
STORIES = [
    (Story(id="meet", title="Lavrov meets Kim", article_ids=["m1", "m2"],
           first_date="2018-05-31", last_date="2018-06-01"),
     [event("e1", "meet", "CONSULT", "2018-05-31", ["m1", "m2"], [LAVROV, KIM],
            Place("Pyongyang", "PRK"))]),
    (Story(id="protest", title="Protest in Rome", article_ids=["p1"],
           first_date="2018-06-20", last_date="2018-06-20"),
     [event("e2", "protest", "PROTEST", "2018-06-20", ["p1"], [ROSSI], Place("Rome", "ITA"))]),
    (Story(id="visit", title="Lavrov in Minsk", article_ids=["v1", "v2", "v3"],
           first_date="2017-03-01", last_date="2017-03-03"),
     [event("e3", "visit", "CONSULT", "2017-03-01", ["v1", "v2", "v3"], [LAVROV]),
      event("e4", "visit", "CONSULT", "2017-03-02", ["v2"], [LAVROV])]),
]  # fmt: skip


def fill(store) -> None:
    with store.transaction():
        for a in ARTICLES:
            store.add_article(a, analysis(a))
        for story, events in STORIES:
            for article_id in story.article_ids:
                store.update_article(next(a for a in ARTICLES if a.id == article_id), story.id)
            store.replace_story(story, events)


@pytest.fixture
def filled(store):
    fill(store)
    return store


def ids(query: StoryQuery, store) -> list[str]:
    return [c.id for c in store.story_cards(query)[0]]


def test_a_story_is_stored_with_its_list_figures(filled) -> None:
    cards, total = filled.story_cards(StoryQuery(sort="size"))
    assert total == 3
    visit = cards[0]
    assert (visit.id, visit.n_articles, visit.n_outlets, visit.n_events) == ("visit", 3, 3, 2)
    assert visit.n_independent == 3 and visit.outlets == ["Daily C", "Paper B", "Wire A"]
    assert [(t.name, t.events) for t in visit.top_actors] == [("Sergei Lavrov", 2)]
    assert filled.story_choices() == {
        "types": ["CONSULT", "PROTEST"],
        "countries": ["ITA", "PRK", "RUS"],
    }


def test_stories_are_filtered_in_the_store(filled) -> None:
    assert ids(StoryQuery(since="2018"), filled) == ["protest", "meet"]
    assert ids(StoryQuery(until="2017"), filled) == ["visit"]
    assert ids(StoryQuery(since="2018-06", until="2018-06"), filled) == ["protest", "meet"]
    assert ids(StoryQuery(type="consult"), filled) == ["meet", "visit"]
    assert ids(StoryQuery(country="prk"), filled) == ["meet"]  # the place and Kim
    assert ids(StoryQuery(country="ITA"), filled) == ["protest"]
    assert ids(StoryQuery(actor="lavrov"), filled) == ["meet", "visit"]
    assert ids(StoryQuery(min_sources=2), filled) == ["meet", "visit"]
    assert ids(StoryQuery(min_sources=3, actor="Lavrov", type="CONSULT"), filled) == ["visit"]


@pytest.mark.parametrize("wildcard", ["%", "_", "%%", "_a%", "\\"])
def test_like_wildcards_in_actor_filters_match_only_themselves(filled, wildcard: str) -> None:
    assert filled.story_cards(StoryQuery(actor=wildcard)) == ([], 0)
    assert filled.events(EventFilter(actor=wildcard)) == []
    assert filled.events_page(EventFilter(actor=wildcard), 10, 0) == ([], 0)


@pytest.mark.parametrize("listed", [0, 1, 500])
def test_actor_filters_match_the_same_whether_ids_are_listed_or_not(
    filled, monkeypatch, listed: int
) -> None:
    # the matching actors' ids are looked up first, unless more than ACTORS_LISTED match
    monkeypatch.setattr("crosswire.store.queries.ACTORS_LISTED", listed)
    assert ids(StoryQuery(actor="o"), filled) == ["protest", "meet", "visit"]  # 3 actors
    assert ids(StoryQuery(actor="kim"), filled) == ["meet"]
    assert ids(StoryQuery(actor="nobody"), filled) == []
    assert [e.id for e in filled.events(EventFilter(actor="o"))] == ["e3", "e4", "e1", "e2"]
    events, total = filled.events_page(EventFilter(actor="lavrov"), 1, 1)
    assert [e.id for e in events] == ["e4"] and total == 3
    assert filled.events_page(EventFilter(actor="nobody"), 10, 0) == ([], 0)


def test_stories_sort_and_page_in_the_store(filled) -> None:
    assert ids(StoryQuery(sort="recent"), filled) == ["protest", "meet", "visit"]
    assert ids(StoryQuery(sort="oldest"), filled) == ["visit", "meet", "protest"]
    assert ids(StoryQuery(sort="size"), filled) == ["visit", "meet", "protest"]
    assert ids(StoryQuery(sort="sources"), filled) == ["visit", "meet", "protest"]
    # top: the stories of the store's latest 30 days (meet, protest) first, by sources
    assert ids(StoryQuery(sort="top", recent_days=30), filled) == ["meet", "protest", "visit"]
    assert ids(StoryQuery(sort="top", recent_days=1), filled) == ["protest", "visit", "meet"]
    cards, total = filled.story_cards(StoryQuery(sort="oldest", limit=1, offset=1))
    assert [c.id for c in cards] == ["meet"] and total == 3
    assert filled.story_cards(StoryQuery(offset=2**63)) == ([], 3)  # no overflow


def test_events_page_in_the_store(filled) -> None:
    events, total = filled.events_page(EventFilter(until="2017-03-01"), 10, 0)
    assert [e.id for e in events] == ["e3"] and total == 1
    events, total = filled.events_page(EventFilter(type="consult"), 2, 1)
    assert [e.id for e in events] == ["e4", "e1"] and total == 3
    kim = KIM.entity_id
    assert [e.id for e in filled.events(EventFilter(entity_id=kim))] == ["e1"]
    assert filled.event("e2") == STORIES[1][1][0]
    assert filled.event("nope") is None


def test_a_rewritten_story_replaces_its_figures_and_links(filled) -> None:
    story, events = STORIES[2]
    with filled.transaction():
        filled.replace_story(replace(story, article_ids=["v1"]), events[:1])
    [visit] = filled.story_cards(StoryQuery(type="CONSULT", until="2017"))[0]
    assert (visit.n_articles, visit.n_events) == (1, 1)
    assert filled.events_page(EventFilter(story_id="visit"), 10, 0)[1] == 1
    with filled.transaction():
        filled.delete_story("visit")
    assert filled.story_cards(StoryQuery(until="2017")) == ([], 0)


DOWNGRADE = [  # the schema as it was before the list figures
    "DROP TABLE event_articles",
    "DROP TABLE event_countries",
    "DROP TABLE entity_names",
    "DROP INDEX articles_duplicate",
    *(f"DROP INDEX stories_{i}" for i in ("first_date", "last_date", "size", "sources")),
    *(
        f"ALTER TABLE stories DROP COLUMN {c}"
        for c in ("n_outlets", "n_independent", "n_events", "n_contradictions", "card")
    ),
]


def test_a_store_written_before_the_figures_gets_them_on_open(url: str, backend: str) -> None:
    store = open_store(url)
    fill(store)
    expected = store.story_cards(StoryQuery(sort="size"))
    with store.transaction():
        for sql in DOWNGRADE:
            store.db.execute(sql)
        if backend == "sqlite":
            store.db.execute("PRAGMA user_version = 3")
        else:
            store.db.execute("DELETE FROM schema_migrations WHERE version >= 3")
    store.close()
    reopened = open_store(url)
    try:
        assert reopened.story_cards(StoryQuery(sort="size")) == expected
        assert reopened.story_choices()["countries"] == ["ITA", "PRK", "RUS"]
    finally:
        reopened.close()


def test_errors_are_paged_newest_first_in_the_store(store) -> None:
    for n in range(5):
        store.add_error(IngestError(f"in/{n}.html", f"reason {n}", str(n)))
    newest_first = store.errors()[::-1]
    assert store.errors_page(2, 0) == (newest_first[:2], 5)
    assert store.errors_page(2, 4) == (newest_first[4:], 5)
    assert store.errors_page(10, 9) == ([], 5)
