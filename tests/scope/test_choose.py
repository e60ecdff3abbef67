"""The operating point chosen on dev: the most out-of-scope sentences dropped while the
labelled events' sentences are kept."""

from __future__ import annotations

import numpy as np

from crosswire.scope.training.choose import KEEP, choose
from crosswire.scope.training.examples import DevArticle


def test_the_threshold_drops_what_it_can_without_losing_events() -> None:
    # 20 sentences holding one labelled event each at 0.6 ... 0.98, and 10 sentences
    # labelled out at 0.1 ... 0.55 (document probability equal to the sentence's)
    events = [0.6 + 0.02 * i for i in range(20)]
    out = [0.1 + 0.05 * i for i in range(10)]
    probabilities = np.array(events + out)
    article = DevArticle(
        key="a",
        sentences=[(10 * i, 10 * i + 9) for i in range(30)],
        events=[10 * i + 1 for i in range(20)],
        out=[10 * i for i in range(20, 30)],
    )
    chosen = choose([article], [probabilities], [probabilities])
    assert chosen.kept_events >= KEEP and chosen.dropped_out == 1.0
    assert 0.55 < chosen.threshold <= 0.6
    assert (chosen.events, chosen.out) == (20, 10)


def test_positions_outside_english_sentences_do_not_count() -> None:
    article = DevArticle(key="a", sentences=[(0, 9)], events=[5, 50], out=[60])
    chosen = choose([article], [np.array([0.9])], [np.array([0.9])])
    assert (chosen.events, chosen.out) == (1, 0)
