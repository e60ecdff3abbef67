"""The label format: one JSON line per article and per sentence of a batch.

A sentence line::

    {"id": "ecb:1_1ecb:0-48", "sha": "3f2a9c01de", "labeller": "anna", "scope": "in",
     "events": [{"type": "ACCUSE", "mode": "allege", "trigger": [10, 17],
                 "source": [0, 9], "source_note": null, "target": [18, 25],
                 "target_note": null, "time": null, "date": null, "date_from": null,
                 "modality": "asserted", "negated": false}]}

An article line: ``{"article": "ecb:1_1ecb", "labeller": "anna", "scope": "in"}``.

Offsets are characters of the sentence text (``text[start:end]`` of the article text,
start inclusive, end exclusive), never copied words. Modality uses crosswire's own values
(``crosswire.model.Modality``) so that an evaluation maps 1:1; ``date_from`` is finer than
crosswire's (``CROSSWIRE_DATE_FROM`` maps it).
"""

from __future__ import annotations

import json
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

# The 16 PLOVER types (2021 manual) and their modes, as identifiers; a test checks them
# against ../shared/bench/events/plover-ontology.json.
PLOVER_MODES: dict[str, tuple[str, ...]] = {
    "AGREE": (),
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "SUPPORT": (),
    "CONCEDE": (),
    "COOPERATE": (),
    "AID": (),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": (
        "seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
        "withhold", "misinformation", "cyber",
    ),
    "ASSAULT": (
        "abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive",
        "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
        "crowd-control", "unconventional",
    ),
}  # fmt: skip

Scope = Literal["in", "out", "other-language"]
Modality = Literal["asserted", "planned", "hypothetical", "denied", "reported"]  # crosswire's
DateFrom = Literal["clause", "sentence", "publication"]
ArgumentNote = Literal["pronoun", "other-sentence", "unstated", "none"]
CROSSWIRE_DATE_FROM = {"clause": "text", "sentence": "text", "publication": "published"}
DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
LABELLER = r"^[a-z][a-z0-9_-]{1,31}$"
SPAN_NOTES = {None, "pronoun"}  # notes allowed beside a span; the others replace it

Span = tuple[int, int]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EventLabel(Strict):
    type: Literal[tuple(PLOVER_MODES)]  # type: ignore[valid-type]
    mode: str | None = None
    trigger: Span
    source: Span | None = None
    source_note: ArgumentNote | None = None
    target: Span | None = None
    target_note: ArgumentNote | None = None
    time: Span | None = None  # the time expression that dates the event, if any
    date: str | None = None
    date_from: DateFrom | None = None
    modality: Modality = "asserted"
    negated: bool = False

    @model_validator(mode="after")
    def _consistent(self) -> EventLabel:
        problems = [
            *self._mode_problems(),
            *_argument_problems("source", self.source, self.source_note),
            *_argument_problems("target", self.target, self.target_note),
            *self._date_problems(),
        ]
        if self.modality == "denied" and not self.negated:
            problems.append("modality 'denied' needs negated: true")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def _mode_problems(self) -> list[str]:
        if self.mode is not None and self.mode not in PLOVER_MODES[self.type]:
            allowed = ", ".join(PLOVER_MODES[self.type]) or "none"
            return [f"mode {self.mode!r} is not a {self.type} mode (allowed: {allowed})"]
        return []

    def _date_problems(self) -> list[str]:
        problems = []
        if self.date is not None and not DATE.match(self.date):
            problems.append(f"date {self.date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        if self.date is not None and self.date_from is None:
            problems.append("a date needs date_from")
        if self.time is not None and self.date_from not in ("clause", "sentence"):
            problems.append("a time span needs date_from 'clause' or 'sentence'")
        if self.date_from in ("clause", "sentence") and self.time is None:
            problems.append(f"date_from {self.date_from!r} needs the time span")
        if self.date_from == "publication" and self.time is not None:
            problems.append("date_from 'publication' takes no time span")
        return problems

    def spans(self) -> dict[str, Span]:
        named = {"trigger": self.trigger, "source": self.source, "target": self.target}
        named["time"] = self.time
        return {name: span for name, span in named.items() if span is not None}


def _argument_problems(role: str, span: Span | None, note: str | None) -> list[str]:
    if span is None and note in SPAN_NOTES:
        return [f"{role} is null: {role}_note must say why (other-sentence, unstated, none)"]
    if span is not None and note not in SPAN_NOTES:
        return [f"{role} has a span: {role}_note must be null or 'pronoun', not {note!r}"]
    return []


class SentenceLabel(Strict):
    id: str = Field(pattern=r"^(extraction|pubdate|ecb|te3):[^:]+:\d+-\d+$")
    sha: str = Field(pattern=r"^[0-9a-f]{10}$")
    labeller: str = Field(pattern=LABELLER)
    scope: Scope
    events: list[EventLabel] = Field(default_factory=list)
    comment: str | None = Field(default=None, max_length=200)

    @model_validator(mode="after")
    def _events_in_scope(self) -> SentenceLabel:
        if self.events and self.scope != "in":
            raise ValueError(f"scope {self.scope!r} takes no events")
        return self

    @property
    def article(self) -> str:
        return self.id.rsplit(":", 1)[0]

    @property
    def bounds(self) -> Span:
        start, end = self.id.rsplit(":", 1)[1].split("-")
        return int(start), int(end)


class ArticleLabel(Strict):
    article: str = Field(pattern=r"^(extraction|pubdate|ecb|te3):[^:]+$")
    labeller: str = Field(pattern=LABELLER)
    scope: Scope
    comment: str | None = Field(default=None, max_length=200)


def parse_line(line: str) -> SentenceLabel | ArticleLabel:
    """One JSONL line as a label; ``pydantic.ValidationError`` or ``ValueError`` if bad."""
    data = json.loads(line)
    if isinstance(data, dict) and "article" in data:
        return ArticleLabel.model_validate(data)
    return SentenceLabel.model_validate(data)


def json_schema() -> dict[str, Any]:
    """The JSON schema of a sentence line and an article line (docs and other tools)."""
    return {
        "sentence": SentenceLabel.model_json_schema(),
        "article": ArticleLabel.model_json_schema(),
    }


if __name__ == "__main__":
    print(json.dumps(json_schema(), indent=1))
