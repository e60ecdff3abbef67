"""Time expressions resolved against the publication date, at the precision stated."""

from __future__ import annotations

import pytest

from crosswire.timex import find_times

PUBLISHED = "2018-05-31"  # a Thursday


def values(text: str, published: str | None = PUBLISHED) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.type, t.value) for t in find_times(text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kim received Lavrov on Thursday (May 31), Moscow said.",
            ("Thursday (May 31)", "DATE", "2018-05-31"),
        ),
        ("Pompeo met him in New York late Wednesday.", ("late Wednesday", "DATE", "2018-05-30")),
        ("Last month the minister held talks.", ("Last month", "DATE", "2018-04")),
        ("It is his first visit since 2009.", ("2009", "DATE", "2009")),
        ("They planned to meet on June 12.", ("June 12", "DATE", "2018-06-12")),
        ("He pulled out of the summit in May.", ("May", "DATE", "2018-05")),
        ("They shook hands on Thursday morning.", ("Thursday morning", "DATE", "2018-05-31TMO")),
        ("The talks lasted three days.", ("three days", "DURATION", "P3D")),
        ("The envoys meet every week.", ("every week", "SET", "P1W")),
        ("The deal was signed yesterday.", ("yesterday", "DATE", "2018-05-30")),
        ("They will talk again next week.", ("next week", "DATE", "2018-W23")),
        ("The plant closed two years ago.", ("two years ago", "DATE", "2016")),
        ("Trade grew in the 1990s.", ("the 1990s", "DATE", "199")),
        ("The law passed in March 1998.", ("March 1998", "DATE", "1998-03")),
        ("It was filed on 1998-03-05.", ("1998-03-05", "DATE", "1998-03-05")),
        ("The vote is on 5 March.", ("5 March", "DATE", "2018-03-05")),
        ("Prices rose earlier this month.", ("earlier this month", "DATE", "2018-05")),
        ("Relations have recently improved.", ("recently", "DATE", "PAST_REF")),
        ("Talks are now under way.", ("now", "DATE", "PRESENT_REF")),
    ],
)
def test_expression_resolves(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in values(text)


def test_future_tense_points_a_weekday_forward() -> None:
    assert ("Monday", "DATE", "2018-06-04") in values("The two leaders will meet on Monday.")
    assert ("Monday", "DATE", "2018-05-28") in values("The two leaders met on Monday.")


def test_a_passive_future_points_a_weekday_forward() -> None:
    text = "Unions marched on parliament, where a vote will be held Tuesday."
    assert ("Tuesday", "DATE", "2018-06-05") in values(text)
    assert ("Tuesday", "DATE", "2018-05-29") in values("A vote was held Tuesday.")


def test_without_a_publication_date_relative_values_are_unknown() -> None:
    found = values("They met on Monday and signed on 5 March 2018.", published=None)
    assert ("Monday", "DATE", None) in found
    assert ("5 March 2018", "DATE", "2018-03-05") in found


def test_offsets_point_into_the_text() -> None:
    text = "On Thursday (May 31) they met, and three days later they signed."
    for expr in find_times(text, PUBLISHED):
        assert text[expr.start : expr.end] == expr.text


@pytest.mark.parametrize(
    "text", ["a 57-story building", "20 people were hurt", "Form 1040 is due", "a 2-1 vote"]
)
def test_numbers_that_are_not_times(text: str) -> None:
    assert values(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Output fell in the past three years.", ("the past three years", "DURATION", "P3Y")),
        ("Profit rose in the first quarter.", ("the first quarter", "DATE", "2018-Q1")),
        ("Fourth-quarter sales slipped.", ("Fourth-quarter", "DATE", "2017-Q4")),
        (
            "Prices fell in the last twenty four hours.",
            ("the last twenty four hours", "DURATION", "PT24H"),
        ),
        ("It happened this week.", ("this week", "DATE", "2018-W22")),
        ("The plant shut last fall.", ("last fall", "DATE", "2017-FA")),
        ("Sales rose in fiscal 1998.", ("fiscal 1998", "DATE", "1998")),
        ("The 1998 budget was cut.", ("1998", "DATE", "1998")),
        ("They spoke this morning.", ("this morning", "TIME", "2018-05-31TMO")),
        ("Wars of the 20th century.", ("the 20th century", "DATE", "19")),
        ("They have feuded for years.", ("years", "DURATION", "PXY")),
        ("Sales doubled in mid-November.", ("mid-November", "DATE", "2017-11")),
        ("Talks resume in the near future.", ("the near future", "DATE", "FUTURE_REF")),
    ],
)
def test_general_conventions(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in values(text)


def test_year_earlier_takes_the_precision_of_the_reference_time() -> None:
    found = values("Third-quarter profit rose from a year earlier. In the quarter, sales rose.")
    assert ("a year earlier", "DATE", "2016-Q3") in found
    assert ("the quarter", "DATE", "2017-Q3") in found


def test_a_year_ago_without_a_reference_is_last_year() -> None:
    assert ("a year ago", "DATE", "2017") in values("The plant opened a year ago.")


def test_vague_words_that_are_not_times() -> None:
    assert values("He had previously said so and will soon leave.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Riots broke out on Saturday December 13 2008 in Athens.", "Saturday December 13 2008"),
        (
            "Riots broke out on Saturday, December 13, 2008 in Athens.",
            "Saturday, December 13, 2008",
        ),
    ],
)
def test_a_weekday_date_with_its_year_is_one_full_date_without_a_publication_date(
    text: str, expected: str
) -> None:
    assert values(text, published=None) == [(expected, "DATE", "2008-12-13")]


def test_a_weekday_date_ends_at_its_last_word() -> None:
    assert ("Tuesday, May 29", "DATE", "2018-05-29") in values("On Tuesday, May 29 they met.")
