"""Event fusion across the articles of a story: one event per happening, independent
sources, contradictions."""

from __future__ import annotations

from dataclasses import replace
from unittest.mock import patch

from hypothesis import example, given
from hypothesis import strategies as st
from tests.fuzz.strategies import FAST
from tests.stories.factory import (
    CHILE,
    MINISTRY,
    PERU,
    ROJAS,
    SOTO,
    VEGA,
    WIRE,
    article,
    meeting,
)

from crosswire.model import ActorRef, Analysis, Citation, EventMention, Place
from crosswire.settings import FusionSettings
from crosswire.stories.fuse import _Group, _joins, fuse_events


def articles(*ids: str, **extra: object) -> list:  # type: ignore[type-arg]
    """Articles each from an outlet of its own (articles with no known outlet would all
    count as one source), unless `extra` says otherwise."""
    return [
        article(
            i, f"Text of article {i} written for the test.", **{"outlet": f"Outlet {i}", **extra}
        )
        for i in ids
    ]


def fuse(mentions: list[EventMention], items: list | None = None):  # type: ignore[no-untyped-def, type-arg]
    ids = sorted({m.article_id for m in mentions})
    items = items or articles(*ids)
    analyses = [Analysis(i, events=[m for m in mentions if m.article_id == i]) for i in ids]
    return fuse_events("s1", items, analyses)


def test_one_meeting_reported_by_two_articles_is_one_event_with_two_sources() -> None:
    [event], contradictions = fuse([meeting("a"), meeting("b", start=80)])
    assert event.n_sources == 2 and event.article_ids == ["a", "b"]
    assert len(event.mentions) == 2 and contradictions == []


def test_reciprocal_participants_in_swapped_roles_fuse() -> None:
    [event], _ = fuse([meeting("a"), meeting("b", source=SOTO, target=ROJAS)])
    assert event.n_sources == 2


def test_directed_events_with_swapped_roles_stay_apart() -> None:
    first, second = meeting("a"), meeting("b", source=SOTO, target=ROJAS)
    first.type = second.type = "ACCUSE"
    assert len(fuse([first, second])[0]) == 2


def test_different_participants_are_different_events() -> None:
    events, _ = fuse([meeting("a"), meeting("b", source=ROJAS, target=VEGA, date="2021-03-05")])
    assert len(events) == 2


def test_a_syndicated_copy_does_not_add_a_source() -> None:
    items = [
        article("a", "Original report."),
        article("b", "Original report, copied.", duplicate_of="a"),
        article("c", "An aggregator page.", cites=[Citation("x", url="https://wire.example/1")]),
        article("d", "The wire's own page.", url="https://wire.example/1"),
    ]
    mentions = [meeting("a"), meeting("b"), meeting("c"), meeting("d")]
    [event], _ = fuse(mentions, items)
    assert event.n_sources == 2 and len(event.article_ids) == 4  # a (with b), d (with c)


def test_two_articles_relaying_one_primary_source_count_once() -> None:
    mentions = [meeting("a", attributed_to=WIRE), meeting("b", attributed_to=WIRE)]
    [event], _ = fuse(mentions)
    assert event.n_sources == 1
    mentions.append(meeting("c"))  # an article reporting it in its own voice
    [event], _ = fuse(mentions)
    assert event.n_sources == 2


def test_an_article_relaying_a_source_and_stating_it_counts_once() -> None:
    [event], _ = fuse([meeting("a", attributed_to=WIRE), meeting("a", start=90)])
    assert event.n_sources == 1


def test_different_precision_is_not_a_contradiction() -> None:
    [event], contradictions = fuse([meeting("a", "2021-03-01"), meeting("b", "2021-03")])
    assert contradictions == [] and event.date == "2021-03-01"


def test_different_days_are_a_contradiction_with_the_articles_behind_each() -> None:
    mentions = [meeting("a", "2021-03-01"), meeting("b", "2021-03"), meeting("c", "2021-03-02")]
    [event], [contradiction] = fuse(mentions)
    assert contradiction.field == "date" and contradiction.event_id == event.id
    assert {v.value: v.article_ids for v in contradiction.values} == {
        "2021-03-01": ["a"],
        "2021-03-02": ["c"],
    }


def test_how_many_days_apart_one_event_may_be_reported_is_a_setting() -> None:
    mentions = [meeting("a", "2021-03-01"), meeting("b", "2021-03-04")]
    items = articles("a", "b")
    analyses = [Analysis(m.article_id, events=[m]) for m in mentions]
    assert len(fuse_events("s1", items, analyses)[0]) == 2  # 3 days: two events by default
    wider = FusionSettings(max_day_gap=3)
    [event], [contradiction] = fuse_events("s1", items, analyses, wider)
    assert event.n_sources == 2 and contradiction.field == "date"


def test_days_far_apart_are_different_events_not_a_contradiction() -> None:
    events, contradictions = fuse([meeting("a", "2021-03-01"), meeting("b", "2021-03-20")])
    assert len(events) == 2 and contradictions == []


