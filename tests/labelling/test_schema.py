"""The label format: what it accepts and what it refuses."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError
from tests.labelling.conftest import event
from tools.labelling.schema import (
    CROSSWIRE_DATE_FROM,
    PLOVER_MODES,
    ArticleLabel,
    SentenceLabel,
    json_schema,
    parse_line,
)

SID = "ecb:1_1ecb:0-40"


def sentence(**fields) -> str:
    row = {"id": SID, "sha": "0123456789", "labeller": "anna", "scope": "in", "events": []}
    row.update(fields)
    return json.dumps(row)


def test_a_full_label_parses_with_its_spans():
    label = parse_line(sentence(events=[event()]))
    assert isinstance(label, SentenceLabel)
    assert label.events[0].spans() == {
        "trigger": (7, 15), "source": (0, 6), "target": (16, 29), "time": (33, 39)
    }  # fmt: skip
    assert label.article == "ecb:1_1ecb" and label.bounds == (0, 40)


def test_an_article_line_parses():
    label = parse_line(json.dumps({"article": "ecb:1_1ecb", "labeller": "anna", "scope": "out"}))
    assert isinstance(label, ArticleLabel) and label.scope == "out"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"mode": "beat", "type": "ACCUSE"}, "not a ACCUSE mode"),
        ({"mode": "visit", "type": "AGREE"}, "allowed: none"),
        ({"date": "13"}, "not YYYY"),
        ({"date": "2019-SU"}, "not YYYY"),
        ({"date": "2019-13"}, "not YYYY"),
        ({"modality": "denied"}, "needs negated"),
        ({"source": None}, "source_note must say why"),
        ({"target_note": "unstated"}, "target_note must be null or 'pronoun'"),
        ({"date_from": "publication"}, "takes no time span"),
        ({"time": None}, "needs the time span"),
        ({"date": "2024", "date_from": None, "time": None}, "needs date_from"),
    ],
)
def test_inconsistent_events_are_refused(fields: dict, message: str):
    with pytest.raises(ValidationError, match=message):
        parse_line(sentence(events=[event(**fields)]))


@pytest.mark.parametrize(
    "fields",
    [
        {"type": "FIGHT"},  # a PLOVER 0.5 name, not a 2021 type
        {"modality": "future"},  # not one of crosswire's values
        {"trigger": "attacked"},  # words must be resolved into offsets first
        {"extra": 1},
    ],
)
def test_unknown_values_and_fields_are_refused(fields: dict):
    with pytest.raises(ValidationError):
        parse_line(sentence(events=[event(**fields)]))


def test_out_of_scope_sentences_take_no_events():
    with pytest.raises(ValidationError, match="takes no events"):
        parse_line(sentence(scope="out", events=[event()]))
    assert parse_line(sentence(scope="other-language")).scope == "other-language"


def test_ids_labellers_and_hashes_have_one_shape():
    for bad in ({"id": "ecb:1_1ecb"}, {"labeller": "Anna Smith"}, {"sha": "xyz"}):
        with pytest.raises(ValidationError):
            parse_line(sentence(**bad))


def test_reciprocal_and_missing_arguments_are_expressible():
    label = parse_line(
        sentence(events=[event(type="CONSULT", target=None, target_note="none", source_note=None)])
    )
    assert label.events[0].target is None and label.events[0].target_note == "none"
    label = parse_line(sentence(events=[event(source_note="pronoun")]))
    assert label.events[0].source_note == "pronoun"


def test_date_from_maps_onto_crosswires_values():
    assert set(CROSSWIRE_DATE_FROM.values()) == {"text", "published"}


def test_the_json_schema_names_the_fields():
    schema = json_schema()
    assert "events" in schema["sentence"]["properties"]
    assert "scope" in schema["article"]["properties"]


def test_modality_values_are_crosswires():
    from typing import get_args

    from tools.labelling.schema import Modality as LabelModality

    from crosswire.model import Modality

    assert set(get_args(LabelModality)) == set(get_args(Modality))


def test_types_and_modes_follow_the_plover_ontology(shared):
    ontology = json.loads((shared / "bench/events/plover-ontology.json").read_text("utf-8"))
    expected = {name: set(t["modes"]) for name, t in ontology["event_types"].items()}
    assert {name: set(modes) for name, modes in PLOVER_MODES.items()} == expected
