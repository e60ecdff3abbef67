"""The thresholds crosswire decides by, in one typed, validated object: `Settings`.

One section per concern (`dedup`, `stories`, `fusion`, `run`), each field with its
description and, as its default, the value the benchmarks chose, so ``Settings()`` is
crosswire's behaviour. The settings are passed to the stages (`Pipeline(settings=...)`,
`CrossCheck`, the story builds), never stored with their state: a store opened with other
settings goes on with the new ones. Values that shape what is stored (hash seeds, MinHash
permutations, the lead's length, the story index's time buckets, the split check's size)
are module constants next to the code, each saying why it is not a setting.

To add a setting: add a field with its default and description to a section here, read it
from the settings the stage is given, and regenerate docs/settings.md
(``crosswire settings --format markdown > docs/settings.md``; a test checks it).

Overridden from a TOML file (`load_settings(config=...)`: ``--config FILE``) and by
``section.key=value`` items (``--set``), in that order; an unknown key or a value of the
wrong type fails at load with a `SettingsError` naming the file or the item, and the key.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from crosswire.errors import CrosswireError


class SettingsError(CrosswireError):
    """A settings file or override that does not match `Settings` (file or item, key, why)."""


class Section(BaseModel):
    """A group of settings: unknown keys are errors (a typo fails at load), values are not
    coerced from other types (``"0.3"`` is no number) and cannot change once loaded."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True, allow_inf_nan=False)


class DedupSettings(Section):
    """Near-duplicate detection (stories/dedup.py, whose docstring gives the benchmark the
    values come from)."""

    jaccard: float = Field(
        default=0.4,
        ge=0,
        le=1,
        description="Estimated Jaccard similarity of two texts' word 5-shingle sets at or"
        " above which the later text is a copy of the earlier one.",
    )
    containment: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description="Share of the shorter text's shingles inside the longer one at or above"
        " which it is a copy (a trimmed, edited or padded re-post).",
    )
    min_contained: int = Field(
        default=40,
        ge=1,
        description="Shingles (about 45 words) the shorter text needs before containment is"
        " used: shorter texts share too much by chance.",
    )
    min_size_ratio: float = Field(
        default=0.2,
        ge=0,
        le=1,
        description="Smallest size of the shorter text, as a share of the longer one's"
        " shingles, for containment to be used: below it one or two equal hash values fake a"
        " high containment.",
    )
    lead_jaccard: float = Field(
        default=0.6,
        ge=0,
        le=1,
        description="Jaccard similarity of two leads (their first 60 words) at or above which"
        " an article citing the other's URL or outlet is a re-post of it.",
    )


class StoryWeights(Section):
    """How much each kind of evidence counts in an article's fit to a story."""

    text: float = Field(
        default=0.65, ge=0, description="Weight of the text's cosine with the story."
    )
    actors: float = Field(
        default=0.25, ge=0, description="Weight of the share of actors the article and story share."
    )
    time: float = Field(
        default=0.10, ge=0, description="Weight of the closeness in time (see decay_days)."
    )


