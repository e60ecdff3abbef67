"""On the two seed articles (../shared/seeds) through the whole pipeline: one story, the
Lavrov–Kim Jong Un meeting backed by two independent sources, and the dinner-date
disagreement listed with the article behind each value."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.pipeline import Pipeline
from crosswire.store import EventFilter

pytestmark = pytest.mark.slow


def test_seeds_story_sources_and_dinner_date(shared: Path, tmp_path: Path) -> None:
    pipeline = Pipeline(tmp_path / "seeds.db")
    assert pipeline.run([str(shared / "seeds")]).ok
    [story] = pipeline.store.stories()
    assert len(story.article_ids) == 2
    events = pipeline.store.events(EventFilter(story_id=story.id, type="CONSULT"))
    meeting = [
        e for e in events if {"Sergei Lavrov", "Kim Jong Un"} <= {p.name for p in e.participants}
    ]
    assert max(e.n_sources for e in meeting) == 2
    dinner = [
        c
        for c in story.contradictions
        if c.field == "date"
        and {"Mike Pompeo", "Kim Yong Chol"}
        <= {p.name for e in events if e.id == c.event_id for p in e.participants}
    ]
    assert dinner, "the Wednesday/Thursday dinner dates were not found to disagree"
    values = {v.value: v.article_ids for v in dinner[0].values}
    assert {"2018-05-30", "2018-05-31"} <= set(values)
    assert set(values["2018-05-30"]) | set(values["2018-05-31"]) == set(story.article_ids)
    assert 3 <= len(story.brief) <= 8
    assert not any(b.text.startswith(("He ", "She ", "It ")) for b in story.brief)
    assert all(set(b.article_ids) <= set(story.article_ids) for b in story.brief)
    dates = [t.date for t in story.timeline if t.date]
    assert story.timeline and dates == sorted(dates)
    assert any(t.n_sources == 2 and "Lavrov" in t.what for t in story.timeline)
