"""What the sources of a story say: which outlet reports which event (the source
comparison), where they disagree (contradictions, with each sentence's claim), and how a
citation names its source."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from crosswire.claims import MentionClaim, mention_claims, mention_value, saying_several
from crosswire.labels import source_label
from crosswire.model import Analysis, Article, Contradiction, Event
from crosswire.store.base import Store
from crosswire.stories.brief import event_summary
from crosswire.views.rows import EventRow, by_date, event_row, mention_sentence


@dataclass(slots=True)
class ComparisonCell:
    article_ids: list[str]  # articles of this outlet reporting the event ([] = silent)
    # disputed field -> every value this outlet's mentions give (one article can say two)
    values: dict[str, list[str]] = field(default_factory=dict)


@dataclass(slots=True)
class ComparisonRow:
    event: EventRow
    disputed: list[str]  # fields sources disagree on
    cells: list[ComparisonCell]  # one per outlet, in `SourceComparison.outlets` order


@dataclass(slots=True)
class SourceComparison:
    outlets: list[str]
    rows: list[ComparisonRow]


@dataclass(slots=True)
class ContradictionView:
    event_id: str
    event: str
    field: str
    values: list[tuple[str, list[str]]]  # (value, sources saying it)
    mentions: list[MentionClaim]  # what each sentence reporting the event says
    saying_several: list[tuple[str, list[str]]]  # (source, its values): self-contradicting


def source_name(article: Article) -> str:
    """How a citation names its article: the outlet, else the start of its title, else
    "unknown outlet, 2018-05-31" (never its id)."""
    if article.outlet:
        return article.outlet
    if not (article.title or "").strip():
        return source_label(None, article.published)
    title = article.title.strip()  # type: ignore[union-attr]
    return title if len(title) <= 32 else title[:30].rsplit(" ", 1)[0] + "…"


def cite_label(article: Article) -> str:
    """A citation of an untitled article says which one: "Daily Mail, 2018-05-31"."""
    if not (article.title or "").strip():
        return source_label(article.outlet, article.published)
    return source_name(article)


def analysis_reader(store: Store) -> Callable[[str], Analysis | None]:
    """Reads an article's analysis once, None when the store has none."""
    read: dict[str, Analysis | None] = {}

    def analysis_of(article_id: str) -> Analysis | None:
        if article_id not in read:
            try:
                read[article_id] = store.analysis(article_id)
            except KeyError:
                read[article_id] = None
        return read[article_id]

    return analysis_of


def source_comparison(
    events: list[Event], contradictions: list[Contradiction], articles: dict[str, Article]
) -> SourceComparison:
    """Which outlet reports which event, and what each says where sources disagree."""
    outlets = sorted({source_name(a) for a in articles.values()})
    disputes: dict[str, list[Contradiction]] = defaultdict(list)
    for c in contradictions:
        disputes[c.event_id].append(c)
    rows = []
    for event in by_date(events):
        cells = []
        for outlet in outlets:
            ids = sorted(a for a in event.article_ids if _labelled(articles, a) == outlet)
            cells.append(ComparisonCell(ids, _said(event, disputes[event.id], set(ids))))
        rows.append(ComparisonRow(event_row(event), [c.field for c in disputes[event.id]], cells))
    return SourceComparison(outlets, rows)


def _labelled(articles: dict[str, Article], article_id: str) -> str | None:
    return source_name(articles[article_id]) if article_id in articles else None


def _said(event: Event, disputes: list[Contradiction], ids: set[str]) -> dict[str, list[str]]:
    """Every value the mentions in articles `ids` give on each disputed field."""
    said: dict[str, list[str]] = {}
    for c in disputes:
        values = {mention_value(m, c.field) for m in event.mentions if m.article_id in ids}
        if found := sorted(v for v in values if v):
            said[c.field] = found
    return said


def contradiction_views(
    contradictions: list[Contradiction],
    events: list[Event],
    articles: dict[str, Article],
    analysis_of: Callable[[str], Analysis | None],
) -> list[ContradictionView]:
    by_id = {e.id: e for e in events}
    views = []
    for c in contradictions:
        values = [
            (v.value, sorted({source_name(articles[a]) for a in v.article_ids if a in articles}))
            for v in c.values
        ]
        event = by_id.get(c.event_id)
        claims = (
            mention_claims(event, c.field, articles, analysis_of, mention_sentence, _claim_label)
            if event
            else []
        )
        summary = event_summary(event) if event else c.event_id
        views.append(
            ContradictionView(c.event_id, summary, c.field, values, claims, saying_several(claims))
        )
    return views


def _claim_label(article: Article) -> str:
    """A claim's source: its outlet and date, so two articles of one outlet differ."""
    return source_label(article.outlet, article.published)
