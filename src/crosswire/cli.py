"""The ``crosswire`` command: a thin shell over `crosswire.Pipeline` and the store."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from crosswire import views
from crosswire.cli_kb import KB_OPTION, actor
from crosswire.cli_settings import settings_command, settings_from, settings_options
from crosswire.cli_story import date_span, flags, print_story
from crosswire.errors import CrosswireError
from crosswire.export import FORMATS
from crosswire.export import export as export_to
from crosswire.model import Event, Story
from crosswire.pipeline import Pipeline, ProgressCallback, RunReport
from crosswire.store import DEFAULT_DB, EventFilter, Store, display_name, open_store
from crosswire.web.serve import serve

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)
EVENTS_SHOWN = 5  # per story in run summaries

DB_OPTION = click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    envvar="CROSSWIRE_DB",
    help="Store to use: a SQLite file path or a postgresql://user:pass@host/db URL"
    " (env CROSSWIRE_DB).",
)

TIME_BUDGET_OPTION = click.option(
    "--time-budget",
    "time_budget",
    type=click.FloatRange(min=0),
    metavar="SECONDS",
    help="Longest one article's analysis may take; an article over it is reported as an"
    " error and the run goes on (0: no limit). [default: the run.time_budget setting, 60]",
)
BATCH_SIZE_OPTION = click.option(
    "--batch-size",
    type=click.IntRange(1),
    help="Articles per transaction. [default: the run.batch_size setting, 32]",
)


@contextmanager
def opened(db: str) -> Iterator[Store]:
    try:
        store = open_store(db)
    except CrosswireError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        yield store
    finally:
        store.close()


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="crosswire")
def main() -> None:
    """crosswire: who did what to whom, when and where, cross-checked across news outlets.

    \b
    Typical session:
      crosswire run examples/corpus          # ingest, analyse, cluster, fuse
      crosswire stories                      # the stories found
      crosswire story s1a2b3c4d5e6           # one story: articles, events, disagreements
      crosswire events --actor Lavrov        # events involving an actor (any alias)
      crosswire export --format jsonl --out out/
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@BATCH_SIZE_OPTION
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1),
    help="Processes for the per-article stages (cleaning, spaCy, analysis).",
)
@TIME_BUDGET_OPTION
@settings_options
@KB_OPTION
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
def run(
    paths: tuple[str, ...],
    db: str,
    batch_size: int | None,
    workers: int,
    time_budget: float | None,
    config: str | None,
    overrides: tuple[str, ...],
    quiet: bool,
) -> None:
    """Ingest PATHS and run the whole pipeline into the store.

    PATHS are files, folders (read recursively) or globs; ``-`` reads JSONL from stdin.
    Formats are recognised by content: plain text, HTML, RSS/Atom, WARC, JSONL, and .gz of
    any of these. Articles already in the store are skipped, so a killed run can simply be
    started again. Unreadable inputs are reported one per line and the run goes on; the exit
    code is 1 when any input failed.

    \b
    Examples:
      crosswire run examples/corpus
      crosswire run 'archive/**/*.warc.gz' --db news.db --workers 2
      cat articles.jsonl | crosswire run -
      crosswire run examples/corpus --config crosswire.toml --set stories.join_score=0.3
    """
    settings = settings_from(config, overrides, batch_size, time_budget)
    stdin = sys.stdin if "-" in paths else None
    with opened(db) as store:
        pipeline = Pipeline(store, workers=workers, settings=settings)
        _finish(store, lambda show: pipeline.run(paths, stdin=stdin, progress=show), quiet)


