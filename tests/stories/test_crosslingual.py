"""Articles in other languages join stories: the Turkish, Russian and German reports of a
meeting sit in the English one's story, a look-alike meeting days later stays apart, and
within one language the clusterer's own scoring decides alone (fixtures/multilingual.jsonl,
written for these tests)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from tests.stories.factory import article

from crosswire.model import Analysis, Article
from crosswire.stories.cluster import StoryClusterer
from crosswire.stories.crosslingual import MEANING, meaning_of, name_keys, sound_key
from crosswire.stories.records import pack, unpack
from crosswire.stories.scoring import day_of

FIXTURE = Path(__file__).parent / "fixtures" / "multilingual.jsonl"


def fixture_articles() -> list[tuple[Article, str]]:
    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    return [
        (
            article(
                row["id"], row["text"], row["published"],
                title=row["title"], language=row["language"],
            ),
            row["story"],
        )
        for row in rows
    ]  # fmt: skip


def clustered(order: list[tuple[Article, str]]) -> dict[str, str]:
    clusterer = StoryClusterer()
    for one, _ in order:
        clusterer.add(one, Analysis(one.id))
    clusterer.consolidate()
    return {one.id: clusterer.story_id(one.id) for one, _ in order}


@pytest.mark.parametrize("word", ["Лавров", "Lavrov", "Lawrow", "Лаврова", "Lavrov'u"])
def test_a_name_has_one_key_across_scripts_transliterations_and_endings(word: str) -> None:
    assert sound_key(word)[:5] == "lavro"


def test_name_keys_skip_the_words_that_open_a_sentence() -> None:
    keys = name_keys("Talks went on. Министр Сергей Лавров met Hakan Fidan in Ankara.")
    assert keys == {"serge", "lavro", "hakan", "fidan", "ankar"}


@pytest.mark.parametrize("reverse", [False, True])
def test_reports_in_other_languages_join_the_story_and_a_look_alike_stays_apart(
    reverse: bool,
) -> None:
    articles = fixture_articles()
    found = clustered(articles[::-1] if reverse else articles)
    gold = {one.id: story for one, story in articles}
    for a in gold:
        for b in gold:
            assert (found[a] == found[b]) == (gold[a] == gold[b]), (a, b)


def test_within_one_language_the_embedding_links_nothing() -> None:
    # the Turkish report, labelled English: no shared word with the English one, so the
    # clusterer's scoring keeps them apart as it did before cross-language links
    articles = dict((one.id, one) for one, _ in fixture_articles())
    english, turkish = articles["istanbul-en"], articles["istanbul-tr"]
    turkish.language = "en"
    found = clustered([(english, ""), (turkish, "")])
    assert found[english.id] != found[turkish.id]


def test_a_meaning_is_stored_as_a_plain_record_and_read_back() -> None:
    one, _ = fixture_articles()[2]
    meaning = meaning_of(one, day_of(one.published))
    back = MEANING.decode(unpack(pack(MEANING.encode(meaning)), "test"))
    assert back.vector.dtype == np.float32 and back.vector.shape == (512,)
    assert np.array_equal(back.vector, meaning.vector)
    assert (back.language, back.names, back.day) == ("ru", meaning.names, meaning.day)
    assert "lavro" in back.names


def test_a_story_in_several_languages_takes_an_english_title() -> None:
    from crosswire.stories.title import story_title

    by_id = {one.id: one for one, _ in fixture_articles()}
    german = by_id["istanbul-de"]
    # a second German report: the German words are now the story's most central ones
    again = article("istanbul-de2", german.text + " Das Treffen dauerte zwei Stunden.",
                    german.published, title=german.title, language="de")  # fmt: skip
    reports = [german, again, by_id["istanbul-en"]]
    assert story_title(reports) == "Lavrov and Fidan meet in Istanbul on Black Sea shipping"
    assert story_title([german, again]) == german.title


def test_a_story_does_not_split_its_languages_apart_when_an_article_is_revised() -> None:
    by_id = {one.id: one for one, _ in fixture_articles()}
    english, turkish = by_id["istanbul-en"], by_id["istanbul-tr"]
    clusterer = StoryClusterer()
    for one in (english, turkish):
        clusterer.add(one, Analysis(one.id))
    assert clusterer.story_id(english.id) == clusterer.story_id(turkish.id)
    english.published = "2025-02-11"  # a changed date: the story is checked for a split
    clusterer.revise(english, Analysis(english.id))
    assert clusterer.story_id(english.id) == clusterer.story_id(turkish.id)
    assert clusterer.splits() == {}


def test_an_article_is_scored_against_a_bounded_number_of_neighbours() -> None:
    from crosswire.stories.crosslingual import MAX_NEIGHBOURS, Meaning, MeaningIndex
    from crosswire.stories.spilled import SpilledDict

    rng = np.random.default_rng(3)
    base = rng.standard_normal(512).astype(np.float32)
    index = MeaningIndex(SpilledDict(), SpilledDict())
    for n in range(3 * MAX_NEIGHBOURS):  # the same names, the embedding ever further away
        noise = rng.standard_normal(512).astype(np.float32) * (n / 20)
        vector = (base + noise) / np.linalg.norm(base + noise)
        index.add(f"a{n:03}", Meaning(vector, "tr" if n % 2 else "en", ("lavro",), 739000))
    query = Meaning(base / np.linalg.norm(base), "en", ("lavro",), 739001)
    found = index.neighbours(query)
    assert len(found) == MAX_NEIGHBOURS
    assert all(int(a[1:]) % 2 for a in found)  # only the other language
    assert "a001" in found and "a003" in found  # the closest ones are kept
