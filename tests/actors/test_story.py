"""One canonical actor per person across a story's articles (actors/story.py)."""

from __future__ import annotations

from crosswire.actors.story import canonical_ref, merge_entities, story_actors
from crosswire.model import ActorRef, Entity


def ref(key: str, name: str, country: str | None = None, sector: str | None = None) -> ActorRef:
    return ActorRef(key, name, country, sector)


def test_a_surname_only_key_joins_the_one_full_name() -> None:
    table = story_actors(
        [
            ref("person:biden", "Biden"),
            ref("person:joe biden", "Joe Biden", "USA", "GOV"),
            ref("person:joe biden", "Joe Biden", "USA", "GOV"),
        ]
    )
    assert table["person:biden"] == ref("person:joe biden", "Joe Biden", "USA", "GOV")


def test_two_people_sharing_a_surname_are_kept_apart() -> None:
    table = story_actors(
        [
            ref("person:kim", "Kim"),
            ref("person:kim jong un", "Kim Jong Un", "PRK"),
            ref("person:kim yong chol", "Kim Yong Chol", "PRK"),
        ]
    )
    assert table["person:kim"].key == "person:kim"
    assert table["person:kim yong chol"].name == "Kim Yong Chol"


def test_a_surname_of_another_country_is_another_person() -> None:
    table = story_actors([ref("person:lee", "Lee", "SGP"), ref("person:jae lee", "Jae Lee", "KOR")])
    assert table["person:lee"].key == "person:lee"


def test_the_fullest_spelling_and_the_most_reported_country_win() -> None:
    table = story_actors(
        [
            ref("person:kim jong un", "Kim Jong-un"),
            ref("person:kim jong un", "Kim Jong Un", "PRK"),
            ref("person:kim jong un", "Kim Jong Un", "PRK"),
        ]
    )
    assert table["person:kim jong un"] == ref("person:kim jong un", "Kim Jong Un", "PRK")


def test_entities_of_one_person_are_merged() -> None:
    entities = [
        Entity("e1", "person:biden", "Biden", "PERSON", None, None, ["Biden"], [], ["a2"]),
        Entity(
            "e2", "person:joe biden", "Joe Biden", "PERSON", "USA", "GOV", ["Joe Biden"],
            ["president"], ["a1"],
        ),
        Entity("e3", "country:USA", "United States", "COUNTRY", "USA", None, ["US"], [], ["a1"]),
    ]  # fmt: skip
    merged = {e.name: e for e in merge_entities(entities)}
    assert set(merged) == {"Joe Biden", "United States"}
    biden = merged["Joe Biden"]
    assert biden.id == "e2"  # the full name's entity absorbs the surname's
    assert biden.aliases == ["Biden", "Joe Biden"] and biden.article_ids == ["a1", "a2"]
    assert biden.country == "USA" and biden.roles == ["president"]


def test_a_name_extends_to_its_longer_form_but_not_to_a_son() -> None:
    table = story_actors(
        [
            ref("person:abdullah bin zayed", "Abdullah bin Zayed"),
            ref("person:abdullah bin zayed al nahyan", "Abdullah bin Zayed Al Nahyan", "ARE"),
            ref("person:donald trump", "Donald Trump", "USA"),
            ref("person:donald trump jr", "Donald Trump Jr", "USA"),
        ]
    )
    assert table["person:abdullah bin zayed"].key == "person:abdullah bin zayed al nahyan"
    assert table["person:donald trump"].key == "person:donald trump"


def test_merged_entity_keeps_the_sector_only_its_surname_mentions_gave() -> None:
    entities = [
        Entity(
            "e1", "person:petrov", "Petrov", "PERSON", "RUS", "MIL", ["Petrov"],
            ["general"], ["a1", "a2"],
        ),
        Entity(
            "e2", "person:ivan petrov", "Ivan Petrov", "PERSON", "RUS", None, ["Ivan Petrov"],
            [], ["a1"],
        ),
    ]  # fmt: skip
    (merged,) = merge_entities(entities)
    assert merged.id == "e2" and merged.sector == "MIL"


def test_an_unnamed_agent_keeps_the_name_its_own_report_gives() -> None:
    """Two reports' women are one kind of participant, not one person: "a woman" he
    kidnapped is not renamed after the jury's "six black women"."""
    kidnapped = ref("agent:XXX:CVL:woman", "woman", None, "CVL")
    jurors = ref("agent:XXX:CVL:woman", "six black women", None, "CVL")
    table = story_actors([kidnapped, jurors, jurors])
    assert canonical_ref(kidnapped, table) == kidnapped
    biden = ref("person:biden", "Biden")
    table = story_actors([biden, ref("person:joe biden", "Joe Biden", "USA", "GOV")])
    assert canonical_ref(biden, table) == ref("person:joe biden", "Joe Biden", "USA", "GOV")
