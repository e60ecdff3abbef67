"""The real-news event benchmark's scoring (benchmarks/events_real_scoring.py and
events_real_errors.py) on a tiny article written for these tests."""

from __future__ import annotations

import dataclasses

from crosswire.model import ActorRef, EventMention, Mention
from events_real_errors import classify
from events_real_scoring import (
    Argument,
    Case,
    Found,
    GoldEvent,
    actor_right,
    match,
    score,
)

SENTENCES = (
    "HANOI — Sen. Tom Smith accused the ministry of fraud on Monday.",
    "Iran and Russia held talks in Oslo.",
    "He later met Anna Berg.",
    "Police arrested two men and questioned them.",
)
TEXT = " ".join(SENTENCES)
SMITH = ActorRef("person:tom smith", "Tom Smith", "USA")
SENEGAL = ActorRef("country:SEN", "Senegal", "SEN")
VIETNAM = ActorRef("country:VNM", "Vietnam", "VNM")
MINISTRY = ActorRef("agent:XXX:GOV", "ministry")
IRAN = ActorRef("country:IRN", "Iran", "IRN")
RUSSIA = ActorRef("country:RUS", "Russia", "RUS")
BERG = ActorRef("person:anna berg", "Anna Berg")
POLICE = ActorRef("agent:XXX:COP", "Police")
MEN = ActorRef("agent:XXX:CVL", "two men")


