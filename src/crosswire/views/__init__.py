"""Read models the REST API, the web UI and the CLI share: plain functions over a `Store`.

Each function answers one screen or endpoint and returns dataclasses of plain values, so
the API serialises them as they are, the templates and the CLI only lay them out. One
module per screen: `stories` (the story list), `story` (one story: brief, timeline, graph,
with `sources` for the source comparison and contradictions), `events` (the event list and
one event), `actors`, `articles`, `search`; `rows` holds the rows several screens list and
`shared` the page and error types. Bad filter values raise `ViewError` with a message meant
for the user.

Everything is re-exported here: ``from crosswire import views; views.story_detail(...)``.
"""

from crosswire.store.base import StorySort
from crosswire.views.actors import (
    EVENTS_PAGE,
    ActorProfile,
    ActorSummary,
    PeriodCount,
    StoryRef,
    actor_profile,
    actor_summary,
    search_actors,
)
from crosswire.views.articles import ArticleDetail, CiteView, article_detail
from crosswire.views.events import (
    EventDetail,
    MentionView,
    Segment,
    event_detail,
    event_rows,
    segments,
)
from crosswire.views.kb_roles import DatedRole, KbPerson, kb_person
from crosswire.views.rows import (
    TOP_ACTORS,
    ActorCount,
    ArticleRow,
    EventRow,
    article_row,
    event_row,
    mention_sentence,
    top_actors,
)
from crosswire.views.search import (
    ArticleHitView,
    FacetValue,
    SearchFacets,
    SearchResults,
    SnippetPiece,
    StoryMatch,
    hit_view,
    search_all,
    search_events,
    search_filter,
)
from crosswire.views.shared import Page, ViewError, check_date, paginate
from crosswire.views.sources import (
    ComparisonCell,
    ComparisonRow,
    ContradictionView,
    SourceComparison,
    source_comparison,
)
from crosswire.views.stories import (
    MAX_MIN_SOURCES,
    SORTS,
    StoryFilter,
    StorySummary,
    outlet_name,
    story_summaries,
    story_summary,
    summary_of,
)
from crosswire.views.story import (
    COMPARISON_EVENTS,
    TIMELINE_EVENTS,
    BriefItem,
    Citation,
    GraphEdge,
    GraphNode,
    GraphView,
    StoryDetail,
    graph_view,
    story_actors,
    story_detail,
)

__all__ = [
    "COMPARISON_EVENTS",
    "EVENTS_PAGE",
    "MAX_MIN_SOURCES",
    "SORTS",
    "TIMELINE_EVENTS",
    "TOP_ACTORS",
    "ActorCount",
    "ActorProfile",
    "ActorSummary",
    "ArticleDetail",
    "ArticleHitView",
    "ArticleRow",
    "BriefItem",
    "Citation",
    "CiteView",
    "ComparisonCell",
    "ComparisonRow",
    "ContradictionView",
    "DatedRole",
    "EventDetail",
    "EventRow",
    "FacetValue",
    "GraphEdge",
    "GraphNode",
    "GraphView",
    "KbPerson",
    "MentionView",
    "Page",
    "PeriodCount",
    "SearchFacets",
    "SearchResults",
    "Segment",
    "SnippetPiece",
    "SourceComparison",
    "StoryDetail",
    "StoryFilter",
    "StoryMatch",
    "StoryRef",
    "StorySort",
    "StorySummary",
    "ViewError",
    "actor_profile",
    "actor_summary",
    "article_detail",
    "article_row",
    "check_date",
    "event_detail",
    "event_row",
    "event_rows",
    "graph_view",
    "hit_view",
    "kb_person",
    "mention_sentence",
    "outlet_name",
    "paginate",
    "search_actors",
    "search_all",
    "search_events",
    "search_filter",
    "segments",
    "source_comparison",
    "story_actors",
    "story_detail",
    "story_summaries",
    "story_summary",
    "summary_of",
    "top_actors",
]
