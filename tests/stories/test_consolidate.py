"""Consolidation: once all of a run's stories exist, each article moves to the story it fits
best, whatever order the articles arrived in."""

from __future__ import annotations

from collections import Counter

from pytest import MonkeyPatch
from tests.stories.factory import (
    CHILE,
    ELECTION,
    HARBOUR,
    HARBOUR_OTHER_OUTLET,
    VOLCANO,
    analysis,
    article,
)

from crosswire.stories import cluster
from crosswire.stories.cluster import StoryClusterer
from crosswire.stories.consolidate import drawn, moves, state_of
from crosswire.stories.split import Signal
from crosswire.stories.vectors import term_counts, tfidf

TEXTS = {"h": HARBOUR, "o": HARBOUR_OTHER_OUTLET, "v": VOLCANO, "e": ELECTION}
DF = Counter[int]()
for text in TEXTS.values():
    DF.update(term_counts(article("x", text)).keys())


def signal(key: str, original: str | None = None) -> Signal:
    """The text's signal; both harbour reports name Chile."""
    vector = tfidf(term_counts(article(key, TEXTS[key])), DF, len(TEXTS))
    actors = Counter([CHILE.key] if key in "ho" else [])
    return Signal.of(vector, actors, None, original)


def every_story(_: Signal) -> list[str]:
    return ["S1", "S2", "S3"]


def test_an_article_moves_to_the_story_it_fits_better_than_its_own() -> None:
    signals = {"h": signal("h"), "v": signal("v"), "o": signal("o"), "e": signal("e")}
    # the second outlet's harbour report sits with the volcano: it fits the harbour story
    groups = {"S1": ["h"], "S2": ["v", "o"], "S3": ["e"]}
    assert moves(groups, signals, every_story) == {"o": "S1"}
    assert moves({"S1": ["h", "o"], "S2": ["v"], "S3": ["e"]}, signals, every_story) == {}


def test_a_copy_goes_where_its_original_goes() -> None:
    signals = {"h": signal("h"), "v": signal("v"), "o": signal("o"), "c": signal("e", "o")}
    groups = {"S1": ["h"], "S2": ["v", "o", "c"]}
    assert moves(groups, signals, every_story) == {"o": "S1", "c": "S1"}


def test_two_lone_articles_that_fit_each_other_end_together_without_swapping() -> None:
    signals = {"h": signal("h"), "o": signal("o")}
    # one moves to the other (the surer move first; equal gains: the smaller article id)
    assert moves({"S1": ["h"], "S2": ["o"]}, signals, every_story) == {"h": "S2"}
    assert moves({"S2": ["h"], "S1": ["o"]}, signals, every_story) == {"h": "S1"}


def test_consolidating_gives_each_article_its_story_and_drops_an_emptied_one() -> None:
    clusterer = StoryClusterer()
    items = [article("h", HARBOUR), article("o", HARBOUR_OTHER_OUTLET), article("v", VOLCANO)]
    for item in items:
        clusterer.add(item, analysis(item, CHILE))
    harbour = clusterer.story_id("h")
    # as if the second outlet's report had arrived first and opened a story of its own
    lone = clusterer._open_new("o")
    clusterer._move({harbour: ["h", "o"], lone: []}, {"o": lone})
    assert clusterer.story_id("o") == lone != harbour
    changed = clusterer.consolidate()
    assert clusterer.story_id("o") == clusterer.story_id("h")
    assert sorted(changed[clusterer.story_id("h")]) == ["h", "o"]
    assert [] in changed.values()  # one of the two harbour stories is gone
    assert clusterer.consolidate() == {}  # nothing grew since


def test_only_the_stories_grown_last_are_consolidated(monkeypatch: MonkeyPatch) -> None:
    clusterer = StoryClusterer()
    items = [article("h", HARBOUR), article("o", HARBOUR_OTHER_OUTLET), article("v", VOLCANO)]
    for item in items:
        clusterer.add(item, analysis(item, CHILE))
    harbour = clusterer.story_id("h")
    lone = clusterer._open_new("o")
    clusterer._move({harbour: ["h", "o"], lone: []}, {"o": lone})
    volcano = article("w", VOLCANO + " Ash fell on the capital.")
    clusterer.add(volcano, analysis(volcano))  # grown last: the only story examined
    monkeypatch.setattr(cluster, "CONSOLIDATE_MAX_STORIES", 1)
    assert clusterer.consolidate() == {}
    assert clusterer.story_id("o") == lone


def test_a_story_is_drawn_to_another_by_how_many_of_its_articles_would_move_there() -> None:
    """The stitch of a partitioned batch asks of a whole story what a round asks of each
    article: would the other story take it, and does it fit it better than its own story
    without it."""
    signals = {"h": signal("h"), "o": signal("o"), "v": signal("v"), "e": signal("e")}
    seen = {a: (s, s.vector(), Counter(s.actors)) for a, s in signals.items()}
    harbour = state_of(["h"], seen)
    # the other outlet's harbour report, with the volcano: it alone would move
    count, gain = drawn(["o", "v"], harbour, signals)
    assert count == 1 and gain > 0
    assert drawn(["o"], harbour, signals)[0] == 1  # a lone article: the other would take it
    assert drawn(["v", "e"], harbour, signals) == (0, 0.0)


def test_a_copy_is_drawn_with_its_original() -> None:
    signals = {"h": signal("h"), "o": signal("o"), "c": signal("e", "o"), "v": signal("v")}
    seen = {a: (s, s.vector(), Counter(s.actors)) for a, s in signals.items()}
    # as in a round: the copy is not scored, it goes where its original goes
    assert drawn(["o", "c", "v"], state_of(["h"], seen), signals)[0] == 2
