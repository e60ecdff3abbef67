"""Data files load into typed objects, and a wrong key or value fails at load, naming the
file and the line: each kind of data file is copied, broken, and loaded again."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from crosswire import graph
from crosswire.actors import agents as actors_agents
from crosswire.actors import data as actors_data
from crosswire.actors import first_names, noun_senses
from crosswire.actors import regions as actors_regions
from crosswire.boilerplate import Boilerplate
from crosswire.clean import phrases
from crosswire.datafiles import (
    DataFileError,
    DataModel,
    load_file,
    load_plain,
    load_tsv_file,
    parse_yaml,
)
from crosswire.events import data as events_data
from crosswire.events import (
    harmed,
    learned,
    model,
    patterns,
    recipients,
    reporters,
    senses,
    undergoers,
)
from crosswire.events.fr import data as french_data
from crosswire.export import gdelt
from crosswire.ingest import jsonl
from crosswire.kb import build as kb_build
from crosswire.kb import user as kb_user
from crosswire.scope import model as scope_model
from crosswire.store import grams
from crosswire.stories import brief, event_places
from crosswire.timex import engine, months
from crosswire.timex.data import TimeRules

DATA = Path(str(resources.files("crosswire") / "data"))

# Every data file: its schema, and the function its reader loads it with
DATA_FILES: dict[str, tuple[type[BaseModel], Callable[[], Any]]] = {
    "ingest/jsonl_fields.yaml": (jsonl.FieldNames, jsonl.field_names),
    "events/verbs.yaml": (patterns.PatternFile, patterns.verb_patterns),
    "events/nouns.yaml": (patterns.PatternFile, patterns.noun_patterns),
    "events/frames.yaml": (events_data.Frames, events_data.frames),
    "events/modality.yaml": (events_data.ModalityCues, events_data.modality),
    "events/dates.yaml": (events_data.DateCues, events_data.dates),
    "events/agents.yaml": (events_data.Agents, events_data.agents),
    "events/learned.yaml": (learned.LearnedCoding, learned.learned_coding),
    "events/harmed.yaml": (harmed.Harmed, harmed.harmed),
    "events/recipients.yaml": (recipients.Recipients, recipients.recipients),
    "events/senses.yaml": (senses.Senses, senses.senses),
    "events/undergoers.yaml": (undergoers.Undergoers, undergoers.undergoers),
    "events/reporters.yaml": (reporters.Reporters, reporters.reporters),
    "events/fr/triggers.yaml": (french_data.TriggerFile, french_data.triggers),
    "events/fr/actors.yaml": (french_data.ActorNames, french_data.actor_names),
    "events/fr/grammar.yaml": (french_data.Grammar, french_data.grammar),
    # the learned event decision's model: its card (JSON) and its weights (.npz)
    "models/events-v2.json": (model.ModelCard, model.event_model),
    "models/events-v2.npz": (model.ModelCard, model.event_model),
    "actors/countries.yaml": (actors_data.Countries, actors_data.countries),
    "actors/media.yaml": (actors_data.Media, actors_data.media),
    "actors/organisations.yaml": (actors_data.Organisations, actors_data.organisations),
    "actors/reporting.yaml": (actors_data.Reporting, actors_data.reporting),
    "actors/roles.yaml": (actors_data.Roles, actors_data.roles_file),
    "actors/titles.yaml": (actors_data.Titles, actors_data.titles),
    "actors/transliteration.tsv": (actors_data.Transliteration, actors_data.transliteration),
    "actors/agents.tsv": (actors_agents.AgentRow, actors_agents.agent_rows),
    "actors/first_names.tsv": (first_names.FirstName, first_names.first_name_sexes),
    "actors/noun_senses.tsv": (noun_senses.NounSense, noun_senses.noun_classes),
    "actors/sectors.yaml": (actors_agents.SectorNames, actors_agents.sector_file),
    "time_rules.yaml": (TimeRules, engine.rules_data),
    "search/unspaced_scripts.yaml": (grams.UnspacedScripts, grams.scripts_file),
    "boilerplate.yaml": (Boilerplate, phrases.phrases),
    "months.yaml": (months.MonthsFile, months.months),
    "plover_quads.yaml": (graph.QuadFile, graph.quads),
    "export/gdelt.yaml": (gdelt.GdeltCodes, gdelt.quad_classes),
    "stories/brief.yaml": (brief.BriefWords, brief._dangling_openers),
    "stories/event_places.yaml": (event_places.EventPlaceWords, event_places._after_locative),
    "models/scope.json": (scope_model.ScopeMeta, lambda: scope_model.load_model().meta),
    "kb/additions.yaml": (kb_user.UserFile, lambda: kb_user.read_user_file(kb_build.ADDITIONS)),
    "actors/regions.yaml": (actors_regions.RegionWords, actors_regions.region_words),
}
# Model weights: numpy arrays, checked against the hash their .json declares
# (tests/scope/test_model.py)
WEIGHTS = {"models/scope.npz"}
# The licence of third-party knowledge compiled into a data file, kept beside it
NOTICES = {"actors/agents.LICENSE", "actors/first_names.LICENSE", "actors/noun_senses.LICENSE"}
# The compiled actor knowledge base and the licence of its sources (tests/kb/)
COMPILED = {"kb/kb.json.gz", "kb/LICENSE-phoenix.txt"}

# One value of the wrong type per YAML file: (the text of a line, what it becomes)
WRONG_TYPES = {
    "events/verbs.yaml": ('cameo: "083"', "cameo: 83"),  # an int where a quoted code goes
    "events/nouns.yaml": (
        "participant_preps: [between, with, among]",
        "participant_preps: [between, on]",
    ),
    "events/frames.yaml": ("homeward: [home, back]", "homeward: [home, back, off]"),
    "events/modality.yaml": ("  will: planned", "  will: perhaps"),
    "events/dates.yaml": ("vague_types: [DURATION, SET]", "vague_types: {DURATION: 1}"),
    "events/agents.yaml": ("  party: PTY", "  party: Party"),
    "events/learned.yaml": ('  AGREE: "030"', "  AGREE: 30"),
    "events/harmed.yaml": ("types: [ASSAULT, COERCE]", "types: [ASSAULT, HARM]"),
    "events/recipients.yaml": ("  CONSULT: [with, to]", "  MEET: [with, to]"),
    "events/senses.yaml": ("harm_types: [ASSAULT]", "harm_types: [ASSAULT, HARM]"),
    "events/undergoers.yaml": ("  draw: [ACCUSE]", "  draw: [CRITICISE]"),
    "events/reporters.yaml": ("  JUD: [ACCUSE, SANCTION]", "  JUD: [ACCUSE, PUNISH]"),
    "events/fr/triggers.yaml": ("type: ASSAULT, mode: aerial", "type: BOMB, mode: aerial"),
    "events/fr/actors.yaml": ("  police: COP", "  police: Cop"),
    "events/fr/grammar.yaml": ("  hier: -1", "  hier: yesterday"),
    "actors/countries.yaml": ("  UAE: ARE", "  UAE: [ARE]"),
    "actors/media.yaml": ("{names: [Interfax], country: RUS}", "{names: [], country: RUS}"),
    "actors/organisations.yaml": ("  Kremlin: [RUS, GOV]", "  Kremlin: [RUS]"),
    "actors/reporting.yaml": ("citing, as reported by", "yes, as reported by"),
    "actors/roles.yaml": ("  president: GOV", "  president: 12"),
    "actors/titles.yaml": ("  Sen.: senator", "  Sen: senator"),  # a title has its full stop
    "actors/sectors.yaml": ("  COP: police", "  Cop: police"),  # a code is three capitals
    "time_rules.yaml": ("window: 45", "window: wide"),
    # a range that is not two hexadecimal code points
    "search/unspaced_scripts.yaml": ('ranges: ["0E00-0E7F"]', 'ranges: ["0E00..0E7F"]'),
    "boilerplate.yaml": ("max_outlet_words: 4", "max_outlet_words: four"),
    "ingest/jsonl_fields.yaml": ("html: [html, raw_html]", "html: html"),
    "plover_quads.yaml": ('colour: "#4c9f70"', "colour: green"),
    "export/gdelt.yaml": ("  verbal_cooperation: 1", "  verbal_cooperation: one"),
    "stories/brief.yaml": ("  - he", "  - no"),
    "stories/event_places.yaml": ("  - near", "  - {near: 1}"),
    "kb/additions.yaml": ("roles: [{country: MEX, sector: PTY}]", "roles: [{country: mex}]"),
    "actors/regions.yaml": ("  Scottish: GBR", "  Scottish: gbr"),
    "months.yaml": (
        "  - {name: may, short: [], common_word: true}",
        "  - {name: may, short: [], common_word: maybe}",
    ),
}
YAML_FILES = sorted(p for p in DATA_FILES if p.endswith(".yaml"))


def test_every_data_file_has_a_schema() -> None:
    shipped = {str(p.relative_to(DATA)) for p in DATA.rglob("*") if p.is_file()}
    assert shipped == set(DATA_FILES) | WEIGHTS | NOTICES | COMPILED


@pytest.mark.parametrize("path", sorted(DATA_FILES))
def test_shipped_file_loads(path: str) -> None:
    _, loader = DATA_FILES[path]
    assert loader()


def _copy(path: str, tmp_path: Path) -> Path:
    copy = tmp_path / Path(path).name
    copy.write_text((DATA / path).read_text(encoding="utf-8"), encoding="utf-8")
    return copy


def _load(copy: Path, schema: type[BaseModel]) -> Any:
    if copy.suffix == ".tsv":
        return load_tsv_file(copy, schema)
    return load_file(copy, schema)


def _error(copy: Path, schema: type[BaseModel]) -> str:
    with pytest.raises(DataFileError) as raised:
        _load(copy, schema)
    return str(raised.value)


def _line_of(text: str, fragment: str) -> int:
    """The 1-based line of the first line holding `fragment`."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


