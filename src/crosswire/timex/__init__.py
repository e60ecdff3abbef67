"""Time expressions: found by crosswire's own rules (``data/time_rules.yaml``) and resolved
against the publication date to TIMEX3 values at the precision the text gives.

>>> [(t.text, t.value) for t in find_times("They met late Wednesday.", "2018-05-31")]
[('late Wednesday', '2018-05-30')]
"""

from __future__ import annotations

from crosswire.timex.engine import find_times
from crosswire.timex.values import calendar_day, days_apart

__all__ = ["calendar_day", "days_apart", "find_times"]
