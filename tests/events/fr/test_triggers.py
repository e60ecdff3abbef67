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
