"""Sectors survive the store (SQLite and PostgreSQL): a mention's actor, the entity made of
its mentions, and an event's source, target and participants."""

from __future__ import annotations

from tests.store.test_store import make_article

from crosswire.model import ActorRef, Analysis, Event, Mention, Story
from crosswire.store.base import StoryQuery

POLICE = ActorRef(key="agent:EGY:COP", name="Egyptian police", country="EGY", sector="COP")
CROWD = ActorRef(key="agent:EGY:CVL", name="protesters", country="EGY", sector="CVL")


def test_sectors_of_entities_and_event_actors_round_trip(store) -> None:
    analysis = Analysis(
        article_id="a1",
        sentences=[(0, 28)],
        mentions=[Mention(0, 15, "Egyptian police", "GROUP", POLICE)],
    )
    event = Event(
        id="ev1", story_id="s1", type="COERCE", mode=None, cameo="173", source=POLICE,
        target=CROWD, participants=[POLICE, CROWD], location=None, date="2018-05-31",
        date_from="text", negated=False, modality="asserted", article_ids=["a1"], n_sources=1,
        mentions=[],
    )  # fmt: skip
    with store.transaction():
        store.add_article(make_article("a1", "Egyptian police arrested protesters."), analysis)
        store.replace_story(Story(id="s1", title="Arrests", article_ids=["a1"]), [event])
    [entity] = store.entities()
    assert (entity.country, entity.sector) == ("EGY", "COP")
    [stored] = store.events()
    assert stored.source == POLICE and stored.target == CROWD
    assert [p.sector for p in stored.participants] == ["COP", "CVL"]
    cards, _ = store.story_cards(StoryQuery())
    assert {t.name: t.sector for t in cards[0].top_actors} == {
        "Egyptian police": "COP",
        "protesters": "CVL",
    }
