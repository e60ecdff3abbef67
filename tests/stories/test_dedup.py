"""Exact and near duplicates, re-posts citing their original, and the saved state."""

from __future__ import annotations

from datasketch import MinHashLSH
from tests.stories.factory import ELECTION, HARBOUR, HARBOUR_OTHER_OUTLET, VOLCANO, article

from crosswire.model import Citation
from crosswire.provenance import outlet_keys, url_key
from crosswire.settings import DEFAULT, DedupSettings
from crosswire.stories.dedup import (
    CANDIDATE_THRESHOLD,
    LEAD_PERM,
    NUM_PERM,
    BandTable,
    DuplicateIndex,
    candidate_index,
)
from crosswire.stories.spilled import SpilledBuckets

BOILERPLATE = "Advertisement\nHome | World | Business\n{}\nShare this story. Read more on our site."


def test_exact_copy_is_linked_by_its_normalised_text() -> None:
    index = DuplicateIndex()
    assert index.add(article("a", HARBOUR)) is None
    assert index.add(article("b", "  " + HARBOUR.upper())) == "a"


def test_repost_with_boilerplate_is_linked() -> None:
    index = DuplicateIndex()
    index.add(article("a", HARBOUR))
    assert index.add(article("b", BOILERPLATE.format(HARBOUR))) == "a"


def test_trimmed_ending_is_linked() -> None:
    index = DuplicateIndex()
    index.add(article("a", HARBOUR))
    first_half = ". ".join(HARBOUR.split(". ")[:4]) + ". Read the full story on the site."
    assert index.add(article("b", first_half)) == "a"


def test_changed_headline_with_light_edits_is_linked() -> None:
    index = DuplicateIndex()
    index.add(article("a", HARBOUR, title="Valparaiso opens terminal"))
    edited = HARBOUR.replace("said", "stated").replace(" about ", " around ")
    assert index.add(article("b", edited, title="WATCH: a new port for Chile")) == "a"


def test_different_articles_are_not_linked_even_on_the_same_topic() -> None:
    index = DuplicateIndex()
    index.add(article("a", HARBOUR))
    assert index.add(article("b", HARBOUR_OTHER_OUTLET)) is None
    assert index.add(article("c", VOLCANO)) is None
    assert index.add(article("d", ELECTION)) is None


def test_the_thresholds_are_the_settings_given_to_add() -> None:
    edited = HARBOUR.replace("said", "stated").replace(" about ", " around ")
    strict = DedupSettings(jaccard=1.0, containment=1.0)
    found = []
    for settings in (strict, DEFAULT.dedup):
        index = DuplicateIndex()
        index.add(article("a", HARBOUR), settings=settings)
        found.append(index.add(article("b", edited), settings=settings))
    assert found == [None, "a"]


def test_copy_of_a_copy_points_to_the_first_article() -> None:
    index = DuplicateIndex()
    index.add(article("a", HARBOUR))
    index.add(article("b", BOILERPLATE.format(HARBOUR)))
    assert index.add(article("c", HARBOUR + " Comments are closed.")) == "a"


def test_aggregator_citing_the_original_with_the_same_lead_is_linked() -> None:
    lead = " ".join(HARBOUR.split()[:60])
    own_words = " ".join([
        "Our readers in the shipping trade have asked for more coverage of South American",
        "ports, and this week we look at how freight rates moved across the Pacific routes,",
        "which carriers added capacity, which ones cut sailings, and what forwarders expect",
        "for the busy months before the new year when retailers restock their warehouses.",
        "We also spoke to two captains about delays at anchor, to a customs broker about new",
        "paperwork for refrigerated cargo, and to an economist who follows copper exports and",
        "thinks the mines in the north will send more ore through the central ports soon.",
    ])  # fmt: skip
    cited = [Citation(text="portnews", url="http://portnews.example/chile/terminal/")]
    original = article("a", HARBOUR, url="https://www.portnews.example/chile/terminal?ref=rss")
    with_citation = DuplicateIndex()
    with_citation.add(original)
    assert with_citation.add(article("b", f"{lead} {own_words}", cites=cited)) == "a"
    without = DuplicateIndex()
    without.add(original)
    assert without.add(article("b", f"{lead} {own_words}")) is None  # the lead alone is not enough


def test_citation_of_another_outlet_does_not_link_a_different_article() -> None:
    index = DuplicateIndex()
    index.add(article("a", VOLCANO, outlet="Port News"))
    repost = article("b", HARBOUR, cites=[Citation(text="Port News", outlet="Port News")])
    assert index.add(repost) is None


def test_state_round_trip_continues_like_an_uninterrupted_index() -> None:
    stream = [
        article("a", HARBOUR),
        article("b", VOLCANO),
        article("c", BOILERPLATE.format(HARBOUR)),
        article("d", ELECTION),
        article("e", VOLCANO + " Flights resumed on Monday."),
    ]
    whole = DuplicateIndex()
    expected = [whole.add(item) for item in stream]
    first = DuplicateIndex()
    answers = [first.add(item) for item in stream[:2]]
    resumed = DuplicateIndex.from_state(first.to_state())
    answers += [resumed.add(item) for item in stream[2:]]
    assert answers == expected == [None, None, "a", None, "b"]
    assert resumed.add(stream[2]) == "a"  # the same article again: the same answer


def test_state_is_compact() -> None:
    index = DuplicateIndex()
    for i in range(20):
        index.add(article(str(i), f"{VOLCANO} Report number {i} of the day with more words."))
    assert len(index.to_state()) < 20 * 6000


def test_url_and_outlet_keys_meet_across_spellings() -> None:
    assert url_key("https://www.site.example/a/b/?x=1#top") == url_key("http://site.example/a/b")
    assert outlet_keys("The Straits Times", None) & outlet_keys(
        None, "https://www.straitstimes.com/asia"
    )


def test_a_band_table_lists_every_article_in_a_bucket_of_its_own_band() -> None:
    buckets = SpilledBuckets()
    table, other = BandTable(buckets, 0), BandTable(buckets, 1)
    for key, band in [("a", b"x"), ("b", b"y"), ("c", b"x"), ("d", b"x")]:
        table.insert(band, key)
    other.insert(b"x", "e")
    assert table.get(b"x") == ["a", "c", "d"] and table.get(b"y") == ["b"]
    assert table.get(b"z") == [] and other.get(b"x") == ["e"]


def test_the_candidate_index_has_the_bands_datasketch_finds_for_its_threshold() -> None:
    """The bands and rows are found once per signature size, not for every index made."""
    for num_perm in (NUM_PERM, LEAD_PERM):
        found = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=num_perm)
        made = candidate_index(num_perm, SpilledBuckets())
        assert (made.b, made.r, made.hashranges) == (found.b, found.r, found.hashranges)
