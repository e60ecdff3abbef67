"""The data files follow the labelling guideline's type table (docs/labelling/
events-guideline.md): conviction, sentence and court fine are SANCTION convict, a concluded
agreement is SUPPORT, cancelling talks is REJECT meet; the CAMEO code stays the CAMEO one."""

from __future__ import annotations

import pytest
from tests.events.conftest import code


@pytest.mark.parametrize(
    "sentence",
    [
        "A Greek court convicted the police officer of manslaughter.",
        "A Chilean judge sentenced the former general to twenty years in prison.",
        "An Egyptian court found the activist guilty of unlicensed protest.",
        "Dutch regulators fined the Belgian bank for breaking the rules.",
    ],
)
def test_conviction_sentence_and_fine_are_sanction_convict(sentence: str) -> None:
    events = code(sentence)
    assert [(e.type, e.mode) for e in events] == [("SANCTION", "convict")]
    assert events[0].cameo == "116"


def test_a_finding_without_guilt_is_no_conviction() -> None:
    assert "SANCTION" not in {
        e.type for e in code("A Greek court found the papers in the archive.")
    }


def test_a_concluded_agreement_is_support_and_a_promised_one_agree() -> None:
    assert [e.type for e in code("Chile and Bolivia reached an agreement on water rights.")] == [
        "SUPPORT"
    ]
    assert [e.type for e in code("Chile and Bolivia will reach an agreement next week.")] == [
        "AGREE"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Serbian delegation boycotted the talks with Kosovo in Brussels.",
        "The French foreign minister cancelled her visit to Algeria.",
    ],
)
def test_cancelling_or_boycotting_talks_is_refusing_to_meet(sentence: str) -> None:
    assert [(e.type, e.mode) for e in code(sentence)] == [("REJECT", "meet")]
