"""An office named without its holder: the KB's holder on the article's day, else the
office of that country. Small texts written for these tests; holders from the shipped KB."""

from __future__ import annotations

import pytest

from crosswire import stages
from crosswire.model import Article, Mention
from crosswire.nlp import parse

pytestmark = pytest.mark.slow


def _mentions(text: str, published: str | None) -> list[Mention]:
    article = Article(id="t", text=text, path="test", published=published)
    state = stages.run(stages.ArticleState(article, next(parse([text]))), until="quotes")
    return state.mentions


def _office(mentions: list[Mention], word: str) -> Mention:
    return next(m for m in mentions if word in m.text)


def test_an_office_alone_is_its_holder_on_the_day() -> None:
    text = "The German chancellor said on Monday that the talks would continue."
    in_1999 = _office(_mentions(text, "1999-06-01"), "chancellor")
    in_2010 = _office(_mentions(text, "2010-06-01"), "chancellor")
    assert (in_1999.type, in_1999.actor.country, in_1999.actor.sector) == ("PERSON", "DEU", "GOV")
    assert in_1999.actor.key == "person:gerhard schroder"
    assert in_2010.actor.key == "person:angela merkel"


def test_an_office_the_kb_has_no_holder_for_is_that_country_s_office() -> None:
    text = "Peru's interior minister said on Monday that the talks would continue."
    office = _office(_mentions(text, "2010-06-01"), "minister")
    assert (office.type, office.actor.country, office.actor.sector) == ("ORG", "PER", "GOV")
    assert office.actor.key == "org:PER:interior minister"


def test_a_holder_the_document_names_wins_over_the_kb() -> None:
    text = (
        "German Chancellor Olaf Scholz arrived in Paris. "
        "The German chancellor said on Monday that the talks would continue."
    )
    mentions = _mentions(text, "2010-06-01")
    office = [m for m in mentions if m.text.lower().startswith("the german chancellor")]
    assert office and office[0].actor.key == "person:olaf scholz"


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # past the dictionaries' horizon an open Phoenix role says nothing of who holds the
        # office, and no addition names Spain's or the Netherlands' holder in 2019
        ("The Spanish prime minister said on Monday that the talks would continue.", "2019-03-01"),
        ("The Dutch prime minister said on Monday that the talks would continue.", "2019-03-01"),
        # Lavrov held government roles from 1994 as ambassador: not the ministry in 1999
        ("Russia's foreign minister said on Monday that the talks would continue.", "1999-06-01"),
    ],
)
def test_no_holder_is_named_where_the_kb_cannot_know_one(text: str, published: str) -> None:
    office = next(
        m
        for m in _mentions(text, published)
        if m.text.lower().endswith(("chancellor", "president", "minister"))
    )
    assert office.type == "ORG" and office.actor.sector == "GOV"
    assert office.actor.key.startswith("org:")


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        # Merkel's and Obama's Phoenix roles never end; crosswire's additions name who held
        # the offices after them
        ("The German chancellor said on Monday that the talks would continue.", "olaf scholz"),
        ("The US president said on Monday that the talks would continue.", "joe biden"),
    ],
)
def test_an_added_holder_past_the_dictionaries(text: str, holder: str) -> None:
    office = next(m for m in _mentions(text, "2024-03-01") if m.text.lower().startswith("the "))
    assert office.actor.key == f"person:{holder}"
    assert office.actor.sector == "GOV"


def test_an_undated_article_s_office_is_held_on_the_day_its_text_writes() -> None:
    # no publication date: the dates written out with their year place the article in time
    text = "The German chancellor said on June 3, 1999 that the talks would continue."
    office = _office(_mentions(text, None), "chancellor")
    assert office.actor.key == "person:gerhard schroder"


def test_an_undated_article_s_relative_dates_do_not_place_it() -> None:
    # "last June" is resolved against no date: it says nothing of the article's year
    text = "The German chancellor said last June that the talks would continue."
    office = _office(_mentions(text, None), "chancellor")
    assert office.actor.key != "person:gerhard schroder"
