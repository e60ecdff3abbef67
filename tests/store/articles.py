"""Articles written into a store for a storage test: text, title and outlet, no analysis."""

from __future__ import annotations

from crosswire.model import Analysis, Article
from crosswire.store import Store


def add(store: Store, article_id: str, title: str, text: str, published: str) -> None:
    article = Article(id=article_id, text=text, path=f"{article_id}.txt", title=title,
                      outlet="Wire", published=published, text_hash=article_id)  # fmt: skip
    store.add_article(article, Analysis(article_id=article_id))


def fill(store: Store, articles: dict[str, tuple[str, str]], published: str) -> Store:
    """`articles` (id -> title, text) in one transaction."""
    with store.transaction():
        for article_id, (title, text) in articles.items():
            add(store, article_id, title, text, published)
    return store
