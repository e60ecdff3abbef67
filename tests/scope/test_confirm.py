"""The events stage in scope: a sentence's finer estimate mixed with the document model's
probability, and events outside the sentences the coder was given are kept as they are."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from crosswire import nlp
from crosswire.model import ActorRef, EventMention, Scope
from crosswire.scope import confirm
from crosswire.scope.confirm import confirmed, in_scope
from crosswire.scope.model import load_model

ARREST = "Police arrested two protesters outside the ministry on Tuesday."


@pytest.mark.slow
def test_the_same_sentence_is_kept_or_dropped_by_its_page_s_probability() -> None:
    sentence = list(next(nlp.parse([ARREST])).sents)
    decision = load_model().full_decision
    assert decision.mix < 1  # the page's probability takes part in the decision
    in_page = Scope(language="en", document=1.0, english=5)
    out_page = Scope(language="en", document=0.0, english=5)
    assert confirmed(sentence, [], in_page) == sentence
    assert confirmed(sentence, [], out_page) == []


@pytest.mark.slow
def test_a_sentence_is_embedded_only_where_its_page_leaves_the_decision_open(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sentence = list(next(nlp.parse([ARREST])).sents)
    decision = load_model().full_decision
    always_in = decision.threshold / (1 - decision.mix) + 0.01  # in, even at probability 0
    always_out = (decision.threshold - decision.mix) / (1 - decision.mix) - 0.01
    open_band = (decision.threshold - decision.mix / 2) / (1 - decision.mix)
    embedded: list[str] = []

    def embed(texts: list[str]) -> object:
        embedded.extend(texts)
        return real_embed(texts)

    real_embed = confirm.embed
    monkeypatch.setattr(confirm, "embed", embed)
    assert confirmed(sentence, [], Scope(language="en", document=always_in, english=5))
    assert confirmed(sentence, [], Scope(language="en", document=always_out, english=5)) == []
    assert embedded == []
    confirmed(sentence, [], Scope(language="en", document=open_band, english=5))
    assert embedded == [sentence[0].text]


@pytest.mark.slow
def test_a_page_of_one_sentence_is_judged_by_that_sentence() -> None:
    sentence = list(next(nlp.parse([ARREST])).sents)
    assert load_model().full_for(1).mix == 1.0  # no page around it: the sentence decides
    assert confirmed(sentence, [], Scope(language="en", document=0.0, english=1)) == sentence


def test_no_events_no_work() -> None:
    doc = Doc(Vocab(), words=["Talks", "."], sent_starts=[True, False])
    assert in_scope([], doc, [], Scope(language="en", document=1.0, english=1)) == []


def test_an_event_outside_every_sentence_is_kept() -> None:
    doc = Doc(Vocab(), words=["Talks", "."], sent_starts=[True, False])
    event = EventMention("t", "CONSULT", 40, 45, 40, 50)
    assert in_scope([event], doc, [], Scope(language="en", document=0.0)) == [event]


@pytest.mark.slow
def test_an_arrest_is_in_scope_on_any_page_an_english_sentence_of_another_act_is_not() -> None:
    text = "Police arrested the team's striker on Sunday. The striker beat the goalkeeper twice."
    doc = next(nlp.parse([text]))
    arrest_at, beat_at = text.index("arrested"), text.index("beat")
    arrest = EventMention("a", "COERCE", arrest_at, arrest_at + 8, 0, 0, mode="arrest")
    beat = EventMention("b", "ASSAULT", beat_at, beat_at + 4, 0, 0)
    sports_page = Scope(language="en", document=0.0, english=2)
    assert in_scope([arrest, beat], doc, [], sports_page) == [arrest]
    assert confirmed(list(doc.sents), [], sports_page) == []  # the page alone keeps both out


@pytest.mark.slow
def test_an_arrest_keeps_itself_not_the_other_events_of_its_sentence() -> None:
    text = "In the first meeting with the Steelers, Jackson was arrested by police."
    doc = next(nlp.parse([text]))
    meeting_at, arrest_at = text.index("meeting"), text.index("arrested")
    meeting = EventMention("m", "CONSULT", meeting_at, meeting_at + 7, 0, 0)
    arrest = EventMention("a", "COERCE", arrest_at, arrest_at + 8, 0, 0, mode="arrest")
    sports_page = Scope(language="en", document=0.0, english=2)
    assert in_scope([meeting, arrest], doc, [], sports_page) == [arrest]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("doer", "kept"),
    [
        (None, True),  # "was fined $500": by the state, whoever
        (ActorRef("agent:XXX:JUD:court", "court", None, "JUD"), True),
        (ActorRef("country:USA", "United States", "USA", "GOV"), True),
        (ActorRef("org:nfl", "NFL", None, None), False),  # a league fining its player
    ],
)
def test_a_judgement_is_in_scope_on_any_page_where_the_state_gives_it(
    doer: ActorRef | None, kept: bool
) -> None:
    text = "Finnegan was fined $25,000 for two hard hits last weekend."
    doc = next(nlp.parse([text]))
    at = text.index("fined")
    fine = EventMention("f", "SANCTION", at, at + 5, 0, 0, mode="convict", source=doer)
    sports_page = Scope(language="en", document=0.0, english=2)
    assert in_scope([fine], doc, [], sports_page) == ([fine] if kept else [])


@pytest.mark.slow
def test_a_release_is_kept_beside_an_arrest_not_alone() -> None:
    text = "He was booked by police and later released on bail. The new laptop was released."
    doc = next(nlp.parse([text]))
    booked_at, bail_at = text.index("booked"), text.index("released")
    laptop_at = text.rindex("released")
    booked = EventMention("b", "COERCE", booked_at, booked_at + 6, 0, 0, mode="arrest")
    bail = EventMention("r", "RETREAT", bail_at, bail_at + 8, 0, 0, mode="release")
    laptop = EventMention("l", "RETREAT", laptop_at, laptop_at + 8, 0, 0, mode="release")
    sports_page = Scope(language="en", document=0.0, english=2)
    assert in_scope([booked, bail, laptop], doc, [], sports_page) == [booked, bail]