def test_a_city_and_its_country_are_no_contradiction_other_countries_are() -> None:
    country = Place("Peru", "PER")
    [event], contradictions = fuse([meeting("a"), meeting("b", place=country)])
    assert contradictions == [] and event.location == Place("Lima", "PER")
    elsewhere = meeting("c", place=Place("Santiago", "CHL"))
    [_event], [contradiction] = fuse([meeting("a"), elsewhere])  # same sides, same day
    assert contradiction.field == "location"
    assert [(v.value, v.article_ids) for v in contradiction.values] == [
        ("Lima", ["a"]),
        ("Santiago", ["c"]),
    ]
    later = meeting("c", "2021-03-05", place=Place("Santiago", "CHL"))
    events, contradictions = fuse([meeting("a"), later])
    assert len(events) == 2 and contradictions == []  # another day elsewhere: another meeting


def test_cities_in_different_regions_of_one_country_disagree() -> None:
    new_york, washington = Place("New York", "USA"), Place("Washington", "USA")
    [_event], [contradiction] = fuse([meeting("a", place=new_york), meeting("b", place=washington)])
    assert contradiction.field == "location"
    manhattan = Place("Manhattan", "USA")  # within New York's region: no disagreement
    [_event], contradictions = fuse([meeting("a", place=new_york), meeting("b", place=manhattan)])
    assert contradictions == []
    one_article = [meeting("a", place=new_york), meeting("a", start=50, place=washington)]
    assert len(fuse(one_article)[0]) == 2  # one report naming two places: two happenings


def test_counts_that_disagree_are_a_contradiction() -> None:
    first = meeting("a", numbers={"arrested": 12})
    second = meeting("b", numbers={"arrested": 15})
    [_event], [contradiction] = fuse([first, second])
    assert contradiction.field == "arrested"
    assert [(v.value, v.article_ids) for v in contradiction.values] == [
        ("12", ["a"]),
        ("15", ["b"]),
    ]


def test_a_country_stands_for_its_officials() -> None:
    official = meeting("a", source=ROJAS, target=SOTO)
    country_level = meeting("b", source=ROJAS, target=PERU)
    [event], contradictions = fuse([official, country_level])
    assert event.n_sources == 2 and contradictions == []


def test_other_counterpart_on_the_same_day_and_place_is_a_participant_contradiction() -> None:
    [_event], [contradiction] = fuse([meeting("a"), meeting("b", target=VEGA)])
    assert contradiction.field == "participants"
    assert sorted(v.article_ids for v in contradiction.values) == [["a"], ["b"]]


def test_planned_and_held_meetings_stay_apart() -> None:
    events, _ = fuse([meeting("a"), meeting("b", modality="planned")])
    assert len(events) == 2


def test_event_ids_do_not_change_when_a_later_report_arrives() -> None:
    items = articles("a", "b")
    items[1].published = "2021-03-02"
    [before], _ = fuse([meeting("a")], items[:1])
    [after], _ = fuse([meeting("a"), meeting("b")], items)
    assert before.id == after.id and after.n_sources == 2


def test_relayed_ministry_claims_from_two_outlets_count_once_per_source() -> None:
    mentions = [
        meeting("a", attributed_to=MINISTRY),
        meeting("b", attributed_to=MINISTRY),
        meeting("c", attributed_to=WIRE),
    ]
    [event], _ = fuse(mentions)
    assert event.n_sources == 2


def test_a_surname_and_the_full_name_are_one_participant() -> None:
    surname_only = ActorRef(key="person:rojas", name="Rojas", country="CHL")
    [event], contradictions = fuse([meeting("a"), meeting("b", source=surname_only)])
    assert event.n_sources == 2 and contradictions == []


def test_countries_for_their_officials_are_no_participant_contradiction() -> None:
    countries = meeting("b", source=PERU, target=ActorRef("country:CHL", "Chile", "CHL"))
    _, contradictions = fuse([meeting("a"), countries])
    assert contradictions == []


def test_an_aggregator_relaying_two_outlets_does_not_join_them() -> None:
    items = [
        article("a", "First outlet.", outlet="North Daily"),
        article("b", "Second outlet.", outlet="South Herald"),
        article("c", "Re-post.", outlet="Pile", cites=[Citation("n", outlet="North Daily")]),
        article("d", "Re-post.", outlet="Pile", cites=[Citation("s", outlet="South Herald")]),
    ]
    [event], _ = fuse([meeting("a"), meeting("b"), meeting("c"), meeting("d")], items)
    assert event.n_sources == 2


SIDES = st.sampled_from([ROJAS, SOTO, VEGA, PERU, None])
REPORTS = st.tuples(
    st.integers(0, 3),  # the article
    SIDES,
    SIDES,
    st.sampled_from([None, "2021-03-01", "2021-03-02", "2021-03-06", "2021-03"]),
    st.sampled_from([None, Place("Lima", "PER"), Place("Cusco", "PER"), Place("Santiago", "CHL")]),
    st.sampled_from(["CONSULT", "ACCUSE"]),
)


