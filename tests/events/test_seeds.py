"""The events issue 4 "Done means" lists, coded from the two seed articles in ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire import nlp, stages
from crosswire.clean import describe
from crosswire.model import EventMention, Source

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


def _coded() -> list[EventMention]:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (../shared is absent)")
    events: list[EventMention] = []
    for path in sorted(SEEDS.glob("*.txt")):
        article = describe(Source(path=str(path), format="text", text=path.read_text()))
        state = stages.ArticleState(article, next(nlp.parse([article.text])))
        events += stages.run(state, until="events").events
    return events


@pytest.fixture(scope="module")
def events() -> list[EventMention]:
    return _coded()


def _find(events: list[EventMention], type_: str, *names: str) -> list[EventMention]:
    def named(event: EventMention, name: str) -> bool:
        return any(name in actor.name for actor in event.participants)

    return [e for e in events if e.type == type_ and all(named(e, n) for n in names)]


def test_lavrov_kim_jong_un_meeting_in_pyongyang(events: list[EventMention]) -> None:
    found = [
        e
        for e in _find(events, "CONSULT", "Lavrov", "Kim Jong")
        if e.location and e.location.name == "Pyongyang" and e.date == "2018-05-31"
    ]
    assert found and found[0].modality == "asserted"


def test_lavrov_ri_yong_ho_talks_including_moscow_the_month_before(
    events: list[EventMention],
) -> None:
    found = _find(events, "CONSULT", "Lavrov", "Ri Yong Ho")
    assert any(e.location and e.location.name == "Moscow" for e in found)


def test_pompeo_kim_yong_chol_meeting_in_new_york(events: list[EventMention]) -> None:
    found = _find(events, "CONSULT", "Pompeo", "Kim Yong Chol")
    assert any(e.location and e.location.country == "USA" for e in found)


def test_lavrov_pompeo_phone_call(events: list[EventMention]) -> None:
    found = [e for e in _find(events, "CONSULT", "Lavrov") if e.mode == "phone"]
    assert found and found[0].target is not None and found[0].target.country == "USA"


def test_call_for_sanctions_to_be_lifted(events: list[EventMention]) -> None:
    found = [e for e in events if e.type == "REQUEST" and e.cameo == "0254"]
    assert any(e.source and e.source.country == "RUS" for e in found)


def test_invitation_to_moscow(events: list[EventMention]) -> None:
    found = [e for e in _find(events, "AGREE", "Kim Jong") if e.cameo == "036"]
    assert any(e.location and e.location.name == "Moscow" for e in found)


def test_planned_trump_kim_summit_in_singapore_is_not_asserted(
    events: list[EventMention],
) -> None:
    # "had planned to meet in Singapore": a planned meeting, coded as PLOVER codes a future
    # one (AGREE, CAMEO 036), and planned, not asserted
    found = [
        e
        for e in _find(events, "AGREE", "Trump", "Kim")
        if e.location and e.location.name == "Singapore"
    ]
    assert found and all(e.modality == "planned" and e.cameo == "036" for e in found)
    assert not [e for e in _find(events, "CONSULT", "Trump", "Kim") if e.modality == "asserted"]
