"""Building a story from its articles: a pure function of one story's articles and analyses.

`CrossCheck` (crosswire/crosscheck.py) builds a story in the driver when it is due, and hands
the stale ones to an executor's story map at the end of a run (worker processes, Ray actors),
so `build_work` and what it returns are plain, picklable values; a story's work carries the
settings its build uses (`crosswire.settings`), so every worker builds with the driver's.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from crosswire.budget import failure_reason
from crosswire.model import Analysis, Article, Event, Story
from crosswire.settings import DEFAULT, Settings
from crosswire.stories import inferred_date, story_title
from crosswire.stories.brief import story_timeline, write_brief
from crosswire.stories.fuse import fuse_events

log = logging.getLogger(__name__)
# How many times a build dates an article from its story and redoes its analysis against
# the date, while the redone analysis moves the date: the first analysis of an undated
# article cannot resolve a date written without its year, the second can
REDATINGS = 2


@dataclass
class StoryBuild:
    """A story rebuilt from its articles, and what that changed in them: the undated
    articles it dated, and those whose analyses were redone against that date; built
    without re-analysing (``reanalyse=False``), the dated articles whose analyses are
    still to be redone against their new date, with the analyses they keep meanwhile
    (`deferred`: the story is built again later)."""

    story: Story
    events: list[Event]
    dated: list[Article]
    reanalysed: list[tuple[Article, Analysis]]
    deferred: list[tuple[Article, Analysis]] = field(default_factory=list)


@dataclass(frozen=True)
class StoryFailed:
    """A story whose build raised, and why (recorded as one error; the run goes on)."""

    story_id: str
    reason: str


class StoryWork(NamedTuple):
    """A story to build: its id, its articles and their analyses, the settings, and
    whether the articles it dates are re-analysed against their new dates now (see
    `build_story`)."""

    story_id: str
    articles: list[Article]
    analyses: list[Analysis]
    settings: Settings = DEFAULT
    reanalyse: bool = True


# What building a story gives (None: no articles left); and what builds stories in order
# (an executor's story map)
Built = StoryBuild | StoryFailed | None
StoryMap = Callable[[Iterable[StoryWork]], Iterator[Built]]


def build_work(work: StoryWork) -> Built:
    """`build_story` on one story's work; None for a story with no articles left."""
    story_id, articles, analyses, settings, reanalyse = work
    if not articles:
        return None
    try:
        return build_story(story_id, articles, analyses, settings, reanalyse)
    except Exception as exc:
        log.debug("building story %s failed", story_id, exc_info=True)
        return StoryFailed(story_id, failure_reason(exc, "story build"))


def build_story(
    story_id: str,
    articles: list[Article],
    analyses: list[Analysis],
    settings: Settings = DEFAULT,
    reanalyse: bool = True,
) -> StoryBuild:
    """A story from all its articles: undated ones dated from it, events fused across them,
    contradictions, brief and timeline. A pure function of its arguments (the articles
    given their dates are changed in place).

    An article dated from the story has its analysis redone against that date when the
    date moved its anchor (a full re-analysis, the costliest part of a build); then it is
    dated again with the redone analysis, whose date expressions now resolve ("Nov 11"
    once it has a year), and redone again if that moved the date (`REDATINGS`). With
    `reanalyse` false it is not: the story is built from the analysis as it was, and the
    article is listed in `StoryBuild.deferred`, for a later build to redo (the driver's
    builds while a run goes on, whose stories are built again at its end: crosscheck.py).
    """
    dated, reanalysed, deferred = [], [], []
    window = settings.stories.date_window_days
    for i, article in enumerate(articles):
        if article.published is None or article.published_inferred:
            dated.append(article)
            redone = False
            for _ in range(REDATINGS):
                if not _date_from_story(article, analyses[i], articles, story_id, settings):
                    break
                if not reanalyse:
                    deferred.append((article, analyses[i]))
                    break
                [analyses[i]] = analyse_articles([article], settings)
                redone = True
            if redone:
                reanalysed.append((article, analyses[i]))
    fused, contradictions = fuse_events(story_id, articles, analyses, settings.fusion)
    dates = sorted(a.published for a in articles if a.published)
    story = Story(
        id=story_id,
        title=story_title(articles),
        article_ids=[a.id for a in articles],
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
        contradictions=contradictions,
    )
    story.brief = write_brief(story, articles, analyses, fused, window)
    story.timeline = story_timeline(fused)
    return StoryBuild(story, fused, dated, reanalysed, deferred)


def analyse_articles(articles: list[Article], settings: Settings) -> list[Analysis]:
    """`crosswire.pipeline.analyse_articles`: the per-article stages again."""
    # imported here: crosswire.pipeline, which holds the per-article stages, imports this
    # module (through crosswire.crosscheck) before it defines them
    from crosswire.pipeline import analyse_articles as analysed

    return analysed(articles, settings)


def _date_from_story(
    article: Article, analysis: Analysis, story: list[Article], story_id: str, settings: Settings
) -> bool:
    """Give an undated article the date its story points to, with its evidence (the story,
    the article's own date that bounded it); whether its analysis is to be redone, its
    relative time expressions (and so its events' dates) resolved against that date: if
    the date is not the analysis's anchor."""
    others = [a for a in story if a.id != article.id and not a.published_inferred]
    window_days = settings.stories.date_window_days
    found = inferred_date(article, analysis, others, window_days)
    inferred = found.day if found else None
    article.published, article.published_inferred = inferred, found is not None
    article.inferred_from_story = story_id if found else None
    article.inferred_from_text = found.expression if found else None
    return analysis.anchor != inferred