@pytest.mark.parametrize("path", YAML_FILES)
def test_unknown_key_fails_at_load_with_file_and_line(path: str, tmp_path: Path) -> None:
    schema, _ = DATA_FILES[path]
    copy = _copy(path, tmp_path)
    text = copy.read_text(encoding="utf-8").rstrip("\n") + "\n"
    if text.lstrip("\n").startswith("-") or "\n- " in text:  # a list of entries
        text += "- {lemma: talk, type: CONSULT, example: Talks., taget_preps: [with]}\n"
        typo = "taget_preps"
    else:
        text += "colour_of_the_sky: blue\n"
        typo = "colour_of_the_sky"
    copy.write_text(text, encoding="utf-8")
    error = _error(copy, schema)
    assert f"{copy}:{len(text.splitlines())}: " in error
    assert typo in error and "unknown key" in error


@pytest.mark.parametrize("path", YAML_FILES)
def test_wrong_type_fails_at_load_with_file_and_line(path: str, tmp_path: Path) -> None:
    schema, _ = DATA_FILES[path]
    copy = _copy(path, tmp_path)
    text = copy.read_text(encoding="utf-8")
    right, wrong = WRONG_TYPES[path]
    assert right in text
    line = _line_of(text, right)
    copy.write_text(text.replace(right, wrong, 1), encoding="utf-8")
    assert f"{copy}:{line}: " in _error(copy, schema)