def span(words: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = TEXT.index(words, start + 1)
    return start, start + len(words)


def sentence(number: int) -> tuple[int, int]:
    """The n-th sentence of TEXT (from 0)."""
    start = sum(len(s) + 1 for s in SENTENCES[:number])
    return start, start + len(SENTENCES[number])


def mention(words: str, actor: ActorRef, kind: str) -> Mention:
    start, end = span(words)
    return Mention(start, end, words, kind, actor)


FOUND = Found(
    TEXT,
    mentions=(
        mention("HANOI", VIETNAM, "PLACE"),
        mention("Sen", SENEGAL, "COUNTRY"),
        mention("Tom Smith", SMITH, "PERSON"),
        mention("Iran", IRAN, "COUNTRY"),
        mention("Russia", RUSSIA, "COUNTRY"),
        mention("Anna Berg", BERG, "PERSON"),
    ),
    sentences=tuple(sentence(n) for n in range(4)),
)


def coded(kind: str, words: str, source=None, target=None, **fields) -> EventMention:
    start, end = span(words)
    return EventMention(
        "a", kind, start, end, 0, len(TEXT), source=source, target=target, trigger=words, **fields
    )


def argument(words: str | None, note: str | None = None, core: tuple[str, ...] = ()) -> Argument:
    if words is None:
        return Argument(None, note or "unstated")
    return Argument(span(words), note, tuple(span(c) for c in core))


def gold(kind: str, words: str, source: Argument, target: Argument, **fields) -> GoldEvent:
    return GoldEvent(kind, span(words), source, target, **fields)


def case(number: int, coded_events=(), gold_events=(), scope="in", **fields) -> Case:
    fields.setdefault("page", "extraction")
    return Case(
        f"extraction:a:{number}", "a", split="train", scope=scope, bounds=sentence(number),
        gold=tuple(gold_events), coded=tuple(coded_events), **fields,
    )  # fmt: skip


ACCUSE = gold("ACCUSE", "accused", argument("Sen. Tom Smith", core=("Smith",)),
              argument("the ministry", core=("ministry",)))  # fmt: skip


# ------------------------------------------------------------------ matching


def test_pairs_prefer_overlapping_triggers_of_one_type_then_overlap_then_type():
    talks = gold("CONSULT", "held talks", argument("Iran"), argument("Russia"))
    accuse_elsewhere = gold("ACCUSE", "fraud", argument(None), argument(None))
    on_talks = coded("ACCUSE", "talks")  # overlaps `talks`, types differ
    also_accuse = coded("ACCUSE", "held")  # overlaps `talks` too, same type as the other
    pairs = match([on_talks, also_accuse], [talks, accuse_elsewhere])
    # both overlap CONSULT; the nearer start wins it, the other takes its type's event
    assert [(c.trigger, g.type) for c, g in pairs] == [("held", "CONSULT"), ("talks", "ACCUSE")]


def test_each_event_is_in_one_pair_at_most_and_unrelated_events_stay_apart():
    accused = coded("ACCUSE", "accused")
    twice = coded("ACCUSE", "fraud")
    assert match([accused, twice], [ACCUSE]) == [(accused, ACCUSE)]
    assert match([coded("ASSAULT", "fraud")], [ACCUSE]) == []


# ------------------------------------------------------------------ arguments


def test_a_title_read_as_a_country_is_not_the_named_person():
    smith = ACCUSE.source
    assert actor_right(SMITH, smith, FOUND)
    assert not actor_right(SENEGAL, smith, FOUND)  # its mention is in the span, not the core
    assert not actor_right(VIETNAM, smith, FOUND)  # the dateline
    assert not actor_right(None, smith, FOUND)


def test_generic_actors_are_right_by_the_words_of_their_name():
    assert actor_right(MINISTRY, ACCUSE.target, FOUND)
    assert not actor_right(POLICE, ACCUSE.target, FOUND)


def test_a_null_label_wants_no_actor():
    unstated = argument(None, "unstated")
    assert actor_right(None, unstated, FOUND)
    assert not actor_right(POLICE, unstated, FOUND)


def test_a_pronoun_is_right_for_an_actor_of_its_kind_named_shortly_before():
    he = argument("He", "pronoun")
    assert actor_right(SMITH, he, FOUND)
    assert not actor_right(IRAN, he, FOUND)  # named before, but no person
    assert not actor_right(BERG, he, FOUND)  # a person, named after the pronoun
    them = Argument(span("them"), "pronoun")
    assert actor_right(MEN, them, FOUND)  # "two men" named before


# ------------------------------------------------------------------ figures


def test_usable_precision_and_strict_recall_need_type_source_and_target():
    right = coded("ACCUSE", "accused", source=SMITH, target=MINISTRY)
    arrest = gold("COERCE", "arrested", argument("Police"), argument("two men"))
    wrong_target = coded("COERCE", "arrested", source=POLICE, target=SMITH)
    questioned = gold("ACCUSE", "questioned", argument("Police"), argument("them", "pronoun"))
    cases = [case(0, [right], [ACCUSE]), case(3, [wrong_target], [arrest, questioned])]
    figures = score(cases, {"a": FOUND})
    assert figures["usable_precision"] == {"rate": 0.5, "n": 1, "of": 2}
    assert figures["strict_recall"] == {"rate": 0.333, "n": 1, "of": 3}
    assert figures["type_precision"]["rate"] == 1.0 and figures["type_recall"]["n"] == 2
    assert figures["source_right"]["rate"] == 1.0 and figures["target_right"]["rate"] == 0.5


def test_a_wrong_type_counts_against_type_precision_but_keeps_its_pair():
    figures = score([case(0, [coded("REQUEST", "accused", SMITH, MINISTRY)], [ACCUSE])],
                    {"a": FOUND})  # fmt: skip
    assert figures["matched"] == 1
    assert figures["type_precision"]["n"] == 0 and figures["usable_precision"]["n"] == 0


def test_reciprocal_events_compare_the_dyad_unordered():
    talks = gold("CONSULT", "held talks", argument("Iran"), argument("Russia"))
    swapped = coded("CONSULT", "talks", source=RUSSIA, target=IRAN)
    assert score([case(1, [swapped], [talks])], {"a": FOUND})["usable_precision"]["n"] == 1
    visit = dataclasses.replace(talks, mode="visit")  # visitor and host are ordered
    assert score([case(1, [swapped], [visit])], {"a": FOUND})["usable_precision"]["n"] == 0
    directed = gold("ACCUSE", "held talks", argument("Iran"), argument("Russia"))
    accused = coded("ACCUSE", "talks", source=RUSSIA, target=IRAN)
    assert score([case(1, [accused], [directed])], {"a": FOUND})["usable_precision"]["n"] == 0
    clash = dataclasses.replace(directed, conjoined=True)  # "Iran and Russia ..."
    assert score([case(1, [accused], [clash])], {"a": FOUND})["usable_precision"]["n"] == 1


def test_three_or_more_parties_share_the_source_span():
    parties = Argument(span("Iran and Russia"), None, (span("Iran"), span("Russia")))
    talks = gold("CONSULT", "held talks", parties, Argument(None, "none"))
    for target in (None, IRAN):
        event = coded("CONSULT", "talks", source=RUSSIA, target=target)
        assert score([case(1, [event], [talks])], {"a": FOUND})["usable_precision"]["n"] == 1
    loop = coded("CONSULT", "talks", source=RUSSIA, target=RUSSIA)
    assert score([case(1, [loop], [talks])], {"a": FOUND})["usable_precision"]["n"] == 0


def test_dates_modality_and_negation_are_judged_on_pairs_of_the_right_type():
    dated = dataclasses.replace(ACCUSE, date="2024-05-06", date_from="clause")
    right = coded("ACCUSE", "accused", SMITH, MINISTRY, date="2024-05-06", negated=True)
    figures = score([case(0, [right], [dated])], {"a": FOUND})
    assert figures["date_right"] == {"rate": 1.0, "n": 1, "of": 1}
    assert figures["modality_negation_right"] == {"rate": 0.0, "n": 0, "of": 1}


def test_false_events_per_100_sentences_out_of_scope_by_scope_and_page_kind():
    cases = [
        case(1, [coded("CONSULT", "talks")], scope="out", page="pubdate", page_scope="out"),
        case(2, [], scope="out", page="ecb"),
        case(3, [coded("COERCE", "arrested"), coded("ACCUSE", "questioned")],
             scope="other-language", page="pubdate", page_scope="out"),
        case(0, [coded("ACCUSE", "accused")], scope="in", page="ecb"),
    ]  # fmt: skip
    false = score(cases, {"a": FOUND})["false_events"]
    assert false["not_in_scope"] == {"per_100": 100.0, "events": 3, "sentences": 3}
    assert false["by_scope"]["out"]["per_100"] == 50.0
    assert false["by_scope"]["other-language"]["per_100"] == 200.0
    assert false["by_page_kind"]["pubdate"]["per_100"] == 150.0
    assert false["by_page_kind"]["ecb"]["per_100"] == 0.0
    assert false["by_page_kind"]["extraction"]["per_100"] is None
    pages = score(cases, {"a": FOUND})["false_events_on_out_of_scope_pages"]
    assert pages == {"per_100": 150.0, "events": 3, "sentences": 2}


def test_nothing_to_score_gives_no_rate():
    figures = score([case(2)], {"a": FOUND})
    assert figures["usable_precision"] == {"rate": None, "n": 0, "of": 0}


# ------------------------------------------------------------------ error classes


def classes_of(*cases: Case) -> dict[str, int]:
    return {row["class"]: row["n"] for row in classify(list(cases), {"a": FOUND})["classes"]}


def test_errors_are_classed_from_the_labels_and_the_mentions():
    dateline = coded("ACCUSE", "accused", source=VIETNAM, target=MINISTRY)
    title = coded("ACCUSE", "accused", source=SENEGAL, target=None)
    loop = coded("COERCE", "arrested", source=POLICE, target=POLICE)
    arrest = gold("COERCE", "arrested", argument("Police"), argument("two men"))
    out = coded("CONSULT", "talks")
    assert classes_of(case(0, [dateline], [ACCUSE])) == {"dateline as source": 1}
    assert classes_of(case(0, [title], [ACCUSE])) == {
        "title read as a place as source": 1, "target missing": 1
    }  # fmt: skip
    assert classes_of(case(3, [loop], [arrest])) == {"self-loop": 1}
    assert classes_of(case(1, [out], scope="out", page="ecb"), case(3, [], [arrest])) == {
        "event in an out-of-scope sentence (ecb)": 1,
        "missed event: nothing coded in its sentence": 1,
    }


def test_swapped_arguments_and_the_type_confusion():
    swapped = coded("ACCUSE", "accused", source=MINISTRY, target=SMITH)
    assert classes_of(case(0, [swapped], [ACCUSE])) == {"source and target swapped": 2}
    wrong = classify([case(0, [coded("REQUEST", "accused")], [ACCUSE])], {"a": FOUND})
    assert wrong["confusion"] == [{"labelled": "ACCUSE", "coded": "REQUEST", "n": 1}]
