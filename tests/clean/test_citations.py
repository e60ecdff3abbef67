"""Citation lines and URL lines (broken across lines) become citations."""

from __future__ import annotations

from tests.clean.scraped import SCRAPED, text_source

from crosswire.clean import describe


def test_citation_lines_and_broken_urls_become_cites() -> None:
    [cite] = describe(text_source(SCRAPED)).cites
    assert (
        cite.url
        == "https://www.coastlinewire.example/harbour/ferry-terminal-opens-after-storm-delays"
    )
    assert cite.outlet == "coastlinewire.example"
    assert cite.text.startswith("Harbour Town opens")


def test_read_full_article_line_is_residue_not_a_cite() -> None:
    article = describe(
        text_source(
            "Ferry news\n\nThe ferry ran late on Tuesday, officials said.\n\n"
            "Source: Read Full Article\n\nREAD FULL ARTICLE\n"
        )
    )
    assert article.cites == []
    assert "Read Full Article" not in article.text and "read full article" not in article.text


def test_a_word_after_a_whole_url_is_not_its_tail() -> None:
    article = describe(
        text_source(
            "Ferry news\n\nThe ferry ran late on Tuesday, officials said.\n\n"
            "https://news.example/ferry-late\n\nAdvertisement\n"
        )
    )
    assert [c.url for c in article.cites] == ["https://news.example/ferry-late"]


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
