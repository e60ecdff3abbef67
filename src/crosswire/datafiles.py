"""The knowledge the stages read: data files under ``crosswire/data/``, loaded into typed,
validated objects.

Every data file has a schema, a `DataModel` subclass next to the code that reads it
(``events/data.py``, ``actors/data.py``, ...). `load` reads the file and validates it: an
unknown or missing key, a value of the wrong type (YAML reads a bare ``on`` or ``no`` as a
boolean), a duplicated key or a YAML syntax error fails there, with one ``file:line: what``
per problem, instead of as a ``KeyError`` in the middle of a parse. To add a data file:
write its schema, load it with `load` (or `load_tsv`), and list it in
``tests/test_datafiles.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Annotated, Any, TypeVar, cast

import yaml
from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

# libyaml's parser where PyYAML was built with it: the pure-Python one takes most of a
# second for the data files, paid by every process that starts (each worker, each CLI call)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Schema = TypeVar("Schema", bound=BaseModel)

# Field types the data files share
Cameo = Annotated[str, StringConstraints(pattern=r"^\d{3,4}$")]  # quoted: "040", "0874"
Code = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]  # country or PLOVER code
Sector = Code  # a PLOVER sector ("GOV", "MIL", "CVL")


class DataModel(BaseModel):
    """The schema of a data file or of a part of one: a key the schema does not name is an
    error (a typo fails at load), and what was loaded cannot be changed by a reader."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class DataFileError(ValueError):
    """A data file that does not match its schema or is not valid YAML."""


def load(path: str, schema: type[Schema]) -> Schema:
    """The YAML file at `path` under ``crosswire/data/`` (e.g. ``"events/frames.yaml"``),
    validated as `schema`; `DataFileError` names each problem with its file and line."""
    return load_file(data_file(path), schema)


def load_plain(path: str, schema: type[BaseModel]) -> dict[str, Any]:
    """The YAML file at `path` as plain dicts and lists, after validating it as `schema`: for
    readers that still index the data by key (its schema guarantees the keys are there)."""
    file = data_file(path)
    data, _ = _validated(file.read_text(encoding="utf-8"), schema, str(file))
    return cast(dict[str, Any], data)  # it validated as a model: a mapping at the top


def load_tsv(path: str, schema: type[Schema]) -> list[Schema]:
    """The rows of a tab-separated file under ``crosswire/data/``; see `load_tsv_file`."""
    return load_tsv_file(data_file(path), schema)


def load_file(file: Traversable | Path, schema: type[Schema]) -> Schema:
    """A YAML file anywhere, validated as `schema`."""
    return parse_yaml(file.read_text(encoding="utf-8"), schema, str(file))


def load_tsv_file(file: Traversable | Path, schema: type[Schema]) -> list[Schema]:
    """The rows of a tab-separated file (blank lines and lines starting with ``#``
    skipped), each validated as `schema`: its columns fill the schema's fields in order,
    trailing ones may be left out where the field has a default."""
    rows: list[Schema] = []
    problems: list[str] = []
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            rows.append(_tsv_row(line.split("\t"), schema))
        except ValueError as error:  # pydantic's ValidationError is a ValueError
            problems += [f"{file}:{number}: {what}" for what in _problems_of(error)]
    if problems:
        raise DataFileError("\n".join(problems))
    return rows


def data_file(path: str) -> Traversable:
    """A file under ``crosswire/data/`` by its path there."""
    return resources.files("crosswire") / "data" / path


def parse_yaml(text: str, schema: type[Schema], name: str) -> Schema:
    """YAML `text` validated as `schema`; `name` is the file errors are reported against."""
    _, loaded = _validated(text, schema, name)
    return loaded


# ------------------------------------------------------------------ validation


def _validated(text: str, schema: type[Schema], name: str) -> tuple[Any, Schema]:
    node, data = _compose(text, name)
    problems = [f"{name}:{line}: {what}" for line, what in _duplicate_keys(node)]
    try:
        loaded = schema.model_validate(data)
    except ValidationError as error:
        problems += [_describe(error_dict, node, name) for error_dict in error.errors()]
    if problems:
        raise DataFileError("\n".join(problems))
    return data, loaded


def _compose(text: str, name: str) -> tuple[yaml.Node | None, Any]:
    """The YAML node tree (its marks give each value's line) and the data built from it,
    from one pass of the parser."""
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        raise DataFileError(_syntax_error(error, name)) from None
    finally:
        loader.dispose()
    return node, data


def _syntax_error(error: yaml.MarkedYAMLError, name: str) -> str:
    """Where the parser gave up, and where what it was reading began."""
    mark = error.problem_mark or error.context_mark
    message = f"{name}:{mark.line + 1 if mark else 1}: {error.problem or error.context}"
    if error.context and error.context_mark and error.problem:
        message += f" ({error.context} at line {error.context_mark.line + 1})"
    return message


def _duplicate_keys(node: yaml.Node | None) -> list[tuple[int, str]]:
    """A key given twice in one mapping: YAML keeps the last value and says nothing."""
    found: list[tuple[int, str]] = []
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            first: dict[str, int] = {}
            for key, value in current.value:
                line = key.start_mark.line + 1
                if isinstance(key, yaml.ScalarNode) and key.value in first:
                    found.append(
                        (line, f"duplicate key {key.value!r} (first at line {first[key.value]})")
                    )
                elif isinstance(key, yaml.ScalarNode):
                    first[key.value] = line
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return sorted(found)


def _describe(error: Any, node: yaml.Node | None, name: str) -> str:
    """One pydantic error as ``file:line: where: what``."""
    location = tuple(error["loc"])
    line = _line_of(node, location)
    where = ".".join(str(part) for part in location) or "(top level)"
    return f"{name}:{line}: {where}: {_message(error)}"


def _message(error: Any) -> str:
    kind, value = error["type"], error.get("input")
    if kind == "extra_forbidden":
        return "unknown key (a typo? the schema has no such key)"
    if kind == "missing":
        return "missing key"
    message = f"{error['msg']}, got {value!r}"
    if isinstance(value, bool) and kind.startswith("string"):
        message += " (YAML reads a bare on/off/yes/no/true/false as a boolean: quote it)"
    return message


def _line_of(node: yaml.Node | None, location: Sequence[int | str]) -> int:
    """The line of the value at `location` (keys and list indices from the top), or of the
    deepest part of it the file has (a missing key: its mapping). Parts that name no key
    (pydantic's union branches, ``[key]``) are stepped over."""
    if node is None:
        return 1
    line = node.start_mark.line + 1
    for part in location:
        child = _child(node, part)
        if child is None:
            continue
        line, node = child
    return line


def _child(node: yaml.Node, part: int | str) -> tuple[int, yaml.Node] | None:
    """(the line that names it, the node) of one key or index below `node`."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                return key.start_mark.line + 1, value
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part].start_mark.line + 1, node.value[part]
    return None


# ------------------------------------------------------------------ tab-separated rows


def _tsv_row(columns: list[str], schema: type[Schema]) -> Schema:
    fields = list(schema.model_fields)
    if len(columns) > len(fields):
        raise ValueError(f"{len(columns)} columns, at most {len(fields)}: {', '.join(fields)}")
    return schema.model_validate(dict(zip(fields, columns, strict=False)))


def _problems_of(error: ValueError) -> list[str]:
    if isinstance(error, ValidationError):
        return [f"{'.'.join(str(p) for p in e['loc'])}: {_message(e)}" for e in error.errors()]
    return [str(error)]
