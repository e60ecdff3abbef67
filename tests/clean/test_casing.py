"""Headline recasing: the body's casing, acronyms, minor words."""

from __future__ import annotations

import pytest

from crosswire.clean.casing import looks_like_acronym, recase_headline


def test_recase_keeps_acronyms_and_leaves_normal_headlines() -> None:
    assert recase_headline("EU AND IAEA LEADERS MEET IN OSLO") == "EU and IAEA Leaders Meet in Oslo"
    assert recase_headline("Leaders meet in Oslo") == "Leaders meet in Oslo"


def test_recase_follows_the_body_for_names_and_acronyms() -> None:
    body = "Talks began as Mayor Ana Ng met the NATO envoy and Jo Un in Oslo on Monday."
    assert recase_headline("MAYOR NG MEETS NATO ENVOY AND JO UN", body) == (
        "Mayor Ng Meets NATO Envoy and Jo Un"
    )
    # without the body, a two-letter token is taken for an acronym
    assert recase_headline("MAYOR NG MEETS JO UN") == "Mayor NG Meets JO UN"


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("KCNA", True),  # no English word starts with "kcn"
        ("BBC", True),
        ("NHS", True),
        ("USA", True),
        ("IAEA", True),
        ("WAR", False),
        ("STRIKE", False),
        ("CHRISTMAS", False),
        ("TALKS", False),
        ("Lavrov", False),
    ],
)
def test_acronyms_by_general_rules(token: str, expected: bool) -> None:
    assert looks_like_acronym(token) is expected


def test_headline_after_a_colon_and_possessives() -> None:
    assert recase_headline("MAYOR'S PLAN: A NEW PIER FOR THE PORT") == (
        "Mayor's Plan: A New Pier for the Port"
    )


def test_short_common_words_are_recased_but_acronyms_kept() -> None:
    assert recase_headline("MAYOR SAYS IT IS TOO EARLY FOR US TALKS") == (
        "Mayor Says It Is Too Early for US Talks"
    )
