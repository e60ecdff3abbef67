"""Across articles: duplicates, story clusters, fused events, contradictions and briefs."""

from __future__ import annotations

from statistics import median_low

from crosswire.model import Analysis, Article

__all__ = ["infer_published", "story_title"]


def story_title(articles: list[Article]) -> str:
    """The title of the story's earliest original article (copies and undated ones last)."""
    ranked = sorted(
        articles,
        key=lambda a: (a.duplicate_of is not None, a.published is None, a.published or "", a.id),
    )
    for article in ranked:
        if article.title:
            return article.title
    return ranked[0].text[:80] if ranked else ""


def infer_published(
    article: Article, analysis: Analysis, story_articles: list[Article]
) -> str | None:
    """An undated article's publication date from its story: the median date of the dated
    articles. None when the story has no dated article: never a guess without evidence."""
    dates = sorted(a.published for a in story_articles if a.published and a.id != article.id)
    if not dates:
        return None
    return median_low(dates)
