"""What went wrong, counted: the error classes and the type confusion of the real-news
benchmark (`benchmarks/events_real.py`), to guide the work on the coder.

Every coded event that is not usable and every labelled event not found gets one or more
classes, decided from the labels and crosswire's own output only:

- a coded event in a sentence labelled ``out`` (per page kind) or ``other-language``;
  in an ``in`` sentence with no labelled event; or beside labelled events it matches none
  of ("extra event");
- matched with another type: "wrong type" (and a cell of the confusion);
- matched with the right type, for the source and the target each: missing (coded None,
  the label has a span), given where the label has none (with the label's note), or wrong,
  refined where crosswire's mentions show why: a self-loop (source and target the same
  actor), a dateline (the actor's mention is an upper-case word opening its sentence), a
  title read as a place ("Sen."), a cited medium (a MEDIA mention), source and target
  swapped;
- date: missing, wrong, the publication date where the label dates the event from the text,
  a date where the label has none, a date outside the exported format;
- modality (coded for labelled) and negation wrong;
- a labelled event not matched: nothing coded in its sentence, or other events coded there.

Wrong word sense cannot be told apart automatically from other spurious events: the
trigger words of unmatched coded events are counted instead (`spurious_triggers`: the
first word of each trigger, lower-cased; no longer quotation), where a word such as "strike"
or "meet" shows it.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from crosswire.model import ActorRef, EventMention, Mention
from events_real_scoring import (
    NOT_IN_SCOPE,
    Argument,
    Case,
    Found,
    GoldEvent,
    Judged,
    actor_right,
    judge_case,
)

DATE_FORMAT = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# "Sen. Smith", "Gov. Jones": a short capitalised word, a full stop, a name (not "U.S.")
TITLE = re.compile(r"[A-Z][a-z]{1,3}\. +[A-Z]")
DATELINE_REACH = 3  # a dateline's mention starts within this many words of its sentence
TOP_CLASSES = 30
EXAMPLES = 3


def classify(cases: list[Case], found: dict[str, Found]) -> dict[str, Any]:
    """The error classes (the `TOP_CLASSES` most frequent, with example sentence ids), the
    type confusion and the trigger words of spurious events, over `cases`."""
    classes: dict[str, list[str]] = {}
    confusion: Counter[tuple[str, str]] = Counter()
    triggers: Counter[str] = Counter()
    for case in cases:
        article = found[case.article]
        judged = judge_case(case, article)
        for name in case_errors(case, judged, article, confusion, triggers):
            classes.setdefault(name, []).append(case.id)
    ranked = sorted(classes.items(), key=lambda item: (-len(item[1]), item[0]))
    return {
        "classes": [
            {"class": name, "n": len(ids), "examples": sorted(set(ids))[:EXAMPLES]}
            for name, ids in ranked[:TOP_CLASSES]
        ],
        "confusion": [
            {"labelled": gold, "coded": coded, "n": n}
            for (gold, coded), n in sorted(confusion.items(), key=lambda i: (-i[1], i[0]))
        ],
        "spurious_triggers": dict(triggers.most_common(40)),
    }


def case_errors(
    case: Case,
    judged: list[Judged],
    found: Found,
    confusion: Counter[tuple[str, str]],
    triggers: Counter[str],
) -> list[str]:
    """The error classes of one sentence; `confusion` and `triggers` are counted on."""
    errors: list[str] = []
    matched = {id(j.coded) for j in judged}
    for event in case.coded:
        if id(event) not in matched:
            errors.append(unmatched_class(case))
            triggers[first_word(event.trigger)] += 1
            confusion["(none)", event.type] += case.scope == "in"
    found_gold = {id(j.gold) for j in judged}
    for gold in case.gold:
        if id(gold) not in found_gold:
            errors.append(
                "missed event: nothing coded in its sentence"
                if not case.coded
                else "missed event: other events coded in its sentence"
            )
            confusion[gold.type, "(none)"] += 1
    for pair in judged:
        if not pair.type:
            confusion[pair.gold.type, pair.coded.type] += 1
            errors.append("wrong type")
            continue
        errors += pair_errors(pair, case, found)
    return errors


def unmatched_class(case: Case) -> str:
    if case.scope == "other-language":
        return "event in an other-language sentence"
    if case.scope in NOT_IN_SCOPE:
        return f"event in an out-of-scope sentence ({case.page})"
    if not case.gold:
        return "event in an in-scope sentence without events"
    return "extra event beside the labelled ones"


def pair_errors(pair: Judged, case: Case, found: Found) -> list[str]:
    """The argument, date, modality and negation errors of a pair of the right type."""
    coded, gold = pair.coded, pair.gold
    errors: list[str] = []
    if not pair.source:
        errors.append(argument_error("source", coded, gold, case, found))
    if not pair.target:
        errors.append(argument_error("target", coded, gold, case, found))
    errors += date_errors(coded, gold)
    if coded.modality != gold.modality:
        errors.append(f"modality {coded.modality} for {gold.modality}")
    if coded.negated != gold.negated:
        errors.append("negated" if coded.negated else "negation missed")
    return errors


def argument_error(
    role: str, coded: EventMention, gold: GoldEvent, case: Case, found: Found
) -> str:
    actor: ActorRef | None = getattr(coded, role)
    label: Argument = getattr(gold, role)
    if label.span is None and actor is not None:
        return f"{role} given where the label has none ({label.note})"
    if actor is None:
        return f"{role} missing" + (" (pronoun)" if label.note == "pronoun" else "")
    if (
        coded.source is not None
        and coded.target is not None
        and coded.source.key == coded.target.key
    ):
        return "self-loop"
    why = _why_wrong(actor, case, found)
    if why:
        return f"{why} as {role}"
    other = "target" if role == "source" else "source"
    if actor_right(actor, getattr(gold, other), found) and not gold.unordered:
        return "source and target swapped"
    return f"wrong {role}"


def _why_wrong(actor: ActorRef, case: Case, found: Found) -> str | None:
    """What the actor's mentions in the sentence show: a dateline, a title, a medium."""
    start, end = case.bounds
    mentions = [m for m in found.mentions if m.actor.key == actor.key and start <= m.start < end]
    if any(_dateline(m, found) for m in mentions):
        return "dateline"
    if any(m.type in {"COUNTRY", "PLACE"} and _title(m, found.text, end) for m in mentions):
        return "title read as a place"
    if any(m.type == "MEDIA" for m in mentions):
        return "cited medium"
    return None


