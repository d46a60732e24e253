"""Calendar helpers of the simulation: a random day in a range, a visit moved off the weekend."""

from __future__ import annotations

import random
from datetime import date, timedelta

from ..quarters import Quarter


def random_day(rng: random.Random, start: date, lo: int, hi: int) -> date:
    """A day ``lo`` to ``hi`` days after ``start`` (``lo`` when the range is empty)."""
    return start + timedelta(days=rng.randint(lo, max(lo, hi)))


def workday(d: date, q: Quarter) -> date:
    """Move a Saturday/Sunday visit to Monday, or back to Friday at the end of a quarter."""
    if d.weekday() < 5:
        return d
    later = d + timedelta(days=7 - d.weekday())
    return later if q.contains(later) else d - timedelta(days=d.weekday() - 4)
