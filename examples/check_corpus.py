"""Sanity checks for the bundled example corpus (not part of the test suite).

Checks that every file reads back with the library crosswire uses for its format, that every
article in the corpus has a story label in labels.json and every label names a real record,
that the undated page really carries no date, and that the aggregator's "Source:" URL points
at an article that exists in the corpus.

    python examples/check_corpus.py
"""

import gzip
import json
import sys
from pathlib import Path

import feedparser
import htmldate
import trafilatura
from warcio.archiveiterator import ArchiveIterator

CORPUS = Path(__file__).resolve().parent / "corpus"
UNDATED_PAGE = "html/capital-briefing-iran-sanctions-explainer.html"
MIN_WORDS, MAX_WORDS = 150, 400


def word_count(text: str) -> int:
    return len(text.split())


def html_keys() -> dict[str, str]:
    """Main text of each HTML page (plain or gzipped), by corpus path."""
    found: dict[str, str] = {}
    for path in sorted((CORPUS / "html").iterdir()):
        raw = path.read_bytes()
        html = (
            gzip.decompress(raw).decode("utf-8")
            if path.name.endswith(".gz")
            else raw.decode("utf-8")
        )
        text = trafilatura.extract(html, favor_precision=True)
        assert text, f"{path.name}: trafilatura found no main text"
        found[str(path.relative_to(CORPUS))] = text
    return found


def text_keys() -> dict[str, str]:
    return {
        str(p.relative_to(CORPUS)): p.read_text("utf-8")
        for p in sorted((CORPUS / "text").glob("*.txt"))
    }


def feed_keys() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted((CORPUS / "feeds").iterdir()):
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, f"{path.name}: {parsed.get('bozo_exception')}"
        for entry in parsed.entries:
            body = trafilatura.extract(entry.content[0].value, favor_precision=True) or ""
            found[f"{path.relative_to(CORPUS)}#{entry.link}"] = body
    return found


def jsonl_keys() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted((CORPUS / "jsonl").iterdir()):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            record = json.loads(line)
            assert {"url", "title", "published", "outlet"} <= record.keys(), f"{path.name}:{number}"
            text = record.get("text") or trafilatura.extract(record["html"], favor_precision=True)
            found[f"{path.relative_to(CORPUS)}#{number}"] = text
    return found


def warc_keys() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted((CORPUS / "warc").iterdir()):
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response":
                    continue
                html = record.content_stream().read().decode("utf-8")
                uri = record.rec_headers.get_header("WARC-Target-URI")
                text = trafilatura.extract(html, favor_precision=True)
                assert text, f"{path.name}#{uri}: no main text"
                found[f"{path.relative_to(CORPUS)}#{uri}"] = text
    return found


def check_undated_page() -> None:
    html = (CORPUS / UNDATED_PAGE).read_text("utf-8")
    guess = htmldate.find_date(html, extensive_search=True)
    assert guess is None, f"{UNDATED_PAGE}: htmldate found a date ({guess})"


def check_cited_urls(articles: dict[str, str]) -> None:
    """Every full 'Source: https://...' URL in a text file must be an article in the corpus."""
    known = {key.split("#", 1)[1] for key in articles if "#http" in key}
    for path in (CORPUS / "text").glob("*.txt"):
        for line in path.read_text("utf-8").splitlines():
            if line.startswith("Source: http"):
                url = line.removeprefix("Source: ").strip()
                assert url in known, f"{path.name}: cites {url}, which is not in the corpus"


def main() -> int:
    articles = {**text_keys(), **html_keys(), **feed_keys(), **jsonl_keys(), **warc_keys()}
    labels = json.loads((CORPUS.parent / "labels.json").read_text("utf-8"))
    missing, unknown = articles.keys() - labels.keys(), labels.keys() - articles.keys()
    assert not missing, f"articles without a label: {sorted(missing)}"
    assert not unknown, f"labels for records that do not exist: {sorted(unknown)}"
    check_undated_page()
    check_cited_urls(articles)
    for key, text in sorted(articles.items()):
        words = word_count(text)
        flag = "" if MIN_WORDS <= words <= MAX_WORDS + 60 else "  <- outside the intended length"
        print(f"{words:4d} words  {labels[key]:24s} {key}{flag}")
    print(f"ok: {len(articles)} articles, {len(set(labels.values()))} stories")
    return 0


if __name__ == "__main__":
    sys.exit(main())
