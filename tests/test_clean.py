"""Cleaning: residue, bullets, captions, citations, headlines, datelines, HTML, seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.clean import describe, normalise_text, parse_date, recase_headline
from crosswire.errors import InputError
from crosswire.model import Source

SCRAPED = """HARBOUR TOWN OPENS NEW FERRY TERMINAL AFTER STORM DELAYS

-

14.03.2024

Coastline Wire (14 March 2024)

  • The terminal opened on Wednesday after two weeks of delays
  • Ferries will run every hour

The new ferry terminal in Harbour Town opened on Wednesday, the port authority said.

Scroll down for video

Passengers wait on the new pier on opening day

Officials said the terminal would double the number of crossings by the summer.

Advertisement

<https://www.coastlinewire.example/harbour/ferry-terminal-opens-after->

storm-delays

Kaynak/Source:Harbour Town opens new ferry terminal after storm delays
"""


def text_source(text: str) -> Source:
    return Source(path="scraped.txt", format="text", text=text)


def test_scraper_residue_is_removed_and_bullets_kept() -> None:
    article = describe(text_source(SCRAPED))
    assert "Scroll down for video" not in article.text
    assert "Advertisement" not in article.text
    assert "•" not in article.text
    assert "The terminal opened on Wednesday after two weeks of delays." in article.text
    assert "coastlinewire" not in article.text and "Kaynak" not in article.text


def test_captions_are_set_aside() -> None:
    article = describe(text_source(SCRAPED))
    assert article.captions == ["Passengers wait on the new pier on opening day"]
    assert "Passengers wait" not in article.text


def test_citation_lines_and_broken_urls_become_cites() -> None:
    [cite] = describe(text_source(SCRAPED)).cites
    assert (
        cite.url
        == "https://www.coastlinewire.example/harbour/ferry-terminal-opens-after-storm-delays"
    )
    assert cite.outlet == "coastlinewire.example"
    assert cite.text.startswith("Harbour Town opens")


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31.05.2018", "2018-05-31"),
        ("StraitsTimes (31 May 2018)", "2018-05-31"),
        ("May 31, 2018", "2018-05-31"),
        ("2018-05-31", "2018-05-31"),
        ("31.02.2018", None),
        ("Form 1040", None),
    ],
)
def test_dateline_dates(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


def test_recase_keeps_acronyms_and_leaves_normal_headlines() -> None:
    assert recase_headline("NATO AND EU LEADERS MEET IN OSLO") == "NATO and EU Leaders Meet in Oslo"
    assert recase_headline("Leaders meet in Oslo") == "Leaders meet in Oslo"


def test_html_main_text_title_and_date() -> None:
    html = (
        "<html><head><title>Ferry back | Island News</title>"
        '<meta property="article:published_time" content="2024-03-12T08:00:00Z">'
        '<meta property="og:site_name" content="Island News"></head><body><nav>Home | World | Sport</nav>'
        "<article><h1>Ferry back</h1><p>The ferry between the two islands resumed service on Monday "
        "after a week of storms, the operator said.</p><p>Extra sailings will run until Friday to clear "
        "the backlog of passengers and freight waiting at both piers.</p></article>"
        "<footer>Copyright Island News</footer></body></html>"
    )
    article = describe(
        Source(path="p.html", format="html", html=html, url="https://island.example/ferry")
    )
    assert "resumed service on Monday" in article.text and "Copyright" not in article.text
    assert article.published == "2024-03-12" and article.outlet == "Island News"


def test_html_without_text_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no article text"):
        describe(
            Source(
                path="e.html", format="html", html="<html><body><script>x()</script></body></html>"
            )
        )


def test_exact_duplicate_hash_ignores_case_and_spacing() -> None:
    assert normalise_text("The  Ferry\nran.") == normalise_text("the ferry ran.")
    first = describe(text_source("Ferry\n\nThe ferry ran late on Tuesday, officials said."))
    second = describe(text_source("Ferry\n\nThe  ferry ran late on Tuesday,\nofficials said."))
    assert first.text_hash == second.text_hash and first.id != second.id


def test_read_full_article_line_is_residue_not_a_cite() -> None:
    article = describe(
        text_source(
            "Ferry news\n\nThe ferry ran late on Tuesday, officials said.\n\n"
            "Source: Read Full Article\n\nREAD FULL ARTICLE\n"
        )
    )
    assert article.cites == []
    assert "Read Full Article" not in article.text and "read full article" not in article.text


@pytest.mark.parametrize(
    ("dateline", "outlet"),
    [
        ("31.05.2018", None),
        ("Harbour Herald (31 May 2018)", "Harbour Herald"),
        ("May 31, 2018", None),
    ],
)
def test_datelines_in_text(dateline: str, outlet: str | None) -> None:
    article = describe(
        text_source(f"Ferry news\n\n{dateline}\n\nThe ferry ran late on Tuesday, officials said.")
    )
    assert article.published == "2018-05-31" and article.outlet == outlet
    assert "2018" not in article.text


def test_a_body_sentence_with_a_date_is_not_a_dateline() -> None:
    body = "Talks ended on 31 May 2018."
    article = describe(text_source(f"Port talks\n\n{body}\n\nBoth sides signed a deal."))
    assert body in article.text


def test_a_word_after_a_whole_url_is_not_its_tail() -> None:
    article = describe(
        text_source(
            "Ferry news\n\nThe ferry ran late on Tuesday, officials said.\n\n"
            "https://news.example/ferry-late\n\nAdvertisement\n"
        )
    )
    assert [c.url for c in article.cites] == ["https://news.example/ferry-late"]


def test_short_common_words_are_recased_but_acronyms_kept() -> None:
    assert recase_headline("MAYOR SAYS IT IS TOO EARLY FOR US TALKS") == (
        "Mayor Says It Is Too Early for US Talks"
    )


def test_html_short_paragraphs_are_text_not_captions() -> None:
    html = (
        "<html><body><article><h1>Storm update</h1>"
        "<p>The storm reached the coast on Sunday night and cut power to several villages, "
        "the weather service said in its morning update.</p>"
        "<p>Schools stay closed</p>"
        "<p>Crews worked through the night to restore power lines along the coast road "
        "and expected most homes to be reconnected by Tuesday evening.</p>"
        "</article></body></html>"
    )
    article = describe(Source(path="s.html", format="html", html=html))
    assert "Schools stay closed" in article.text and "Schools stay closed." not in article.text
    assert article.captions == []


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
