"""Sectors and coded-event actors against gold codes (part of `actors.py`).

A gold CAMEO/PLOVER actor code is a country (or `IGO`, `---` for none) followed by zero or
more three-letter codes: `USAGOV`, `IRQGOVMIL`, `IGOUNOMIL`, `CVLalb` (lower case: an ethnic
or religious qualifier). Its *sector* here is the first of those that is a sector code
(`SECTORS`): `IGOUNOMIL` -> IGO, MIL; `USA` -> USA, no sector; `---GOV` -> no country, GOV.

1. GSR actor sector: the PLOVER records give their `actors`/`recipients` country codes only;
   the sector is in the `expected` source/target codes. An actor (recipient) gets the gold
   sector of the expected sources (targets) with its country when they all carry the same
   sector; actors whose country's codes carry no sector, or different ones, are not scored.
   Predicted: the sector of a mention overlapping the actor text (as the country score),
   else of an event participant of that sentence whose name lies inside the actor text
   ("US forces": the mention "US" has no sector, the coded participant "forces" has).
2. GSR coded events: every gold `expected` entry against the sentence's coded events (full
   per-article stages, negated events left out): the event of the gold type that agrees
   best with the gold source and target countries (of any type when none has the gold type;
   none at all counts wrong everywhere). Source/target country accuracy over entries whose
   gold slot has a country, sector accuracy over entries whose gold slot has a sector, full
   code match (country and sector both as gold, no sector where gold has none).
3. PETRARCH validation, both suites (`petrarch_unittest`, `petrarch2_gsr`), records without
   fictional actors (the unit tests' Arnor/Gondor codes are no country crosswire could know)
   and without non-standard country codes (`KUW`, `NZE`): scored as 2., matching the event
   by CAMEO root instead of PLOVER type.

Each slot's country misses are sorted by kind (`country_misses`), telling event coding from
actor resolution: no event coded for the gold entry; an event without that argument; an
argument with no country; another actor of the sentence as the argument (the gold country
is among the sentence's mentions); a wrong country the sentence's mentions do not hold.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from crosswire.actors.agents import sector_codes
from crosswire.model import ActorRef, EventMention, Mention

IGO_FAMILY = {"UNO": "IGO", "EUR": "IGO"}
SECTORS = sector_codes()  # data/actors/sectors.yaml: PLOVER's sectors and CAMEO's codes

Gold = tuple[str | None, str | None]  # (country, sector)


def split_code(code: str | None) -> Gold:
    """(country, sector) of a gold code, as the module docstring defines them."""
    if not code:
        return None, None
    country = None if code[:3] in {"---", "***"} else code[:3]
    rest = code[3:]
    parts = [rest[i : i + 3] for i in range(0, len(rest), 3)]
    sector = next((p for p in parts if p in SECTORS), None)
    return family(country), sector


def family(country: str | None) -> str | None:
    return IGO_FAMILY.get(country, country) if country else None


def actor_gold_sector(actor_code: str, slots: list[str | None]) -> str | None:
    """The one sector the gold `slots` (expected sources or targets) give `actor_code`."""
    sectors = {split_code(s)[1] for s in slots if s and family(s[:3]) == family(actor_code)}
    return next(iter(sectors)) if len(sectors) == 1 else None


def predicted_sector(
    span_text: str,
    overlapping: list[Mention],
    events: list[EventMention],
) -> str | None:
    with_sector = [m for m in overlapping if m.actor.sector]
    if with_sector:
        return with_sector[0].actor.sector
    for event in events:
        for actor in event.participants:
            if actor.sector and actor.name and actor.name in span_text:
                return actor.sector
    return None


# ------------------------------------------------------------------ coded events


class SlotScore:
    """Country, sector and full-code agreement of one slot (source or target)."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.misses: Counter[str] = Counter()

    def add(
        self, gold: Gold, predicted: ActorRef | None, found: bool, named: frozenset[str]
    ) -> None:
        """One gold entry's slot against the chosen event's (`found`: whether there is
        one); `named`: the countries of the sentence's mentions."""
        country, sector = gold
        got_country = family(predicted.country) if predicted else None
        got_sector = predicted.sector if predicted else None
        self.counts["entries"] += 1
        if country is not None:
            self.counts["with_country"] += 1
            self.counts["country_ok"] += found and got_country == country
            if not (found and got_country == country):
                self.misses[_miss_kind(country, predicted, found, named)] += 1
        if sector is not None:
            self.counts["with_sector"] += 1
            self.counts["sector_ok"] += found and got_sector == sector
        self.counts["code_ok"] += found and (got_country, got_sector) == (country, sector)

    def figures(self) -> dict[str, Any]:
        c = self.counts
        return {
            "entries": c["entries"],
            "with_country": c["with_country"],
            "country_accuracy": _share(c["country_ok"], c["with_country"]),
            "with_sector": c["with_sector"],
            "sector_accuracy": _share(c["sector_ok"], c["with_sector"]),
            "code_match": _share(c["code_ok"], c["entries"]),
            "country_misses": dict(sorted(self.misses.items())),
        }


def _miss_kind(country: str, predicted: ActorRef | None, found: bool, named: frozenset[str]) -> str:
    if not found:
        return "no event coded"
    if predicted is None:
        return "event without this argument"
    if predicted.country is None:
        return "argument without country"
    if country in named:
        return "another actor of the sentence as argument"
    return "wrong country"


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def score_events(
    cases: list[tuple[list[dict[str, Any]], list[EventMention], list[Mention]]],
    same_kind: Callable[[dict[str, Any], EventMention], bool],
) -> dict[str, Any]:
    """Scores every gold entry of every case (gold entries, coded events, the sentence's
    mentions) as the module docstring says; `same_kind` tells an event of the gold entry's
    type or code."""
    source, target = SlotScore(), SlotScore()
    entries = found = 0
    for gold_entries, events, mentions in cases:
        named = frozenset(c for m in mentions if (c := family(m.actor.country)))
        kept = [e for e in events if not e.negated]
        for gold in gold_entries:
            entries += 1
            gold_source = split_code(gold.get("source"))
            gold_target = split_code(gold.get("target"))
            event = _best_event(gold, gold_source, gold_target, kept, same_kind)
            found += event is not None
            source.add(gold_source, event.source if event else None, event is not None, named)
            target.add(gold_target, event.target if event else None, event is not None, named)
    return {
        "gold_entries": entries,
        "with_an_event": found,
        "source": source.figures(),
        "target": target.figures(),
    }


def _best_event(
    gold: dict[str, Any],
    gold_source: Gold,
    gold_target: Gold,
    events: list[EventMention],
    same_kind: Callable[[dict[str, Any], EventMention], bool],
) -> EventMention | None:
    candidates = [e for e in events if same_kind(gold, e)] or events
    if not candidates:
        return None

    def agreement(event: EventMention) -> int:
        source = family(event.source.country) if event.source else None
        target = family(event.target.country) if event.target else None
        return (source == gold_source[0]) + (target == gold_target[0])

    return max(candidates, key=agreement)  # first of the best: text order
