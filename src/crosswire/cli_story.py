"""``crosswire story`` as terminal text: the story's read model (`views.story_detail`, the
one the story page and ``/api/stories/{id}`` show) laid out for a console, plus the actors
its articles name (`views.story_actors`).

Every word comes from the view: sources are cited as the page cites them (outlet, else the
article's title, never its file), events are summed up by `views.EventRow.summary`. Text
from articles is escaped, so markup in it is printed, never interpreted.
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from crosswire import views
from crosswire.labels import plural

# Actor types a story lists, in this order (places are shown with the events)
ACTOR_TYPES = ("PERSON", "ORG", "MEDIA", "GROUP", "COUNTRY")


def print_story(
    console: Console, detail: views.StoryDetail, actors: list[views.ActorSummary]
) -> None:
    _print_header(console, detail.summary, len(detail.contradictions))
    _print_brief(console, detail.brief)
    _print_timeline(console, detail.timeline)
    console.print(_articles_table(detail.articles))
    _print_uncoded(console, detail)
    console.print(_actors_table(actors))
    console.print(_events_table(detail.events))
    console.print(_comparison_table(detail.comparison))
    _print_disagreements(console, detail.contradictions)


def date_span(first: str | None, last: str | None) -> str:
    if first == last:
        return first or "undated"
    return f"{first} → {last}"


def flags(modality: str, negated: bool) -> str:
    """ " [hypothetical]", " [negated]"...: what keeps an event from being plain fact."""
    labels = ([modality] if modality != "asserted" else []) + (
        ["negated"] if negated and modality != "denied" else []
    )
    return f" [{', '.join(labels)}]" if labels else ""


def _print_header(console: Console, summary: views.StorySummary, disagreements: int) -> None:
    facts = [
        date_span(summary.first_date, summary.last_date),
        plural(summary.n_articles, "article"),
        f"{plural(summary.n_independent, 'independent source')}"
        f" from {plural(summary.n_outlets, 'outlet')}",
        plural(summary.n_events, "event"),
    ] + ([plural(disagreements, "disagreement")] if disagreements else [])
    console.print(f"[bold]{escape(summary.title)}[/bold]  ({', '.join(facts)})")
    if summary.top_actors:
        names = ", ".join(a.name for a in summary.top_actors)
        console.print(f"[dim]Top actors: {escape(names)}[/dim]")
    console.print()


def _print_brief(console: Console, brief: list[views.BriefItem]) -> None:
    if not brief:
        return
    console.print("[bold]Brief[/bold]")
    for item in brief:
        cites = ", ".join(c.outlet for c in item.citations)
        console.print(f"  • {escape(item.text)} [dim]\\[{escape(cites)}][/dim]")
    console.print()


def _print_uncoded(console: Console, detail: views.StoryDetail) -> None:
    """The articles linked to the story in a language crosswire does not code, as the
    story page says it."""
    if not detail.n_uncoded:
        return
    languages = ", ".join(detail.uncoded_languages)
    console.print(
        f"[dim]{plural(detail.n_uncoded, 'article')} in {escape(languages)}: linked to this"
        " story and counted as sources, but not coded (crosswire codes events in English and"
        " French only).[/dim]"
    )
    console.print()


def _print_timeline(console: Console, timeline: list[views.EventRow]) -> None:
    if not timeline:
        return
    console.print("[bold]Timeline[/bold]")
    for row in timeline:
        sources = plural(row.n_sources, "independent source")
        what = escape(row.summary + flags(row.modality, row.negated))
        console.print(f"  {row.date or '????'}  {what} [dim]({sources})[/dim]")
    console.print()


def _articles_table(articles: list[views.ArticleRow]) -> Table:
    table = Table(title="Articles")
    for column in ("id", "outlet", "published", "title", "duplicate of"):
        table.add_column(column)
    for a in articles:
        cells = (a.id, a.outlet or "unknown outlet", a.published or "undated", a.label)
        table.add_row(*map(escape, (*cells, a.duplicate_of or "")))
    return table


def _actors_table(actors: list[views.ActorSummary]) -> Table:
    """Who the story names: each actor once, under its canonical name."""
    table = Table(title="Actors")
    for column in ("actor", "type", "country", "sector", "role", "also written", "articles"):
        table.add_column(column)
    shown = [a for a in actors if a.type in ACTOR_TYPES]
    for actor in sorted(shown, key=lambda a: ACTOR_TYPES.index(a.type)):
        others = ", ".join(alias for alias in actor.aliases if alias != actor.name)
        cells = (actor.name, actor.type.lower(), actor.country or "", actor.sector or "")
        roles = "; ".join(actor.roles)
        table.add_row(*map(escape, (*cells, roles, others, str(actor.n_articles))))
    return table


def _events_table(events: list[views.EventRow]) -> Table:
    table = Table(title="Events (timeline)", show_lines=True)
    for column in ("event", "what", "sources"):
        table.add_column(column)
    for row in events:
        what = f"{row.date or '????'} {row.summary}{flags(row.modality, row.negated)}"
        sources = f"{row.n_sources} independent\n{plural(row.n_articles, 'article')}"
        table.add_row(row.id, escape(what), sources)
    return table


def _comparison_table(comparison: views.SourceComparison) -> Table:
    """Which outlet reports which of the best-supported events, and what each says where
    they disagree (the page's "Which outlet reports what")."""
    table = Table(title="Which outlet reports what", show_lines=True)
    for column in ("event", "reported by"):
        table.add_column(column)
    for row in comparison.rows:
        said = []
        for outlet, cell in zip(comparison.outlets, row.cells, strict=True):
            values = "; ".join(f"{f}: {' and '.join(v)}" for f, v in cell.values.items())
            if cell.article_ids:
                said.append(f"{outlet} ({values})" if values else outlet)
        disputed = f"\ndisputed: {', '.join(row.disputed)}" if row.disputed else ""
        event = f"{row.event.id} {row.event.summary}{disputed}"
        table.add_row(escape(event), escape("\n".join(said)))
    return table


def _print_disagreements(console: Console, disputes: list[views.ContradictionView]) -> None:
    if not disputes:
        return
    console.print("\n[bold red]Sources disagree[/bold red]")
    for c in disputes:
        values = " vs ".join(f"{v} ({', '.join(sources)})" for v, sources in c.values)
        console.print(
            f"  {escape(c.event)} [dim]({c.event_id})[/dim] · {c.field}: {escape(values)}"
        )
        for source, said in c.saying_several:
            console.print(f"    {escape(source)} says both {escape(' and '.join(said))}.")
        for claim in c.mentions:
            where = f" ({claim.section})" if claim.section != "body" else ""
            console.print(
                f"    {escape(claim.source)}{where}: {escape(claim.said)}"
                f" [dim]— {escape(claim.sentence.strip())}[/dim]",
                soft_wrap=True,
            )
