"""Cleaning: residue, bullets, captions, citations, headlines, datelines, HTML, seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.clean import (
    container_date,
    describe,
    is_caption,
    looks_like_acronym,
    normalise_text,
    parse_date,
    recase_headline,
)
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


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The mayor (left) cuts the ribbon at the new pier on Wednesday", True),
        ("Crowds gather on the quay to watch the first ferry arrive", True),
        ("Fishermen pose for photos", True),  # short, but a picture cue
        ("Schools stay closed", False),  # a sub-heading
        ("The pier will open in May, the harbour master said on Monday", False),
        ("\u2018We are ready\u2019 the captain told reporters at the pier", False),
        ("The ferry left at noon. It reached the island an hour later", False),
    ],
)
def test_caption_detection(line: str, expected: bool) -> None:
    assert is_caption(line) is expected


def test_unpunctuated_prose_and_subheadings_stay_in_the_text() -> None:
    article = describe(
        text_source(
            "Pier opens\n\nThe new pier opened on Wednesday.\n\nWhat comes next\n\n"
            "The second phase will start in May, the harbour master said\n\n"
            "Workers lay the last planks of the pier on Tuesday evening\n\n"
            "The council expects the work to end by autumn.\n"
        )
    )
    assert "What comes next" in article.text
    assert "the harbour master said" in article.text
    assert article.captions == ["Workers lay the last planks of the pier on Tuesday evening"]
    assert article.text.endswith("The council expects the work to end by autumn.")


def test_source_name_and_a_url_on_the_next_line() -> None:
    article = describe(
        text_source(
            "Pier opens\n\nThe new pier opened on Wednesday, officials said.\n\n"
            "Source: Harbour Herald\n\nhttps://herald.example/pier-opens\n"
        )
    )
    [cite] = article.cites
    assert cite.text == "Harbour Herald" and cite.outlet == "Harbour Herald"
    assert cite.url == "https://herald.example/pier-opens"


def test_via_line_is_a_citation_but_prose_starting_with_via_is_not() -> None:
    article = describe(
        text_source(
            "Pier opens\n\nVia the new pier, ferries reach the island in an hour, "
            "officials said on Wednesday.\n\nvia Coast Wire\n"
        )
    )
    assert [c.outlet for c in article.cites] == ["Coast Wire"]
    assert article.text.startswith("Via the new pier")


def test_title_skips_a_leading_dateline() -> None:
    article = describe(text_source("12.03.2024\n\nPier opens\n\nThe new pier opened on Wednesday."))
    assert article.title == "Pier opens" and article.published == "2024-03-12"


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


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-12T08:00:00Z", "2024-03-12"),
        ("Tue, 12 Mar 2024 08:00:00 GMT", "2024-03-12"),
        ("March 12, 2024", "2024-03-12"),
        ("March 2024", None),  # no day: not guessed
        ("yesterday-ish", None),
        ("2024-02-30", None),
    ],
)
def test_container_dates(value: str, expected: str | None) -> None:
    assert container_date(value) == expected


def test_warc_source_has_no_publication_date_from_its_crawl_date() -> None:
    html = (
        "<html><body><article><p>The harbour council met on Monday and agreed to extend the "
        "pier by forty metres before the summer season begins, officials said.</p>"
        "</article></body></html>"
    )
    article = describe(Source(path="c.warc", format="warc", html=html, url="https://h.example/p"))
    assert article.published is None and article.outlet == "h.example"


def test_deeply_nested_html_does_not_crash() -> None:
    html = "<div>" * 5000 + "Deep text here in the pile of tags." + "</div>" * 5000
    try:
        describe(Source(path="deep.html", format="html", html=html))
    except InputError as exc:
        assert exc.path == "deep.html"


def test_headline_opening_with_a_quote_and_url_tail_with_bracket() -> None:
    article = describe(
        text_source(
            "\u2018A NEW ERA\u2019: HARBOUR TOWN OPENS PIER\n\n"
            "The new pier opened on Wednesday, officials said.\n\n"
            "<https://www.coast.example/news/harbour-town-\n\nopens-pier>\n\n"
            "Kaynak/Source: A new era for Harbour Town\n"
        )
    )
    assert article.title == "\u2018A New Era\u2019: Harbour Town Opens Pier"
    [cite] = article.cites
    assert cite.url == "https://www.coast.example/news/harbour-town-opens-pier"
    assert cite.text == "A new era for Harbour Town" and cite.outlet == "coast.example"
