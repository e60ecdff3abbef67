"""The rule engine: compile the YAML rules once, match, keep the longest, resolve."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import Any

from crosswire.datafiles import load_plain
from crosswire.model import TimeExpr
from crosswire.timex import resolvers
from crosswire.timex.data import TimeRules
from crosswire.timex.months import month_words


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    resolve: str | dict[str, str]
    span: str | None
    anaphoric: bool = False
    near: tuple[str, ...] = ()


@cache
def rules_data() -> dict[str, Any]:
    return load_plain("time_rules.yaml", TimeRules)  # checked; still read by key


def _expand(pattern: str) -> str:
    """Replace each {name} in a pattern by the alternation of that word list (the month
    lists come from ``data/months.yaml``)."""
    words = rules_data()["words"] | month_words()
    return re.sub(r"\{([a-z_]+)\}", lambda m: f"(?:{words[m.group(1)]})", pattern)


@cache
def compiled_rules() -> tuple[Rule, ...]:
    rules = []
    for rule in rules_data()["rules"]:
        regex = re.compile(_expand(rule["pattern"]), re.IGNORECASE)
        rules.append(
            Rule(
                rule["name"],
                regex,
                rule["resolve"],
                rule.get("span"),
                rule.get("anaphoric", False),
                tuple(rule.get("near") or rules_data()["triggers"]),
            )
        )
    return tuple(rules)


@cache
def tense_cues() -> re.Pattern[str]:
    """Words that tell whether a clause speaks of the past or of the future."""
    cues = rules_data()["tense_cues"]
    return re.compile(
        rf"\b(?:(?P<future>{cues['future']})|(?P<past>{cues['past']}))\b", re.IGNORECASE
    )


@cache
def blockers() -> re.Pattern[str]:
    """Spans that are never time expressions (ages, rates, fractions)."""
    patterns = (f"(?:{_expand(p)})" for p in rules_data()["not_times"])
    return re.compile("|".join(patterns), re.IGNORECASE)


def tense_near(text: str, start: int, end: int) -> str | None:
    """'future' or 'past' from the nearest tense cue in the same sentence: first in the few
    words before the expression ("will meet on Monday", "announced Wednesday"), else in
    the few words after it ("On Tuesday, the envoys will ...")."""
    before = re.split(r"[.;:!?\n]", text[max(0, start - 80) : start])[-1]
    cues = list(tense_cues().finditer(before))
    if cues:
        return cues[-1].lastgroup
    after = re.split(r"[.;:!?\n]", text[end : end + 50])[0]
    cue = tense_cues().search(after)
    return cue.lastgroup if cue else None


@cache
def trigger_classes() -> dict[str, re.Pattern[str]]:
    return {
        name: re.compile(_expand(pattern), re.IGNORECASE)
        for name, pattern in rules_data()["triggers"].items()
    }


@lru_cache(maxsize=65536)
def classes_of(word: str) -> tuple[str, ...]:
    """The trigger classes a (lower-cased) word belongs to."""
    return tuple(name for name, pattern in trigger_classes().items() if pattern.fullmatch(word))


WORD = re.compile(r"[^\W\d_]+|\d+")


def windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each trigger class, the stretches of text around its words, merged and widened
    to whole words: the only places where the rules near that class can match (most of a
    news text has no time words, and a word is classified once per process)."""
    reach = rules_data()["window"]
    merged: dict[str, list[list[int]]] = {}
    for found in WORD.finditer(text):
        for name in classes_of(found.group(0).lower()):
            start, end = max(0, found.start() - reach), min(len(text), found.end() + reach)
            spans = merged.setdefault(name, [])
            if spans and start <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], end)
            else:
                spans.append([start, end])
    return {
        name: [(_word_start(text, start), _word_end(text, end)) for start, end in spans]
        for name, spans in merged.items()
    }