def _finish(
    store: Store, start: Callable[[ProgressCallback | None], RunReport], quiet: bool
) -> None:
    """Run with progress shown, then list the errors and the summary; exit 1 on errors."""
    try:
        report = _run_with_progress(start, quiet)
    except CrosswireError as exc:
        raise click.ClickException(str(exc)) from exc
    for error in report.errors:
        err_console.print(f"[red]error[/red] {error}", markup=True, soft_wrap=True)
    if not quiet:
        _print_run_summary(store, report)
    sys.exit(1 if report.errors else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--engine",
    type=click.Choice(["ray", "local"]),
    default="ray",
    show_default=True,
    help="ray: a Ray Data job; local: worker processes on this machine, as `run --workers`.",
)
@click.option(
    "--address",
    help="Ray cluster to join: auto (the one `ray start` runs here) or ray://HEAD:10001."
    " Without it a local Ray instance is started for this batch.",
)
@click.option(
    "--workers",
    default=2,
    show_default=True,
    type=click.IntRange(1),
    help="Ray actors (spaCy loaded once in each) or local processes.",
)
@click.option(
    "--partition",
    type=click.Choice(["month", "week"]),
    help="Dedup and cluster each month or week of publication apart, in parallel, then"
    " stitch the stories across partitions (may differ from `run`: docs/stories.md,"
    " 'Partitioned batch'). Without it, in input order as `run` does.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    help="Also write every table as Parquet (NAME.parquet) into this folder.",
)
@click.option(
    "--db",
    envvar="CROSSWIRE_DB",
    help="Store to use (default: OUT/crosswire.db with --out, else crosswire.db).",
)
@BATCH_SIZE_OPTION
@TIME_BUDGET_OPTION
@settings_options
@KB_OPTION
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
def batch(
    paths: tuple[str, ...],
    engine: str,
    address: str | None,
    workers: int,
    partition: str | None,
    out_dir: str | None,
    db: str | None,
    batch_size: int | None,
    time_budget: float | None,
    config: str | None,
    overrides: tuple[str, ...],
    quiet: bool,
) -> None:
    """Process archives (WARC, JSONL, HTML, ... as in `run`) on Ray, into the store.

    Records stream through a Ray Data job (a large WARC is never held in memory); the
    per-article stages run in an actor pool, the cross-article stages on this machine in
    input order, so the result is the store `crosswire run` makes. With --partition the
    months or weeks are deduplicated and clustered apart in --workers processes and their
    stories stitched together, which may differ from `run`. Stored articles are skipped: a
    killed batch is restarted with the same command.

    \b
    Examples:
      crosswire batch archive/ --out out/
      crosswire batch 'cc-news/*.warc.gz' --address ray://head:10001 --db news.db
    """
    settings = settings_from(config, overrides, batch_size, time_budget)
    if out_dir and not db:
        Path(out_dir).mkdir(parents=True, exist_ok=True)
    store_url = db or (str(Path(out_dir) / DEFAULT_DB) if out_dir else DEFAULT_DB)
    with opened(store_url) as store:
        pipeline = Pipeline(store, workers=workers, settings=settings)
        if partition:
            from crosswire.batch.partition import partitioned

            partitioned(pipeline, partition, workers)
        if engine == "local":
            start = lambda show: pipeline.run(paths, progress=show)  # noqa: E731
        else:
            from crosswire.batch.ray_job import RayOptions, run_on_ray

            options = RayOptions(address=address, workers=workers)
            start = lambda show: run_on_ray(pipeline, paths, options, show)  # noqa: E731
        if out_dir:
            start = _then_parquet(start, store, out_dir)
        _finish(store, start, quiet)


def _then_parquet(
    start: Callable[[ProgressCallback | None], RunReport], store: Store, out_dir: str
) -> Callable[[ProgressCallback | None], RunReport]:
    def run_and_write(show: ProgressCallback | None) -> RunReport:
        report = start(show)
        FORMATS["parquet"](store, out_dir)
        return report

    return run_and_write


def _run_with_progress(
    start: Callable[[ProgressCallback | None], RunReport], quiet: bool
) -> RunReport:
    if quiet:
        return start(None)
    # The number of records is unknown until the inputs are read (a WARC holds many), so the
    # bar pulses while the counts and the rate say how far the run has come.
    columns = (
        SpinnerColumn(),
        BarColumn(bar_width=20),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
    )
    # redrawn once per batch, not by rich's timer thread: with no other thread alive the
    # worker processes can be forked from this one (see crosswire.batch.pool)
    with Progress(*columns, console=err_console, transient=True, auto_refresh=False) as progress:
        task = progress.add_task("reading…")

        def show(report: RunReport) -> None:
            progress.update(
                task,
                description=(
                    f"{report.read} read · {report.new_articles} new · {report.skipped} known"
                    f" · {report.failed} failed · {report.rate:.1f} articles/s"
                ),
            )
            progress.refresh()

        return start(show)


def _print_run_summary(store: Store, report: RunReport) -> None:
    console.print(
        f"[bold]{report.read}[/bold] records read: {report.new_articles} new articles,"
        f" {report.skipped} already stored, {report.failed} failed"
        f" ({report.seconds:.1f}s, {report.rate:.1f} articles/s)"
    )
    _print_stories(store, limit=20, with_events=True)


@main.command()
@DB_OPTION
@click.option("--limit", default=50, show_default=True, help="At most this many stories.")
def stories(db: str, limit: int) -> None:
    """List the stories, largest first, with their dates, sources and top events.

    \b
    Example:
      crosswire stories --limit 10
    """
    with opened(db) as store:
        _print_stories(store, limit=limit, with_events=False)


