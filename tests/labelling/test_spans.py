"""Words written while labelling become offsets."""

from __future__ import annotations

import json

import pytest
from tests.labelling.conftest import World, sentence_row
from tools.labelling.spans import find_span, resolve_file


def test_words_become_their_offsets():
    text = "The police said the police arrested two men."
    assert find_span(text, "police") == (4, 10)
    assert find_span(text, "police#2") == (20, 26)
    assert find_span(text, "two men") == (36, 43)
    assert find_span("Room #3 was searched", "Room #3") == (0, 7)


def test_missing_words_are_an_error():
    with pytest.raises(ValueError, match="not in the sentence"):
        find_span("Rebels attacked.", "soldiers")
    with pytest.raises(ValueError, match="occurrence 2"):
        find_span("Rebels attacked.", "Rebels#2")


def test_a_file_is_resolved_in_place(world: World):
    good = sentence_row(world, "1_1ecb", 0, "anna", scope="in", events=[
        {"type": "ASSAULT", "trigger": "attacked", "source": "Rebels", "target": "a border post",
         "time": "Monday", "date_from": "clause"}
    ])  # fmt: skip
    bad = sentence_row(world, "1_1ecb", 1, "anna", scope="in", events=[
        {"type": "THREATEN", "trigger": "threatened"}
    ])  # fmt: skip
    path = world.write("anna", "b01", [good, bad])
    problems = resolve_file(path, world.shared)
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    assert rows[0]["events"][0]["trigger"] == [7, 15]
    assert rows[0]["events"][0]["target"] == [16, 29]
    assert rows[0]["events"][0]["time"] == [33, 39]
    assert len(problems) == 1 and ":2:" in problems[0]
    assert rows[1]["events"][0]["trigger"] == "threatened"  # left for check.py to refuse