def test_bad_tsv_rows_fail_at_load_with_file_and_line(tmp_path: Path) -> None:
    schema, _ = DATA_FILES["actors/transliteration.tsv"]
    copy = _copy("actors/transliteration.tsv", tmp_path)
    text = copy.read_text(encoding="utf-8")
    broken = text.replace("^yevg\tevg", "^yevg(\tevg").replace("ks\tx", "ks\tx\tz")
    copy.write_text(broken, encoding="utf-8")
    regex_line, columns_line = _line_of(text, "^yevg\tevg"), _line_of(text, "ks\tx")
    error = _error(copy, schema)
    assert f"{copy}:{regex_line}: pattern: " in error  # no valid regular expression
    assert f"{copy}:{columns_line}: 3 columns" in error


def test_bad_agent_rows_fail_at_load_with_file_and_line(tmp_path: Path) -> None:
    schema, _ = DATA_FILES["actors/agents.tsv"]
    copy = _copy("actors/agents.tsv", tmp_path)
    text = copy.read_text(encoding="utf-8")
    broken = text.replace("police\tCOP\tafter", "police\tCO\tafter", 1)
    broken = broken.replace("rebels\tREB\tafter", "rebels\tREB\tbeside", 1)
    copy.write_text(broken, encoding="utf-8")
    code_line, placement_line = _line_of(text, "police\tCOP\t"), _line_of(text, "rebels\tREB\t")
    error = _error(copy, schema)
    assert f"{copy}:{code_line}: codes: " in error  # not three-letter codes
    assert f"{copy}:{placement_line}: placement: " in error


# ------------------------------------------------------------------ the mechanism


class Entry(DataModel):
    name: str
    count: int = 0


class Table(DataModel):
    entries: list[Entry]
    words: tuple[str, ...] = ()


def test_problems_name_their_line_and_place() -> None:
    text = "entries:\n  - name: a\n  - name: b\n    count: many\n  - count: 2\nwords: [x, off]\n"
    with pytest.raises(DataFileError) as raised:
        parse_yaml(text, Table, "t.yaml")
    lines = str(raised.value).splitlines()
    assert lines[0].startswith("t.yaml:4: entries.1.count: ")
    assert lines[1] == "t.yaml:5: entries.2.name: missing key"
    assert lines[2].startswith("t.yaml:6: words.1: ") and "quote it" in lines[2]


def test_duplicate_keys_are_errors() -> None:
    text = "entries: []\nwords: [a]\nwords: [b]\n"
    with pytest.raises(DataFileError, match=r"t.yaml:3: duplicate key 'words' \(first at line 2\)"):
        parse_yaml(text, Table, "t.yaml")


def test_yaml_syntax_error_names_its_line() -> None:
    with pytest.raises(DataFileError, match=r"^t.yaml:4: .*\(while parsing .* at line 3\)"):
        parse_yaml("entries:\n  - name: a\n  - name: [b\n", Table, "t.yaml")


def test_valid_file_loads_typed_and_frozen() -> None:
    table = parse_yaml("entries:\n  - {name: a, count: 2}\n", Table, "t.yaml")
    assert table.entries == [Entry(name="a", count=2)]
    with pytest.raises(ValueError):
        table.entries[0].count = 3  # type: ignore[misc]


def test_plain_loading_validates_and_keeps_the_yaml_data() -> None:
    rules = load_plain("time_rules.yaml", TimeRules)
    assert isinstance(rules, dict) and isinstance(rules["rules"], list)
    assert rules == engine.rules_data()
