"""TimeML conventions the rule engine follows: tense, clock times, holidays, spoken years,
fractions, anaphoric periods, and words that look like times but are not."""

from __future__ import annotations

import pytest

from crosswire.timex import find_times

PUBLISHED = "2018-05-31"  # a Thursday


def values(text: str, published: str | None = PUBLISHED) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.type, t.value) for t in find_times(text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Tense decides the side of the publication day for weekdays and dates without year.
        ("The ruling was announced Tuesday.", ("Tuesday", "DATE", "2018-05-29")),
        ("The court is expected to rule Tuesday.", ("Tuesday", "DATE", "2018-06-05")),
        ("Protesters planned a march on Saturday.", ("Saturday", "DATE", "2018-06-02")),
        ("The envoy arrived last Thursday.", ("last Thursday", "DATE", "2018-05-24")),
        ("The shop opens this coming Sunday.", ("this coming Sunday", "DATE", "2018-06-03")),
        ("The new rate is effective Jan. 1.", ("Jan. 1", "DATE", "2019-01-01")),
        ("The company was founded on Dec. 12.", ("Dec. 12", "DATE", "2017-12-12")),
        ("The talks are due in August.", ("August", "DATE", "2018-08")),
        ("The strike began in October.", ("October", "DATE", "2017-10")),
        ("A vote is set for this September.", ("this September", "DATE", "2018-09")),
        ("He was arrested in July last year.", ("July last year", "DATE", "2017-07")),
        # Clock times take the day named with them.
        (
            "The blast came at 10:35 a.m. Wednesday.",
            ("10:35 a.m. Wednesday", "TIME", "2018-05-30T10:35"),
        ),
        ("Talks broke off at noon Thursday.", ("noon Thursday", "TIME", "2018-05-31T12:00")),
        ("The offer expires at midnight today.", ("midnight today", "TIME", "2018-05-31T24:00")),
        ("We met last night.", ("last night", "TIME", "2018-05-30TNI")),
        # Weekends: the most recent one, unless the tense points ahead.
        ("Troops moved over the weekend.", ("the weekend", "DATE", "2018-W21-WE")),
        ("Rallies will be held this weekend.", ("this weekend", "DATE", "2018-W22-WE")),
        # Holidays are dates.
        ("He was found on Thanksgiving Day.", ("Thanksgiving Day", "DATE", "2017-11-23")),
        ("Crowds gathered at Easter.", ("Easter", "DATE", "2018-04-01")),
        # Years said aloud, decades in words and figures.
        ("In nineteen ninety-six a bomb went off.", ("nineteen ninety-six", "DATE", "1996")),
        ("Oil fell in the winter of 1994.", ("the winter of 1994", "DATE", "1994-WI")),
        ("Crime fell through the nineties.", ("the nineties", "DATE", "199")),
        ("Sales grew in mid-1996.", ("mid-1996", "DATE", "1996")),
        # Durations: fractions go to the smaller unit, decades count in years.
        ("They lived there for 2 1/2 years.", ("2 1/2 years", "DURATION", "P2Y6M")),
        ("It took a minute and a half.", ("a minute and a half", "DURATION", "PT1M30S")),
        ("It was the lowest in two decades.", ("two decades", "DURATION", "P20Y")),
        ("He stays for two more weeks.", ("two more weeks", "DURATION", "P2W")),
        ("Prices will rise in coming months.", ("coming months", "DURATION", "PXM")),
        ("Profit rose in recent months.", ("recent months", "DURATION", "PXM")),
        # Quarters and halves of named years.
        (
            "Dividends stopped in the third quarter of 1984.",
            ("the third quarter of 1984", "DATE", "1984-Q3"),
        ),
        ("Losses grow in the first half of 1990.", ("the first half of 1990", "DATE", "1990-H1")),
        ("Orangemen march each July.", ("each July", "SET", "XXXX-07")),
        ("The deal should close by year-end.", ("year-end", "DATE", "2018")),
        ("Several years ago the plant closed.", ("Several years ago", "DATE", "PAST_REF")),
    ],
)
def test_convention(text: str, expected: tuple[str, str, str | None]) -> None:
    assert expected in values(text)


def test_clock_time_with_weekday_resolves_the_day() -> None:
    assert ("10 p.m. Wednesday", "TIME", "2018-05-30T22:00") in values(
        "The store was robbed at 10 p.m. Wednesday."
    )


def test_anaphoric_years_follow_the_reference_time() -> None:
    found = values("He fled to Florida in June 1998 and returned later that year.")
    assert ("later that year", "DATE", "1998") in found
    found = values("The firm was put up for sale in March 1989. The following month, it sold.")
    assert ("The following month", "DATE", "1989-04") in found
    found = values("Sales fell in 1996. For the year, the group lost money.")
    assert ("the year", "DATE", "1996") in found
    assert not [t for t in values("the year before the war") if t[0] == "the year"]


def test_clock_time_without_a_day_is_on_the_day_being_told() -> None:
    found = values("On Oct. 23, 1998 the doctor was shot at 10 p.m. in his kitchen.")
    assert ("10 p.m.", "TIME", "1998-10-23T22:00") in found


@pytest.mark.parametrize(
    "text",
    [
        "a 6-year-old boy",
        "Smith, 52 years old, resigned",
        "four flights a week",
        "it earns $2 million a year",
        "Iraq imports three-quarters of its food",
        "a quarter of the market",
        "a second group of directors",
    ],
)
def test_ages_rates_and_fractions_are_not_times(text: str) -> None:
    assert values(text) == []


def test_a_rate_word_does_not_swallow_a_year_ago() -> None:
    found = values("Sales fell to $186 million from $200 million a year ago.")
    assert [text for text, _, _ in found] == ["a year ago"]


def test_without_a_publication_date_new_kinds_stay_unknown() -> None:
    found = values("They met on Thanksgiving at noon Monday, in nineteen ninety-six.", None)
    assert ("Thanksgiving", "DATE", None) in found
    assert ("noon Monday", "TIME", None) in found
    assert ("nineteen ninety-six", "DATE", "1996") in found


def test_expressions_at_the_edges_of_the_text_are_found() -> None:
    text = "Monday" + " word" * 60 + " 1998"
    found = values(text)
    assert found[0][0] == "Monday" and found[-1][0] == "1998"
    assert values("") == []
