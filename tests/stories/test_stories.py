"""Duplicates, incremental clustering, event fusion, contradictions and briefs, on model
objects built for the tests."""

from __future__ import annotations

import hashlib

from crosswire.clean import normalise_text
from crosswire.model import ActorRef, Analysis, Article, Citation, EventMention, Place
from crosswire.stories import infer_published, story_title
from crosswire.stories.brief import timeline, write_brief
from crosswire.stories.cluster import StoryClusterer
from crosswire.stories.dedup import DuplicateIndex
from crosswire.stories.fuse import fuse_events

HARBOUR = (
    "The port authority of Valparaiso opened a new container terminal on Monday after three years of "
    "construction, doubling the harbour's capacity. The terminal was built by a consortium of Chilean "
    "and Spanish firms and cost about 400 million dollars. Dock workers staged a short protest at the gate "
    "over shift patterns, but the opening ceremony went ahead with the transport minister cutting a ribbon. "
    "Shipping lines said the new berths would cut waiting times for vessels arriving from Asia."
)
VOLCANO = (
    "A volcano on the Indonesian island of Java erupted on Saturday, sending a column of ash five kilometres "
    "into the sky and forcing the evacuation of several villages. Officials said there were no immediate "
    "reports of casualties. Flights at two nearby airports were suspended as the ash cloud drifted west."
)
CHILE = ActorRef(key="country:CHL", name="Chile", country="CHL")
PERU = ActorRef(key="country:PER", name="Peru", country="PER")
REUTERS = ActorRef(key="org:reuters", name="Reuters")


def article(
    article_id: str, text: str, published: str | None = "2021-03-01", **extra: object
) -> Article:
    digest = hashlib.sha1(normalise_text(text).encode()).hexdigest()
    return Article(
        id=article_id,
        text=text,
        path=f"{article_id}.txt",
        published=published,
        text_hash=digest,
        **extra,
    )  # type: ignore[arg-type]


def test_exact_and_near_duplicates_are_linked() -> None:
    index = DuplicateIndex()
    assert index.add(article("a", HARBOUR)) is None
    assert index.add(article("b", HARBOUR.upper())) == "a"  # same normalised text
    repost = "Advertisement. " + HARBOUR.rsplit(".", 2)[0] + ". Read more on our site."
    assert index.add(article("c", repost)) == "a"
    assert index.add(article("d", VOLCANO)) is None


def test_duplicate_index_state_round_trip_continues_the_same() -> None:
    index = DuplicateIndex()
    index.add(article("a", HARBOUR))
    restored = DuplicateIndex.from_state(index.to_state())
    assert restored.add(article("b", HARBOUR + " Shipping resumed.")) == "a"


def test_clustering_is_incremental_and_stable() -> None:
    clusterer = StoryClusterer()
    first = clusterer.add(article("a", HARBOUR), Analysis("a"))
    other = clusterer.add(article("b", VOLCANO), Analysis("b"))
    follow_up = HARBOUR.replace("Monday", "Tuesday").replace("opened", "inaugurated")
    joined = clusterer.add(article("c", follow_up, published="2021-03-02"), Analysis("c"))
    assert first == joined != other
    restored = StoryClusterer.from_state(clusterer.to_state())
    assert restored.add(article("c", follow_up), Analysis("c")) == first  # already placed
    far_later = clusterer.add(article("d", follow_up, published="2022-06-01"), Analysis("d"))
    assert far_later != first  # outside the time window: a new story


def test_duplicate_joins_its_original_story() -> None:
    clusterer = StoryClusterer()
    first = clusterer.add(article("a", HARBOUR), Analysis("a"))
    copy = article("b", VOLCANO, duplicate_of="a")
    assert clusterer.add(copy, Analysis("b")) == first


def meeting(
    article_id: str,
    date: str,
    start: int = 0,
    place: str = "Lima",
    source: ActorRef = CHILE,
    target: ActorRef = PERU,
    attributed: ActorRef | None = None,
) -> EventMention:
    return EventMention(
        article_id=article_id, type="CONSULT", start=start, end=start + 3, sentence_start=start, sentence_end=start + 40,
        source=source, target=target, participants=[source, target], location=Place(place, "PER"),
        date=date, date_from="text", attributed_to=attributed,
    )  # fmt: skip


