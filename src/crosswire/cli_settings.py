"""The settings on the command line: ``--config FILE`` and ``--set section.key=value`` on
the commands that analyse (``run``, ``batch``, ``serve``), and ``crosswire settings``, which
prints the effective settings (see `crosswire.settings`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from crosswire.settings import (
    RunSettings,
    Settings,
    SettingsError,
    load_settings,
    to_json,
    to_markdown,
    to_toml,
)

F = TypeVar("F", bound=Callable[..., Any])

CONFIG_OPTION = click.option(
    "--config",
    "config",
    type=click.Path(dir_okay=False),
    envvar="CROSSWIRE_CONFIG",
    help="A TOML file of settings (`crosswire settings` prints them all; env CROSSWIRE_CONFIG).",
)
SET_OPTION = click.option(
    "--set",
    "overrides",
    multiple=True,
    metavar="SECTION.KEY=VALUE",
    help="Override one setting, after --config (repeatable), e.g. --set stories.join_score=0.3.",
)


class SettingsProblem(click.ClickException):
    """A settings file or override that does not load: its message, exit code 2."""

    exit_code = 2


def settings_options(command: F) -> F:
    """Add ``--config`` and ``--set`` to a command."""
    return CONFIG_OPTION(SET_OPTION(command))


def settings_from(
    config: str | None,
    overrides: tuple[str, ...],
    batch_size: int | None = None,
    time_budget: float | None = None,
) -> Settings:
    """The settings of `config` and `overrides`; `batch_size` and `time_budget`, from their
    own options, win over both. A problem stops the command with its file or item and key."""
    try:
        settings = load_settings(config, overrides)
    except SettingsError as exc:
        raise SettingsProblem(str(exc)) from exc
    given = {"batch_size": batch_size, "time_budget": time_budget}
    run = settings.run.model_dump() | {k: v for k, v in given.items() if v is not None}
    return settings.model_copy(update={"run": RunSettings.model_validate(run)})


FORMATS = {"toml": to_toml, "json": to_json, "markdown": to_markdown}


@click.command(name="settings")
@settings_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    default="toml",
    show_default=True,
    help="toml: a settings file to edit (each key with its description); json; markdown: the"
    " reference of docs/settings.md.",
)
def settings_command(config: str | None, overrides: tuple[str, ...], fmt: str) -> None:
    """Print the effective settings: the defaults, overridden by --config and --set.

    \b
    Examples:
      crosswire settings > crosswire.toml     # a file to edit, then: run --config crosswire.toml
      crosswire settings --config crosswire.toml --set dedup.jaccard=0.5 --format json
    """
    click.echo(FORMATS[fmt](settings_from(config, overrides)), nl=False)
