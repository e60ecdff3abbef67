"""The lead-only page decision's threshold (`crosswire.scope.training.lead`): chosen so that
at least KEEP of the pages labelled in scope are kept, counted in pages, not events."""

from __future__ import annotations

from crosswire.scope.training.choose import KEEP
from crosswire.scope.training.examples import DevArticle
from crosswire.scope.training.lead import _threshold


def _page(in_scope: bool, events: int) -> DevArticle:
    return DevArticle(key="k", sentences=[(0, 1)], events=list(range(events)), in_scope=in_scope)


def test_the_threshold_keeps_enough_in_scope_pages_however_few_their_events() -> None:
    # twenty in-scope pages of one event each and one of a hundred: counted in events, the
    # twenty could all be dropped; counted in pages, at most one of them may be
    pages = [_page(True, 1) for _ in range(20)] + [_page(True, 100), _page(False, 0)]
    probabilities = [0.31 + 0.03 * i for i in range(20)] + [0.9, 0.2]
    threshold = _threshold(pages, probabilities)
    kept = sum(p >= threshold for a, p in zip(pages, probabilities, strict=True) if a.in_scope)
    assert kept >= KEEP * 21
    assert kept < 21  # the highest such threshold: it drops the page it may drop
    assert 0.31 < threshold <= 0.34  # the lowest in-scope page dropped, and the page out
