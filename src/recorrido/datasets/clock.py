"""The simulated calendar: six months in Madrid, turned into UTC epoch seconds.

Days are numbered from 0 (2026-03-01). Local times are converted to UTC with the offset of
``Europe/Madrid`` on that day (CET +1 until the last Sunday of March, then CEST +2); the
simulation never acts at night, so the hour of the switch does not matter.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping
from itertools import accumulate
from zoneinfo import ZoneInfo

__all__ = [
    "CAFE_HOURS",
    "DAYS",
    "END",
    "FIRST_DAY",
    "OFFICE_HOURS",
    "START",
    "WEB_HOURS",
    "Hours",
    "day_of",
    "iso_day",
    "local",
    "weekday",
]

ZONE = ZoneInfo("Europe/Madrid")
FIRST_DAY = dt.date(2026, 3, 1)
DAYS = 184
"""2026-03-01 … 2026-08-31."""
START = int(dt.datetime(2026, 3, 1, tzinfo=dt.UTC).timestamp())
END = START + DAYS * 86_400
"""First second after the simulated period (exclusive)."""

_OFFSETS = tuple(
    int(
        (
            dt.datetime.combine(FIRST_DAY + dt.timedelta(days=d), dt.time(12), ZONE).utcoffset()
            or dt.timedelta()
        ).total_seconds()
    )
    for d in range(DAYS + 1)
)


def local(day: int, seconds: float) -> int:
    """UTC epoch seconds of ``seconds`` after local midnight of ``day`` (any day ≥ 0)."""
    return START + day * 86_400 + int(seconds) - _OFFSETS[min(max(day, 0), DAYS)]


def day_of(epoch: int) -> int:
    """The local day number of a UTC epoch second."""
    day = (epoch - START) // 86_400
    return (epoch - START + _OFFSETS[min(max(day, 0), DAYS)]) // 86_400


def weekday(day: int) -> int:
    """Monday 0 … Sunday 6 (2026-03-01 is a Sunday)."""
    return (day + 6) % 7


def iso_day(day: int) -> str:
    """``YYYY-MM-DD`` of a day number."""
    return (FIRST_DAY + dt.timedelta(days=day)).isoformat()


class Hours:
    """A distribution of local hours of the day, sampled to the second."""

    def __init__(self, weights: Mapping[int, float]) -> None:
        self._hours = tuple(weights)
        self._cum = tuple(accumulate(weights.values()))

    def covers(self, seconds: float) -> bool:
        """Whether ``seconds`` after local midnight fall in one of these hours."""
        return int(seconds // 3600) in self._hours

    def sample(self, rng: random.Random) -> float:
        """Seconds after local midnight."""
        hour = rng.choices(self._hours, cum_weights=self._cum)[0]
        return hour * 3600 + rng.random() * 3600


WEB_HOURS = Hours(
    {7: 2, 8: 3, 9: 4, 10: 4, 11: 4, 12: 4, 13: 6, 14: 6, 15: 4, 16: 4, 17: 4, 18: 5}
    | {19: 6, 20: 7, 21: 8, 22: 6}
)
"""Browsing peaks at lunch and in the evening; sessions start before 23:00."""

CAFE_HOURS = Hours(
    {8: 9, 9: 10, 10: 7, 11: 5, 12: 4, 13: 5, 14: 4, 15: 3, 16: 5, 17: 6, 18: 5, 19: 3}
)
"""Cafés open 8:00–20:30: breakfast rush, a quiet afternoon, the after-work coffee."""

OFFICE_HOURS = Hours({9: 5, 10: 6, 11: 6, 12: 4, 13: 2, 14: 2, 15: 4, 16: 4, 17: 2})
"""Office managers order in working hours."""
