"""The linguistic knowledge the stages read: YAML files under ``crosswire/data/``."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

# libyaml's parser where PyYAML was built with it: the pure-Python one takes most of a
# second for the data files, paid by every process that starts (each worker, each CLI call)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: str) -> Any:
    """A data file by its path under ``crosswire/data/``, e.g. ``"events/verbs.yaml"``."""
    text = (resources.files("crosswire") / "data" / path).read_text(encoding="utf-8")
    return yaml.load(text, Loader=_LOADER)