class StoriesSettings(Section):
    """Story clustering (stories/scoring.py, merge.py, split.py), the dates a story gives
    its undated articles, and when stories are rebuilt (stories/schedule.py)."""

    join_score: float = Field(
        default=0.27,
        ge=0,
        description="Score at or above which an article joins the best matching story"
        " (else it opens a new one); also what keeps a story together when it is checked for"
        " a split.",
    )
    merge_score: float = Field(
        default=0.50,
        ge=0,
        description="Score an article must reach with two stories, which also match each"
        " other, for them to be merged into one.",
    )
    decay_days: float = Field(
        default=4.0,
        gt=0,
        description="Days over which the time closeness of an article to a story decays by"
        " a factor e.",
    )
    weights: StoryWeights = Field(
        default=StoryWeights(), description="The weights of the score's parts."
    )
    date_window_days: int = Field(
        default=10,
        ge=0,
        description="An article's own dates further than this many days from its story's"
        " dates (or its own publication date) are background: they neither date an undated"
        " article nor place its sentences in the brief.",
    )
    cohesion_ratio: float = Field(
        default=0.7,
        ge=0,
        le=1,
        description="At the end of a run a story is cut in two (stories/cohesion.py) when the"
        " mean similarity across the two parts is below this share of the lesser mean"
        " similarity within them (0: never cut so; see cohesion_undated_ratio).",
    )
    cohesion_undated_ratio: float = Field(
        default=0.85,
        ge=0,
        le=1,
        description="The same share for the cut that sets a story's undated articles closer"
        " to one another than to its dated ones apart from the rest (0: never cut so).",
    )
    cohesion_actor_weight: float = Field(
        default=0.3,
        ge=0,
        le=1,
        description="Weight of the shared actors, weighted by rarity, in the similarity of"
        " two articles that decides such a cut (the rest: their text).",
    )
    cohesion_min_part: int = Field(
        default=3,
        ge=1,
        description="Articles each part of such a cut holds at least.",
    )
    place_lead_sentences: int = Field(
        default=2,
        ge=0,
        description="Sentences of an article's text, after its title, whose places are its"
        " event places (stories/event_places.py; 0: none are taken).",
    )
    place_apart_penalty: float = Field(
        default=0.3,
        ge=0,
        description="Taken off an article's score with a story when none of its event places"
        " can be where one of the story's is (another country, or a city in another region):"
        " two look-alike events in two places.",
    )
    rebuild_growth: float = Field(
        default=1.5,
        gt=1,
        description="A story touched by a batch is rebuilt at once while new or once it has"
        " grown by this factor since its last build; otherwise it is rebuilt when the run"
        " ends.",
    )


class FusionSettings(Section):
    """Fusing a story's event mentions into events (stories/fuse.py)."""

    max_day_gap: int = Field(
        default=2,
        ge=0,
        description="Days two mentions of the same sides, placed or with both sides named,"
        " may be apart and still be one event ('late Wednesday' against 'Thursday'); they"
        " are then reported as a contradiction.",
    )


class ScopeSettings(Section):
    """Which sentences are read as English (scope/language.py, whose docstring says why),
    before the scope model decides which are in scope (its threshold is part of the trained
    model, ``data/models/scope.npz``)."""

    page_min_chars: int = Field(
        default=200,
        ge=0,
        description="Characters a page needs for its language guess to be used; a shorter"
        " page (a headline, a one-sentence item) is taken as English.",
    )
    sentence_min_chars: int = Field(
        default=40,
        ge=0,
        description="Characters a sentence needs to be judged on its own; a shorter line"
        " keeps its page's language.",
    )
    other_language_confidence: float = Field(
        default=0.95,
        ge=0,
        le=1,
        description="On an English page, a sentence is not English when py3langid gives"
        " another language at least this normalised probability.",
    )
    english_likelihood: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description="On a page in another language, a sentence is English when English (with"
        " the creoles read as English) has at least this normalised probability.",
    )


class RunSettings(Section):
    """How a run goes (`crosswire run`, `batch`, the server's ingestion)."""

    batch_size: int = Field(
        default=32,
        ge=1,
        description="Articles per batch: analysed together, stored in one transaction.",
    )
    time_budget: float = Field(
        default=60.0,
        ge=0,
        description="Seconds one article's analysis may take in each stage; an article over"
        " it becomes one error record and the run goes on (0: no limit).",
    )


class Settings(Section):
    """Every setting, by section."""

    dedup: DedupSettings = DedupSettings()
    stories: StoriesSettings = StoriesSettings()
    fusion: FusionSettings = FusionSettings()
    scope: ScopeSettings = ScopeSettings()
    run: RunSettings = RunSettings()


DEFAULT = Settings()  # crosswire's behaviour: what a stage uses when given no settings


# ------------------------------------------------------------------ loading
def load_settings(config: str | Path | None = None, overrides: Iterable[str] = ()) -> Settings:
    """The defaults, overridden by the TOML file `config`, then by each ``section.key=value``
    of `overrides` (the value in TOML syntax: ``0.3``, ``true``, ``"text"``; a bare word is
    text). `SettingsError` names the file or item and the key of any problem."""
    data: dict[str, Any] = {}
    if config is not None:
        data = _read_toml(Path(config))
        _validated(data, str(config))
    for item in overrides:
        key, value = _override(item)
        _put(data, key, value, item)
        _validated(data, f"--set {item}")
    return _validated(data, "settings")


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read the settings file: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not valid TOML: {exc}") from None


