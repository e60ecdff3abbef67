"""The settings object: defaults, a TOML file, ``section.key=value`` overrides, and a clear
error (file or item, key) for anything that does not match."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

from crosswire.settings import (
    DEFAULT,
    Settings,
    SettingsError,
    load_settings,
    to_json,
    to_markdown,
    to_toml,
)

ROOT = Path(__file__).resolve().parents[1]


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_the_printed_settings_load_back_as_the_same_settings(tmp_path: Path) -> None:
    changed = load_settings(overrides=["stories.join_score=0.31", "fusion.max_day_gap=3"])
    for settings in (DEFAULT, changed):
        assert load_settings(write(tmp_path / "s.toml", to_toml(settings))) == settings
        assert Settings.model_validate(json.loads(to_json(settings))) == settings
    assert (
        tomllib.loads(to_toml(DEFAULT))["stories"]["weights"]
        == DEFAULT.stories.weights.model_dump()
    )


def test_a_file_sets_some_keys_and_the_overrides_come_after_it(tmp_path: Path) -> None:
    config = write(
        tmp_path / "crosswire.toml",
        "[stories]\njoin_score = 0.35\nmerge_score = 0.6\n[stories.weights]\ntext = 0.7\n",
    )
    settings = load_settings(config, ["stories.join_score=0.4", "dedup.jaccard=0.5"])
    assert settings.stories.join_score == 0.4  # the override wins over the file
    assert settings.stories.merge_score == 0.6 and settings.stories.weights.text == 0.7
    assert settings.stories.weights.actors == DEFAULT.stories.weights.actors  # not given: kept
    assert settings.dedup.jaccard == 0.5
    assert settings.fusion == DEFAULT.fusion and settings.run == DEFAULT.run


def test_an_override_reaches_a_nested_key_and_takes_toml_values() -> None:
    settings = load_settings(overrides=["stories.weights.time=0.2", "run.time_budget=0"])
    assert settings.stories.weights.time == 0.2 and settings.run.time_budget == 0.0


@pytest.mark.parametrize(
    ("text", "key", "why"),
    [
        ("[stories]\njoin_scor = 0.3\n", "stories.join_scor", "no such setting"),
        ("[storys]\njoin_score = 0.3\n", "storys", "no such setting"),
        ('[stories]\njoin_score = "0.3"\n', "stories.join_score", "valid number"),
        ("[run]\nbatch_size = 2.5\n", "run.batch_size", "valid integer"),
        ("[run]\nbatch_size = true\n", "run.batch_size", "valid integer"),
        ("[run]\nbatch_size = 0\n", "run.batch_size", "greater than or equal to 1"),
        ("[stories]\nrebuild_growth = 1.0\n", "stories.rebuild_growth", "greater than 1"),
        ("[stories]\nweights = 1\n", "stories.weights", "StoryWeights"),
        ("[dedup]\njaccard = nan\n", "dedup.jaccard", "finite number"),
    ],
)
def test_a_bad_file_names_itself_and_the_key(tmp_path: Path, text: str, key: str, why: str) -> None:
    config = write(tmp_path / "bad.toml", text)
    with pytest.raises(SettingsError) as raised:
        load_settings(config)
    message = str(raised.value)
    assert message.startswith(f"{config}: {key}: ") and why in message


def test_a_file_that_is_not_toml_or_not_there_is_a_settings_error(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match=r"bad\.toml: not valid TOML"):
        load_settings(write(tmp_path / "bad.toml", "[stories\n"))
    with pytest.raises(SettingsError, match=r"missing\.toml: cannot read"):
        load_settings(tmp_path / "missing.toml")


@pytest.mark.parametrize(
    ("item", "why"),
    [
        ("stories.join_score=high", "stories.join_score: Input should be a valid number"),
        ("stories.joinscore=0.3", "stories.joinscore: no such setting"),
        ("join_score=0.3", "expected section.key=value"),
        ("stories.join_score", "expected section.key=value"),
        ("stories..x=1", "expected section.key=value"),
        ("stories.join_score.x=1", "stories.join_score: Input should be a valid number"),
    ],
)
def test_a_bad_override_names_itself_and_the_key(item: str, why: str) -> None:
    with pytest.raises(SettingsError) as raised:
        load_settings(overrides=[item])
    assert str(raised.value).startswith(f"--set {item}: ") and why in str(raised.value)


def test_an_override_below_a_value_the_file_set_is_refused(tmp_path: Path) -> None:
    config = write(tmp_path / "s.toml", "[stories]\njoin_score = 0.3\n")
    with pytest.raises(SettingsError, match="join_score is a value, not a section"):
        load_settings(config, ["stories.join_score.x=1"])


def test_settings_cannot_be_changed_once_loaded() -> None:
    with pytest.raises(ValidationError):
        DEFAULT.stories.join_score = 0.9  # type: ignore[misc]


def test_every_setting_is_described() -> None:
    def undescribed(model: BaseModel, prefix: str) -> list[str]:
        found = []
        for key, value in model:
            if isinstance(value, BaseModel):
                found += undescribed(value, f"{prefix}{key}.")
            elif not type(model).model_fields[key].description:
                found.append(f"{prefix}{key}")
        return found

    assert undescribed(DEFAULT, "") == []


def test_the_settings_reference_is_generated_from_the_model() -> None:
    documented = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    assert documented == to_markdown(), (
        "docs/settings.md is out of date: crosswire settings --format markdown > docs/settings.md"
    )