def _print_stories(store: Store, limit: int, with_events: bool) -> None:
    all_stories = store.stories()
    if not all_stories:
        console.print("No stories yet. Run [bold]crosswire run PATH[/bold] first.")
        return
    console.print(f"\n[bold]{len(all_stories)} stories[/bold]")
    for story in all_stories[:limit]:
        story_events = store.events(EventFilter(story_id=story.id))
        n = len(story.contradictions)
        disagreements = f" · {n} disagreement{'s' if n != 1 else ''}" if n else ""
        console.print(
            f"\n[bold cyan]{story.id}[/bold cyan]  [bold]{escape(story.title)}[/bold]\n"
            f"  {len(story.article_ids)} articles · {_span(story)} · {len(story_events)} events"
            f"{disagreements}"
        )
        if with_events:
            asserted = [e for e in story_events if e.modality == "asserted" and not e.negated]
            best = sorted(asserted, key=lambda e: (-e.n_sources, -len(e.participants), e.id))
            shown = [e for e in story_events if e in best[:EVENTS_SHOWN]]  # in date order
            for event in shown:
                console.print(f"    {escape(_event_line(event))}", soft_wrap=True)
            if len(story_events) > len(shown):
                console.print(f"    [dim]… `crosswire story {story.id}` shows all[/dim]")


def _span(story: Story) -> str:
    return date_span(story.first_date, story.last_date)


def _event_line(event: Event) -> str:
    names = [p.name for p in event.participants] or [
        a.name for a in (event.source, event.target) if a
    ]
    where = f" in {event.location.name}" if event.location else ""
    mode = f"/{event.mode}" if event.mode else ""
    marks = flags(event.modality, event.negated)
    return (
        f"{event.date or '????'} {event.type}{mode}: {' – '.join(names) or '?'}{where}{marks}"
        f" ({event.n_sources} source{'s' if event.n_sources != 1 else ''})"
    )


@main.command()
@click.argument("story_id")
@DB_OPTION
def story(story_id: str, db: str) -> None:
    """Show one story: brief, timeline, articles, actors, events, which outlet reports
    what, and where the sources disagree (what its web page shows, as text).

    \b
    Example:
      crosswire story s1a2b3c4d5e6
    """
    with opened(db) as store:
        detail = views.story_detail(store, story_id)
        if detail is None:
            raise click.ClickException(f"no story {story_id!r}; `crosswire stories` lists them")
        actors = views.story_actors(store, [a.id for a in detail.articles])
    print_story(console, detail, actors)


@main.command()
@DB_OPTION
@click.option("--actor", help="An actor's name or any alias (case-insensitive, substring).")
@click.option("--type", "type_", help="PLOVER event type, e.g. CONSULT, REQUEST, ASSAULT.")
@click.option("--since", help="Only events dated on or after YYYY[-MM[-DD]].")
@click.option("--story", "story_id", help="Only events of this story.")
@click.option("--limit", default=100, show_default=True)
def events(
    db: str,
    actor: str | None,
    type_: str | None,
    since: str | None,
    story_id: str | None,
    limit: int,
) -> None:
    """List fused events in date order.

    \b
    Examples:
      crosswire events --actor Lavrov
      crosswire events --type CONSULT --since 2018-05
    """
    with opened(db) as store:
        found = store.events(EventFilter(actor=actor, type=type_, since=since, story_id=story_id))
        table = Table(title=f"{len(found)} events")
        for column in ("event", "story", "what"):
            table.add_column(column)
        for e in found[:limit]:
            table.add_row(e.id, e.story_id or "", escape(_event_line(e)))
        console.print(table)


@main.command()
@DB_OPTION
def stats(db: str) -> None:
    """Counts of what the store holds."""
    with opened(db) as store:
        table = Table(title=f"crosswire store {display_name(db)}")
        table.add_column("what")
        table.add_column("count", justify="right")
        for name, count in store.counts().items():
            table.add_row(name, str(count))
        console.print(table)


@main.command()
@DB_OPTION
def errors(db: str) -> None:
    """Inputs that could not be read, with the reason."""
    with opened(db) as store:
        for error in store.errors():
            console.print(str(error), soft_wrap=True)


@main.command()
@DB_OPTION
@click.option(
    "--format", "fmt", type=click.Choice(list(FORMATS)), default="jsonl", show_default=True
)
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder to write into.",
)
def export(db: str, fmt: str, out_dir: str) -> None:
    """Export the store: every table (articles, entities, times, events, stories, quotes)
    as JSONL, CSV or Parquet; events as a GDELT-style table (gdelt); the actor graph as
    GraphML or GEXF (for Gephi). The README describes each format.

    \b
    Examples:
      crosswire export --format jsonl --out out/
      crosswire export --format parquet --out out/
      crosswire export --format gexf --out out/
    """
    with opened(db) as store:
        try:
            written = export_to(store, fmt, out_dir)
        except OSError as exc:
            raise click.ClickException(f"cannot write the export into {out_dir}: {exc}") from exc
        for name, path in written.items():
            console.print(f"{name:<14} → {path}", soft_wrap=True)


main.add_command(serve)  # the API and web UI live in crosswire.web
main.add_command(settings_command)
main.add_command(actor)  # the knowledge base: how a name resolves (crosswire.cli_kb)

if __name__ == "__main__":
    main()
