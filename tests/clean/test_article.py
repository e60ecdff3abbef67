"""From a source to an article: headline, outlet, language, which date wins, text hash, seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.clean.scraped import SCRAPED, text_source

from crosswire.clean import describe, normalise_text
from crosswire.errors import InputError
from crosswire.model import Source


def test_headline_dateline_outlet_and_language() -> None:
    article = describe(text_source(SCRAPED))
    assert article.title == "Harbour Town Opens New Ferry Terminal After Storm Delays"
    assert article.published == "2024-03-14"
    assert article.outlet == "Coastline Wire"
    assert article.language == "en"


def test_no_date_means_null_not_a_guess() -> None:
    article = describe(
        text_source("Ferry news\n\nThe ferry ran late on Tuesday, officials said.\n")
    )
    assert article.published is None


def test_exact_duplicate_hash_ignores_case_and_spacing() -> None:
    assert normalise_text("The  Ferry\nran.") == normalise_text("the ferry ran.")
    first = describe(text_source("Ferry\n\nThe ferry ran late on Tuesday, officials said."))
    second = describe(text_source("Ferry\n\nThe  ferry ran late on Tuesday,\nofficials said."))
    assert first.text_hash == second.text_hash and first.id != second.id


def test_dateline_wins_over_container_date_and_container_over_nothing() -> None:
    body = "Pier opens\n\n{}The new pier opened on Wednesday, officials said."
    dated = Source(
        path="x", format="text", text=body.format("12.03.2024\n\n"), published="2024-03-20"
    )
    undated = Source(
        path="x", format="text", text=body.format(""), published="2024-03-20T23:00:00+05:00"
    )
    assert describe(dated).published == "2024-03-12"
    assert describe(undated).published == "2024-03-20"


def test_seeds(shared: Path) -> None:
    seeds = shared / "seeds"
    [wire_path] = seeds.glob("000_*.txt")
    [tabloid_path] = seeds.glob("003_*.txt")
    wire, tabloid = (
        describe(Source(path=str(p), format="text", text=p.read_text(encoding="utf-8")))
        for p in (wire_path, tabloid_path)
    )
    assert wire.published == "2018-05-31" and wire.outlet == "StraitsTimes"
    assert any(
        c.url
        and c.url.startswith("https://www.straitstimes.com/")
        and c.url.endswith("-kcna")
        and " " not in c.url
        for c in wire.cites
    )
    assert "Scroll down for video" not in tabloid.text and "Read Full Article" not in tabloid.text
    # every bullet line of the seed survives as a sentence, without its marker
    bullet_lines = [
        line.strip().lstrip("•").strip()
        for line in tabloid_path.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith("•")
    ]
    assert len(bullet_lines) >= 3
    assert all(line in tabloid.text for line in bullet_lines) and "•" not in tabloid.text
    assert tabloid.published is None
    # ALL-CAPS headline re-cased from the body's own spelling of the names
    assert wire.title and not wire.title.isupper() and "Kim Jong Un" in wire.title
    assert tabloid.captions and not any(c in tabloid.text for c in tabloid.captions)
    assert any("(front)" in c for c in tabloid.captions)
    # the article's real last paragraph stays
    last_prose = [
        line.strip()
        for line in tabloid_path.read_text(encoding="utf-8").splitlines()
        if line.strip().endswith(".")
    ][-1]
    assert last_prose in tabloid.text


def test_chinese_and_japanese_text_without_spaces_is_an_article() -> None:
    chinese = describe(
        text_source(
            "美联储维持利率不变\n\n美国联邦储备委员会12日宣布将基准利率维持在5.25%至5.5%之间。"
        )
    )
    japanese = describe(text_source("首脳会議\n\n岸田文雄首相は26日、ソウルで首脳会議に臨んだ。"))
    assert (chinese.language, japanese.language) == ("zh", "ja")
    assert chinese.text.startswith("美国联邦储备委员会")


def test_two_characters_are_still_too_short() -> None:
    with pytest.raises(InputError, match="no article text"):
        describe(text_source("会谈"))
