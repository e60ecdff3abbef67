"""The schema of the time rules (data/time_rules.yaml): what each key holds, checked when
the file is loaded. The keys are explained in the data file."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import ValidationInfo, field_validator

from crosswire.datafiles import DataModel

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
MONTH_LISTS = frozenset({"month", "month_name", "bare_month_name"})  # from months.yaml


class TimeRule(DataModel):
    name: str
    pattern: str  # a regular expression, with {word_list} placeholders
    resolve: str | dict[str, str]  # a resolver's name, or a fixed reference value
    span: str | None = None
    anaphoric: bool = False
    near: tuple[str, ...] | None = None  # trigger classes; None: all of them


class Holiday(DataModel):
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # Monday = 0
    nth: int | None = None  # -1: the last
    plus_days: int | None = None
    easter: int | None = None  # days after Easter Sunday


class TenseCues(DataModel):
    future: str
    past: str


class DateWeights(DataModel):
    tense: int
    future_bias: int


class TimeRules(DataModel):
    words: dict[str, str]
    numbers: dict[str, int]
    named_times: dict[str, tuple[int, int]]
    unit_in_years: dict[str, int]
    smaller_units: dict[str, tuple[str, int]]
    holidays: dict[str, Holiday]
    units: dict[str, tuple[str, str]]
    part_of_day_codes: dict[str, str]
    season_codes: dict[str, str]
    decade_words: dict[str, int]
    tense_cues: TenseCues
    date_weights: DateWeights
    ordinal_days: dict[str, int]
    not_times: tuple[str, ...]
    window: int
    triggers: dict[str, str]
    rules: tuple[TimeRule, ...]

    @field_validator("not_times")
    @classmethod
    def _not_times_name_word_lists(
        cls, value: tuple[str, ...], info: ValidationInfo
    ) -> tuple[str, ...]:
        _check_placeholders(value, info)
        return value

    @field_validator("triggers")
    @classmethod
    def _triggers_name_word_lists(
        cls, value: dict[str, str], info: ValidationInfo
    ) -> dict[str, str]:
        _check_placeholders(value.values(), info)
        return value

    @field_validator("rules")
    @classmethod
    def _rules_name_lists_and_triggers(
        cls, value: tuple[TimeRule, ...], info: ValidationInfo
    ) -> tuple[TimeRule, ...]:
        _check_placeholders((rule.pattern for rule in value), info)
        triggers = set(info.data.get("triggers", {}))
        for rule in value:
            if set(rule.near or ()) - triggers:
                raise ValueError(
                    f"rule {rule.name!r}: near {list(rule.near or ())} names no trigger class"
                )
        return value


def _check_placeholders(patterns: Iterable[str], info: ValidationInfo) -> None:
    """Every {name} in a pattern names a list under `words` (declared before it) or one
    of the month lists (`crosswire.timex.months`)."""
    words = set(info.data.get("words", {})) | MONTH_LISTS
    for pattern in patterns:
        unknown = set(_PLACEHOLDER.findall(pattern)) - words
        if unknown:
            raise ValueError(f"{pattern[:50]!r}: {sorted(unknown)} name no list under words")