def _override(item: str) -> tuple[list[str], Any]:
    key, equals, text = item.partition("=")
    path = key.strip().split(".")
    if not equals or len(path) < 2 or not all(path):
        raise SettingsError(
            f"--set {item}: expected section.key=value, e.g. stories.join_score=0.3"
        )
    try:
        value = tomllib.loads(f"value = {text.strip()}")["value"]
    except tomllib.TOMLDecodeError:
        value = text.strip()  # a bare word: text (a number field then says it wants a number)
    return path, value


def _put(data: dict[str, Any], path: list[str], value: Any, item: str) -> None:
    table = data
    for part in path[:-1]:
        table = table.setdefault(part, {})
        if not isinstance(table, dict):
            raise SettingsError(f"--set {item}: {part} is a value, not a section")
    table[path[-1]] = value


def _validated(data: dict[str, Any], where: str) -> Settings:
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        problems = [
            f"{where}: {'.'.join(str(p) for p in error['loc']) or '(top)'}: {_why(error)}"
            for error in exc.errors()
        ]
        raise SettingsError("\n".join(problems)) from None


def _why(error: Any) -> str:
    if error["type"] == "extra_forbidden":
        return "no such setting (`crosswire settings` lists them)"
    return f"{error['msg']} (got {error['input']!r})"


# ------------------------------------------------------------------ showing
def to_json(settings: Settings) -> str:
    return json.dumps(settings.model_dump(), indent=2) + "\n"


def to_toml(settings: Settings) -> str:
    """The settings as a TOML file that `load_settings` reads back, each key with its
    description as a comment."""
    return "\n".join(_toml_table(name, section) for name, section in settings)


def _toml_table(name: str, section: BaseModel) -> str:
    lines = [f"[{name}]"]
    nested = []
    for key, value in section:
        if isinstance(value, BaseModel):
            nested.append(_toml_table(f"{name}.{key}", value))
            continue
        lines.append(f"# {_description(section, key)}")
        lines.append(f"{key} = {json.dumps(value)}")
    return "\n".join(lines) + "\n" + "".join(f"\n{table}" for table in nested)


def to_markdown(settings: Settings | None = None) -> str:
    """A reference of every setting: its key, default and description (docs/settings.md)."""
    settings = settings or Settings()
    lines = [
        "# Settings",
        "",
        "Generated from `crosswire/settings.py` by `crosswire settings --format markdown`;"
        " a test keeps this file equal to it.",
        "",
        "Override them with a TOML file (`--config FILE`, or `CROSSWIRE_CONFIG`) and with"
        " `--set section.key=value` (repeatable, applied after the file) on `crosswire run`,"
        " `batch`, `serve` and `settings`, which prints the effective settings as TOML.",
        "",
        "Not settings: values that shape what a store holds (the MinHash permutations and"
        " seed, the lead's 60 words, the LSH candidate threshold, the story index's 10-day"
        " time buckets, the 50-article limit of the split check) stay constants in their"
        " modules, since a store written with one value cannot be read with another; the"
        " scope stage's threshold is part of its trained model (`data/models/scope.npz`).",
    ]
    for name, section in settings:
        lines += ["", f"## `{name}`", "", _doc(type(section)), ""]
        lines += ["| key | default | what |", "| --- | --- | --- |"]
        lines += [
            f"| `{name}.{key}` | `{json.dumps(value)}` | {description} |"
            for key, value, description in _leaves(section)
        ]
    return "\n".join(lines) + "\n"


def _leaves(section: BaseModel, prefix: str = "") -> Iterator[tuple[str, Any, str]]:
    for key, value in section:
        if isinstance(value, BaseModel):
            yield from _leaves(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value, _description(section, key)


def _description(section: BaseModel, key: str) -> str:
    return type(section).model_fields[key].description or ""


def _doc(kind: type) -> str:
    return " ".join((kind.__doc__ or "").split())
