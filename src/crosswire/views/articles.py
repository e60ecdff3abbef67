"""One article's screen: metadata, cleaned text, its copies, cited sources and events."""

from __future__ import annotations

from dataclasses import dataclass

from crosswire.labels import file_label
from crosswire.store.base import EventFilter, Store
from crosswire.views.rows import ArticleRow, EventRow, article_row, by_date, event_row


@dataclass(slots=True)
class CiteView:
    text: str
    url: str | None
    outlet: str | None


@dataclass(slots=True)
class ArticleDetail:
    article: ArticleRow
    text: str
    captions: list[str]
    language: str | None
    published_inferred: bool
    path: str  # the input file's name (no server folders)
    story_id: str | None
    story_title: str | None
    duplicates: list[ArticleRow]  # copies of this article
    original: ArticleRow | None  # what this article copies
    cites: list[CiteView]
    events: list[EventRow]


def article_detail(store: Store, article_id: str) -> ArticleDetail | None:
    found = list(store.articles([article_id]))
    if not found:
        return None
    article = found[0]
    story_id = store.story_of(article_id)
    story = store.story(story_id) if story_id else None
    family = list(store.articles(story.article_ids)) if story else [article]
    original = next((a for a in family if a.id == article.duplicate_of), None)
    if article.duplicate_of and original is None:
        original = next(iter(store.articles([article.duplicate_of])), None)
    events = store.events(EventFilter(story_id=story_id)) if story_id else []
    return ArticleDetail(
        article=article_row(article),
        text=article.text,
        captions=article.captions,
        language=article.language,
        published_inferred=article.published_inferred,
        path=file_label(article.path),  # the file's name: never a folder of the server
        story_id=story_id,
        story_title=story.title if story else None,
        duplicates=[article_row(a) for a in family if a.duplicate_of == article_id],
        original=article_row(original) if original else None,
        cites=[CiteView(c.text, c.url, c.outlet) for c in article.cites],
        events=[event_row(e) for e in by_date(events) if article_id in e.article_ids],
    )
