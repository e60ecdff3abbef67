"""The rule engine: compile the YAML rules once, match, keep the longest, resolve."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import yaml

from crosswire.model import TimeExpr
from crosswire.timex import resolvers


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    resolve: str | dict[str, str]
    span: str | None
    anaphoric: bool = False


@cache
def rules_data() -> dict[str, Any]:
    text = (resources.files("crosswire") / "data" / "time_rules.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@cache
def compiled_rules() -> tuple[Rule, ...]:
    data = rules_data()
    words = {name: f"(?:{alternation})" for name, alternation in data["words"].items()}
    rules = []
    for rule in data["rules"]:
        pattern = re.sub(r"\{([a-z_]+)\}", lambda m: words[m.group(1)], rule["pattern"])
        regex = re.compile(pattern, re.IGNORECASE)
        rules.append(
            Rule(
                rule["name"], regex, rule["resolve"], rule.get("span"), rule.get("anaphoric", False)
            )
        )
    return tuple(rules)


@cache
def future_cue() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{rules_data()['future_cues']})\b[^.;]{{0,40}}$", re.IGNORECASE)


def find_times(text: str, published: str | None) -> list[TimeExpr]:
    """Every time expression in `text`, resolved against `published` (YYYY-MM-DD or None)."""
    anchor = date.fromisoformat(published) if published else None
    candidates = []
    for rule in compiled_rules():
        for match in rule.regex.finditer(text):
            start, end = _span(match, rule)
            if end > start:
                candidates.append((start, end, rule, match))
    found: list[tuple[TimeExpr, Rule, re.Match[str]]] = []
    taken: list[tuple[int, int]] = []
    order = {rule.name: i for i, rule in enumerate(compiled_rules())}
    for start, end, rule, match in sorted(
        candidates, key=lambda c: (-(c[1] - c[0]), order[c[2].name], c[0])
    ):
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        future = bool(future_cue().search(text[max(0, start - 60) : start]))
        resolved = resolvers.resolve(rule.resolve, match, anchor, future, rules_data())
        if resolved is None:
            continue
        taken.append((start, end))
        expr = TimeExpr(
            start=start, end=end, text=text[start:end], type=resolved[0], value=resolved[1]
        )
        found.append((expr, rule, match))
    return _resolve_anaphors(sorted(found, key=lambda f: f[0].start), anchor)


def _resolve_anaphors(
    found: list[tuple[TimeExpr, Rule, re.Match[str]]], anchor: date | None
) -> list[TimeExpr]:
    """Give anaphoric expressions ("a year earlier") their value from the reference time:
    the last calendar date mentioned before them, or the publication date."""
    reference: str | None = None
    exprs = []
    for expr, rule, match in found:
        if rule.anaphoric:
            expr.value = resolvers.anaphor(str(rule.resolve), match, anchor, reference)
        elif expr.type in {"DATE", "TIME"} and expr.value and expr.value[:1].isdigit():
            reference = expr.value
        exprs.append(expr)
    return exprs


def _span(match: re.Match[str], rule: Rule) -> tuple[int, int]:
    """The expression's own words: e.g. 'since 2009' is matched but '2009' is the span."""
    if rule.span in rule.regex.groupindex:
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