LIMA = Place("Lima", "PER")


@FAST
@given(st.lists(REPORTS, max_size=30))
# a month, a day, and a day too far from the day but within the month
@example([(0, ROJAS, SOTO, "2021-03", LIMA, "CONSULT"), (1, ROJAS, SOTO, "2021-03-01", LIMA, "CONSULT"), (2, ROJAS, SOTO, "2021-03-06", LIMA, "CONSULT")])  # fmt: skip
def test_fusing_compares_each_distinct_report_once_with_the_same_result(
    reports: list[tuple[int, ActorRef | None, ActorRef | None, str | None, Place | None, str]],
) -> None:
    mentions = [
        replace(meeting(f"a{n}", date, 50 * i, place, source, target), type=kind)
        for i, (n, source, target, date, place, kind) in enumerate(reports)
    ]
    grouped = fuse(mentions)

    def joins(group: _Group, mention: EventMention) -> bool:
        return _joins(mention, group.members, group.max_day_gap)

    with patch.object(_Group, "joins", joins):
        assert fuse(mentions) == grouped


def test_posts_with_no_known_outlet_count_together_as_at_most_one_source() -> None:
    known = [
        article("a", "First outlet.", outlet="North Daily"),
        article("b", "Second outlet.", url="https://south.example/news/1"),
    ]
    anonymous = [article(i, f"A short post {i}.") for i in "cdef"]
    mentions = [meeting(i) for i in "abcdef"]
    [event], _ = fuse(mentions, known + anonymous)
    assert event.n_sources == 3  # two outlets, and the unknown publisher once
    [alone], _ = fuse([meeting(i) for i in "cdef"], anonymous)
    assert alone.n_sources == 1


# sides that meet only through one rule of `_same_actor` each: a surname for the full name,
# a country for its officials, a name with no country; and kinds with and without roles
SOME_SIDES = st.sampled_from(
    [
        ROJAS,
        SOTO,
        VEGA,
        PERU,
        CHILE,
        MINISTRY,
        ActorRef("person:soto", "Soto"),
        ActorRef("person:rojas", "Rojas", "CHL"),
        ActorRef("org:acme", "Acme"),
        None,
    ]
)
MIXED = st.tuples(
    st.integers(0, 3),
    SOME_SIDES,
    SOME_SIDES,
    st.sampled_from([None, "2021-03-01", "2021-03-02"]),
    st.sampled_from([None, LIMA, Place("Santiago", "CHL")]),
    st.sampled_from(["CONSULT", "ACCUSE", "AGREE"]),
)


@FAST
@given(st.lists(MIXED, max_size=30))
def test_groups_skipped_by_their_actors_give_the_same_events(
    reports: list[tuple[int, ActorRef | None, ActorRef | None, str | None, Place | None, str]],
) -> None:
    """A group is skipped when none of its members' actors can be one of the mention's
    (`_ActorTokens`): an exact filter, so fusing without it gives the same events."""
    mentions = [
        replace(meeting(f"a{n}", date, 50 * i, place, source, target), type=kind)
        for i, (n, source, target, date, place, kind) in enumerate(reports)
    ]
    grouped = fuse(mentions)
    with patch.object(_Group, "may_join", lambda group, wanted: True):
        assert fuse(mentions) == grouped


def test_a_group_of_other_actors_is_not_compared() -> None:
    """Meetings between other people are not compared with a group at all."""
    others = meeting("b", start=80, source=VEGA, target=None)  # Peru's, not Chile's
    compared: list[EventMention] = []

    def joins(group: _Group, mention: EventMention) -> bool:
        compared.append(mention)
        return _joins(mention, group.members, group.max_day_gap)

    with patch.object(_Group, "joins", joins):
        events, _ = fuse([meeting("a", source=ROJAS, target=CHILE), others])
    assert len(events) == 2 and compared == []


def _resignation(article_id: str, source: ActorRef | None, target: ActorRef | None) -> EventMention:
    return replace(meeting(article_id, source=source, target=target), type="RETREAT")


def test_one_actor_named_on_each_side_by_different_reports_is_no_self_loop() -> None:
    # "Rojas resigned" and "the resignation of Rojas": one happening, Rojas its source
    [event], _ = fuse([_resignation("a", ROJAS, None), _resignation("b", None, ROJAS)])
    assert event.source == ROJAS and event.target is None


def test_the_actor_keeps_the_role_more_reports_give_it() -> None:
    mentions = [
        _resignation("a", ROJAS, None),
        _resignation("b", None, ROJAS),
        _resignation("c", None, ROJAS),
    ]
    [event], _ = fuse(mentions)
    assert event.source is None and event.target == ROJAS


def test_an_event_whose_two_names_the_story_finds_one_person_loses_its_target() -> None:
    surname = ActorRef(key="person:rojas", name="Rojas", country="CHL")
    [event], _ = fuse([meeting("a", source=ROJAS, target=surname)])
    assert all(m.target is None for m in event.mentions)
    assert all(m.source is not None and m.source.key == ROJAS.key for m in event.mentions)
