"""crosswire.claims: what one mention says on each field fusion compares."""

from __future__ import annotations

from crosswire.claims import MentionClaim, mention_value, saying_several
from crosswire.model import ActorRef, EventMention, Place

A, B, C = ActorRef("a", "Anna"), ActorRef("b", "Boris"), ActorRef("c", "Chen")


def _mention(**given: object) -> EventMention:
    return EventMention(article_id="a1", type="ASSAULT", start=0, end=3, sentence_start=0,
                        sentence_end=9, **given)  # type: ignore[arg-type]  # fmt: skip


def test_each_field_as_the_mention_gives_it() -> None:
    mention = _mention(
        source=A, target=B, participants=[A, B, C], location=Place("Oslo", "NOR"),
        date="2018-05-31", date_from="text", numbers={"killed": 12},
    )  # fmt: skip
    assert mention_value(mention, "date") == "2018-05-31"
    assert mention_value(mention, "location") == "Oslo"
    assert mention_value(mention, "participants") == "Anna – Boris – Chen"
    assert mention_value(mention, "killed") == "12"
    assert mention_value(mention, "injured") is None


def test_a_publication_date_or_a_lone_actor_is_no_claim() -> None:
    assert mention_value(_mention(date="2018-05-31", date_from="published"), "date") is None
    assert mention_value(_mention(source=A, participants=[A]), "participants") is None


def _claim(article: str, value: str) -> MentionClaim:
    return MentionClaim(article, f"Outlet {article}", None, "body", "…", value, [], f"<{value}>")


def test_only_articles_giving_two_values_say_several() -> None:
    claims = [_claim("x", "1"), _claim("x", "2"), _claim("y", "2"), _claim("y", "2")]
    assert saying_several(claims) == [("Outlet x", ["<1>", "<2>"])]