def _dateline(mention: Mention, found: Found) -> bool:
    opening = next((a for a, b in found.sentences if a <= mention.start < b), 0)
    words_before = len(found.text[opening : mention.start].split())
    return mention.text.isupper() and len(mention.text) > 1 and words_before < DATELINE_REACH


def _title(mention: Mention, text: str, sentence_end: int) -> bool:
    """The mention is a title before a name in the same sentence ("Sen. Smith")."""
    found = TITLE.match(text, mention.start, sentence_end)
    return found is not None and found.start() == mention.start


def date_errors(coded: EventMention, gold: GoldEvent) -> list[str]:
    errors = []
    if coded.date is not None and not DATE_FORMAT.match(coded.date):
        errors.append("date outside the format")
    if gold.date is None:
        if coded.date is not None and gold.date_from is None:
            errors.append("dated where the label has no date")
        return errors
    if coded.date is None:
        errors.append("date missing")
    elif coded.date != gold.date:
        text_dated = gold.date_from in {"clause", "sentence"}
        errors.append(
            "publication date where the text dates it"
            if text_dated and coded.date_from == "published"
            else "wrong date"
        )
    return errors


def self_loop(event: EventMention) -> bool:
    return (
        event.source is not None and event.target is not None
        and event.source.key == event.target.key
    )  # fmt: skip


def first_word(trigger: str) -> str:
    words = trigger.lower().split()
    return words[0] if words else ""