def test_two_reports_of_one_meeting_fuse_with_two_sources() -> None:
    articles = [article("a", HARBOUR), article("b", VOLCANO)]
    analyses = [
        Analysis("a", events=[meeting("a", "2021-03-01")]),
        Analysis("b", events=[meeting("b", "2021-03-01", source=PERU, target=CHILE)]),
    ]
    events, contradictions = fuse_events("s1", articles, analyses)
    assert len(events) == 1 and events[0].n_sources == 2 and events[0].article_ids == ["a", "b"]
    assert contradictions == []


def test_copies_and_relays_of_one_source_count_once() -> None:
    articles = [
        article("a", HARBOUR),
        article("b", HARBOUR, duplicate_of="a"),
        article("c", VOLCANO),
        article("d", VOLCANO),
    ]
    analyses = [
        Analysis("a", events=[meeting("a", "2021-03-01")]),
        Analysis("b", events=[meeting("b", "2021-03-01")]),
        Analysis("c", events=[meeting("c", "2021-03-01", attributed=REUTERS)]),
        Analysis("d", events=[meeting("d", "2021-03-01", attributed=REUTERS)]),
    ]
    [event], _ = fuse_events("s1", articles, analyses)
    assert event.n_sources == 2  # article a (with its copy b) and Reuters (relayed by c and d)


def test_different_days_are_a_contradiction_different_precision_is_not() -> None:
    articles = [article("a", HARBOUR), article("b", VOLCANO), article("c", VOLCANO + " More.")]
    analyses = [
        Analysis("a", events=[meeting("a", "2021-03-01")]),
        Analysis("b", events=[meeting("b", "2021-03")]),
        Analysis("c", events=[meeting("c", "2021-03-02")]),
    ]
    [event], contradictions = fuse_events("s1", articles, analyses)
    [contradiction] = contradictions
    assert contradiction.field == "date" and contradiction.event_id == event.id
    assert {v.value: v.article_ids for v in contradiction.values} == {
        "2021-03-01": ["a"],
        "2021-03-02": ["c"],
    }
    precise_only = fuse_events("s1", articles[:2], analyses[:2])[1]
    assert precise_only == []


def test_brief_cites_supporting_articles_without_repeats() -> None:
    text_a = HARBOUR
    text_b = (
        HARBOUR.split(". ")[0] + ". A second outlet added that the minister praised the builders."
    )
    articles = [article("a", text_a), article("b", text_b)]
    analyses = []
    for item in articles:
        spans, start = [], 0
        for sentence in item.text.split(". "):
            spans.append((start, start + len(sentence)))
            start += len(sentence) + 2
        analyses.append(Analysis(item.id, sentences=spans))
    brief = write_brief(story=None, articles=articles, analyses=analyses, events=[])  # type: ignore[arg-type]
    assert 1 <= len(brief) <= 8
    texts = [b.text for b in brief]
    assert len(texts) == len(set(texts))
    opening = next(b for b in brief if b.text.startswith("The port authority"))
    assert opening.article_ids == ["a", "b"]


def test_timeline_and_title_and_inferred_dates() -> None:
    articles = [
        article("a", HARBOUR, published=None, title="Undated"),
        article("b", VOLCANO, published="2021-03-02", title="Dated"),
    ]
    assert story_title(articles) == "Dated"
    assert infer_published(articles[0], Analysis("a"), articles) == "2021-03-02"
    assert infer_published(articles[0], Analysis("a"), articles[:1]) is None
    events, _ = fuse_events(
        "s",
        articles,
        [
            Analysis("a", events=[meeting("a", "2021-03-05")]),
            Analysis(
                "b", events=[meeting("b", "2021-03-01", start=50, source=REUTERS, target=CHILE)]
            ),
        ],
    )
    assert [e.date for e in timeline(events)] == sorted(e.date for e in events)


def test_citation_does_not_break_dedup() -> None:
    index = DuplicateIndex()
    index.add(article("a", HARBOUR, url="https://port.example/a"))
    repost = article(
        "b",
        HARBOUR + " Source: port.example",
        cites=[Citation(text="port", url="https://port.example/a")],
    )
    assert index.add(repost) == "a"
