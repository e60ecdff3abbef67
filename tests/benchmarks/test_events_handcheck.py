"""The events hand check's scoring (benchmarks/events_handcheck_scoring.py) and its sample
file handling (events_handcheck.py) on tiny made-up verdicts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import events_handcheck
from crosswire.model import ActorRef, EventMention
from events_handcheck_scoring import score, wilson


def verdict(**changes: Any) -> dict[str, Any]:
    right = {
        "in_scope": True,
        "type_right": True,
        "source_right": True,
        "target_right": True,
        "date": "right",
        "modality_right": True,
        "usable": True,
        "errors": [],
    }
    return {**right, **changes}


def row(type_: str, judged: dict[str, Any] | None) -> dict[str, Any]:
    return {"id": f"ecb:x:{type_}", "coded": {"type": type_}, "verdict": judged}


ROWS = [
    row("ASSAULT", verdict()),
    row("ASSAULT", verdict(target_right=False, usable=False, errors=["actor_missing"])),
    row(
        "PROTEST",
        verdict(
            in_scope=False,
            type_right=False,
            source_right=False,
            target_right=False,
            usable=False,
            date="not_judgeable",
            errors=["out_of_scope", "word_sense"],
        ),
    ),
    row(
        "CONSULT",
        verdict(date="wrong", modality_right=False, errors=["wrong_date", "negation_hypothetical"]),
    ),
    row("AGREE", None),  # not judged yet: left out
]


def test_precision_counts_every_judged_event_and_dates_only_judgeable_ones() -> None:
    figures = score(ROWS)
    precision = figures["precision"]
    assert (figures["events"], figures["judged"]) == (5, 4)
    assert precision["in_scope"]["hits"] == 3 and precision["in_scope"]["n"] == 4
    assert precision["target_right"]["rate"] == 0.5
    assert precision["usable"]["rate"] == 0.5
    assert precision["modality_right"]["rate"] == 0.75
    assert precision["date_right"] == {**precision["date_right"], "hits": 2, "n": 3}
    assert figures["dates"] == {"right": 2, "wrong": 1, "not_judgeable": 1}
    assert figures["errors"]["out_of_scope"] == 1
    assert figures["errors"]["actor_missing"] == 1
    assert figures["errors"]["negation_hypothetical"] == 1
    assert figures["errors"]["wrong_actor"] == 0
    assert figures["by_type"]["ASSAULT"] == {
        "judged": 2,
        "in_scope": 2,
        "type_right": 2,
        "usable": 1,
    }


def test_wilson_interval_matches_the_issue_table() -> None:
    # issue 19: 14 usable of 80 -> 17.5% (11-27)
    low, high = wilson(14, 80) or (0.0, 0.0)
    assert (round(low * 100), round(high * 100)) == (11, 27)
    assert wilson(0, 0) is None
    assert wilson(10, 10) == (pytest.approx(0.722, abs=1e-3), 1.0)


@pytest.mark.parametrize(
    "bad",
    [
        verdict(usable=False),  # usable must be type, source and target all right
        verdict(date="maybe"),
        verdict(errors=["typo"]),
        verdict(date="wrong"),  # a wrong date without its class
        verdict(modality_right=False),  # a wrong modality without its class
        verdict(in_scope=None),
    ],
)
def test_a_verdict_outside_the_guideline_is_refused(bad: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        score([row("AID", bad)])


def event(article: str, start: int) -> EventMention:
    return EventMention(article, "ACCUSE", start, start + 3, 0, 20)


def test_the_draw_is_seeded_and_takes_at_most_two_events_per_article() -> None:
    coded = {f"a{i}": [event(f"a{i}", s) for s in range(0, 50, 5)] for i in range(60)}
    first = events_handcheck.draw(coded, seed=3)
    assert [e.id for e in first] == [e.id for e in events_handcheck.draw(coded, seed=3)]
    assert len(first) == events_handcheck.SAMPLE_SIZE
    per_article: dict[str, int] = {}
    for e in first:
        per_article[e.article_id] = per_article.get(e.article_id, 0) + 1
    assert max(per_article.values()) == events_handcheck.PER_ARTICLE


def test_rows_hold_offsets_and_coded_fields_but_no_text(tmp_path: Path) -> None:
    text = "Police arrested Jo Smith on Monday in town."
    coded = EventMention("ecb:1", "COERCE", 7, 15, 0, len(text), mode="arrest")
    coded.target = ActorRef("person:jo smith", "Jo Smith")
    line = events_handcheck.as_row(coded, text)
    assert line["sentence"] == [0, len(text)] and line["trigger"] == [7, 15]
    assert line["coded"]["target"] == {"name": "Jo Smith", "country": None}
    assert "Police arrested" not in json.dumps(line)

    path = tmp_path / "sample.jsonl"
    events_handcheck.write_rows(path, {"sample": {}}, [line])
    assert not events_handcheck.has_verdicts(path)
    verdicts = tmp_path / "verdicts.jsonl"
    verdicts.write_text(json.dumps({"id": line["id"], "verdict": verdict()}) + "\n")
    events_handcheck.fill(verdicts, path)
    assert events_handcheck.has_verdicts(path)
    with pytest.raises(SystemExit):  # a judged sample is never overwritten
        events_handcheck.sample(path)


def test_a_later_sample_draws_from_pages_no_earlier_one_used(tmp_path: Path, monkeypatch) -> None:
    class Page:
        def __init__(self, key: str) -> None:
            self.key = key

    pages = [Page(k) for k in ("ecb:a", "ecb:b", "ecb:c", "ecb:d")]
    monkeypatch.setattr(events_handcheck, "read_articles", lambda shared, kind: pages)
    monkeypatch.setattr(events_handcheck, "labelled_articles", lambda: {"ecb:a"})
    earlier = tmp_path / "first.jsonl"
    rows = [{"id": "ecb:c:1-2:AID", "article": "ecb:c", "verdict": None}]
    events_handcheck.write_rows(earlier, {"sample": {}}, rows)
    assert events_handcheck.unlabelled(tmp_path) == ["ecb:b", "ecb:c", "ecb:d"]
    assert events_handcheck.unlabelled(tmp_path, "ecb", [earlier]) == ["ecb:b", "ecb:d"]


def test_two_judges_agreement_is_per_verdict_with_kappa() -> None:
    from events_handcheck_scoring import agreement

    first = {"a": verdict(), "b": verdict(), "c": verdict(target_right=False, usable=False)}
    second = {"b": verdict(), "c": verdict(), "d": verdict()}  # only b and c are shared
    figures = agreement(first, second)
    assert figures["events"] == 2
    usable = figures["verdicts"]["usable"]
    assert (usable["alike"], usable["n"]) == (1, 2)
    assert usable["kappa"] == 0.0  # one judge always said usable: agreement is chance
    assert figures["verdicts"]["in_scope"] == {"alike": 2, "n": 2, "kappa": None}


def test_a_later_sample_carries_the_verdicts_of_identical_events_only(tmp_path: Path) -> None:
    def row(ident: str, type_: str, judged: bool) -> dict:
        coded = {"type": type_, "source": {"name": "Police", "country": None}}
        return {
            "id": ident,
            "article": "ecb:a",
            "sha": "s1",
            "coded": coded,
            "verdict": verdict() if judged else None,
        }

    earlier, later = tmp_path / "earlier.jsonl", tmp_path / "later.jsonl"
    events_handcheck.write_rows(
        earlier,
        {"sample": {}},
        [row("ecb:a:1-2:COERCE", "COERCE", True), row("ecb:a:5-9:AID", "AID", True)],
    )
    # the first event is coded alike; the second now has another type; the third is new
    events_handcheck.write_rows(
        later,
        {"sample": {}},
        [
            row("ecb:a:1-2:COERCE", "COERCE", False),
            row("ecb:a:5-9:AID", "SUPPORT", False),
            row("ecb:a:20-25:ASSAULT", "ASSAULT", False),
        ],
    )
    events_handcheck.carry(earlier, later)
    rows = events_handcheck.read_rows(later)[1]
    assert [r["verdict"] is not None for r in rows] == [True, False, False]
    assert rows[0]["carried_from"].endswith("earlier.jsonl")