def _rule_windows(rule: Rule, spans: dict[str, list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """The windows of a rule's trigger classes, merged."""
    found = sorted(span for name in rule.near for span in spans.get(name, ()))
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _word_start(text: str, index: int) -> int:
    while index > 0 and not text[index - 1].isspace():
        index -= 1
    return index


def _word_end(text: str, index: int) -> int:
    while index < len(text) and not text[index].isspace():
        index += 1
    return index


def find_times(text: str, published: str | None) -> list[TimeExpr]:
    """Every time expression in `text`, resolved against `published` (YYYY-MM-DD or None)."""
    anchor = date.fromisoformat(published) if published else None
    spans = windows(text)
    blocked = [
        m.span() for lo, hi in spans.get("unit", ()) for m in blockers().finditer(text, lo, hi)
    ]
    candidates = []
    for rule in compiled_rules():
        for lo, hi in _rule_windows(rule, spans):
            for match in rule.regex.finditer(text, lo, hi):
                start, end = _span(match, rule)
                if end > start and not _is_blocked(start, end, blocked):
                    candidates.append((start, end, rule, match))
    found: list[tuple[TimeExpr, Rule, re.Match[str]]] = []
    taken: list[tuple[int, int]] = []
    order = {rule.name: i for i, rule in enumerate(compiled_rules())}
    for start, end, rule, match in sorted(
        candidates, key=lambda c: (-(c[1] - c[0]), order[c[2].name], c[0])
    ):
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        tense = tense_near(text, start, end)
        try:
            resolved = resolvers.resolve(rule.resolve, match, anchor, tense, rules_data())
        except OverflowError:  # date arithmetic past year 1 or 9999: found, but undated
            resolved = ("DATE", None)
        if resolved is None:
            continue
        taken.append((start, end))
        expr = TimeExpr(
            start=start, end=end, text=text[start:end], type=resolved[0], value=resolved[1]
        )
        found.append((expr, rule, match))
    return _resolve_anaphors(sorted(found, key=lambda f: f[0].start), anchor)


def _is_blocked(start: int, end: int, blocked: list[tuple[int, int]]) -> bool:
    """A candidate that overlaps a blocker without being longer than it and containing it
    is dropped: "a week" in "four flights a week" goes, "three times a week" stays."""
    return any(
        start < b_end
        and b_start < end
        and not (start <= b_start and b_end <= end and end - start > b_end - b_start)
        for b_start, b_end in blocked
    )


def _resolve_anaphors(
    found: list[tuple[TimeExpr, Rule, re.Match[str]]], anchor: date | None
) -> list[TimeExpr]:
    """Give anaphoric expressions ("a year earlier") their value from the reference time:
    the last calendar date mentioned before them, or the publication date."""
    reference: str | None = None
    exprs = []
    for expr, rule, match in found:
        if rule.anaphoric:
            expr.value = resolvers.anaphor(
                str(rule.resolve), match, anchor, reference, expr.value, rules_data()
            )
        elif expr.type in {"DATE", "TIME"} and expr.value and expr.value[:1].isdigit():
            reference = expr.value
        exprs.append(expr)
    return exprs


def _span(match: re.Match[str], rule: Rule) -> tuple[int, int]:
    """The expression's own words: e.g. 'since 2009' is matched but '2009' is the span."""
    if rule.span is not None and rule.span in rule.regex.groupindex:
        return match.span(rule.span)
    if rule.span == "monthname_with_mod":
        prefix = match.group(0)[: match.start("monthname") - match.start()].strip(" -").lower()
        if prefix in {"early", "late", "mid", "last", "next", "this"}:
            return match.start(), match.end()
        return match.span("monthname")
    start, end = match.span()
    head = match.group(0).split()[0].lower() if match.group(0).split() else ""
    if head == "on":  # "on Thursday": the preposition is not part of the expression
        start += len(match.group(0)) - len(match.group(0)[2:].lstrip())
    return start, end
