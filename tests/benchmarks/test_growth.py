"""growth.py's growth part keeps what it measured as it goes: a size that never finishes
leaves the shorter sizes' figures saved."""

from __future__ import annotations

from typing import Any

import pytest

import growth


def test_each_finished_size_is_saved_before_the_next_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    saved: list[tuple[str, dict[str, Any]]] = []

    def child(n: int, mode: str, workers: int) -> dict[str, Any]:
        if n > 1000:
            raise RuntimeError("stopped")  # the long size never comes back
        return {"articles": n, "cross_article_s": n / 100, "driver_peak_rss_mib": 500}

    monkeypatch.setattr(growth, "_child", child)
    monkeypatch.setattr(growth, "save", lambda label, figures: saved.append((label, figures)))
    with pytest.raises(RuntimeError):
        growth.growth([100, 1000, 10000], "growth_test")
    label, figures = saved[-1]
    assert label == "growth_test" and figures["unfinished"] == [10000]
    assert [r["articles"] for r in figures["runs"]] == [100, 1000]
    assert figures["steps"][0]["time_x"] == 10.0
