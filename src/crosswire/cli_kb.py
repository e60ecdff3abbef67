"""The knowledge base on the command line: ``--kb FILE`` for the commands that analyse
(and the server), and ``crosswire actor NAME`` to see how a name resolves and why."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import click

from crosswire.datafiles import DataFileError
from crosswire.kb import knowledge_base, resolve, use_files
from crosswire.kb.base import user_files
from crosswire.kb.resolve import Resolution


def _use_kb(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    try:
        use_files(value or user_files())  # in os.environ: worker processes read them too
    except DataFileError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from exc
    return value


KB_OPTION = click.option(
    "--kb",
    "kb_files",
    multiple=True,
    metavar="FILE",
    callback=_use_kb,
    expose_value=False,
    is_eager=True,
    help="An analyst's actors file (YAML, docs/kb.md), taking precedence over the shipped"
    " knowledge base; repeatable (env CROSSWIRE_KB, paths joined by the path separator).",
)


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter("a date as YYYY-MM-DD", ctx=ctx, param=param) from exc


@click.command()
@click.argument("name")
@click.option(
    "--date", "day", callback=_day, metavar="YYYY-MM-DD", help="The day (default: today)."
)
@click.option(
    "--context",
    multiple=True,
    metavar="COUNTRY",
    help="A country of the story (name or ISO code), to choose among namesakes; repeatable.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the resolution as JSON.")
@KB_OPTION
def actor(name: str, day: date | None, context: tuple[str, ...], as_json: bool) -> None:
    """How NAME resolves in the knowledge base on a day, and why.

    \b
    Examples:
      crosswire actor "Bill Clinton" --date 2000-06-01     # USA GOV
      crosswire actor "Bill Clinton" --date 2018-01-01     # USA ELI (former official)
      crosswire actor "the German chancellor" --date 2010-01-01
      crosswire actor "Jane Doe" --kb my-beat.yaml --json
    """
    found = resolve(name, on=day, context=context)
    if as_json:
        click.echo(json.dumps({**found.as_dict(), "kb": _kb_meta()}, ensure_ascii=False, indent=2))
        return
    click.echo(_describe(found))


def _kb_meta() -> dict[str, Any]:
    kb = knowledge_base()
    return {"version": kb.meta.get("version"), "files": list(kb.files), "entries": len(kb)}


def _describe(found: Resolution) -> str:
    lines = [f"{found.name!r} on {found.day.isoformat()}:"]
    if found.entry is not None:
        entry = found.entry
        lines.append(f"  {entry.name} [{entry.id}] {entry.type}, from {entry.source}")
        code = f"{found.country or '-'} {found.sector or '-'}"
        lines.append(
            f"  country/sector: {code}; role {found.role.describe() if found.role else '-'}"
        )
    elif found.ambiguous:
        lines.append("  ambiguous among:")
        lines += [f"    {c.name} [{c.id}] {'/'.join(c.countries)}" for c in found.candidates]
    else:
        lines.append("  not found")
    lines.append("  why: " + "; ".join(found.why))
    lines.append(f"  knowledge base {_kb_meta()['version']}")
    return "\n".join(lines)
