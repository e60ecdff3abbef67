"""A small store written for the export tests: two articles, three events, one story."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.model import (
    ActorRef,
    Analysis,
    Article,
    BriefSentence,
    Citation,
    Contradiction,
    Event,
    EventMention,
    Mention,
    Place,
    Quote,
    Story,
    TimeExpr,
    TimelineEntry,
    ValueSupport,
)
from crosswire.store import Store, open_store

LAVROV = ActorRef(key="person:sergei lavrov", name="Sergei Lavrov", country="RUS", sector="GOV")
KIM = ActorRef(key="person:kim jong un", name="Kim Jong Un", country="PRK", sector="GOV")
TRUMP = ActorRef(key="person:donald trump", name="Donald Trump", country="USA", sector="GOV")
TEXT = 'Lavrov met Kim in Pyongyang on Thursday. Kim accused Trump. "We will talk," Kim said.'


def article(article_id: str, url: str | None) -> Article:
    return Article(
        id=article_id, text=TEXT, path=f"{article_id}.txt", title="Lavrov in Pyongyang",
        url=url, outlet="Wire" if url else None, published="2018-05-31", language="en",
        cites=[Citation(text="Source: KCNA", outlet="KCNA")] if url else [],
        captions=["Lavrov arrives."] if url else [], text_hash=article_id,
    )  # fmt: skip


def analysis(article_id: str) -> Analysis:
    return Analysis(
        article_id=article_id,
        sentences=[(0, 40), (41, 60), (61, 86)],
        mentions=[
            Mention(0, 6, "Lavrov", "PERSON", LAVROV, role="foreign minister"),
            Mention(11, 14, "Kim", "PERSON", KIM),
            Mention(53, 58, "Trump", "PERSON", TRUMP),
        ],
        times=[TimeExpr(31, 39, "Thursday", "DATE", "2018-05-31")],
        quotes=[Quote(61, 75, '"We will talk,"', KIM)],
    )


def mention(
    article_id: str, kind: str, start: int, end: int, sentence: tuple[int, int]
) -> EventMention:
    return EventMention(article_id=article_id, type=kind, start=start, end=end,
                        sentence_start=sentence[0], sentence_end=sentence[1],
                        attributed_to=KIM if kind == "ACCUSE" else None)  # fmt: skip


def events() -> list[Event]:
    consult = Event(
        id="ev1",
        story_id="s1",
        type="CONSULT",
        mode="visit",
        cameo="042",
        source=LAVROV,
        target=KIM,
        participants=[LAVROV, KIM],
        location=Place("Pyongyang", "PRK"),
        date="2018-05-31",
        date_from="text",
        negated=False,
        modality="asserted",
        article_ids=["a1", "a2"],
        n_sources=2,
        mentions=[
            mention("a1", "CONSULT", 7, 10, (0, 40)),
            mention("a2", "CONSULT", 7, 10, (0, 40)),
        ],
    )
    accuse = Event(
        id="ev2",
        story_id="s1",
        type="ACCUSE",
        mode=None,
        cameo="112",
        source=KIM,
        target=TRUMP,
        participants=[KIM, TRUMP],
        location=None,
        date="2018-06",
        date_from="published",
        negated=True,
        modality="reported",
        article_ids=["a2"],
        n_sources=1,
        mentions=[mention("a2", "ACCUSE", 45, 52, (41, 60))],
    )
    lone = Event(
        id="ev3",
        story_id="s1",
        type="MOBILIZE",
        mode=None,
        cameo=None,
        source=None,
        target=None,
        participants=[KIM],
        location=None,
        date=None,
        date_from=None,
        negated=False,
        modality="asserted",
        article_ids=["a1"],
        n_sources=1,
        mentions=[],
    )
    return [consult, accuse, lone]


def story() -> Story:
    return Story(
        id="s1", title="Lavrov in Pyongyang", article_ids=["a1", "a2"],
        first_date="2018-05-31", last_date="2018-05-31",
        brief=[BriefSentence("Lavrov met Kim.", ["a1", "a2"])],
        contradictions=[Contradiction("ev1", "date", [ValueSupport("2018-05-31", ["a1"]),
                                                      ValueSupport("2018-05-30", ["a2"])])],
        timeline=[TimelineEntry("ev1", "2018-05-31", "CONSULT: Sergei Lavrov – Kim Jong Un", 2, ["a1", "a2"])],
    )  # fmt: skip


def fill(store: Store) -> Store:
    with store.transaction():
        store.add_article(article("a1", "https://wire.example/lavrov"), analysis("a1"))
        store.add_article(article("a2", None), analysis("a2"))
        for article_id in ("a1", "a2"):
            store.update_article(next(store.articles([article_id])), "s1")
        store.replace_story(story(), events())
    return store


@pytest.fixture
def store(tmp_path: Path):
    opened = fill(open_store(tmp_path / "export.db"))
    yield opened
    opened.close()


@pytest.fixture
def empty_store(tmp_path: Path):
    opened = open_store(tmp_path / "empty.db")
    yield opened
    opened.close()
