"""An inferred date's evidence is stored with the article on both backends."""

from __future__ import annotations

from tests.stories.factory import HARBOUR, article

from crosswire.model import Analysis
from crosswire.store import Store


def test_an_inferred_dates_evidence_is_stored_and_cleared(store: Store) -> None:
    item = article("a", HARBOUR, published=None)
    with store.transaction():
        store.add_article(item, Analysis("a"))
    item.published, item.published_inferred = "2021-03-05", True
    item.inferred_from_story, item.inferred_from_text = "s1", "March 4"
    with store.transaction():
        store.update_article(item, None)
    [stored] = store.articles(["a"])
    assert (stored.published, stored.published_inferred) == ("2021-03-05", True)
    assert (stored.inferred_from_story, stored.inferred_from_text) == ("s1", "March 4")
    item.published, item.published_inferred = None, False
    item.inferred_from_story = item.inferred_from_text = None
    with store.transaction():
        store.update_article(item, None)
    [stored] = store.articles(["a"])
    assert (stored.inferred_from_story, stored.inferred_from_text) == (None, None)
