"""Story briefs, timelines, titles and inferred publication dates."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from tests.fuzz.strategies import FAST
from tests.stories.factory import (
    HARBOUR,
    HARBOUR_OTHER_OUTLET,
    VEGA,
    VOLCANO,
    analysis,
    article,
    meeting,
)

from crosswire.model import Analysis, Story, TimeExpr
from crosswire.settings import DEFAULT
from crosswire.stories import calendar_day, days_apart, infer_published, story_title
from crosswire.stories.brief import (
    SIMILAR,
    Candidate,
    _best,
    _chosen,
    _overlap,
    _similar_sets,
    _when,
    story_timeline,
    timeline,
    write_brief,
)
from crosswire.stories.fuse import fuse_events
from crosswire.timex import find_times

STORY = Story(id="s1", title="t", article_ids=[])
WINDOW = DEFAULT.stories.date_window_days


def test_brief_has_bounded_size_citations_and_no_repeats() -> None:
    items = [
        article("a", HARBOUR),
        article("b", HARBOUR_OTHER_OUTLET),
        article("c", HARBOUR.replace("Monday", "Monday morning")),
    ]
    brief = write_brief(STORY, items, [analysis(i) for i in items], [])
    assert 3 <= len(brief) <= 8
    texts = [b.text for b in brief]
    assert len(texts) == len(set(texts))
    assert all(b.article_ids and set(b.article_ids) <= {"a", "b", "c"} for b in brief)
    opening = next(b for b in brief if "opened a new container terminal" in b.text)
    assert opening.article_ids == ["a", "b", "c"]  # b says the same in its own words
    mixed = [*items, article("d", VOLCANO)]
    for sentence in write_brief(STORY, mixed, [analysis(i) for i in mixed], []):
        assert ("d" in sentence.article_ids) == (sentence.text in VOLCANO)


def test_brief_skips_near_duplicate_sentences_and_copies() -> None:
    items = [article("a", HARBOUR), article("b", HARBOUR, duplicate_of="a")]
    brief = write_brief(STORY, items, [analysis(i) for i in items], [])
    assert len({b.text for b in brief}) == len(brief)
    assert all(b.article_ids == ["a"] for b in brief)  # the copy adds no sentence


def test_a_small_story_gets_a_shorter_brief() -> None:
    items = [article("a", HARBOUR), article("b", HARBOUR_OTHER_OUTLET), article("c", VOLCANO)]
    small = write_brief(STORY, items[:1], [analysis(items[0])], [])
    large = write_brief(STORY, items, [analysis(i) for i in items], [])
    assert len(small) == 3 and 5 <= len(large) <= 8


def test_brief_prefers_sentences_reporting_well_sourced_events() -> None:
    items = [article("a", HARBOUR), article("b", VOLCANO)]
    analyses = [analysis(i) for i in items]
    last_start = analyses[0].sentences[-1][0]  # the last sentence: never chosen for position
    reported = [meeting("a", start=last_start), meeting("b", start=analyses[1].sentences[-1][0])]
    analyses[0].events, analyses[1].events = reported[:1], reported[1:]
    events, _ = fuse_events("s1", items, analyses)
    brief = write_brief(STORY, items[:1], analyses[:1], events)
    last = " ".join(HARBOUR[last_start:].split())
    assert last in [b.text for b in brief]


def test_timeline_is_in_date_order_with_undated_last() -> None:
    items = [article("a", HARBOUR), article("b", VOLCANO)]
    mentions = [meeting("a", "2021-03-05"), meeting("b", None, start=50, source=VEGA, target=None)]
    mentions.append(meeting("a", "2021-02-01", start=90, source=None))
    analyses = [
        Analysis("a", events=[m for m in mentions if m.article_id == "a"]),
        Analysis("b", events=[m for m in mentions if m.article_id == "b"]),
    ]
    events, _ = fuse_events("s", items, analyses)
    dates = [e.date for e in timeline(events)]
    assert dates[-1] is None and dates[:-1] == sorted(d for d in dates if d)


def test_story_timeline_lists_best_supported_events_in_date_order() -> None:
    items = [article("a", HARBOUR), article("b", HARBOUR_OTHER_OUTLET, outlet="Other")]
    mentions = [meeting("a", "2021-03-05"), meeting("b", "2021-03-05", start=10)]
    mentions.append(meeting("a", "2021-02-01", start=90, source=VEGA, target=None))
    analyses = [Analysis(i.id, events=[m for m in mentions if m.article_id == i.id]) for i in items]
    events, _ = fuse_events("s", items, analyses)
    entries = story_timeline(events)
    assert [e.date for e in entries] == ["2021-02-01", "2021-03-05"]
    met = entries[1]
    assert met.article_ids == ["a", "b"] and met.n_sources == 2
    assert met.what.startswith("CONSULT") and "Ana Rojas – Luis Soto" in met.what
    [best] = story_timeline(events, limit=1)
    assert best.event_id == met.event_id  # the limit keeps the best-supported event


def test_story_title_is_the_earliest_original_articles() -> None:
    items = [
        article("a", HARBOUR, published=None, title="Undated"),
        article("b", VOLCANO, published="2021-03-02", title="Later"),
        article("c", VOLCANO, published="2021-03-01", title="Copy", duplicate_of="b"),
    ]
    assert story_title(items) == "Later"


def test_inferred_date_comes_from_the_story_never_from_nothing() -> None:
    undated = article("a", HARBOUR, published=None)
    story = [undated, article("b", VOLCANO, "2021-03-02"), article("c", VOLCANO, "2021-03-04")]
    assert infer_published(undated, Analysis("a"), story) == "2021-03-02"
    assert infer_published(undated, Analysis("a"), story[:1]) is None


def test_inferred_date_is_not_before_a_calendar_date_the_article_gives() -> None:
    undated = article("a", HARBOUR, published=None)
    story = [article("b", VOLCANO, d) for d in ("2021-03-01", "2021-03-02", "2021-03-05")]
    own = Analysis("a", times=[TimeExpr(0, 8, "March 4", "DATE", "2021-03-04")])
    assert infer_published(undated, own, story) == "2021-03-05"
    relative = Analysis("a", times=[TimeExpr(0, 8, "Thursday", "DATE", "2021-03-04")])
    assert infer_published(undated, relative, story) == "2021-03-02"  # no evidence: median


def test_own_dates_count_within_the_window_the_settings_give() -> None:
    undated = article("a", HARBOUR, published=None)
    story = [article("b", VOLCANO, d) for d in ("2021-03-01", "2021-03-02", "2021-03-05")]
    own = Analysis("a", times=[TimeExpr(0, 8, "March 4", "DATE", "2021-03-04")])
    assert infer_published(undated, own, story, window_days=2) == "2021-03-05"
    assert infer_published(undated, own, story, window_days=1) == "2021-03-02"  # background


def test_inferred_date_never_contradicts_the_year_of_a_date_the_article_writes() -> None:
    undated = article("a", HARBOUR, published=None)
    story = [article("b", VOLCANO, d) for d in ("2012-06-10", "2012-06-11")]
    stated = Analysis("a", times=[TimeExpr(0, 15, "January 6, 2009", "DATE", "2009-01-06")])
    assert infer_published(undated, stated, story) is None
    same_year = Analysis("a", times=[TimeExpr(0, 13, "June 9, 2012", "DATE", "2012-06-09")])
    assert infer_published(undated, same_year, story) == "2012-06-10"
    bare = Analysis("a", times=[TimeExpr(0, 4, "2009", "DATE", "2009")])  # background
    assert infer_published(undated, bare, story) == "2012-06-10"


def test_brief_skips_sentences_opening_with_a_dangling_reference() -> None:
    text = (
        "The port authority of Valparaiso opened a new container terminal on Monday. "
        "It is the largest terminal ever built on the Pacific coast of the country. "
        "The terminal was built by a consortium of Chilean and Spanish firms for years. "
        "But dock workers staged a short protest at the gate over their shift patterns."
    )
    brief = write_brief(STORY, [article("a", text)], [analysis(article("a", text))], [])
    assert brief and not any(b.text.startswith(("It ", "But ")) for b in brief)


def test_background_sentences_go_by_their_articles_date() -> None:
    items = [article("a", HARBOUR, published="2021-03-01")]
    analyses = [analysis(items[0])]
    starts = [s for s, _ in analyses[0].sentences]
    old = meeting("a", "1999-05-02", start=starts[-1])  # the last sentence, on 1999
    old.sentence_start = starts[-1]
    new = meeting("a", "2021-03-01", start=starts[0], source=VEGA)
    analyses[0].events = [old, new]
    events, _ = fuse_events("s", items, analyses)
    brief = write_brief(STORY, items, analyses, events)
    texts = [b.text for b in brief]
    assert texts == sorted(texts, key=lambda t: HARBOUR.index(t))  # text order, not 1999 first


WORD_SETS = st.lists(st.frozensets(st.sampled_from("abcdefghij"), max_size=7), max_size=25)


@FAST
@given(WORD_SETS)
def test_similar_sentences_are_found_exactly_without_comparing_every_pair(
    sets: list[frozenset[str]],
) -> None:
    sets = [s for s in dict.fromkeys(sets) if s]  # as _add_support passes them
    by_pairs = [
        {j for j, other in enumerate(sets) if i == j or _overlap(words, other) > SIMILAR}
        for i, words in enumerate(sets)
    ]
    assert _similar_sets(sets) == by_pairs


def test_every_article_with_the_same_sentence_supports_it() -> None:
    copies = [article(i, HARBOUR, outlet=i) for i in "abcd"]
    brief = write_brief(STORY, copies, [analysis(i) for i in copies], [])
    assert brief and all(sentence.article_ids == list("abcd") for sentence in brief)


# What the time stage makes of these words, anchored on 2011-11-01: weeks, weekends,
# seasons, quarters, decades, centuries, PRESENT_REF, SETs, durations, clock times
EVERY_KIND_OF_TIME = (
    "Over the weekend and last week, in the summer of 2019, in the first quarter, in the "
    "1990s, this month, last year, currently, recently, every Monday, for two weeks, at "
    "10 p.m. Wednesday, on May 31, next spring, this decade, early this century."
)


def test_every_time_value_orders_a_brief_sentence() -> None:
    values = [t.value for t in find_times(EVERY_KIND_OF_TIME, "2011-11-01") if t.value]
    assert "2011-W43-WE" in values and "PRESENT_REF" in values  # the kinds are there
    for value in values:
        assert _when([value], "2011-11-01", WINDOW) in {value, "2011-11-01"}
        assert _when([value], None, WINDOW) in {value, ""}


def test_a_weekend_is_no_day_to_count_from() -> None:
    assert days_apart("2011-W44-WE", "2011-11-01") is None
    assert days_apart("PRESENT_REF", "2011-11-01") is None
    assert days_apart("2011-10-26T22:00", "2011-11-01") == 6
    assert calendar_day("2019-SU") is None and calendar_day("2019-02-31") is None


def test_story_title_is_the_most_representative_articles_not_a_short_posts() -> None:
    combined = f"{HARBOUR} {HARBOUR_OTHER_OUTLET}"
    items = [
        article("0", "Big news from the port today.", title="A short post's headline"),
        article("a", HARBOUR, title="Terminal opens in Valparaiso"),
        article("b", HARBOUR_OTHER_OUTLET, title="Minister inaugurates terminal"),
        article("c", combined, title="Valparaiso terminal doubles port capacity"),
    ]
    assert story_title(items) == "Valparaiso terminal doubles port capacity"
    latest = article("z", "Port update.", published="2021-03-09", title="Latest short update")
    assert story_title([*items, latest]) == "Valparaiso terminal doubles port capacity"


def chosen_one_pick_at_a_time(candidates: list[Candidate], size: int) -> list[Candidate]:
    """The greedy choice as first written: every candidate checked against every chosen
    sentence on every pick."""
    chosen: list[Candidate] = []
    covered: set[str] = set()
    while len(chosen) < size:
        open_ = [
            c
            for c in candidates
            if c not in chosen and not any(_overlap(c.words, o.words) > SIMILAR for o in chosen)
        ]
        best = _best(open_, covered)
        if best is None:
            break
        chosen.append(best)
        covered |= set(best.events)
    return chosen


SENTENCES = st.lists(
    st.tuples(
        st.frozensets(st.sampled_from("abcdefgh"), max_size=5),  # its words
        st.dictionaries(st.sampled_from("xyz"), st.sampled_from([1.0, 1.5, 2.0])),  # events
        st.integers(0, 4),  # its position
        st.integers(1, 3),  # its support
    ),
    max_size=14,
)


@FAST
@given(SENTENCES, st.integers(1, 8))
def test_the_open_candidates_kept_give_the_same_choice(
    sentences: list[tuple[frozenset[str], dict[str, float], int, int]], size: int
) -> None:
    candidates = [
        Candidate(f"s{i}", f"a{i % 3}", position, set(words), "", events, ["a"] * support)
        for i, (words, events, position, support) in enumerate(sentences)
    ]
    assert _chosen(candidates, size) == chosen_one_pick_at_a_time(candidates, size)
